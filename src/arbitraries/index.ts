/** fast-check generators that shrink toward small sizes and simple numbers, without needing fast-check's context. */
export * from './choice.js';
export * from './dyadic.js';
export * from './embeddings.js';
export * from './rotation.js';
export * from './ranking.js';
export * from './finiteSpace.js';
export * from './searchSpace.js';
