/*
 * Source: issue 15 item 4 (StrykerJS on src/numeric/bessel.ts): the input checks, the x = 0 and x = ∞ ends, the
 * exact log I_0 near 0, besselI itself and the log form far below the double range, which the broad mpmath table
 * of test/numeric/special.test.ts leaves open. Golden values: scripts/make_oracle_bessel.py (mpmath, 50 digits).
 * Expected: every value to the stated relative tolerance; bad orders and arguments are errors in our words that
 * name the function.
 */
import { describe, expect, it } from 'vitest';
import { besselI, besselIRatio, besselIScaled, logBesselI, tolerance } from '../../src/numeric/index.js';
import { expectClose, readOracle } from '../helpers/assert.js';

type Case = { kind: 'logI' | 'I' | 'logTiny'; nu: number; x: number; value: number };
const { cases } = readOracle<Case>('bessel.json');
const of = (k: Case['kind']) => cases.filter((c) => c.kind === k);

const fns = { besselIRatio, besselIScaled, logBesselI } as const;

describe('input checks', () => {
  for (const [name, f] of Object.entries(fns)) {
    it(`${name}: the order must be an integer or half-integer >= 0`, () => {
      for (const nu of [-1, -0.5, 0.3, Number.NaN, Infinity])
        expect(() => f(nu, 1)).toThrow(`${name}: order ν must be an integer or half-integer >= 0, got ${nu}`);
      for (const nu of [0, 0.5, 7]) expect(Number.isFinite(f(nu, 1))).toBe(true);
    });
    it(`${name}: the argument must be >= 0`, () => {
      for (const x of [-1, -1e-300, Number.NaN])
        expect(() => f(1, x)).toThrow(`${name}: argument x must be >= 0, got ${x}`);
    });
  }
  it('besselI checks through logBesselI', () => {
    expect(() => besselI(-1, 1)).toThrow('logBesselI: order ν must be');
  });
});

describe('the ends x = 0 and x = ∞', () => {
  it('x = 0: I_0 = 1, I_ν = 0 for ν > 0, and the ratio is 0', () => {
    expect(besselIScaled(0, 0)).toBe(1);
    expect(besselIScaled(3, 0)).toBe(0);
    expect(besselIScaled(0.5, 0)).toBe(0);
    expect(logBesselI(0, 0)).toBe(0);
    expect(logBesselI(2, 0)).toBe(-Infinity);
    expect(besselI(0, 0)).toBe(1);
    for (const mu of [0, 2.5, 40]) expect(besselIRatio(mu, 0)).toBe(0);
  });
  it('x = ∞: the scaled form is 0, log I and I are ∞, the ratio is 1', () => {
    for (const nu of [0, 1, 2.5]) {
      expect(besselIScaled(nu, Infinity)).toBe(0);
      expect(logBesselI(nu, Infinity)).toBe(Infinity);
      expect(besselI(nu, Infinity)).toBe(Infinity);
      expect(besselIRatio(nu, Infinity)).toBe(1);
    }
  });
});

describe('values vs mpmath', () => {
  it.each(of('logI'))('log I_0($x) keeps its relative precision (≈ x²/4 near 0)', (c) => {
    expectClose(logBesselI(c.nu, c.x), c.value, tolerance({ rel: 4e-16, abs: 0 }), 'log I_0');
  });
  it.each(of('I'))('I_$nu($x)', (c) => {
    // besselI = exp(log I): the log's rounding is multiplied by |log I| <= 700
    expectClose(besselI(c.nu, c.x), c.value, tolerance({ rel: 2e-13, abs: 0 }), 'I_ν');
  });
  it.each(of('logTiny'))('log I_$nu($x), far below the smallest double', (c) => {
    expect(besselIScaled(c.nu, c.x)).toBe(0);
    expectClose(logBesselI(c.nu, c.x), c.value, tolerance({ rel: 1e-14, abs: 0 }), 'log I_ν');
  });
});
