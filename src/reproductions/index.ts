/** Reproductions of the papers' experiments, reduced to sizes that run in the suite's profiles. */
export * from './adam.js';
export * from './mismatch.js';
export * from './toyLaws.js';
export * from './toyCircle.js';
export * from './particles.js';
