import { CrlInputError, ensure } from '../../numeric/index.js';
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

const logFactorials: number[] = [0];
function logFactorial(n: number): number {
  for (let k = logFactorials.length; k <= n; k++) logFactorials[k] = logFactorials[k - 1]! + Math.log(k);
  return logFactorials[n]!;
}

/**
 * Calls visit(weight, c) for every count vector c of m draws from p (weight = its multinomial probability).
 * The vector passed is reused between calls.
 */
export function forEachComposition(m: number, p: readonly number[], visit: (weight: number, c: Int32Array) => void): void {
  ensure(Number.isInteger(m) && m >= 1, () => `m must be an integer >= 1, got ${m}`);
  const k = p.length;
  const count = compositionCount(m, k);
  if (count > MAX_COMPOSITIONS) throw new CrlInputError(`exact enumeration over ${count} count vectors (m = ${m}, Ky = ${k}) exceeds ${MAX_COMPOSITIONS}; use a smaller m or fewer candidates`);
  const logp = p.map((v) => Math.log(v));
  const c = new Int32Array(k);
  const rec = (i: number, left: number, lw: number): void => {
    if (i === k - 1) {
      c[i] = left;
      visit(Math.exp(lw + (left ? left * logp[i]! : 0) - logFactorial(left)), c);
      return;
    }
    for (let n = 0; n <= left; n++) {
      c[i] = n;
      rec(i + 1, left - n, lw + (n ? n * logp[i]! : 0) - logFactorial(n));
    }
  };
  rec(0, m, logFactorial(m));
}

/** e_x(y) / max_y e_x(y) and the shift max_y s(x,y), so sums never overflow. */
function shiftedExp(row: readonly number[], tau: number): { e: number[]; shift: number } {
  const shift = Math.max(...row);
  return { e: row.map((v) => Math.exp((v - shift) / tau)), shift };
}

/** The exact finite-m risk L_m(s) (form 'normalized', A) or L_m^NCE(s) (form 'infonce', B). */
export function finiteMRisk(model: RankingModel, s: Scores, tau: number, m: number, form: FiniteMForm = 'normalized'): number {
  requireRankingInput(model, s, tau);
  ensure(form === 'normalized' || form === 'infonce', () => `form must be 'normalized' or 'infonce', got ${String(form)}`);
  let total = 0;
  for (let x = 0; x < model.p1.length; x++) {
    if (model.p1[x] === 0) continue;
    const row = s[x]!, pPos = model.pPos[x]!;
    const { e, shift } = shiftedExp(row, tau);
    let pos = 0;
    for (let y = 0; y < row.length; y++) pos += pPos[y]! * row[y]!;
    let inner = 0;
    forEachComposition(m, model.pNeg[x]!, (w, c) => {
      let dot = 0;
      for (let y = 0; y < e.length; y++) dot += c[y]! * e[y]!;
      if (form === 'normalized') inner += w * Math.log(dot / m);
      else for (let y = 0; y < e.length; y++) if (pPos[y]! > 0) inner += w * pPos[y]! * Math.log(e[y]! + dot);
    });
    total += model.p1[x]! * (tau * inner + shift - pos);
  }
  return total;
}

function negMoments(pNeg: readonly number[], e: readonly number[]): { mean: number; variance: number; min: number } {
  let mean = 0, sq = 0;
  for (let y = 0; y < e.length; y++) { mean += pNeg[y]! * e[y]!; sq += pNeg[y]! * e[y]! * e[y]!; }
  return { mean, variance: Math.max(0, sq - mean * mean), min: Math.min(...e) };
}

/** Σ_x p1 Var_{P₋}(e_x) / d_x², with d_x = min_y e_x (`'min'`) or E_{P₋} e_x (`'mean'`); e_x = e^{s(x,·)/τ}. */
function relativeVariance(model: RankingModel, s: Scores, tau: number, scale: 'min' | 'mean'): number {
  requireRankingInput(model, s, tau);
  let total = 0;
  for (let x = 0; x < model.p1.length; x++) {
    const { mean, variance, min } = negMoments(model.pNeg[x]!, shiftedExp(s[x]!, tau).e);
    const d = scale === 'min' ? min : mean;
    total += model.p1[x]! * variance / (d * d);
  }
  return total;
}

/** B_m = (τ/2m) Σ_x p1 Var_{P₋}(e_x) / (min_y e_x)²: the two-sided bias bound 0 <= L − L_m <= B_m (C6.2). */
export function jensenBiasBound(model: RankingModel, s: Scores, tau: number, m: number): number {
  return (tau / (2 * m)) * relativeVariance(model, s, tau, 'min');
}

/** C_asym = (τ/2) Σ_x p1 Var_{P₋}(e_x) / (E_{P₋} e_x)², the limit of m (L − L_m) (C6.3). */
export function asymptoticBiasConstant(model: RankingModel, s: Scores, tau: number): number {
  return (tau / 2) * relativeVariance(model, s, tau, 'mean');
}

/**
 * The form-B bias bound (C7.2): |L_m^NCE − τ log m − L| <= τ Σ_x p1 Σ_{y+} P₊(y+) max(1/(m μ), Var/(2m a²)),
 * with z = e^{(s − s(x,y+))/τ} under P₋, μ = E z, a = min z (upper side: Jensen on log(1/m + z̄);
 * lower side: the C6 bound for E log z̄).
 */
export function infoNceBiasBound(model: RankingModel, s: Scores, tau: number, m: number): number {
  requireRankingInput(model, s, tau);
  let total = 0;
  for (let x = 0; x < model.p1.length; x++) {
    const row = s[x]!;
    for (let yp = 0; yp < row.length; yp++) {
      const w = model.p1[x]! * model.pPos[x]![yp]!;
      if (w === 0) continue;
      const z = row.map((v) => Math.exp((v - row[yp]!) / tau));
      const { mean, variance, min } = negMoments(model.pNeg[x]!, z);
      total += w * Math.max(1 / (m * mean), variance / (2 * m * min * min));
    }
  }
  return tau * total;
}

/**
 * Root-mean-square error of one shared pool of m negatives from one law p₋ (self-supervised, n = ∞ anchors):
 * err(c) = Σ_x p1 τ [log((c·e_x)/m) − log E_{p₋} e_x], RMS = √(E_c err²). Needs the same P₋ for every anchor.
 */
export function sharedPoolRms(model: RankingModel, s: Scores, tau: number, m: number): number {
  requireRankingInput(model, s, tau);
  const pNeg = model.pNeg[0]!;
  ensure(model.pNeg.every((row) => row.every((v, y) => v === pNeg[y])), 'sharedPoolRms: every anchor must share one negative law (a self-supervised model)');
  const rows = s.map((row) => shiftedExp(row, tau).e);
  const logMeans = rows.map((e) => Math.log(negMoments(pNeg, e).mean));
  let sq = 0;
  forEachComposition(m, pNeg, (w, c) => {
    let err = 0;
    for (let x = 0; x < rows.length; x++) {
      let dot = 0;
      for (let y = 0; y < c.length; y++) dot += c[y]! * rows[x]![y]!;
      err += model.p1[x]! * tau * (Math.log(dot / m) - logMeans[x]!);
    }
    sq += w * err * err;
  });
  return Math.sqrt(sq);
}

/** τ √(Σ_x p1 Var_{p₋}(e_x)/(min e_x)²): a bound on √m · sharedPoolRms valid for every m (C8 mechanism). */
export function sharedPoolRateConstant(model: RankingModel, s: Scores, tau: number): number {
  return tau * Math.sqrt(relativeVariance(model, s, tau, 'min'));
}
