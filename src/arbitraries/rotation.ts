import fc, { type Arbitrary } from 'fast-check';
import { type Matrix, matrix } from '../numeric/index.js';

/** One Givens rotation by angle k·π/8 in the coordinate plane (p mod d, q mod d). */
export interface Givens {
  readonly p: number;
  readonly q: number;
  readonly k: number;
}

/**
 * A rotation as a short product of Givens rotations on the π/8 grid. It shrinks toward the empty product
 * (the identity) and toward k = ±1, so a minimal counterexample shows one small rotation in the (0, 1) plane.
 */
export function rotation(maxSteps = 3): Arbitrary<readonly Givens[]> {
  return fc.array(fc.record({ p: fc.nat({ max: 7 }), q: fc.nat({ max: 7 }), k: fc.integer({ min: -8, max: 8 }) }), {
    maxLength: maxSteps,
  });
}

/** The coordinate plane (a, b) of a Givens step in dimension d; a = b (a no-op) only when d = 1. */
function plane({ p, q }: Givens, d: number): [number, number] {
  const a = p % d;
  return [a, (a + 1 + (q % Math.max(1, d - 1))) % d];
}

/** Applies the rotation R to every row: returns rows R·x_i (an orthogonal map of ℝ^d). */
export function rotateRows(M: Matrix, steps: readonly Givens[]): Matrix {
  const d = M.cols,
    out = matrix(M.rows, d, Float64Array.from(M.data));
  for (const g of steps) {
    const [a, b] = plane(g, d),
      k = g.k;
    if (a === b || k === 0) continue;
    const c = Math.cos((k * Math.PI) / 8),
      s = Math.sin((k * Math.PI) / 8);
    for (let i = 0; i < M.rows; i++) {
      const x = out.data[i * d + a]!,
        y = out.data[i * d + b]!;
      out.data[i * d + a] = c * x - s * y;
      out.data[i * d + b] = s * x + c * y;
    }
  }
  return out;
}

/** Readable form: 'rot(0,1; π/8)·rot(1,2; −π/4)'. */
export function showRotation(steps: readonly Givens[], d: number): string {
  if (steps.length === 0) return 'identity';
  return steps
    .map((g) => {
      const [a, b] = plane(g, d);
      return `rot(${a},${b}; ${g.k}π/8)`;
    })
    .join('·');
}
