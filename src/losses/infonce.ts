import { dot, ensure, type Matrix, matrix, requireEmbeddings, requireTemperature } from '../numeric/index.js';

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

function core(inp: InfoNceInput, grad: boolean): InfoNceResult {
  const { anchors: A, positives: P, negatives: N, m, tau } = inp;
  const normalized = (inp.form ?? 'positive-in-denominator') === 'normalized';
  const n = A.rows,
    d = A.cols,
    inv = 1 / tau;
  const perAnchor = new Float64Array(n);
  const gA = grad ? matrix(n, d) : undefined,
    gP = grad ? matrix(n, d) : undefined,
    gN = grad ? matrix(N.rows, d) : undefined;
  const delta = new Float64Array(m),
    deltaRaw = new Float64Array(m);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const a = A.data.subarray(i * d, (i + 1) * d),
      p = P.data.subarray(i * d, (i + 1) * d);
    const sPos = dot(a, p);
    const base = inp.shared ? 0 : i * m;
    let mx = normalized ? -Infinity : 0; // the positive-in-denominator form also holds the term e^0
    for (let j = 0; j < m; j++) {
      delta[j] = (dot(a, N.data.subarray((base + j) * d, (base + j + 1) * d)) - sPos) * inv;
      deltaRaw[j] = delta[j]!;
      if (delta[j]! > mx) mx = delta[j]!;
    }
    let s = 0;
    for (let j = 0; j < m; j++) {
      delta[j] = Math.exp(delta[j]! - mx);
      s += delta[j]!;
    } // delta now holds e^{δ−mx}
    let li: number, denom: number;
    if (normalized) {
      li = normalizedTerm(deltaRaw, mx, s);
      denom = s;
    } else if (mx === 0) {
      li = Math.log1p(s);
      denom = 1 + s;
    } else {
      li = mx + Math.log(s + Math.exp(-mx));
      denom = s + Math.exp(-mx);
    }
    perAnchor[i] = li;
    total += li;
    if (!grad) continue;
    // w_ij = ∂ℓ_i/∂δ_ij; ∂ℓ_i/∂a_i = (Σ_j w_ij n_ij − W_i p_i)/τ, ∂ℓ_i/∂p_i = −W_i a_i/τ, ∂ℓ_i/∂n_ij = w_ij a_i/τ
    const c = inv / n;
    let W = 0;
    for (let j = 0; j < m; j++) {
      const w = delta[j]! / denom;
      W += w;
      const row = (base + j) * d;
      for (let k = 0; k < d; k++) {
        gA!.data[i * d + k]! += c * w * N.data[row + k]!;
        gN!.data[row + k]! += c * w * a[k]!;
      }
    }
    for (let k = 0; k < d; k++) {
      gA!.data[i * d + k]! -= c * W * p[k]!;
      gP!.data[i * d + k] = -c * W * a[k]!;
    }
  }
  const loss = total / n;
  return grad ? { loss, perAnchor, gradAnchors: gA, gradPositives: gP, gradNegatives: gN } : { loss, perAnchor };
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
