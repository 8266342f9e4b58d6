/*
 * Source: issue 15 item 4 (StrykerJS on src/conjecture/confirm.ts): a violation refutes only when it survives its
 * own rounding; only whole conjecture runs reached this file before.
 * Expected: violationOf is −margin minus the tolerance's allowance (none for 'holds' and 'in'); confirmViolation
 * rejects a re-evaluation that differs in any of ok, margin, lhs, rhs (−0 and 0 differ, NaN equals NaN), trusts
 * a higher-precision re-check, replays when nothing carries rounding, and otherwise re-evaluates 6 copies moved by
 * at most 2⁻⁴⁸ relative: a copy that holds again, or a violation within 4× their spread, leaves it unconfirmed;
 * copies the check rejects or whose margin is NaN are skipped. perturbed moves only numbers that carry rounding,
 * the same number the same way within a copy and differently across copies.
 */
import { describe, expect, it } from 'vitest';
import { confirmViolation, perturbed, violationOf } from '../../src/conjecture/confirm.js';
import { holds, leq, type Verdict, within } from '../../src/conjecture/index.js';
import { tolerance } from '../../src/numeric/index.js';

/** No allowance at all: violationOf is exactly −margin. */
const NONE = tolerance({ abs: 0, rel: 0, ulps: 0 });
/** A failed '<=' verdict with the given margin and no allowance. */
const failing = (margin: number, lhs = 1): Verdict => ({
  ok: false,
  relation: '<=',
  lhs,
  rhs: lhs + margin,
  margin,
  tolerance: NONE,
});
const passing = (margin: number): Verdict => ({ ...failing(margin), ok: true });

/** An evaluate that answers the i-th call with answers[i] (an Error is thrown), recording each instance. */
function scripted(answers: readonly (Verdict | Error)[]) {
  const seen: unknown[] = [];
  const evaluate = (x: unknown): Verdict => {
    const a = answers[seen.length] ?? answers[answers.length - 1]!;
    seen.push(x);
    if (a instanceof Error) throw a;
    return a;
  };
  return { evaluate, seen };
}

describe('violationOf', () => {
  it('is −margin minus the allowance of the verdict tolerance (FLOAT64_EXACT when it has none)', () => {
    expect(violationOf(leq(2, 1, tolerance({ abs: 0.25, rel: 0, ulps: 0 })))).toBe(0.75);
    expect(violationOf(leq(2, 1, tolerance({ abs: 0, rel: 0.125, ulps: 0 })))).toBe(0.75);
    // FLOAT64_EXACT: max(1e-12 + 1e-12·2, 4 ulp(2)) = 3e-12
    expect(violationOf({ ...leq(2, 1), tolerance: undefined })).toBe(1 - 3e-12);
  });
  it("a plain predicate and an 'in' verdict have no allowance", () => {
    expect(violationOf(holds(false))).toBe(1);
    expect(violationOf(within(3, 0, 1))).toBe(2);
  });
});

describe('confirmViolation: the re-evaluation must give the same verdict', () => {
  const v = failing(-1);
  const differs: [string, Verdict][] = [
    ['ok', { ...v, ok: true }],
    ['margin', { ...v, margin: -0.5 }],
    ['lhs', { ...v, lhs: 3 }],
    ['rhs', { ...v, rhs: 3 }],
  ];
  for (const [field, again] of differs) {
    it(`a different ${field} is not confirmed (replay)`, () => {
      const c = confirmViolation(0.1, v, { evaluate: scripted([again]).evaluate, method: 'perturb' });
      expect(c.confirmed).toBe(false);
      expect(c.method).toBe('replay');
      expect(c.violation).toBe(1);
    });
  }
  it('the reason names both margins; the rounding is their distance', () => {
    const c = confirmViolation(0.1, v, { evaluate: scripted([failing(-0.75)]).evaluate, method: 'replay' });
    expect(c).toEqual({
      confirmed: false,
      method: 'replay',
      violation: 1,
      rounding: 0.25,
      reason:
        're-evaluation gave a different verdict (margin -1 then -0.75): randomness in the check is not seeded ' +
        'from the instance',
    });
  });
  it('−0 and 0 differ; NaN and NaN are the same', () => {
    const zero = { ...failing(0), margin: 0 };
    const negZero = { ...zero, margin: -0 };
    expect(confirmViolation(1, zero, { evaluate: () => negZero, method: 'replay' }).reason).toMatch(/different/);
    const nan = { ...failing(-1), margin: Number.NaN };
    expect(confirmViolation(1, nan, { evaluate: () => nan, method: 'replay' }).reason).toBeUndefined();
  });
});

describe('confirmViolation: higher precision and replay', () => {
  it('a higher-precision re-check that fails confirms; one that holds does not, naming its margin', () => {
    const v = failing(-1);
    const evaluate = () => v;
    const yes = confirmViolation(0.1, v, { evaluate, method: () => failing(-0.5) });
    expect(yes).toMatchObject({ confirmed: true, method: 'precision', violation: 1, rounding: 0 });
    expect(yes.reason).toBeUndefined();
    const no = confirmViolation(0.1, v, { evaluate, method: () => passing(0.5) });
    expect(no).toEqual({
      confirmed: false,
      method: 'precision',
      violation: 1,
      rounding: 0,
      reason: 'holds at higher precision (margin 0.5)',
    });
  });
  it('replay confirms exactly the violations past the tolerance (0 is not one)', () => {
    const at = (v: Verdict) => confirmViolation(0.1, v, { evaluate: () => v, method: 'replay' });
    expect(at(failing(-1))).toEqual({ confirmed: true, method: 'replay', violation: 1, rounding: 0 });
    const edge = leq(1.25, 1, tolerance({ abs: 0.25, rel: 0, ulps: 0 }));
    expect(at(edge)).toMatchObject({ confirmed: false, violation: 0 });
    expect(at(leq(1 + 1e-13, 1))).toMatchObject({ confirmed: false });
  });
  it('a plain predicate is replayed, not perturbed', () => {
    const s = scripted([holds(false)]);
    expect(confirmViolation(0.1, holds(false), { evaluate: s.evaluate, method: 'perturb' })).toEqual({
      confirmed: true,
      method: 'replay',
      violation: 1,
      rounding: 0,
    });
    expect(s.seen).toHaveLength(1);
  });
});

describe('confirmViolation: which instances are perturbed', () => {
  const exact: [string, unknown][] = [
    ['integers', { n: 3, k: [-2, 0] }],
    ['dyadics k/2²⁴', [0.5, 2 ** -24, -3.75]],
    ['non-finite numbers', [Number.NaN, Infinity, -Infinity]],
    ['integer typed arrays', Int32Array.of(1, 2)],
    ['a float array of dyadics', Float64Array.of(0.25, 1)],
    ['a float32 array of dyadics', Float32Array.of(0.25, 1)],
    ['strings, booleans, null', { s: 'x', b: true, z: null }],
  ];
  for (const [what, x] of exact) {
    it(`${what}: no number carries rounding, so the verdict is replayed`, () => {
      const s = scripted([failing(-1)]);
      expect(confirmViolation(x, failing(-1), { evaluate: s.evaluate, method: 'perturb' }).method).toBe('replay');
      expect(s.seen).toHaveLength(1);
    });
  }
  const real: [string, unknown][] = [
    ['a number', 0.1],
    ['2⁻²⁵', 2 ** -25],
    ['a Float64Array entry', Float64Array.of(1, 0.1)],
    ['a Float32Array entry', Float32Array.of(1, 0.1)],
    ['an array entry', [1, [2, 0.3]]],
    ['an object field', { a: 1, b: { c: 0.3 } }],
  ];
  for (const [what, x] of real) {
    it(`${what} that carries rounding: re-evaluated on 6 perturbed copies`, () => {
      const s = scripted([failing(-1)]);
      expect(confirmViolation(x, failing(-1), { evaluate: s.evaluate, method: 'perturb' })).toEqual({
        confirmed: true,
        method: 'perturb',
        violation: 1,
        rounding: 0,
      });
      expect(s.seen).toHaveLength(7);
      expect(s.seen[0]).toBe(x);
    });
  }
});

describe('confirmViolation: the perturbed copies', () => {
  const v = failing(-1);
  const run = (copies: (Verdict | Error)[]) =>
    confirmViolation(0.1, v, { evaluate: scripted([v, ...copies]).evaluate, method: 'perturb' });

  it('the rounding is 4× the largest distance of a copy margin from the original', () => {
    const c = run([failing(-1.0625), failing(-0.875), failing(-1), failing(-1), failing(-1.03125), failing(-1)]);
    expect(c).toEqual({ confirmed: true, method: 'perturb', violation: 1, rounding: 0.5 });
  });
  it('a copy that holds again leaves it unconfirmed, counted in the reason', () => {
    const c = run([failing(-1), passing(0.5), failing(-1), failing(-1), passing(0.25), failing(-1)]);
    expect(c).toEqual({
      confirmed: false,
      method: 'perturb',
      violation: 1,
      rounding: 6,
      reason: 'holds again on 2 of 6 copies moved by a few ulps',
    });
  });
  it('copies the check rejects and copies with a NaN margin are skipped', () => {
    const nanHolds = { ...passing(0), margin: Number.NaN };
    const c = run([new Error('no'), nanHolds, failing(-1), passing(1), failing(-1), failing(-1)]);
    expect(c.reason).toBe('holds again on 1 of 4 copies moved by a few ulps');
    expect(run([new Error('no')])).toEqual({ confirmed: true, method: 'perturb', violation: 1, rounding: 0 });
  });
  it('a violation no larger than 4× the spread is not confirmed; one just larger is', () => {
    const c = run([failing(-1.25), failing(-1), failing(-1), failing(-1), failing(-1), failing(-1)]);
    expect(c).toEqual({
      confirmed: false,
      method: 'perturb',
      violation: 1,
      rounding: 1,
      reason: 'violation 1 is within 4× the spread rounding makes (0.25)',
    });
    const d = run([failing(-1.1875), failing(-1)]);
    expect(d).toEqual({ confirmed: true, method: 'perturb', violation: 1, rounding: 0.75 });
  });
  it('a NaN margin is never confirmed', () => {
    const nan = { ...failing(-1), margin: Number.NaN };
    const c = confirmViolation(0.1, nan, { evaluate: () => nan, method: 'perturb' });
    expect(c.confirmed).toBe(false);
    expect(c.method).toBe('perturb');
  });
});

describe('perturbed', () => {
  it('leaves exact numbers (integers, k/2²⁴, ±∞, NaN, −0) and non-numbers alone', () => {
    const x = { a: [3, -0, 2 ** -24, 0.75], b: Infinity, c: Number.NaN, s: 'x', t: true, n: null };
    expect(perturbed(x, 1)).toEqual(x);
    expect(Object.is(perturbed(-0, 1), -0)).toBe(true);
    const ints = Int32Array.of(1, 2);
    expect(perturbed(ints, 1)).toBe(ints);
  });
  it('moves a number that carries rounding by at most 2⁻⁴⁸ relative, in both directions over many numbers', () => {
    const xs = Array.from({ length: 64 }, (_, k) => 0.1 + k / 7);
    const rel = xs.map((x) => (perturbed(x, 1) - x) / x);
    // 2⁻⁴⁸ plus the rounding of 1 + η·2⁻⁴⁸, of the product and of the difference taken here (each <= 2⁻⁵²)
    for (const r of rel) expect(Math.abs(r)).toBeLessThanOrEqual(2 ** -48 + 3 * 2 ** -52);
    expect(rel.some((r) => r > 2 ** -50)).toBe(true);
    expect(rel.some((r) => r < -(2 ** -50))).toBe(true);
  });
  it('the same number moves the same way within a copy, differently across copies', () => {
    const [a, b] = perturbed([0.1, 0.1], 1);
    expect(a).toBe(b);
    expect(a).not.toBe(0.1);
    const moves = [1, 2, 3, 4, 5, 6].map((copy) => perturbed(0.1, copy));
    expect(new Set(moves).size).toBe(6);
  });
  it('walks float arrays, arrays and objects, keeping their types', () => {
    const f = perturbed(Float64Array.of(1, 0.1), 2);
    expect(f).toBeInstanceOf(Float64Array);
    expect(f[0]).toBe(1);
    expect(f[1]).not.toBe(0.1);
    expect(Math.abs(f[1]! / 0.1 - 1)).toBeLessThan(2 ** -47);
    const o = perturbed({ p: [0.1, 2], q: { r: 0.1 } }, 2);
    expect(o.p[0]).toBe(f[1]);
    expect(o.p[1]).toBe(2);
    expect(o.q.r).toBe(f[1]);
  });
});
