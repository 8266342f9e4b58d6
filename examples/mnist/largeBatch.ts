import { clipLoss } from '../../src/losses/index.js';
import { ensure, gatherRows, type Matrix, matmulABt, matrix, Rng, toRows } from '../../src/numeric/index.js';
import { symmetricLargeBatchLimit } from '../../src/theory/geometry/index.js';

/*
 * Large-batch value consistency (docs/claims.md P1, P13) on trained embeddings. The law is the empirical
 * law of the M held-out pairs (x_i, y_i); a batch is N pairs drawn i.i.d. from it (with replacement), so the
 * theorem's setting holds exactly and its limit is known in closed form (symmetricLargeBatchLimit):
 *   J^Sym_∞ = −E⟨x,y⟩/τ + ½ E_x log E_{y′} e^{⟨x,y′⟩/τ} + ½ E_y log E_{x′} e^{⟨x′,y⟩/τ}
 * which is also L_CLIP − log M on the whole held-out set. The claim: E[L_CLIP(N) − log N] − J^Sym_∞ = O(1/N).
 *
 * E[L_CLIP(N)] = ½ E[row term] + ½ E[column term] − E⟨x,y⟩/τ, and the row term of a batch member i is
 * log(e^{S_ii/τ} + Σ_{k<N} e^{S_{iJ_k}/τ}) with J_1..J_{N−1} i.i.d. uniform (the other members). So the
 * expectation is estimated per anchor, every anchor in turn (stratified), from the M×M table S: O(N) per draw
 * instead of the O(N²d) of a literal batch, which lets N reach thousands. Literal batches through clipLoss
 * cross-check it at small N.
 * Control: the planted "own-marginal" limit (each direction's log-partition over its own modality).
 */

export interface LargeBatchRow {
  readonly N: number;
  /** Draws per anchor (each anchor of the M in turn, both directions). */
  readonly drawsPerAnchor: number;
  /** Estimate of E[L_CLIP(N) − log N] and its standard error. */
  readonly mean: number;
  readonly se: number;
  /** mean − J^Sym_∞ and N times it (O(1/N) means N·bias levels off). */
  readonly bias: number;
  readonly scaledBias: number;
  /** log₂(bias(N/2)/bias(N)): the local order of the decay, 1 for O(1/N) (NaN on the first row). */
  readonly localOrder: number;
  /** N · (mean − J_own): the control. */
  readonly scaledBiasOwn: number;
  /** The same expectation from literal batches through clipLoss (small N only), with its SE. */
  readonly literal?: { readonly reps: number; readonly mean: number; readonly se: number };
}

export interface LargeBatchTable {
  readonly tau: number;
  readonly pairs: number;
  readonly limit: number;
  readonly ownMarginalLimit: number;
  /** Richardson extrapolation 2·mean(N_max) − mean(N_max/2): the limit estimated from the two largest batches. */
  readonly extrapolatedLimit: number;
  readonly extrapolatedSe: number;
  readonly rows: readonly LargeBatchRow[];
}

export interface LargeBatchOptions {
  /** Batch sizes, doubling. */
  readonly sizes: readonly number[];
  /** Total draws per size ≈ budget / N·M per anchor (at least 2, for the SE). */
  readonly budget: number;
  /** Sizes up to this are also estimated from literal batches (clipLoss), `literalReps` batches each. */
  readonly literalUpTo: number;
  readonly literalReps: number;
  readonly seed: number;
}

interface Estimate {
  readonly mean: number;
  readonly varOfMean: number;
}

/**
 * Per anchor i: the mean and variance over `draws` draws of log Σ_{c ∈ {i, J_1..J_{N−1}}} e^{S_ic/τ}, from the
 * shifted exponentials E_ij = e^{S_ij/τ − max_j S_ij/τ}.
 */
function rowTerms(E: Float64Array, shift: Float64Array, M: number, N: number, draws: number, rng: Rng): Estimate {
  let total = 0,
    varSum = 0;
  for (let i = 0; i < M; i++) {
    let s = 0,
      s2 = 0;
    for (let r = 0; r < draws; r++) {
      let z = E[i * M + i]!;
      for (let k = 1; k < N; k++) z += E[i * M + rng.int(M)]!;
      const v = shift[i]! + Math.log(z);
      s += v;
      s2 += v * v;
    }
    const m = s / draws;
    total += m;
    varSum += Math.max(0, s2 / draws - m * m) / (draws - 1); // the variance of anchor i's mean
  }
  return { mean: total / M, varOfMean: varSum / (M * M) };
}

/** exp(S/τ − row max) and the row maxima, for S = A Bᵀ. */
function shiftedExp(A: Matrix, B: Matrix, tau: number): { E: Float64Array; shift: Float64Array } {
  const M = A.rows,
    S = matmulABt(A, B, matrix(M, M)).data,
    shift = new Float64Array(M);
  for (let i = 0; i < M; i++) {
    let mx = -Infinity;
    for (let j = 0; j < M; j++) mx = Math.max(mx, S[i * M + j]! / tau);
    shift[i] = mx;
    for (let j = 0; j < M; j++) S[i * M + j] = Math.exp(S[i * M + j]! / tau - mx);
  }
  return { E: S, shift };
}

/** The table on paired, unit-row embeddings X, Y at temperature τ. */
export function largeBatchTable(X: Matrix, Y: Matrix, tau: number, o: LargeBatchOptions): LargeBatchTable {
  const M = X.rows;
  ensure(Y.rows === M && M >= 2, 'largeBatchTable: X and Y must hold the same M >= 2 pairs');
  const pi = Array.from({ length: M }, (_, i) => Array.from({ length: M }, (_, j) => (i === j ? 1 : 0)));
  const law = { a: toRows(X), b: toRows(Y), pi };
  const limit = symmetricLargeBatchLimit(law, tau),
    own = symmetricLargeBatchLimit(law, tau, true);
  let diag = 0;
  for (let k = 0; k < M * X.cols; k++) diag += X.data[k]! * Y.data[k]!;
  diag /= M * tau; // E⟨x, y⟩/τ
  const rowsE = shiftedExp(X, Y, tau),
    colsE = shiftedExp(Y, X, tau);
  const rng = new Rng(o.seed);
  const rows: LargeBatchRow[] = [];
  for (const N of o.sizes) {
    const draws = Math.max(2, Math.round(o.budget / (N * M)));
    const r = rowTerms(rowsE.E, rowsE.shift, M, N, draws, rng),
      c = rowTerms(colsE.E, colsE.shift, M, N, draws, rng);
    const mean = 0.5 * (r.mean + c.mean) - diag - Math.log(N),
      se = 0.5 * Math.sqrt(r.varOfMean + c.varOfMean);
    const prev = rows.at(-1);
    rows.push({
      N,
      drawsPerAnchor: draws,
      mean,
      se,
      bias: mean - limit,
      scaledBias: N * (mean - limit),
      localOrder: prev ? Math.log(prev.bias / (mean - limit)) / Math.log(N / prev.N) : NaN,
      scaledBiasOwn: N * (mean - own),
      literal: N <= o.literalUpTo ? literalBatches(X, Y, tau, N, o.literalReps, rng) : undefined,
    });
  }
  const [prev, last] = rows.slice(-2) as [LargeBatchRow, LargeBatchRow];
  const k = last.N / prev.N; // Richardson for a c/N bias: (k·E_N − E_{N/k})/(k − 1)
  return {
    tau,
    pairs: M,
    limit,
    ownMarginalLimit: own,
    extrapolatedLimit: (k * last.mean - prev.mean) / (k - 1),
    extrapolatedSe: Math.hypot(k * last.se, prev.se) / (k - 1),
    rows,
  };
}

/** Mean and SE of L_CLIP − log N over `reps` literal batches of N i.i.d. pairs. */
function literalBatches(
  X: Matrix,
  Y: Matrix,
  tau: number,
  N: number,
  reps: number,
  rng: Rng,
): LargeBatchRow['literal'] {
  let s = 0,
    s2 = 0;
  for (let r = 0; r < reps; r++) {
    const idx = Array.from({ length: N }, () => rng.int(X.rows));
    const v = clipLoss(gatherRows(X, idx), gatherRows(Y, idx), tau) - Math.log(N);
    s += v;
    s2 += v * v;
  }
  const mean = s / reps;
  return { reps, mean, se: Math.sqrt(Math.max(0, s2 / reps - mean * mean) / (reps - 1)) };
}
