import { createRequire } from 'node:module';
import type { MathJsInstance } from 'mathjs';

/**
 * The one mathjs instance (bound expressions, symbolic calculus, high-precision checks), from mathjs's single-file
 * bundle: it loads in about 0.13 s of CPU where the ESM build's 1,262 modules take about 1 s (bench/startup.ts).
 * The bundle exports mathjs's default instance, made as `create(all, {})`, with the default configuration.
 */
export const math = createRequire(import.meta.url)('mathjs/lib/browser/math.js') as MathJsInstance;
