import { all, create } from 'mathjs';

/** The one configured mathjs instance (bound expressions, symbolic calculus, high-precision checks). */
export const math = create(all!, {});
