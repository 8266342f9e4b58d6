/** Samplers on S^{d−1} and the closed forms that serve as their oracles. */
export * from './uniform.js';
export * from './vmf.js';
export * from './closedForms.js';
