import {
  dotAt,
  ensure,
  expShifted,
  type Matrix,
  matmulAB,
  matmulABt,
  matmulAtB,
  matrix,
  requireEmbeddings,
  requireTemperature,
} from '../numeric/index.js';

/*
 * InfoNCE with m explicit negatives per anchor (docs/claims.md, notation of papers 1 and 2):
 *   'positive-in-denominator':  ℓ_i = −s⁺_i/τ + log(e^{s⁺_i/τ} + Σ_j e^{s⁻_ij/τ}) = log(1 + Σ_j e^{δ_ij})
 *   'normalized':               ℓ_i = −s⁺_i/τ + log((1/m) Σ_j e^{s⁻_ij/τ})      = log((1/m) Σ_j e^{δ_ij})
 * with s⁺_i = ⟨a_i, p_i⟩, s⁻_ij = ⟨a_i, n_ij⟩, δ_ij = (s⁻_ij − s⁺_i)/τ, and L = (1/n) Σ_i ℓ_i.
 * The normalized form is the "global contrastive" form; unlike the other it can be negative.
 */

export type InfoNceForm = 'positive-in-denominator' | 'normalized';

export interface InfoNceInput {
  /** n×d anchors. */
  readonly anchors: Matrix;
  /** n×d positives, row i paired with anchor i. */
  readonly positives: Matrix;
  /** Negatives: (n·m)×d, rows i·m … i·m+m−1 for anchor i; or m×d shared by all anchors when `shared`. */
  readonly negatives: Matrix;
  /** Negatives per anchor (m >= 1). */
  readonly m: number;
  readonly tau: number;
  readonly form?: InfoNceForm;
  /** One pool of m negatives for every anchor (the official paper-2 code's layout). */
  readonly shared?: boolean;
}

export interface InfoNceResult {
  readonly loss: number;
  /** Per-anchor losses ℓ_i. */
  readonly perAnchor: Float64Array;
  readonly gradAnchors?: Matrix;
  readonly gradPositives?: Matrix;
  readonly gradNegatives?: Matrix;
}

function validate(inp: InfoNceInput): void {
  const { anchors: A, positives: P, negatives: N, m } = inp;
  requireEmbeddings(A, 'anchors');
  requireEmbeddings(P, 'positives');
  requireEmbeddings(N, 'negatives');
  requireTemperature(inp.tau);
  ensure(Number.isInteger(m) && m >= 1, () => `m (negatives per anchor) must be an integer >= 1, got ${m}`);
  ensure(
    P.rows === A.rows && P.cols === A.cols,
    () => `positives are ${P.rows}×${P.cols}, anchors ${A.rows}×${A.cols}`,
  );
  ensure(N.cols === A.cols, () => `negatives have dimension ${N.cols}, anchors ${A.cols}`);
  const want = inp.shared ? m : A.rows * m;
  ensure(
    N.rows === want,
    () => `negatives have ${N.rows} rows, expected ${want} (${inp.shared ? 'm shared' : 'n·m per-anchor'})`,
  );
  const f = inp.form ?? 'positive-in-denominator';
  ensure(f === 'positive-in-denominator' || f === 'normalized', () => `unknown InfoNCE form '${String(f)}'`);
}

/** InfoNCE loss value and per-anchor terms. */
export function infoNce(inp: InfoNceInput): InfoNceResult {
  validate(inp);
  return core(inp, false);
}

/** InfoNCE with analytic gradients for anchors, positives and negatives. */
export function infoNceWithGrad(inp: InfoNceInput): Required<InfoNceResult> {
  validate(inp);
  return core(inp, true) as Required<InfoNceResult>;
}

/** Scratch of the shared-pool path for one (n, m, d), kept between calls (the returned gradients are fresh). */
interface SharedScratch {
  readonly n: number;
  readonly m: number;
  readonly d: number;
  /** n×m scores ⟨a_i, n_j⟩, then ∂L/∂s_ij. */
  readonly S: Matrix;
}

/** Scratch larger than this many doubles is not kept between calls (it would pin memory that the caller freed). */
const KEEP_SCRATCH_MAX = 1 << 22;
let kept: SharedScratch | undefined;

function sharedScratch(n: number, m: number, d: number): SharedScratch {
  if (kept && kept.n === n && kept.m === m && kept.d === d) return kept;
  const s = { n, m, d, S: matrix(n, m) };
  if (n * m <= KEEP_SCRATCH_MAX) kept = s;
  return s;
}

/** Per-anchor term ℓ_i from its raw scores δ_j (in `delta`, overwritten by e^{δ_j − mx}); returns [ℓ_i, denom]. */
function anchorTerm(delta: Float64Array, deltaRaw: Float64Array, mx: number, normalized: boolean): [number, number] {
  expShifted(delta, mx);
  let s = 0;
  for (let j = 0; j < delta.length; j++) s += delta[j]!;
  if (normalized) return [normalizedTerm(deltaRaw, mx, s), s];
  if (mx === 0) return [Math.log1p(s), 1 + s];
  const tail = Math.exp(-mx); // the positive's own term e^{0 − mx}
  return [mx + Math.log(s + tail), s + tail];
}

function core(inp: InfoNceInput, grad: boolean): InfoNceResult {
  const { anchors: A, positives: P, negatives: N, m, tau } = inp;
  const normalized = (inp.form ?? 'positive-in-denominator') === 'normalized';
  const n = A.rows,
    d = A.cols,
    inv = 1 / tau,
    c = inv / n;
  const a = A.data,
    p = P.data,
    nd = N.data;
  const perAnchor = new Float64Array(n);
  const gA = grad ? matrix(n, d) : undefined,
    gP = grad ? matrix(n, d) : undefined,
    gN = grad ? matrix(N.rows, d) : undefined;
  // shared pool: every score at once, s_ij = ⟨a_i, n_j⟩, by the blocked product (each entry in the order of dotAt)
  const scratch = inp.shared ? sharedScratch(n, m, d) : undefined;
  const S = scratch ? matmulABt(A, N, scratch.S).data : undefined;
  const delta = new Float64Array(S ? 0 : m),
    deltaRaw = new Float64Array(normalized ? m : 0);
  const cWs = grad && scratch ? new Float64Array(n) : undefined;
  const evenSum = grad && !scratch ? new Float64Array(d) : undefined,
    oddSum = grad && !scratch ? new Float64Array(d) : undefined;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const ia = i * d,
      sPos = dotAt(a, ia, p, ia, d);
    const base = scratch ? 0 : i * m;
    // the row's δ_ij = (s_ij − s⁺_i)/τ, in place in S for a shared pool
    const row = S ? S.subarray(i * m, (i + 1) * m) : delta;
    let mx = normalized ? -Infinity : 0; // the positive-in-denominator form also holds the term e^0
    if (!S) for (let j = 0; j < m; j++) row[j] = dotAt(a, ia, nd, (base + j) * d, d);
    for (let j = 0; j < m; j++) {
      const v = (row[j]! - sPos) * inv;
      row[j] = v;
      if (v > mx) mx = v;
    }
    if (normalized) deltaRaw.set(row);
    const [li, denom] = anchorTerm(row, deltaRaw, mx, normalized); // row now holds e^{δ−mx}
    perAnchor[i] = li;
    total += li;
    if (!grad) continue;
    // w_ij = ∂ℓ_i/∂δ_ij; ∂ℓ_i/∂a_i = (Σ_j w_ij n_ij − W_i p_i)/τ, ∂ℓ_i/∂p_i = −W_i a_i/τ, ∂ℓ_i/∂n_ij = w_ij a_i/τ
    let W = 0;
    const r = 1 / denom;
    for (let j = 0; j < m; j++) {
      const w = row[j]! * r;
      W += w;
      row[j] = c * w; // G_ij = ∂L/∂s_ij
    }
    if (!S) perAnchorGrad(row, a, ia, nd, base * d, d, gA!.data, gN!.data, evenSum!, oddSum!);
    const cW = c * W;
    for (let k = 0; k < d; k++) gP!.data[ia + k] = -cW * a[ia + k]!;
    if (S) cWs![i] = cW;
    else for (let k = 0; k < d; k++) gA!.data[ia + k]! -= cW * p[ia + k]!;
  }
  if (grad && scratch) {
    // ∂L/∂A = G·N − diag(cW)·P and ∂L/∂N = Gᵀ·A, by the blocked product read in place (dotAt's order)
    matmulAB(scratch.S, N, gA!);
    matmulAtB(scratch.S, A, gN!);
    for (let i = 0; i < n; i++) {
      const ia = i * d,
        cW = cWs![i]!;
      for (let k = 0; k < d; k++) gA!.data[ia + k]! -= cW * p[ia + k]!;
    }
  }
  const loss = total / n;
  return grad ? { loss, perAnchor, gradAnchors: gA, gradPositives: gP, gradNegatives: gN } : { loss, perAnchor };
}

/**
 * The per-anchor layout's gradient of anchor i from G_j = ∂L/∂s_ij: ∂L/∂n_ij = G_j a_i, and Σ_j G_j n_ij added to
 * ∂L/∂a_i in the order of dotAt over j (even and odd j apart, then the last odd one), as the blocked product sums.
 */
function perAnchorGrad(
  G: Float64Array,
  a: Float64Array,
  ia: number,
  nd: Float64Array,
  row0: number,
  d: number,
  gA: Float64Array,
  gN: Float64Array,
  even: Float64Array,
  odd: Float64Array,
): void {
  const m = G.length;
  even.fill(0);
  odd.fill(0);
  let j = 0;
  for (; j + 1 < m; j += 2) {
    const g0 = G[j]!,
      g1 = G[j + 1]!,
      r0 = row0 + j * d,
      r1 = r0 + d;
    for (let k = 0; k < d; k++) {
      even[k]! += g0 * nd[r0 + k]!;
      odd[k]! += g1 * nd[r1 + k]!;
      gN[r0 + k] = g0 * a[ia + k]!;
      gN[r1 + k] = g1 * a[ia + k]!;
    }
  }
  for (let k = 0; k < d; k++) gA[ia + k] = even[k]! + odd[k]!;
  if (j < m) {
    const g = G[j]!,
      r = row0 + j * d;
    for (let k = 0; k < d; k++) {
      gA[ia + k]! += g * nd[r + k]!;
      gN[r + k] = g * a[ia + k]!;
    }
  }
}

/**
 * The normalized term log((1/m) Σ_j e^{δ_j}) from mx = max δ and s = Σ e^{δ_j − mx}. Near 0 (|term| < ½) it is
 * recomputed as log1p((1/m) Σ_j expm1(δ_j)), which keeps its relative precision (issue 11, item 4: the LSE form
 * returned 0 for 7.5e-17).
 */
function normalizedTerm(delta: Float64Array, mx: number, s: number): number {
  const m = delta.length,
    lse = mx + Math.log(s / m);
  if (!(Math.abs(lse) < 0.5)) return lse;
  let mean = 0;
  for (let j = 0; j < m; j++) mean += Math.expm1(delta[j]!);
  return Math.log1p(mean / m);
}
