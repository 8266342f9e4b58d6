import type { Rng } from '../../numeric/index.js';
import type { RankingModel, Scores } from './model.js';

/*
 * Empirical contrastive risk (form A) on a sampled training set (docs/claims.md C8, C10; [B] data models):
 *   fresh   (supervised):      n anchors x_i ~ p1, y_i⁺ ~ P₊(·|x_i), and m fresh negatives per anchor ~ P₋(·|x_i)
 *   shared  (self-supervised): one pool of m negatives ~ P₋ (the same law for every anchor) reused by all anchors
 *   L̂(s) = (1/n) Σ_i τ log((1/m) Σ_j e^{(s(x_i,y_ij) − s(x_i,y_i⁺))/τ})
 * Returns L̂ for every table of a finite class, one draw of the data shared by all tables.
 */

export type NegativeSampling = 'fresh' | 'shared';

/** Cumulative sums of a distribution, for inverse-CDF draws. */
function cumulative(p: readonly number[]): Float64Array {
  const c = new Float64Array(p.length);
  let s = 0;
  for (let k = 0; k < p.length; k++) {
    s += p[k]!;
    c[k] = s;
  }
  return c;
}

function draw(cdf: Float64Array, rng: Rng): number {
  const u = rng.uniform() * cdf[cdf.length - 1]!;
  for (let k = 0; k < cdf.length - 1; k++) if (u < cdf[k]!) return k;
  return cdf.length - 1;
}

/** L̂_{n,m}(s) for each table s of `tables`, on one sampled training set. */
export function empiricalRisks(
  model: RankingModel,
  tables: readonly Scores[],
  tau: number,
  n: number,
  m: number,
  sampling: NegativeSampling,
  rng: Rng,
): number[] {
  const kx = model.p1.length;
  const cp1 = cumulative(model.p1),
    cpos = model.pPos.map(cumulative),
    cneg = model.pNeg.map(cumulative);
  const e = tables.map((s) => s.map((row) => row.map((v) => Math.exp(v / tau))));
  const sums = new Float64Array(tables.length);
  // shared pool: log-mean of each table's e over the pool, per anchor value x
  let poolLogMean: number[][] | undefined;
  if (sampling === 'shared') {
    const pool = Array.from({ length: m }, () => draw(cneg[0]!, rng));
    poolLogMean = e.map((t) =>
      Array.from({ length: kx }, (_, x) => Math.log(pool.reduce((a, y) => a + t[x]![y]!, 0) / m)),
    );
  }
  const negs = new Int32Array(m);
  for (let i = 0; i < n; i++) {
    const x = draw(cp1, rng),
      yp = draw(cpos[x]!, rng);
    if (sampling === 'fresh') for (let j = 0; j < m; j++) negs[j] = draw(cneg[x]!, rng);
    for (let t = 0; t < tables.length; t++) {
      let lm: number;
      if (poolLogMean) lm = poolLogMean[t]![x]!;
      else {
        let acc = 0;
        for (let j = 0; j < m; j++) acc += e[t]![x]![negs[j]!]!;
        lm = Math.log(acc / m);
      }
      sums[t]! += tau * lm - tables[t]![x]![yp]!;
    }
  }
  return Array.from(sums, (v) => v / n);
}

/** Hoeffding + union bound over k tables: range·√(log(2k/δ)/(2n)). */
export function hoeffdingDeviation(range: number, k: number, n: number, delta: number): number {
  return range * Math.sqrt(Math.log((2 * k) / delta) / (2 * n));
}

/** The per-anchor loss range of a class: 2·max over tables and anchors of (max_y s − min_y s) (C10). */
export function lossRange(tables: readonly Scores[]): number {
  let r = 0;
  for (const s of tables) for (const row of s) r = Math.max(r, Math.max(...row) - Math.min(...row));
  return 2 * r;
}
