import fc, { type Arbitrary } from 'fast-check';
import { showNumber } from '../conjecture/show.js';
import { ensure } from '../numeric/index.js';
import { type RankingModel, selfSupervisedModel } from '../theory/ranking/model.js';
import { bySimplicity } from './dyadic.js';
import { lawAt, roundInto, type SearchSpace, snapLaw, splitTheta, withSearchSpace } from './searchSpace.js';
import {
  contextFree,
  intIn,
  intsIn,
  lowestTerms,
  mapExactly,
  replaced,
  sameValue,
  smallerVectors,
  toward,
  without,
} from './shrinkable.js';

/** Integer weights behind a ranking model: p1, the P₊ rows, the P₋ rows (or the joint law when self-supervised). */
export interface RankingWeights {
  readonly p1: readonly number[];
  readonly pos: readonly number[][];
  readonly neg: readonly number[][];
}

/**
 * A finite ranking instance of paper 1 (docs/claims.md, paper-1 notation): Kx anchors, Ky candidates, laws given by
 * integer weights (so a counterexample reads P₊ = [2, 1]/3), a temperature and a score table.
 */
export interface RankingInstance {
  readonly kx: number;
  readonly ky: number;
  readonly weights: RankingWeights;
  readonly model: RankingModel;
  readonly tau: number;
  /** 'grid': s = step·k; 'near-optimal': s = τ log r + step·k, for the tight regime of the bounds. */
  readonly scores: 'grid' | 'near-optimal';
  readonly step: number;
  readonly k: readonly number[][];
  readonly s: readonly number[][];
}

/** 'per-anchor' P₋(·|x) (supervised); 'shared': one P₋ for all anchors; 'joint': self-supervised P(x, y). */
export type Negatives = 'per-anchor' | 'shared' | 'joint';

export interface RankingOptions {
  readonly minAnchors?: number;
  readonly maxAnchors?: number;
  readonly minCandidates?: number;
  readonly maxCandidates?: number;
  /** Weights are integers in [1, maxWeight] (default 16): every law has full support. */
  readonly maxWeight?: number;
  /** How negatives are drawn (default 'per-anchor'). */
  readonly negatives?: Negatives;
  /** Allowed score modes, simplest first (default grid, then near-optimal). */
  readonly scoreModes?: readonly ('grid' | 'near-optimal')[];
  /** Score steps, simplest first (default 1/8, then 1/2, 1/64, 1/1024). */
  readonly steps?: readonly number[];
  /** Grid offsets k are integers in [−maxOffset, maxOffset] (default 8). */
  readonly maxOffset?: number;
  /** Temperatures, shrunk in the order of bySimplicity (default as temperature()). */
  readonly temperatures?: readonly number[];
}

/**
 * The parts an instance is built from (integer weights, score offsets). The laws are p1 (Kx weights), the rows of
 * P₊ and of P₋: Kx rows of P₋ per anchor, one row when shared; when joint, `pos` is the joint law and p1, neg are [].
 */
export interface RankingParts {
  readonly kx: number;
  readonly ky: number;
  readonly weights: RankingWeights;
  readonly tau: number;
  readonly scores: 'grid' | 'near-optimal';
  readonly step: number;
  readonly k: readonly number[][];
  readonly negatives?: Negatives;
}

const sum = (w: readonly number[]): number => w.reduce((a, b) => a + b, 0);
const normalize = (w: readonly number[]): number[] => {
  const t = sum(w);
  return w.map((v) => v / t);
};

/** Builds the instance (laws, scores) from its parts, exactly as the arbitrary does. */
export function buildRankingInstance(p: RankingParts): RankingInstance {
  const { kx, tau, step, k } = p;
  let { p1: p1w, pos, neg } = p.weights;
  let model: RankingModel;
  if (p.negatives === 'joint') {
    model = selfSupervisedModel(pos);
    p1w = [];
    neg = [];
  } else {
    if (p.negatives === 'shared') neg = Array.from({ length: kx }, () => neg[0]!);
    model = { p1: normalize(p1w), pPos: pos.map(normalize), pNeg: neg.map(normalize) };
  }
  // near-optimal: s = τ log r + step·k with r = P₊/P₋; grid: s = step·k
  const near = (x: number, y: number): number => Math.log(model.pPos[x]![y]! / model.pNeg[x]![y]!);
  const s = k.map((row, x) => row.map((v, y) => (p.scores === 'near-optimal' ? tau * near(x, y) : 0) + step * v));
  const weights = { p1: [...p1w], pos: pos.map((r) => [...r]), neg: neg.map((r) => [...r]) };
  return { kx, ky: p.ky, weights, model, tau, scores: p.scores, step, k: k.map((r) => [...r]), s };
}

/**
 * The parts of an instance: the inverse of buildRankingInstance for instances built with `negatives`
 * (buildRankingInstance(rankingToParts(r, n)) is r). Throws on anything that is not a ranking instance.
 */
export function rankingToParts(r: RankingInstance, negatives: Negatives = 'per-anchor'): RankingParts {
  ensure(typeof r === 'object' && r !== null && typeof r.weights === 'object', 'not a ranking instance');
  ensure(r.weights !== null, 'not a ranking instance');
  const { p1, pos, neg } = r.weights;
  ensure(Array.isArray(p1) && Array.isArray(pos) && Array.isArray(neg) && Array.isArray(r.k), 'not a ranking instance');
  const rows = (m: readonly (readonly number[])[]): number[][] => m.map((row) => [...row]);
  const weights =
    negatives === 'joint'
      ? { p1: [], pos: rows(pos), neg: [] }
      : { p1: [...p1], pos: rows(pos), neg: rows(negatives === 'shared' ? neg.slice(0, 1) : neg) };
  return { kx: r.kx, ky: r.ky, weights, tau: r.tau, scores: r.scores, step: r.step, k: rows(r.k), negatives };
}

/** The options with their defaults, checked (errors name the option). */
interface RankingConfig {
  readonly minA: number;
  readonly maxA: number;
  readonly minC: number;
  readonly maxC: number;
  readonly W: number;
  readonly K: number;
  readonly negatives: Negatives;
  readonly modes: readonly ('grid' | 'near-optimal')[];
  readonly steps: readonly number[];
  readonly temps: readonly number[];
}

function rankingConfig(o: RankingOptions): RankingConfig {
  const c: RankingConfig = {
    minA: o.minAnchors ?? 1,
    maxA: o.maxAnchors ?? 3,
    minC: o.minCandidates ?? 2,
    maxC: o.maxCandidates ?? 4,
    W: o.maxWeight ?? 16,
    K: o.maxOffset ?? 8,
    negatives: o.negatives ?? 'per-anchor',
    modes: o.scoreModes ?? ['grid', 'near-optimal'],
    steps: o.steps ?? [1 / 8, 1 / 2, 1 / 64, 1 / 1024],
    temps: bySimplicity(o.temperatures ?? [1, 0.5, 2, 0.25, 0.1, 0.07]),
  };
  const name = 'rankingInstance';
  const positive = (v: readonly number[]): boolean => v.length > 0 && v.every((x) => Number.isFinite(x) && x > 0);
  ensure(intIn(c.minA, 1, Infinity), () => `${name}: minAnchors must be an integer >= 1, got ${c.minA}`);
  ensure(
    intIn(c.maxA, c.minA, Infinity),
    () => `${name}: maxAnchors (${c.maxA}) must be an integer >= minAnchors (${c.minA})`,
  );
  ensure(intIn(c.minC, 2, Infinity), () => `${name}: minCandidates must be an integer >= 2, got ${c.minC}`);
  ensure(
    intIn(c.maxC, c.minC, Infinity),
    () => `${name}: minCandidates (${c.minC}) must be <= maxCandidates (${c.maxC})`,
  );
  ensure(intIn(c.W, 1, 2 ** 31), () => `${name}: maxWeight must be an integer >= 1, got ${c.W}`);
  ensure(intIn(c.K, 0, 2 ** 31), () => `${name}: maxOffset must be an integer >= 0, got ${c.K}`);
  ensure(
    ['per-anchor', 'shared', 'joint'].includes(c.negatives),
    () => `${name}: negatives must be 'per-anchor', 'shared' or 'joint', got ${c.negatives}`,
  );
  ensure(
    c.modes.length > 0 && c.modes.every((m) => m === 'grid' || m === 'near-optimal'),
    () => `${name}: scoreModes must list 'grid' and/or 'near-optimal'`,
  );
  ensure(positive(c.steps), () => `${name}: steps must be finite numbers > 0`);
  ensure(positive(c.temps), () => `${name}: temperatures must be finite numbers > 0`);
  return c;
}

/** Number of P₋ rows in the parts: Kx per anchor, 1 shared, 0 joint. */
function negRows(c: RankingConfig, kx: number): number {
  if (c.negatives === 'joint') return 0;
  return c.negatives === 'shared' ? 1 : kx;
}

/** Each law in lowest terms (the model is the same number for number: w/Σw is one correctly rounded quotient). */
function lowest(p: RankingParts): RankingParts {
  const { p1, pos, neg } = p.weights;
  if (p.negatives === 'joint') {
    const flat = lowestTerms(pos.flat());
    return { ...p, weights: { p1, pos: pos.map((_, x) => flat.slice(x * p.ky, (x + 1) * p.ky)), neg } };
  }
  return { ...p, weights: { p1: lowestTerms(p1), pos: pos.map(lowestTerms), neg: neg.map(lowestTerms) } };
}

/** Draws the parts as the arbitrary always has (sizes, weights and offsets independently, then cut to size). */
function drawParts(c: RankingConfig): Arbitrary<RankingParts> {
  const cells = c.maxA * c.maxC;
  const pool = (lo: number, hi: number, n: number) =>
    fc.array(fc.integer({ min: lo, max: hi }), { minLength: n, maxLength: n });
  return fc
    .record({
      kx: fc.integer({ min: c.minA, max: c.maxA }),
      ky: fc.integer({ min: c.minC, max: c.maxC }),
      wp1: pool(1, c.W, c.maxA),
      wpos: pool(1, c.W, cells),
      wneg: pool(1, c.W, cells),
      tau: fc.constantFrom(...c.temps),
      mode: fc.constantFrom(...c.modes),
      step: fc.constantFrom(...c.steps),
      kpool: pool(-c.K, c.K, cells),
    })
    .map(({ kx, ky, wp1, wpos, wneg, tau, mode, step, kpool }) => {
      const rows = (flat: number[], n: number): number[][] =>
        Array.from({ length: n }, (_, x) => flat.slice(x * c.maxC, x * c.maxC + ky));
      const joint = c.negatives === 'joint';
      const weights = { p1: joint ? [] : wp1.slice(0, kx), pos: rows(wpos, kx), neg: rows(wneg, negRows(c, kx)) };
      return lowest({ kx, ky, weights, tau, scores: mode, step, k: rows(kpool, kx), negatives: c.negatives });
    });
}

/** True for parts this arbitrary can produce (sizes, ranges and lists of the options). */
function isRankingParts(v: unknown, c: RankingConfig): boolean {
  const p = v as RankingParts;
  if (typeof p !== 'object' || p === null || typeof p.weights !== 'object' || p.weights === null) return false;
  if (!intIn(p.kx, c.minA, c.maxA) || !intIn(p.ky, c.minC, c.maxC) || p.negatives !== c.negatives) return false;
  if (!c.temps.includes(p.tau) || !c.modes.includes(p.scores) || !c.steps.includes(p.step)) return false;
  const table = (m: unknown, n: number, lo: number, hi: number): boolean =>
    Array.isArray(m) && m.length === n && m.every((row) => intsIn(row, p.ky, lo, hi));
  const p1ok = c.negatives === 'joint' ? intsIn(p.weights.p1, 0, 1, c.W) : intsIn(p.weights.p1, p.kx, 1, c.W);
  const lawsOk = table(p.weights.pos, p.kx, 1, c.W) && table(p.weights.neg, negRows(c, p.kx), 1, c.W);
  return p1ok && lawsOk && table(p.k, p.kx, -c.K, c.K);
}

/** The parts without anchor x (a shared P₋ stays). */
function withoutAnchor(p: RankingParts, x: number): RankingParts {
  const { p1, pos, neg } = p.weights;
  const perAnchor = p.negatives !== 'joint' && p.negatives !== 'shared';
  const weights = { p1: p1.length ? without(p1, x) : p1, pos: without(pos, x), neg: perAnchor ? without(neg, x) : neg };
  return { ...p, kx: p.kx - 1, weights, k: without(p.k, x) };
}

/** The parts without candidate y (column y of every law and of the offsets). */
function withoutCandidate(p: RankingParts, y: number): RankingParts {
  const cut = (m: readonly (readonly number[])[]): number[][] => m.map((row) => without(row, y));
  const { p1, pos, neg } = p.weights;
  return { ...p, ky: p.ky - 1, weights: { p1, pos: cut(pos), neg: cut(neg) }, k: cut(p.k) };
}

/** Each law of the parts, with a way to put a changed law back. */
function laws(p: RankingParts): { law: number[]; put: (w: number[]) => RankingParts }[] {
  const { p1, pos, neg } = p.weights;
  const withWeights = (weights: RankingWeights): RankingParts => ({ ...p, weights });
  const row = (law: readonly number[], put: (w: number[]) => RankingParts) => ({ law: [...law], put });
  if (p.negatives === 'joint') {
    const put = (w: number[]) => withWeights({ p1, pos: pos.map((_, x) => w.slice(x * p.ky, (x + 1) * p.ky)), neg });
    return [{ law: pos.flat(), put }];
  }
  return [
    row(p1, (w) => withWeights({ p1: w, pos, neg })),
    ...pos.map((w0, x) => row(w0, (w) => withWeights({ p1, pos: replaced(pos, x, w), neg }))),
    ...neg.map((w0, x) => row(w0, (w) => withWeights({ p1, pos, neg: replaced(neg, x, w) }))),
  ];
}

/** The law at half scale, w ↦ max(1, round(w/2)): nearly the same law with smaller weights (large grids shrink fast). */
const halved = (law: readonly number[]): number[] => law.map((w) => Math.max(1, Math.round(w / 2)));

/**
 * The row of offsets moved by a constant toward 0 when all its entries have one sign: the entry nearest 0 goes to 0,
 * then half way, … (a per-anchor shift of s, which most per-anchor quantities do not see).
 */
function* shiftedTowardZero(row: readonly number[]): Generator<number[]> {
  const nearest = row.reduce((a, b) => (Math.abs(b) < Math.abs(a) ? b : a));
  if (nearest === 0 || !row.every((v) => Math.sign(v) === Math.sign(nearest))) return;
  for (const kept of toward(nearest, 0)) yield row.map((v) => v - (nearest - kept));
}

/**
 * Smaller parts, most promising first: the laws in lowest terms; without any one anchor, then without any one
 * candidate (not only the last); a simpler τ, score mode or step; each law at half scale, then toward uniform
 * (weight 1); each row of offsets shifted toward 0, then moved toward 0 entry by entry. Every candidate is strictly
 * smaller in (Kx + Ky, choice indices, Σ(w − 1) + Σ|k|).
 */
function* smallerRankingParts(p: RankingParts, c: RankingConfig): Generator<RankingParts> {
  const seen = new Set<string>();
  const fresh = (q: RankingParts): boolean => {
    const key = JSON.stringify(q);
    if (seen.has(key) || sameValue(q, p)) return false;
    seen.add(key);
    return true;
  };
  const candidates = function* (): Generator<RankingParts> {
    yield lowest(p);
    if (p.kx > c.minA) for (let x = 0; x < p.kx; x++) yield lowest(withoutAnchor(p, x));
    if (p.ky > c.minC) for (let y = 0; y < p.ky; y++) yield lowest(withoutCandidate(p, y));
    for (const tau of c.temps.slice(0, c.temps.indexOf(p.tau))) yield { ...p, tau };
    for (const scores of c.modes.slice(0, c.modes.indexOf(p.scores))) yield { ...p, scores };
    for (const step of c.steps.slice(0, c.steps.indexOf(p.step))) yield { ...p, step };
    for (const { law, put } of laws(p)) {
      yield lowest(put(halved(law)));
      for (const w of smallerVectors(law, 1)) yield lowest(put(w));
    }
    for (let x = 0; x < p.kx; x++) {
      const rows = [...shiftedTowardZero(p.k[x]!), ...smallerVectors(p.k[x]!, 0)];
      for (const row of rows) yield { ...p, k: replaced(p.k, x, row) };
    }
  };
  for (const q of candidates()) if (fresh(q)) yield q;
}

/**
 * θ of a ranking instance: log-weights of each law (p1, the P₊ rows, the P₋ rows; the joint law when joint), then
 * the score offsets k (s = step·k, plus τ log r when near-optimal). Kx, Ky, τ, the score mode and step stay those of
 * `start`; `snap` rounds the weights into [1, maxWeight] (lowest terms) and the offsets onto [−maxOffset, maxOffset].
 */
function rankingSpace(c: RankingConfig): SearchSpace<RankingInstance> {
  const toParts = (r: RankingInstance): RankingParts => rankingToParts(r, c.negatives);
  type Snap = { law: (t: number[]) => number[]; offset: (t: number) => number };
  const place = (theta: readonly number[], start: RankingInstance, { law, offset }: Snap): RankingParts => {
    const p = toParts(start);
    const { p1, pos, neg } = p.weights;
    const joint = p.negatives === 'joint';
    const lengths = joint ? [p.kx * p.ky] : [p1.length, ...pos.map((w) => w.length), ...neg.map((w) => w.length)];
    const pieces = splitTheta(theta, [...lengths, p.kx * p.ky], 'rankingInstance search space');
    const rows = (flat: readonly number[]): number[][] => p.k.map((_, x) => flat.slice(x * p.ky, (x + 1) * p.ky));
    // the laws in the order of laws(p): p1, the P₊ rows, the P₋ rows (the joint law alone when joint)
    const weights: RankingWeights = joint
      ? { p1, pos: rows(law(pieces[0]!)), neg }
      : {
          p1: law(pieces[0]!),
          pos: pos.map((_, x) => law(pieces[1 + x]!)),
          neg: neg.map((_, x) => law(pieces[1 + pos.length + x]!)),
        };
    return { ...p, weights, k: rows(pieces.at(-1)!.map(offset)) };
  };
  return {
    encode: (r) => {
      const p = toParts(r);
      return [...laws(p).flatMap((s) => s.law.map(Math.log)), ...p.k.flat()];
    },
    at: (theta, start) => buildRankingInstance(place(theta, start, { law: lawAt, offset: (t) => t })),
    snap: (theta, start) => {
      const onGrid: Snap = { law: (t) => snapLaw(t, c.W), offset: (t) => roundInto(t, -c.K, c.K) };
      return buildRankingInstance(lowest(place(theta, start, onGrid)));
    },
  };
}

/**
 * Ranking instances whose sizes, weights and score offsets are drawn independently (no .chain). Shrinking needs no
 * context and removes any anchor or candidate, so it lands on Kx = 1, Ky = 2, uniform laws (weight 1), grid scores
 * with offsets 0 and τ = 1 as far as the claim allows. Carries its search space (searchSpaceOf).
 */
export function rankingInstance(o: RankingOptions = {}): Arbitrary<RankingInstance> {
  const c = rankingConfig(o);
  const parts = contextFree<RankingParts>({
    generate: drawParts(c),
    accepts: (v) => isRankingParts(v, c),
    shrink: (p) => smallerRankingParts(p, c),
  });
  const arb = mapExactly(parts, buildRankingInstance, (v) => rankingToParts(v as RankingInstance, c.negatives));
  return withSearchSpace(arb, rankingSpace(c));
}

const fraction = (w: readonly number[]): string => `[${w.join(', ')}]/${sum(w)}`;
const vec = (v: readonly number[]): string => `[${v.map(showNumber).join(', ')}]`;

/** A readable ranking instance: the laws as integer weights over their sum, and how the scores were built. */
export function showRankingInstance(r: RankingInstance): string {
  const parts = [`τ = ${showNumber(r.tau)}, Kx = ${r.kx}, Ky = ${r.ky}`];
  if (r.weights.neg.length === 0) parts.push(`joint P(x, y) ∝ ${vec(r.weights.pos.flat())} (rows x)`);
  for (let x = 0; x < r.kx; x++) {
    if (r.weights.neg.length === 0) {
      parts.push(`x${x}: s = ${vec(r.s[x]!)}`);
      continue;
    }
    const anchor = r.kx > 1 ? `x${x}: p1 = ${r.weights.p1[x]}/${sum(r.weights.p1)},` : `x${x}:`;
    const laws = `P₊ = ${fraction(r.weights.pos[x]!)}, P₋ = ${fraction(r.weights.neg[x]!)}`;
    parts.push(`${anchor} ${laws}, s = ${vec(r.s[x]!)}`);
  }
  const step = showNumber(r.step);
  parts.push(r.scores === 'grid' ? `(s = ${step}·k)` : `(s = τ log r + ${step}·k, k = ${vec(r.k.flat())})`);
  return parts.join('; ');
}
