/** Modality-gap metrics: centroid, energy distance, MMD², histogram symmetric KL on S¹, recall@K. */
export * from './centroid.js';
export * from './energy.js';
export * from './histogram.js';
export * from './retrieval.js';
export * from './pairDistance.js';
