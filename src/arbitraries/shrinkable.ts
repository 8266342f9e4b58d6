import fc, { type Arbitrary } from 'fast-check';

/**
 * How an arbitrary built by `contextFree` draws, recognises and shrinks its values. Its shrinker reads only the
 * value, never fast-check's context, so a stored or already shrunk value shrinks exactly like a fresh one.
 */
export interface ContextFreeSpec<T> {
  /** Draws a value; delegate to fast-check's arbitraries so generation keeps their bias toward small values. */
  readonly generate: Arbitrary<T>;
  /** True for the values this arbitrary produces (those it may shrink without context). */
  readonly accepts: (value: unknown) => boolean;
  /** The smaller values to try, most promising first; each is accepted and strictly smaller than `value`. */
  readonly shrink: (value: T) => Iterable<T>;
}

class ContextFreeArbitrary<T> extends fc.Arbitrary<T> {
  constructor(private readonly spec: ContextFreeSpec<T>) {
    super();
  }

  override generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    return new fc.Value(this.spec.generate.generate(mrng, biasFactor).value, undefined);
  }

  override canShrinkWithoutContext(value: unknown): value is T {
    try {
      return this.spec.accepts(value);
    } catch {
      return false;
    }
  }

  override shrink(value: T): fc.Stream<fc.Value<T>> {
    if (!this.canShrinkWithoutContext(value)) return fc.Stream.nil();
    const values = this.spec.shrink(value);
    return fc
      .stream(
        (function* () {
          yield* values;
        })(),
      )
      .map((v) => new fc.Value(v, undefined));
  }
}

/** An arbitrary whose shrinker needs no context (see ContextFreeSpec). */
export function contextFree<T>(spec: ContextFreeSpec<T>): Arbitrary<T> {
  return new ContextFreeArbitrary(spec);
}

/**
 * `parts.map(build, toParts)`, where the inverse accepts only the exact values `build` makes (compared bit for bit):
 * a value from elsewhere, or one built under other rules, is not shrunk as if it were this arbitrary's.
 */
export function mapExactly<P, T>(
  parts: Arbitrary<P>,
  build: (p: P) => T,
  toParts: (value: unknown) => P,
): Arbitrary<T> {
  return parts.map(build, (value) => {
    const p = toParts(value);
    if (!sameValue(build(p), value)) throw new Error('not a value this arbitrary builds');
    return p;
  });
}

/** Structural equality with Object.is on numbers (so −0 ≠ 0 and NaN = NaN), over arrays, typed arrays and records. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || a.constructor !== b.constructor) return false;
    const x = a as unknown as ArrayLike<number>,
      y = b as unknown as ArrayLike<number>;
    return x.length === y.length && Array.from(x).every((v, i) => Object.is(v, y[i]));
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a),
    kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const x = a as Record<string, unknown>,
    y = b as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(y, k) && sameValue(x[k], y[k]));
}

/** Integers strictly between `value` and `target` (inclusive of target), nearest the target first: t, v − gap/2, … */
export function* toward(value: number, target: number): Generator<number> {
  const gap = value - target;
  for (let remove = gap; remove !== 0; remove = Math.trunc(remove / 2)) yield value - remove;
}

/** `xs` without its element at index i. */
export function without<T>(xs: readonly T[], i: number): T[] {
  return [...xs.slice(0, i), ...xs.slice(i + 1)];
}

/** `xs` with element i replaced by v. */
export function replaced<T>(xs: readonly T[], i: number, v: T): T[] {
  const out = [...xs];
  out[i] = v;
  return out;
}

/**
 * Smaller integer vectors: the whole vector at its targets, then each coordinate toward its target, skipping
 * the vectors `allowed` rejects (e.g. an all-zero row).
 */
export function* smallerVectors(
  v: readonly number[],
  target: number,
  allowed: (w: number[]) => boolean = () => true,
): Generator<number[]> {
  if (v.some((x) => x !== target)) {
    const all = v.map(() => target);
    if (allowed(all)) yield all;
  }
  for (let i = 0; i < v.length; i++) {
    for (const x of toward(v[i]!, target)) {
      const w = replaced(v, i, x);
      if (allowed(w)) yield w;
    }
  }
}

/** Greatest common divisor of the absolute values (0 for an all-zero vector). */
export function gcdOf(v: readonly number[]): number {
  let g = 0;
  for (const x of v) {
    let a = Math.abs(x),
      b = g;
    while (b) [a, b] = [b, a % b];
    g = a;
  }
  return g;
}

/** The vector divided by the gcd of its entries: [2, 4] → [1, 2] (a law or a direction, written in lowest terms). */
export function lowestTerms(v: readonly number[]): number[] {
  const g = gcdOf(v);
  return g > 1 ? v.map((x) => x / g) : [...v];
}

/** True for an integer in [lo, hi]. */
export const intIn = (x: unknown, lo: number, hi: number): boolean =>
  Number.isInteger(x) && (x as number) >= lo && (x as number) <= hi;

/** True for an array of `length` integers in [lo, hi]. */
export const intsIn = (v: unknown, length: number, lo: number, hi: number): boolean =>
  Array.isArray(v) && v.length === length && v.every((x) => intIn(x, lo, hi));
