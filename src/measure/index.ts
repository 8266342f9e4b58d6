/** `crl-verify measure`: metrics on real embedding files. */
export * from './readers.js';
export * from './measure.js';
