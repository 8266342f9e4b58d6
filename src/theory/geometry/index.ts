/** Paper 2 (Cai, Zhang, Liu, Shi 2026): intrinsic functionals, kernel smoothing on S¹, large-batch energies. */
export * from './finiteSpace.js';
export * from './largeBatch.js';
export * from './circle.js';
