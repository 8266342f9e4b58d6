/** Exact population quantities of paper 1 (Li, Wei, Yang, Ying 2026) on finite ranking models. */
export * from './model.js';
export * from './risk.js';
export * from './auc.js';
export * from './finiteM.js';
export * from './selfSupervised.js';
export * from './sampling.js';
export * from './tradeoff.js';
