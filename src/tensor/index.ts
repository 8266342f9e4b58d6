/** The TensorFlow.js float32 engine (import only where needed: it costs ~0.2 s to load). */
export * from './engine.js';
export * from './clip.js';
export * from './calibration.js';
