/** Reproductions of the papers' experiments, reduced to sizes that run in the suite's profiles. */
export * from './mismatch.js';
export * from './toyCircle.js';
export * from './particles.js';
