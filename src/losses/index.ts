/** Contrastive losses in float64: CLIP, InfoNCE, SupCon, SigLIP, alignment and uniformity. */
export * from './clip.js';
export * from './infonce.js';
export * from './supcon.js';
export * from './siglip.js';
export * from './alignUniform.js';
