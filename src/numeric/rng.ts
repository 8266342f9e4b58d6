import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

import { ensure } from './errors.js';

/**
 * Whether `n` is a seed: an integer in [−2³¹, 2³¹), the range of xoroshiro128+'s and fast-check's seeds (a wider one
 * would be cut to its low 32 bits and alias another seed's stream).
 */
export function isSeed(n: number): boolean {
  return Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31;
}

/**
 * A seeded random source over pure-rand's xoroshiro128+ (53-bit uniforms). Every sampler in
 * crl-verify takes one explicitly; randomness inside a check is seeded from the instance
 * (`seedFrom`), so replay and shrinking are exact.
 */
export class Rng {
  private readonly g: ReturnType<typeof xoroshiro128plus>;
  private spare: number | undefined;

  /** `seed`: a 32-bit signed integer (`isSeed`). */
  constructor(seed: number) {
    ensure(isSeed(seed), () => `Rng: seed must be an integer in [-2^31, 2^31), got ${seed}`);
    this.g = xoroshiro128plus(seed);
  }

  /** Uniform on [0, 1), multiples of 2^-53. */
  uniform(): number {
    return uniformFloat64(this.g);
  }

  /** Uniform on (0, 1): never 0, so logs are finite. */
  uniformOpen(): number {
    let u = 0;
    while (u === 0) u = this.uniform();
    return u;
  }

  /** Integer uniform on {0, …, n−1}. */
  int(n: number): number {
    ensure(Number.isInteger(n) && n > 0, () => `Rng.int: n must be a positive integer, got ${n}`);
    return Math.min(n - 1, Math.floor(this.uniform() * n));
  }

  /** Standard normal (Marsaglia's polar method). */
  normal(): number {
    if (this.spare !== undefined) {
      const s = this.spare;
      this.spare = undefined;
      return s;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    return u * f;
  }

  /** Gamma(shape, 1) by Marsaglia–Tsang, with the U^{1/a} boost for shape < 1. */
  gamma(shape: number): number {
    ensure(Number.isFinite(shape) && shape > 0, () => `Rng.gamma: shape must be > 0, got ${shape}`);
    if (shape < 1) return this.gamma(shape + 1) * this.uniformOpen() ** (1 / shape);
    const d = shape - 1 / 3,
      c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number, v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniformOpen();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** Beta(a, b) as G_a / (G_a + G_b). */
  beta(a: number, b: number): number {
    const x = this.gamma(a),
      y = this.gamma(b);
    return x / (x + y);
  }
}

/**
 * A 31-bit seed from numbers (FNV-1a over their float64 bytes, −0 and NaN included), used to seed
 * the randomness inside a check from the generated instance.
 */
export function seedFrom(...values: ReadonlyArray<number | ArrayLike<number>>): number {
  const buf = new DataView(new ArrayBuffer(8));
  let h = 0x811c9dc5;
  const mix = (x: number): void => {
    buf.setFloat64(0, x);
    for (let i = 0; i < 8; i++) {
      h ^= buf.getUint8(i);
      h = Math.imul(h, 0x01000193);
    }
  };
  for (const v of values) {
    if (typeof v === 'number') mix(v);
    else {
      mix(v.length);
      for (let i = 0; i < v.length; i++) mix(v[i]!);
    }
  }
  return (h >>> 0) & 0x7fffffff;
}

/** A 31-bit seed from a string (FNV-1a over UTF-16 code units), e.g. a conjecture id. */
export function seedFromString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & 0x7fffffff;
}
