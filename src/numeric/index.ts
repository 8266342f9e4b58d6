/** The float64 numeric core: plain TypeScript over Float64Array, no dependencies beyond pure-rand. */
export * from './errors.js';
export * from './matrix.js';
export * from './gemm.js';
export { expShifted } from './exp.js';
export * from './logsumexp.js';
export * from './divergence.js';
export * from './doubleDouble.js';
export * from './tolerance.js';
export * from './gamma.js';
export * from './bessel.js';
export * from './rng.js';
export * from './stats.js';
