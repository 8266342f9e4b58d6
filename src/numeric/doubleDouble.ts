/**
 * Double-double arithmetic: a value hi + lo with |lo| <= ulp(hi)/2, about 106 bits (Dekker 1971; the QD
 * library of Hida, Li and Bailey). Used where a small result is the difference of large terms and float64
 * alone would leave only eps·scale/value of it (issue 11, item 4): sums of rows, excess risks, the exact
 * fallback of the energy distance and MMD². Error-free transformations first, then the operations.
 */
export interface DD {
  readonly hi: number;
  readonly lo: number;
}

/** a + b = s + e exactly (Knuth's TwoSum). */
export function twoSum(a: number, b: number): DD {
  const s = a + b,
    bb = s - a;
  return { hi: s, lo: a - (s - bb) + (b - bb) };
}

const SPLITTER = 134217729; // 2^27 + 1

/** a·b = p + e exactly (Dekker's TwoProduct with Veltkamp splitting; |a|, |b| < 2^996). */
export function twoProd(a: number, b: number): DD {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a),
    al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b),
    bl = b - bh;
  return { hi: p, lo: ah * bh - p + ah * bl + al * bh + al * bl };
}

function renormalize(hi: number, lo: number): DD {
  const s = hi + lo;
  return { hi: s, lo: lo - (s - hi) };
}

/** A double as a double-double. */
export const dd = (x: number): DD => ({ hi: x, lo: 0 });

/** a + b. */
export function ddAdd(a: DD, b: DD): DD {
  const s = twoSum(a.hi, b.hi),
    t = twoSum(a.lo, b.lo);
  const u = renormalize(s.hi, s.lo + t.hi);
  return renormalize(u.hi, u.lo + t.lo);
}

/** −a. */
export const ddNeg = (a: DD): DD => ({ hi: -a.hi, lo: -a.lo });

/** a − b. */
export const ddSub = (a: DD, b: DD): DD => ddAdd(a, ddNeg(b));

/** a·b. */
export function ddMul(a: DD, b: DD): DD {
  const p = twoProd(a.hi, b.hi);
  return renormalize(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

/** a / b. */
export function ddDiv(a: DD, b: DD): DD {
  const q1 = a.hi / b.hi;
  const r = ddSub(a, ddMul(b, dd(q1)));
  const q2 = r.hi / b.hi;
  const r2 = ddSub(r, ddMul(b, dd(q2)));
  const q3 = r2.hi / b.hi;
  const q = renormalize(q1, q2);
  return ddAdd(q, dd(q3));
}

/** √a (a >= 0), one Newton step from the double root (Karp's trick). */
export function ddSqrt(a: DD): DD {
  if (a.hi <= 0) return dd(0);
  const x = Math.sqrt(a.hi),
    y = a.hi * (1 / x);
  const e = ddSub(a, twoProd(y, y));
  return renormalize(y, e.hi * (0.5 / x));
}

const LN2: DD = { hi: Math.LN2, lo: 2.3190468138462996e-17 };

/**
 * e^a − 1 for |a| <= 0.35 as a double-double: Taylor series on a/2⁸, then eight doublings of the
 * expm1 form (E ← 2E + E²), which keep the relative precision of small results.
 */
function ddExpm1Small(a: DD): DD {
  const r: DD = { hi: a.hi / 256, lo: a.lo / 256 };
  let term = r,
    sum = r;
  for (let n = 2; n <= 12; n++) {
    term = ddDiv(ddMul(term, r), dd(n));
    sum = ddAdd(sum, term);
    if (Math.abs(term.hi) < 1e-34 * Math.abs(sum.hi)) break;
  }
  for (let k = 0; k < 8; k++) sum = ddAdd(ddMul(sum, dd(2)), ddMul(sum, sum));
  return sum;
}

/** e^a (overflows to +∞ above 709.78, 0 below −745). */
export function ddExp(a: DD): DD {
  if (a.hi > 709.79) return dd(Infinity);
  if (a.hi < -745.2) return dd(0);
  const k = Math.round(a.hi / LN2.hi);
  const r = ddSub(a, ddMul(LN2, dd(k)));
  const e = ddAdd(dd(1), ddExpm1Small(r));
  // 2^k in two steps so that neither factor overflows nor underflows on its own
  const k1 = Math.trunc(k / 2),
    s1 = 2 ** k1,
    s2 = 2 ** (k - k1);
  return { hi: e.hi * s1 * s2, lo: e.lo * s1 * s2 };
}

/** log a (a > 0): one Newton step y + a·e^{−y} − 1 from the double logarithm y. */
export function ddLog(a: DD): DD {
  if (!(a.hi > 0)) return dd(a.hi === 0 ? -Infinity : NaN);
  if (a.hi === Infinity) return dd(Infinity);
  const y = Math.log(a.hi);
  return ddAdd(dd(y), ddSub(ddMul(a, ddExp(dd(-y))), dd(1)));
}

/** The nearest double. */
export const ddValue = (a: DD): number => a.hi + a.lo;

/** A running double-double sum (for sums whose terms cancel). */
export class DDSum {
  private hi = 0;
  private lo = 0;

  /** Adds x: TwoSum with the leading part, then the low parts, renormalized (QD's double-double + double). */
  add(x: number): void {
    const s = this.hi + x,
      bb = s - this.hi;
    const t = this.hi - (s - bb) + (x - bb) + this.lo;
    this.hi = s + t;
    this.lo = t - (this.hi - s);
  }

  /** Adds a double-double. */
  addDD(x: DD): void {
    const v = ddAdd({ hi: this.hi, lo: this.lo }, x);
    this.hi = v.hi;
    this.lo = v.lo;
  }

  /** The sum so far as a double-double. */
  get value(): DD {
    return renormalize(this.hi, this.lo);
  }
}
