/** The conjecture framework: define, run, replay, report. */
export * from './types.js';
export * from './verdict.js';
export * from './define.js';
export * from './codec.js';
export * from './corpus.js';
export * from './expression.js';
export * from './premise.js';
export * from './profiles.js';
export * from './pool.js';
export * from './registry.js';
export * from './runner.js';
export * from './show.js';
export * from './suite.js';
