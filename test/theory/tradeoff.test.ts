/*
 * Source: issue 15 (StrykerJS: 27 survivors in src/theory/ranking/tradeoff.ts) and paper-1 claim C12 of
 * docs/claims.md: under a budget N = n·m the bound shapes a/m + b/√(N/m) and a/√m + b/√(N/m) are smallest at
 * m* = (2a/b)^{2/3} N^{1/3} and m* = (a/b)√N; optimalNegatives finds m* from mathjs's derivative by bisection
 * on [1e-9, N] (docs/api.md).
 * Expected: a, b, N <= 0 and a shape not decreasing at m → 0 fail with a CrlInputError naming the fault; a shape
 * still decreasing at m = N (or flat exactly there) gives N exactly; m* is found to 1e-9 relative also when it is
 * tiny (1.6e-5), where a bracket tolerance not relative to m* would fail; the bisection stops once the bracket is
 * 1e-13 relative (about 60 derivative evaluations at N = 10⁶, not its 200-step cap).
 */
import { describe, expect, it } from 'vitest';
import { tolerance } from '../../src/numeric/index.js';
import {
  closedFormOptimalNegatives,
  optimalNegatives,
  SELF_SUPERVISED_BOUND,
  SUPERVISED_BOUND,
} from '../../src/theory/ranking/index.js';
import { expectClose, throwsInput } from '../helpers/assert.js';

describe('optimalNegatives: bad input', () => {
  const cases: [string, { a: number; b: number; N: number }][] = [
    ['a = 0', { a: 0, b: 1, N: 100 }],
    ['a < 0', { a: -1, b: 1, N: 100 }],
    ['b = 0', { a: 1, b: 0, N: 100 }],
    ['N = 0', { a: 1, b: 1, N: 0 }],
  ];
  for (const [what, scope] of cases) {
    it(what, () =>
      throwsInput(() => optimalNegatives(SUPERVISED_BOUND, scope), /optimalNegatives: a, b and N must be > 0/),
    );
  }
  it('a shape increasing at m → 0', () =>
    throwsInput(() => optimalNegatives('b*m', { a: 1, b: 1, N: 10 }), /b\*m is not decreasing at m → 0/));
  it('a shape flat at m → 0 (slope exactly 0)', () =>
    throwsInput(() => optimalNegatives('a', { a: 1, b: 1, N: 10 }), /optimalNegatives: a is not decreasing/));
});

describe('optimalNegatives: the end of the interval', () => {
  it('a shape still decreasing at m = N gives N exactly', () => {
    expect(optimalNegatives('a/m', { a: 1, b: 1, N: 1000 })).toBe(1000);
  });
  it('a shape whose slope is exactly 0 at m = N gives N exactly', () => {
    // a/m + b·m has slope b − a/m², zero at m = √(a/b) = 2 = N
    expect(optimalNegatives('a/m + b*m', { a: 4, b: 1, N: 2 })).toBe(2);
  });
});

describe('optimalNegatives: precision relative to m*', () => {
  // the closed forms of C12 (mathjs derivative + bisection against them); the last case has a tiny m* (a ≪ b:
  // supervised m* = (2a/b)^{2/3} N^{1/3} = 1.6e-5), where a bracket tolerance not relative to m* would fail
  for (const [N, a, b] of [
    [1e3, 1, 1],
    [1e3, 0.5, 2],
    [1e6, 1, 1],
    [1e6, 0.5, 2],
    [1e3, 1e-9, 1],
  ] as const) {
    it(`N = ${N}, a = ${a}, b = ${b}: m* to 1e-9 relative`, () => {
      expectClose(
        optimalNegatives(SUPERVISED_BOUND, { a, b, N }),
        closedFormOptimalNegatives('supervised', a, b, N),
        tolerance({ rel: 1e-9 }),
        'supervised m*',
      );
      expectClose(
        optimalNegatives(SELF_SUPERVISED_BOUND, { a, b, N }),
        closedFormOptimalNegatives('self-supervised', a, b, N),
        tolerance({ rel: 1e-9 }),
        'self-supervised m*',
      );
    });
  }
  it('the bisection stops at a 1e-13 relative bracket: ~60 derivative evaluations at N = 10⁶', () => {
    // each evaluation spreads the scope ({ ...scope, m }), which reads the getter once; the input check reads it once
    let reads = 0;
    const scope = {
      a: 1,
      get b() {
        reads++;
        return 1;
      },
      N: 1e6,
    };
    const m = optimalNegatives(SUPERVISED_BOUND, scope);
    expectClose(m, closedFormOptimalNegatives('supervised', 1, 1, 1e6), tolerance({ rel: 1e-12 }), 'm*');
    // log2(10⁶ / (1e-13 · 158.7)) = 55.8 halvings, plus the two end-point slopes
    expect(reads - 1).toBeGreaterThanOrEqual(50);
    expect(reads - 1).toBeLessThanOrEqual(70);
  });
});
