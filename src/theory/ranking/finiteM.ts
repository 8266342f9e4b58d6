import {
  CrlInputError,
  type DD,
  dd,
  ddAdd,
  ddLog,
  ddMul,
  ddSub,
  ensure,
  logSumExp,
  twoSum,
} from '../../numeric/index.js';
import { type RankingModel, requireRankingInput, type Scores } from './model.js';

/*
 * Exact finite-m contrastive risks by multinomial enumeration (docs/claims.md C6, C7; [R][V]).
 * With m i.i.d. negatives y_1..y_m ~ P₋(·|x) only the counts c ~ Mult(m, P₋(·|x)) matter:
 *   form A (normalized):  L_m(s)     = Σ_x p1 [ τ E_c log((c·e_x)/m) − Σ_y P₊ s ]
 *   form B (InfoNCE):     L_m^NCE(s) = Σ_x p1 Σ_{y+} P₊(y+) E_c[ τ log(e_x(y+) + c·e_x) ] − Σ P₊ s
 * where e_x(y) = e^{s(x,y)/τ}. The number of count vectors is C(m+Ky−1, Ky−1).
 */

export type FiniteMForm = 'normalized' | 'infonce';

/** Largest number of count vectors one anchor may enumerate. */
export const MAX_COMPOSITIONS = 2_000_000;

/** C(m+K−1, K−1), the number of count vectors of m draws over K atoms. */
export function compositionCount(m: number, k: number): number {
  let c = 1;
  for (let i = 1; i < k; i++) c = (c * (m + i)) / i;
  return Math.round(c);
}

/** log n! in double-double, each log k to double-double precision (a float64 running sum lost ~n·ε·log n!). */
const logFactorialHi: number[] = [0],
  logFactorialLo: number[] = [0];
function logFactorial(n: number): DD {
  for (let k = logFactorialHi.length; k <= n; k++) {
    const next = ddAdd({ hi: logFactorialHi[k - 1]!, lo: logFactorialLo[k - 1]! }, ddLog(dd(k)));
    logFactorialHi[k] = next.hi;
    logFactorialLo[k] = next.lo;
  }
  return { hi: logFactorialHi[n]!, lo: logFactorialLo[n]! };
}

/** Up to this m the multinomial weight is a product of exact integers and powers (exactly p_y when m = 1). */
const DIRECT_WEIGHT_MAX_M = 18;

/**
 * Calls visit(weight, c) for every count vector c of m draws from p (weight = its multinomial probability).
 * The vector passed is reused between calls.
 */
export function forEachComposition(
  m: number,
  p: readonly number[],
  visit: (weight: number, c: Int32Array) => void,
): void {
  ensure(Number.isInteger(m) && m >= 1, () => `m must be an integer >= 1, got ${m}`);
  const k = p.length;
  const count = compositionCount(m, k);
  if (count > MAX_COMPOSITIONS)
    throw new CrlInputError(
      `exact enumeration over ${count} count vectors (m = ${m}, Ky = ${k}) exceeds ${MAX_COMPOSITIONS}; use a smaller m or fewer candidates`,
    );
  const c = new Int32Array(k);
  if (m <= DIRECT_WEIGHT_MAX_M) {
    // m!/Π c_y! is an integer below 2^53 and each factor p_y^{c_y} one rounding: no exp(log p) round trip
    const rec = (i: number, left: number, coef: number, pw: number): void => {
      if (i === k - 1) {
        c[i] = left;
        visit(coef * pw * (left ? p[i]! ** left : 1), c);
        return;
      }
      let binom = 1; // C(left, n)
      for (let n = 0; n <= left; n++) {
        c[i] = n;
        rec(i + 1, left - n, coef * binom, n ? pw * p[i]! ** n : pw);
        binom = (binom * (left - n)) / (n + 1);
      }
    };
    rec(0, m, 1, 1);
    return;
  }
  // log weight = log m! + Σ_i (c_i log p_i − log c_i!), each term in double-double (tables per atom and count) and
  // the sum carried as hi + lo, so the weights keep full precision at any m (a float64 sum lost ~m·ε·log m)
  const termHi: Float64Array[] = [],
    termLo: Float64Array[] = [];
  for (let i = 0; i < k; i++) {
    const logp = p[i]! > 0 ? ddLog(dd(p[i]!)) : undefined;
    termHi.push(new Float64Array(m + 1));
    termLo.push(new Float64Array(m + 1));
    for (let n = 0; n <= m; n++) {
      // n = 0: 0·log p − log 0! = 0; p_i = 0: −∞ (weight 0) for any draw of atom i
      const t = n === 0 ? dd(0) : logp ? ddSub(ddMul(dd(n), logp), logFactorial(n)) : dd(-Infinity);
      termHi[i]![n] = t.hi;
      termLo[i]![n] = t.lo;
    }
  }
  const rec = (i: number, left: number, hi: number, lo: number): void => {
    const from = i === k - 1 ? left : 0;
    for (let n = from; n <= left; n++) {
      c[i] = n;
      // hi + term exactly (TwoSum); an infinite sum (a weight of 0) carries no error term
      const sum = twoSum(hi, termHi[i]![n]!);
      const nextLo = lo + termLo[i]![n]! + (Number.isFinite(sum.hi) ? sum.lo : 0);
      if (i === k - 1) visit(Math.exp(sum.hi + nextLo), c);
      else rec(i + 1, left - n, sum.hi, nextLo);
    }
  };
  const top = logFactorial(m);
  rec(0, m, top.hi, top.lo);
}

/**
 * τ log[(1/total) Σ_y w_y e^{s_y/τ}] over the y with w_y > 0, in the log domain (issue 11, item 2):
 *   M + τ [log(W/total) + log1p(R/W)],  M = max_{w_y>0} s_y,
 *   W = Σ_{s_y = M} w_y,  R = Σ_{s_y < M} w_y e^{(s_y − M)/τ}.
 * The shift is the largest score present, so the sum never underflows (W >= min w) whatever the spread/τ,
 * and a term far below the maximum only rounds away; one draw at one score gives that score exactly.
 */
function tauLogSumExp(s: readonly number[], w: ArrayLike<number>, tau: number, total = 1): number {
  let M = -Infinity;
  for (let y = 0; y < s.length; y++) if (w[y]! > 0 && s[y]! > M) M = s[y]!;
  if (M === -Infinity) return -Infinity;
  let W = 0,
    R = 0;
  for (let y = 0; y < s.length; y++) {
    if (!(w[y]! > 0)) continue;
    if (s[y] === M) W += w[y]!;
    else R += w[y]! * Math.exp((s[y]! - M) / tau);
  }
  return M + tau * (Math.log(W / total) + Math.log1p(R / W));
}

/** The exact finite-m risk L_m(s) (form 'normalized', A) or L_m^NCE(s) (form 'infonce', B). */
export function finiteMRisk(
  model: RankingModel,
  s: Scores,
  tau: number,
  m: number,
  form: FiniteMForm = 'normalized',
): number {
  requireRankingInput(model, s, tau);
  ensure(
    form === 'normalized' || form === 'infonce',
    () => `form must be 'normalized' or 'infonce', got ${String(form)}`,
  );
  let total = 0;
  for (let x = 0; x < model.p1.length; x++) {
    if (model.p1[x] === 0) continue;
    const row = s[x]!,
      pPos = model.pPos[x]!,
      ky = row.length;
    let pos = 0;
    for (let y = 0; y < ky; y++) pos += pPos[y]! * row[y]!;
    const w = new Float64Array(ky);
    let inner = 0; // E_c of τ log((c·e_x)/m) (A) or Σ_{y+} P₊(y+) τ log(e_x(y+) + c·e_x) (B)
    forEachComposition(m, model.pNeg[x]!, (weight, c) => {
      if (form === 'normalized') {
        inner += weight * tauLogSumExp(row, c, tau, m);
        return;
      }
      w.set(c);
      for (let yp = 0; yp < ky; yp++) {
        if (!(pPos[yp]! > 0)) continue;
        w[yp]! += 1;
        inner += weight * pPos[yp]! * tauLogSumExp(row, w, tau);
        w[yp]! -= 1;
      }
    });
    total += model.p1[x]! * (inner - pos);
  }
  return total;
}

/**
 * log of Var_{P₋}(e^{s/τ}) / d², d = min_y e^{s/τ} (`'min'`) or E_{P₋} e^{s/τ} (`'mean'`);
 * −∞ when the variance is 0.
 * With z_y = e^{(s_y − max s)/τ} <= 1 the variance is the pair form ½ Σ_{y,w} p_y p_w (z_y − z_w)², each
 * difference |z_y − z_w| = −z_top·expm1(−|s_y − s_w|/τ) (no E z² − (E z)² cancellation, full precision
 * for nearly equal scores);
 * the ratio is then e^{2(max s − min s)/τ} Var(z) or Var(z)/(E z)², both formed as logarithms, so no spread/τ
 * under- or overflows before the caller's final exponential.
 */
function logRelativeVariance(
  pNeg: readonly number[],
  row: readonly number[],
  tau: number,
  scale: 'min' | 'mean',
): number {
  const hi = Math.max(...row),
    lo = Math.min(...row),
    k = row.length;
  const diffs: number[] = [],
    weights: number[] = [];
  let big = 0,
    mean = 0;
  for (let y = 0; y < k; y++) {
    mean += pNeg[y]! * Math.exp((row[y]! - hi) / tau);
    for (let w = 0; w < y; w++) {
      const top = Math.max(row[y]!, row[w]!),
        gap = Math.abs(row[y]! - row[w]!);
      const d = -Math.exp((top - hi) / tau) * Math.expm1(-gap / tau); // |z_y − z_w|, no ∞·0
      diffs.push(d);
      weights.push(pNeg[y]! * pNeg[w]!);
      big = Math.max(big, Math.abs(d));
    }
  }
  if (big === 0) return -Infinity;
  let sum = 0; // Σ_{w<y} p_y p_w (d/big)²: the ½ of the pair form cancels the doubled pairs
  for (let i = 0; i < diffs.length; i++) sum += weights[i]! * (diffs[i]! / big) ** 2;
  const logVar = Math.log(sum) + 2 * Math.log(big);
  return scale === 'min' ? logVar + (2 * (hi - lo)) / tau : logVar - 2 * Math.log(mean);
}

/** log Σ_x p1 Var_{P₋}(e_x) / d_x², d_x = min_y e_x (`'min'`) or E_{P₋} e_x (`'mean'`); e_x = e^{s(x,·)/τ}. */
function logWeightedRelativeVariance(model: RankingModel, s: Scores, tau: number, scale: 'min' | 'mean'): number {
  requireRankingInput(model, s, tau);
  const terms: number[] = [];
  for (let x = 0; x < model.p1.length; x++) {
    if (model.p1[x]! > 0) terms.push(Math.log(model.p1[x]!) + logRelativeVariance(model.pNeg[x]!, s[x]!, tau, scale));
  }
  return logSumExp(terms);
}

/** B_m = (τ/2m) Σ_x p1 Var_{P₋}(e_x) / (min_y e_x)²: the two-sided bias bound 0 <= L − L_m <= B_m (C6.2). */
export function jensenBiasBound(model: RankingModel, s: Scores, tau: number, m: number): number {
  return Math.exp(Math.log(tau / (2 * m)) + logWeightedRelativeVariance(model, s, tau, 'min'));
}

/** C_asym = (τ/2) Σ_x p1 Var_{P₋}(e_x) / (E_{P₋} e_x)², the limit of m (L − L_m) (C6.3). */
export function asymptoticBiasConstant(model: RankingModel, s: Scores, tau: number): number {
  return Math.exp(Math.log(tau / 2) + logWeightedRelativeVariance(model, s, tau, 'mean'));
}

/**
 * The form-B bias bound (C7.2): |L_m^NCE − τ log m − L| <= τ Σ_x p1 Σ_{y+} P₊(y+) max(1/(m μ), Var/(2m a²)),
 * with z = e^{(s − s(x,y+))/τ} under P₋, μ = E z, a = min z (upper side: Jensen on log(1/m + z̄);
 * lower side: the C6 bound for E log z̄). Var/a² does not depend on y+;
 * log(1/μ) = (s(x,y+) − τ log E e^{s/τ})/τ.
 * Summed as logarithms, so a huge Var/a² scaled by a small weight stays finite.
 */
export function infoNceBiasBound(model: RankingModel, s: Scores, tau: number, m: number): number {
  requireRankingInput(model, s, tau);
  const terms: number[] = [];
  for (let x = 0; x < model.p1.length; x++) {
    const row = s[x]!,
      pNeg = model.pNeg[x]!;
    const logMean = tauLogSumExp(row, pNeg, tau),
      logRelVar = logRelativeVariance(pNeg, row, tau, 'min');
    for (let yp = 0; yp < row.length; yp++) {
      const w = model.p1[x]! * model.pPos[x]![yp]!;
      if (w === 0) continue;
      const logMax = Math.max((row[yp]! - logMean) / tau - Math.log(m), logRelVar - Math.log(2 * m));
      terms.push(Math.log(w) + logMax);
    }
  }
  return Math.exp(Math.log(tau) + logSumExp(terms));
}

/**
 * Root-mean-square error of one shared pool of m negatives from one law p₋ (self-supervised, n = ∞ anchors):
 * err(c) = Σ_x p1 τ [log((c·e_x)/m) − log E_{p₋} e_x], RMS = √(E_c err²). Needs the same P₋ for every anchor.
 * Both logarithms are taken in the log domain (tauLogSumExp), so no spread/τ underflows.
 */
export function sharedPoolRms(model: RankingModel, s: Scores, tau: number, m: number): number {
  requireRankingInput(model, s, tau);
  const pNeg = model.pNeg[0]!;
  ensure(
    model.pNeg.every((row) => row.every((v, y) => v === pNeg[y])),
    'sharedPoolRms: every anchor must share one negative law (a self-supervised model)',
  );
  const logMeans = s.map((row) => tauLogSumExp(row, pNeg, tau));
  let sq = 0;
  forEachComposition(m, pNeg, (w, c) => {
    let err = 0;
    for (let x = 0; x < s.length; x++) err += model.p1[x]! * (tauLogSumExp(s[x]!, c, tau, m) - logMeans[x]!);
    sq += w * err * err;
  });
  return Math.sqrt(sq);
}

/** τ √(Σ_x p1 Var_{p₋}(e_x)/(min e_x)²): a bound on √m · sharedPoolRms valid for every m (C8 mechanism). */
export function sharedPoolRateConstant(model: RankingModel, s: Scores, tau: number): number {
  return Math.exp(Math.log(tau) + logWeightedRelativeVariance(model, s, tau, 'min') / 2);
}
