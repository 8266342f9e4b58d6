/*
 * Source: issue 15 item 4 (StrykerJS on the pure files of src/conjecture): codec.ts (lossless JSON of
 * counterexamples), profiles.ts (profileFor, withProfile), premise.ts (assume) and expression.ts (texOf), which
 * only the runner and CLI tests reached, through whole conjecture runs.
 * Expected: every tag of the codec written and read back bit for bit (−0, NaN, ±∞, typed arrays, undefined,
 * bigint, objects with "$" keys), JSON.stringify in between; unknown tags and values are errors with their message;
 * profileFor picks by name, by the CI variable, or rejects; withProfile restores the previous profile even when
 * f throws; assume(false) is a premise failure and nothing else is; texOf renders TeX or returns its input.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  activeProfile,
  assume,
  decodeValue,
  encodeValue,
  isPremiseFailure,
  PROFILES,
  profileFor,
  texOf,
  withProfile,
} from '../../src/conjecture/index.js';

/** Through JSON text and back, as the corpus stores it. */
const roundTrip = (v: unknown): unknown => decodeValue(JSON.parse(JSON.stringify(encodeValue(v))));

describe('codec: the tags', () => {
  it('numbers JSON cannot carry are tagged; plain numbers, strings, booleans and null pass through', () => {
    expect(encodeValue(Number.NaN)).toEqual({ $num: 'NaN' });
    expect(encodeValue(Infinity)).toEqual({ $num: 'Infinity' });
    expect(encodeValue(-Infinity)).toEqual({ $num: '-Infinity' });
    expect(encodeValue(-0)).toEqual({ $num: '-0' });
    expect(encodeValue(0)).toBe(0);
    expect(encodeValue(-1.5)).toBe(-1.5);
    expect(encodeValue('$x')).toBe('$x');
    expect(encodeValue(false)).toBe(false);
    expect(encodeValue(true)).toBe(true);
    expect(encodeValue(null)).toBe(null);
    expect(encodeValue(undefined)).toEqual({ $undef: true });
    expect(encodeValue(12345678901234567890n)).toEqual({ $big: '12345678901234567890' });
  });
  it('typed arrays by their tag, with the special numbers of float arrays tagged inside', () => {
    expect(encodeValue(Float64Array.of(1, -0, Number.NaN))).toEqual({ $f64: [1, { $num: '-0' }, { $num: 'NaN' }] });
    expect(encodeValue(Float32Array.of(0.5, -Infinity))).toEqual({ $f32: [0.5, { $num: '-Infinity' }] });
    expect(encodeValue(Int32Array.of(-3, 7))).toEqual({ $i32: [-3, 7] });
    expect(encodeValue(Uint8Array.of(0, 255))).toEqual({ $u8: [0, 255] });
  });
  it('arrays element by element; an object with a "$" key is escaped as $obj, one without is not', () => {
    expect(encodeValue([1, -0, [Infinity]])).toEqual([1, { $num: '-0' }, [{ $num: 'Infinity' }]]);
    expect(encodeValue({ a: 1, b: -0 })).toEqual({ a: 1, b: { $num: '-0' } });
    expect(encodeValue({ $num: 'NaN' })).toEqual({ $obj: { $num: 'NaN' } });
    expect(encodeValue({ a: 1, $b: 2 })).toEqual({ $obj: { a: 1, $b: 2 } });
    expect(encodeValue({ a: { $c: 1 } })).toEqual({ a: { $obj: { $c: 1 } } });
  });
  it('functions and symbols cannot be encoded', () => {
    expect(() => encodeValue(() => 1)).toThrow(new TypeError('cannot encode a function in a counterexample'));
    expect(() => encodeValue(Symbol('s'))).toThrow('cannot encode a symbol in a counterexample');
  });
});

describe('codec: decodeValue(encodeValue(x)) is x, bit for bit, through JSON text', () => {
  it('special numbers', () => {
    expect(Object.is(roundTrip(-0), -0)).toBe(true);
    expect(roundTrip(Number.NaN)).toBeNaN();
    expect(roundTrip(Infinity)).toBe(Infinity);
    expect(roundTrip(-Infinity)).toBe(-Infinity);
    expect(roundTrip(0.1)).toBe(0.1);
    expect(roundTrip(undefined)).toBe(undefined);
    expect(roundTrip(null)).toBe(null);
    expect(roundTrip('s')).toBe('s');
    expect(roundTrip(-(2n ** 70n))).toBe(-(2n ** 70n));
  });
  it('arrays stay arrays, at the top and nested', () => {
    const back = roundTrip([1, -0, [2, [Infinity]]]) as unknown[];
    expect(Array.isArray(back)).toBe(true);
    expect(back).toEqual([1, -0, [2, [Infinity]]]);
    expect(Array.isArray(back[2])).toBe(true);
    expect(Object.is(back[1], -0)).toBe(true);
  });
  it('typed arrays keep their type and their bits', () => {
    const f64 = roundTrip(Float64Array.of(1, -0, Number.NaN, -Infinity)) as Float64Array;
    expect(f64).toBeInstanceOf(Float64Array);
    expect(Object.is(f64[1], -0)).toBe(true);
    expect(f64[2]).toBeNaN();
    expect(f64[3]).toBe(-Infinity);
    const f32 = roundTrip(Float32Array.of(0.1, Infinity)) as Float32Array;
    expect(f32).toBeInstanceOf(Float32Array);
    expect(Array.from(f32)).toEqual([Math.fround(0.1), Infinity]);
    const i32 = roundTrip(Int32Array.of(-5, 2 ** 31 - 1)) as Int32Array;
    expect(i32).toBeInstanceOf(Int32Array);
    expect(Array.from(i32)).toEqual([-5, 2 ** 31 - 1]);
    const u8 = roundTrip(Uint8Array.of(9, 255)) as Uint8Array;
    expect(u8).toBeInstanceOf(Uint8Array);
    expect(Array.from(u8)).toEqual([9, 255]);
  });
  it('nested objects and arrays, escaped "$" keys included', () => {
    const v = { a: [1, -0, { $num: 'x', $undef: 1 }], b: { c: Float64Array.of(2) }, d: undefined };
    const back = roundTrip(v) as typeof v;
    expect(back.a[0]).toBe(1);
    expect(Object.is(back.a[1], -0)).toBe(true);
    expect(back.a[2]).toEqual({ $num: 'x', $undef: 1 });
    expect(back.b.c).toEqual(Float64Array.of(2));
    expect('d' in back && back.d === undefined).toBe(true);
  });
  it('an unknown $num tag is an error that shows it', () => {
    expect(() => decodeValue({ $num: 'huge' })).toThrow(new TypeError('not an encoded number: {"$num":"huge"}'));
    expect(() => decodeValue({ $f64: ['1'] })).toThrow('not an encoded number: "1"');
  });
});

describe('profiles', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  it('profileFor: a profile object as is, a name, else ci when CI is set (not "false"), else quick', () => {
    const custom = { ...PROFILES.quick, runScale: 3 };
    expect(profileFor(custom)).toBe(custom);
    expect(profileFor('thorough')).toBe(PROFILES.thorough);
    expect(profileFor('quick')).toBe(PROFILES.quick);
    vi.stubEnv('CI', 'true');
    expect(profileFor()).toBe(PROFILES.ci);
    vi.stubEnv('CI', 'false');
    expect(profileFor()).toBe(PROFILES.quick);
    vi.stubEnv('CI', '');
    expect(profileFor()).toBe(PROFILES.quick);
  });
  it('profileFor rejects an unknown name, also an inherited property name', () => {
    expect(() => profileFor('fast')).toThrow("unknown profile 'fast' (choose quick, ci or thorough)");
    expect(() => profileFor('toString')).toThrow("unknown profile 'toString'");
  });
  it('the three profiles: ci and thorough deterministic, quick not; runs ×0.5, ×1, ×10; minimum instances', () => {
    expect([PROFILES.quick.runScale, PROFILES.ci.runScale, PROFILES.thorough.runScale]).toEqual([0.5, 1, 10]);
    expect([PROFILES.quick.deterministic, PROFILES.ci.deterministic, PROFILES.thorough.deterministic]).toEqual([
      false,
      true,
      true,
    ]);
    expect([PROFILES.quick.minInstances, PROFILES.ci.minInstances, PROFILES.thorough.minInstances]).toEqual([
      25, 50, 200,
    ]);
    expect(Object.isFrozen(PROFILES)).toBe(true);
  });
  it('withProfile sets the active profile inside f and restores the previous one, also when f throws', () => {
    const before = activeProfile();
    expect(withProfile(PROFILES.thorough, () => activeProfile())).toBe(PROFILES.thorough);
    expect(activeProfile()).toBe(before);
    expect(() =>
      withProfile(PROFILES.quick, () => {
        throw new Error('inside');
      }),
    ).toThrow('inside');
    expect(activeProfile()).toBe(before);
    const nested = withProfile(PROFILES.quick, () => [withProfile(PROFILES.thorough, activeProfile), activeProfile()]);
    expect(nested).toEqual([PROFILES.thorough, PROFILES.quick]);
  });
});

describe('premise and expression', () => {
  it('assume(true) passes; assume(false) throws a premise failure; other errors are not premise failures', () => {
    expect(() => assume(true)).not.toThrow();
    let caught: unknown;
    try {
      assume(false);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeDefined();
    expect(isPremiseFailure(caught)).toBe(true);
    expect(isPremiseFailure(new Error('x'))).toBe(false);
    expect(isPremiseFailure(undefined)).toBe(false);
  });
  it('texOf renders a mathjs expression as TeX, keeping parentheses, and returns the input on a parse error', () => {
    const root = texOf('sqrt(2 * excess / tau)');
    expect(root).toMatch(/^\\sqrt\{.*\\frac\{.*\}\{\\tau\}\}$/);
    // parenthesis: 'keep' keeps redundant parentheses (the 'auto' mode would drop both pairs)
    expect(texOf('((a))').match(/\\left\(/g)).toHaveLength(2);
    // implicit: 'hide' writes an implicit product without a multiplication sign ('show' would add \cdot)
    expect(texOf('2 x')).not.toContain('\\cdot');
    expect(texOf('2 x')).toContain('2');
    expect(texOf('sqrt(2 * (')).toBe('sqrt(2 * (');
  });
});
