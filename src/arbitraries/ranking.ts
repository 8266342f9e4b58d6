import fc, { type Arbitrary } from 'fast-check';
import { showNumber } from '../conjecture/show.js';
import { type RankingModel, selfSupervisedModel } from '../theory/ranking/model.js';
import { temperature } from './dyadic.js';

/**
 * A finite ranking instance of paper 1 (docs/claims.md, paper-1 notation): Kx anchors, Ky candidates, laws given by
 * integer weights (so a counterexample reads P₊ = [2, 1]/3), a temperature and a score table.
 */
export interface RankingInstance {
  readonly kx: number;
  readonly ky: number;
  /** Integer weights behind the model: p1, P₊ rows, P₋ rows (or the joint law when self-supervised). */
  readonly weights: { readonly p1: readonly number[]; readonly pos: readonly number[][]; readonly neg: readonly number[][] };
  readonly model: RankingModel;
  readonly tau: number;
  /** 'grid': s = step·k; 'near-optimal': s = τ log r + step·k, for the tight regime of the bounds. */
  readonly scores: 'grid' | 'near-optimal';
  readonly step: number;
  readonly k: readonly number[][];
  readonly s: readonly number[][];
}

export interface RankingOptions {
  readonly minAnchors?: number;
  readonly maxAnchors?: number;
  readonly minCandidates?: number;
  readonly maxCandidates?: number;
  /** Weights are integers in [1, maxWeight] (default 16): every law has full support. */
  readonly maxWeight?: number;
  /** 'per-anchor' P₋(·|x) (supervised, default); 'shared': one P₋ for all anchors; 'joint': self-supervised P(x, y). */
  readonly negatives?: 'per-anchor' | 'shared' | 'joint';
  /** Allowed score modes; the first is the shrink target (default grid first). */
  readonly scoreModes?: readonly ('grid' | 'near-optimal')[];
  /** Score steps; the first is the shrink target (default 1/8, then 1/2, 1/64, 1/1024). */
  readonly steps?: readonly number[];
  /** Grid offsets k are integers in [−maxOffset, maxOffset] (default 8). */
  readonly maxOffset?: number;
  readonly temperatures?: readonly number[];
}

const normalize = (w: readonly number[]): number[] => { const t = w.reduce((a, b) => a + b, 0); return w.map((v) => v / t); };

/**
 * Ranking instances whose sizes, weights and score offsets are drawn independently (no .chain), so each
 * shrinks on its own: toward Kx = 1, Ky = 2, uniform laws (weight 1), grid scores with offsets 0 and τ = 1.
 */
export function rankingInstance(o: RankingOptions = {}): Arbitrary<RankingInstance> {
  const maxA = o.maxAnchors ?? 3, minC = o.minCandidates ?? 2, maxC = o.maxCandidates ?? 4, W = o.maxWeight ?? 16, K = o.maxOffset ?? 8;
  const negatives = o.negatives ?? 'per-anchor';
  const cells = maxA * maxC;
  const pool = (lo: number, hi: number, n: number) => fc.array(fc.integer({ min: lo, max: hi }), { minLength: n, maxLength: n });
  return fc.record({
    kx: fc.integer({ min: o.minAnchors ?? 1, max: maxA }), ky: fc.integer({ min: minC, max: maxC }),
    wp1: pool(1, W, maxA), wpos: pool(1, W, cells), wneg: pool(1, W, cells),
    tau: temperature(o.temperatures), mode: fc.constantFrom(...(o.scoreModes ?? ['grid', 'near-optimal'] as const)),
    step: fc.constantFrom(...(o.steps ?? [1 / 8, 1 / 2, 1 / 64, 1 / 1024])), kpool: pool(-K, K, cells),
  }).map(({ kx, ky, wp1, wpos, wneg, tau, mode, step, kpool }) => {
    const rows = (p: number[], x: number) => p.slice(x * maxC, x * maxC + ky);
    return buildRankingInstance({
      kx, ky, tau, scores: mode, step, negatives,
      weights: { p1: wp1.slice(0, kx), pos: Array.from({ length: kx }, (_, x) => rows(wpos, x)), neg: Array.from({ length: kx }, (_, x) => rows(wneg, x)) },
      k: Array.from({ length: kx }, (_, x) => rows(kpool, x)),
    });
  }, (v) => {
    // the inverse of the map, so a stored or shrunk instance can be shrunk again without fast-check's context
    const r = v as RankingInstance;
    if (typeof r !== 'object' || r === null || !r.weights || !Array.isArray(r.k)) throw new Error('not a ranking instance');
    const flat = (rows: readonly (readonly number[])[], fill: number): number[] => {
      const out: number[] = Array(cells).fill(fill);
      rows.forEach((row, x) => row.forEach((w, y) => { out[x * maxC + y] = w; }));
      return out;
    };
    const wp1 = Array(maxA).fill(1);
    r.weights.p1.forEach((w, x) => { wp1[x] = w; });
    return { kx: r.kx, ky: r.ky, wp1, wpos: flat(r.weights.pos, 1), wneg: flat(r.weights.neg, 1), tau: r.tau, mode: r.scores, step: r.step, kpool: flat(r.k, 0) };
  });
}

/** The parts an instance is built from (integer weights, score offsets), e.g. when a search snaps a point onto the grid. */
export interface RankingParts {
  readonly kx: number;
  readonly ky: number;
  readonly weights: { readonly p1: readonly number[]; readonly pos: readonly number[][]; readonly neg: readonly number[][] };
  readonly tau: number;
  readonly scores: 'grid' | 'near-optimal';
  readonly step: number;
  readonly k: readonly number[][];
  readonly negatives?: RankingOptions['negatives'];
}

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
    if (p.negatives === 'shared') neg = neg.map(() => neg[0]!);
    model = { p1: normalize(p1w), pPos: pos.map(normalize), pNeg: neg.map(normalize) };
  }
  const s = k.map((row, x) => row.map((v, y) => (p.scores === 'near-optimal' ? tau * Math.log(model.pPos[x]![y]! / model.pNeg[x]![y]!) : 0) + step * v));
  return { kx, ky: p.ky, weights: { p1: p1w, pos: pos.map((r) => [...r]), neg: neg.map((r) => [...r]) }, model, tau, scores: p.scores, step, k: k.map((r) => [...r]), s };
}

const fraction = (w: readonly number[]): string => `[${w.join(', ')}]/${w.reduce((a, b) => a + b, 0)}`;
const vec = (v: readonly number[]): string => `[${v.map(showNumber).join(', ')}]`;

/** A readable ranking instance: the laws as integer weights over their sum, and how the scores were built. */
export function showRankingInstance(r: RankingInstance): string {
  const parts = [`τ = ${showNumber(r.tau)}, Kx = ${r.kx}, Ky = ${r.ky}`];
  if (r.weights.neg.length === 0) parts.push(`joint P(x, y) ∝ ${vec(r.weights.pos.flat())} (rows x)`);
  for (let x = 0; x < r.kx; x++) {
    if (r.weights.neg.length === 0) { parts.push(`x${x}: s = ${vec(r.s[x]!)}`); continue; }
    parts.push(`x${x}${r.kx > 1 ? `: p1 = ${r.weights.p1[x]}/${r.weights.p1.reduce((a, b) => a + b, 0)},` : ':'} P₊ = ${fraction(r.weights.pos[x]!)}, P₋ = ${fraction(r.weights.neg[x]!)}, s = ${vec(r.s[x]!)}`);
  }
  parts.push(r.scores === 'grid' ? `(s = ${showNumber(r.step)}·k)` : `(s = τ log r + ${showNumber(r.step)}·k, k = ${vec(r.k.flat())})`);
  return parts.join('; ');
}
