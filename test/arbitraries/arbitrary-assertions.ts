/**
 * The checks fast-check runs on its own arbitraries (its ArbitraryAssertions), written for ours: each draws a value
 * from a seed and a bias, then walks a random shrink path, checking every value on the way.
 */
import fc, { type Arbitrary } from 'fast-check';
import { xorshift128plus } from 'pure-rand/generator/xorshift128plus';
import { expect } from 'vitest';
import { sameValue } from '../../src/arbitraries/shrinkable.js';

const RUNS = 40;
const random = (seed: number): fc.Random => new fc.Random(xorshift128plus(seed));
/** A seed, a bias factor (or none) and a shrink path (which candidate to take at each step). */
const walkInputs = [
  fc.noShrink(fc.integer()),
  fc.option(fc.integer({ min: 2, max: 100 }), { nil: undefined }),
  fc.infiniteStream(fc.nat({ max: 20 })),
] as const;

/** Calls visit(value, previous) on the drawn value and along a random shrink path (candidate `pos` at each step). */
function walk<T>(
  arb: Arbitrary<T>,
  seed: number,
  bias: number | undefined,
  path: Iterator<number>,
  visit: (v: T, prev?: T) => void,
): void {
  let g: fc.Value<T> | null = arb.generate(random(seed), bias);
  let prev: T | undefined;
  while (g !== null) {
    visit(g.value, prev);
    prev = g.value;
    g = arb.shrink(g.value_, g.context).getNthOrLast(path.next().value as number);
  }
}

/** Same seed, same value — and the same shrink path, with or without fast-check's context for the first value. */
export function expectSameValueGivenSameSeed<T>(arb: Arbitrary<T>): void {
  fc.assert(
    fc.property(...walkInputs, (seed, bias, path) => {
      let g1: fc.Value<T> | null = arb.generate(random(seed), bias);
      const first = arb.generate(random(seed), bias);
      let g2: fc.Value<T> | null = new fc.Value(first.value_, undefined);
      while (g1 !== null && g2 !== null) {
        expect(sameValue(g1.value, g2.value), `${fc.stringify(g1.value)} vs ${fc.stringify(g2.value)}`).toBe(true);
        const pos = path.next().value as number;
        g1 = arb.shrink(g1.value_, g1.context).getNthOrLast(pos);
        g2 = arb.shrink(g2.value_, g2.context).getNthOrLast(pos);
      }
      expect(g1).toBe(null);
      expect(g2).toBe(null);
    }),
    { numRuns: RUNS },
  );
}

/** Every drawn value, and every value shrinking reaches, can be shrunk again without context. */
export function expectShrinkableWithoutContext<T>(arb: Arbitrary<T>): void {
  fc.assert(
    fc.property(...walkInputs, (seed, bias, path) => {
      walk(arb, seed, bias, path, (v) => expect(arb.canShrinkWithoutContext(v), fc.stringify(v)).toBe(true));
    }),
    { numRuns: RUNS },
  );
}

/** Each shrink step goes strictly down in the lexicographic order of `measure`. */
export function expectShrinkStrictlySmaller<T>(arb: Arbitrary<T>, measure: (v: T) => number[]): void {
  fc.assert(
    fc.property(...walkInputs, (seed, bias, path) => {
      walk(arb, seed, bias, path, (v, prev) => {
        if (prev === undefined) return;
        const [a, b] = [measure(v), measure(prev)];
        const i = a.findIndex((x, k) => x !== b[k]);
        const why = `${JSON.stringify(a)} is not below ${JSON.stringify(b)} for ${fc.stringify(v)}`;
        expect(i >= 0 && a[i]! < b[i]!, why).toBe(true);
      });
    }),
    { numRuns: RUNS },
  );
}

/** Every drawn value, and every value shrinking reaches, satisfies `isCorrect` (e.g. the round trip of an inverse). */
export function expectCorrectValues<T>(arb: Arbitrary<T>, isCorrect: (v: T) => void): void {
  fc.assert(
    fc.property(...walkInputs, (seed, bias, path) => {
      walk(arb, seed, bias, path, (v) => isCorrect(v));
    }),
    { numRuns: RUNS },
  );
}

/** The first shrink candidates of a value given without context (as a stored counterexample is). */
export function shrinkWithoutContext<T>(arb: Arbitrary<T>, value: T, count = Infinity): T[] {
  return [...arb.shrink(value, undefined).take(count)].map((v) => v.value);
}
