import { dot, ensure, logSumExp, type Matrix, requireTemperature, type Rng } from '../../numeric/index.js';
import { logVmfMgf, meanResultantLength, sampleVmf, sampleVmfMixture, type VmfComponent } from '../../sphere/index.js';

/*
 * Large-batch deterministic energies of paper 2 (docs/claims.md P1, P2, P13), cosine critic.
 * Unimodal, negatives w ~ q (a vMF mixture), positives z⁺ ~ vMF(z, κ₊):
 *   ℓ_N(z) = −s⁺/τ + log(e^{s⁺/τ} + Σ_{j<=N} e^{⟨z,w_j⟩/τ}),   Γ(z) = E_q e^{⟨z,w⟩/τ} (closed form)
 *   e_N = ℓ_N + s⁺/τ − log N − log Γ(z), so E ℓ_N − log N − J_∞ = E e_N with J_∞ = −E s⁺/τ + E_z log Γ(z)
 *   g_N = ∇_z ℓ_N = −z⁺/τ + (1/τ) Σ_c softmax_c(⟨z,c⟩/τ) c over c ∈ {z⁺, w_1..w_N};  g_∞ = −z⁺/τ + ∇ log Γ(z)
 * Symmetric multimodal on a finite pair law π over atoms a_i (modality 1) and b_j (modality 2):
 *   J^Sym_∞ = −E_π⟨a,b⟩/τ + ½ E_{i~π₁} log E_{j~π₂} e^{⟨a_i,b_j⟩/τ} + ½ E_{j~π₂} log E_{i~π₁} e^{⟨a_i,b_j⟩/τ}
 * (each direction's log-partition uses the OTHER modality's marginal).
 */

/** log(p_k Γ_k(z)) per mixture component, Γ_k(z) = E_{vMF(m_k, κ_k)} e^{⟨z,w⟩/τ} (weights normalized). */
function componentLogs(z: ArrayLike<number>, q: readonly VmfComponent[], tau: number): number[] {
  requireTemperature(tau);
  const total = q.reduce((a, c) => a + (c.weight ?? 1), 0);
  return q.map((c) => Math.log((c.weight ?? 1) / total) + logVmfMgf(z, c.mean, c.kappa, tau));
}

/** log Γ(z) = log Σ_k p_k E_{vMF(m_k, κ_k)} e^{⟨z,w⟩/τ}. */
export function logPartitionField(z: ArrayLike<number>, q: readonly VmfComponent[], tau: number): number {
  return logSumExp(componentLogs(z, q, tau));
}

/**
 * log Γ(z) and ∇_z log Γ(z) = Σ_k w_k A_d(r_k) (κ_k m_k + z/τ)/(τ r_k), r_k = ‖κ_k m_k + z/τ‖, w_k ∝ p_k Γ_k(z),
 * from one evaluation of the component MGFs.
 */
export function partitionField(
  z: ArrayLike<number>,
  q: readonly VmfComponent[],
  tau: number,
): { log: number; grad: Float64Array } {
  const d = z.length,
    logs = componentLogs(z, q, tau);
  const l = logSumExp(logs),
    grad = new Float64Array(d);
  q.forEach((c, k) => {
    const v = Array.from({ length: d }, (_, j) => c.kappa * c.mean[j]! + z[j]! / tau);
    const r = Math.hypot(...v),
      w = Math.exp(logs[k]! - l);
    if (r === 0) return;
    const f = (w * meanResultantLength(d, r)) / (tau * r);
    for (let j = 0; j < d; j++) grad[j]! += f * v[j]!;
  });
  return { log: l, grad };
}

export interface UnimodalDraw {
  /** e_N per anchor (value error against the closed-form limit). */
  readonly valueError: Float64Array;
  /** g_N − g_∞ per anchor, rows of a Matrix (ambient gradients). */
  readonly gradError: Matrix;
  /** The anchors z and their positives. */
  readonly anchors: Matrix;
  readonly positives: Matrix;
}

/**
 * One draw of the unimodal finite-batch InfoNCE against its large-batch limit: `anchors` anchors z ~ q with
 * positives z⁺ ~ vMF(z, κ₊) sharing one pool of N negatives ~ q (as in the paper's code).
 */
export function unimodalDraw(
  rng: Rng,
  q: readonly VmfComponent[],
  kappaPos: number,
  tau: number,
  N: number,
  anchors: number,
): UnimodalDraw {
  ensure(Number.isInteger(N) && N >= 1, () => `N must be an integer >= 1, got ${N}`);
  const Z = sampleVmfMixture(rng, q, anchors).points,
    W = sampleVmfMixture(rng, q, N).points,
    d = Z.cols;
  const P = new Float64Array(anchors * d);
  const valueError = new Float64Array(anchors),
    grad = new Float64Array(anchors * d);
  const logits = new Float64Array(N + 1);
  for (let i = 0; i < anchors; i++) {
    const z = Z.data.subarray(i * d, (i + 1) * d);
    const zp = sampleVmf(rng, z, kappaPos, 1).data;
    P.set(zp, i * d);
    let sp = 0;
    for (let k = 0; k < d; k++) sp += z[k]! * zp[k]!;
    logits[0] = sp / tau;
    for (let j = 0; j < N; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += z[k]! * W.data[j * d + k]!;
      logits[j + 1] = s / tau;
    }
    const lse = logSumExp(logits);
    const { log: logGamma, grad: g } = partitionField(z, q, tau);
    valueError[i] = lse - Math.log(N) - logGamma;
    for (let k = 0; k < d; k++) {
      let m = Math.exp(logits[0]! - lse) * zp[k]!;
      for (let j = 0; j < N; j++) m += Math.exp(logits[j + 1]! - lse) * W.data[j * d + k]!;
      grad[i * d + k] = m / tau - g[k]!; // (−z⁺/τ + M/τ) − (−z⁺/τ + ∇ log Γ)
    }
  }
  return {
    valueError,
    gradError: { rows: anchors, cols: d, data: grad },
    anchors: Z,
    positives: { rows: anchors, cols: d, data: P },
  };
}

/**
 * Per-anchor constants of the rigorous bounds (a = e^{−1/τ} = min e^{⟨z,w⟩/τ}, Γ_{τ/2} = E e^{2⟨z,w⟩/τ} >= Var):
 *   value:    N |E[e_N | z]| <= max(E[e^{s⁺/τ} | z]/Γ(z), Γ_{τ/2}(z)/(2a²))
 *   gradient: √N E[‖g_N − g_∞‖ | z] <= (2/(τ a)) (√Γ_{τ/2}(z) + e^{1/τ}/√N)
 */
export function unimodalRateConstants(
  z: ArrayLike<number>,
  q: readonly VmfComponent[],
  kappaPos: number,
  tau: number,
  N: number,
): { value: number; gradient: number } {
  const logG = logPartitionField(z, q, tau),
    logG2 = logPartitionField(z, q, tau / 2),
    a = Math.exp(-1 / tau);
  const posMgf = Math.exp(logVmfMgf(z, z, kappaPos, tau));
  return {
    value: Math.max(posMgf / Math.exp(logG), Math.exp(logG2) / (2 * a * a)),
    gradient: (2 / (tau * a)) * (Math.exp(logG2 / 2) + Math.exp(1 / tau) / Math.sqrt(N)),
  };
}

/** A finite cross-modal pair law: atoms a_i, b_j on S^{d−1} (rows) and weights π_ij >= 0. */
export interface PairLaw {
  readonly a: readonly (readonly number[])[];
  readonly b: readonly (readonly number[])[];
  readonly pi: readonly (readonly number[])[];
}

function marginals(law: PairLaw): { total: number; p1: number[]; p2: number[] } {
  const total = law.pi.flat().reduce((a, b) => a + b, 0);
  ensure(total > 0, 'pair law: π needs positive mass');
  return {
    total,
    p1: law.pi.map((row) => row.reduce((a, b) => a + b, 0) / total),
    p2: law.b.map((_, j) => law.pi.reduce((a, row) => a + row[j]!, 0) / total),
  };
}

/** J^Sym_∞ (cross-marginal log-partitions), or with `ownMarginal` the planted variant using each modality's own marginal. */
export function symmetricLargeBatchLimit(law: PairLaw, tau: number, ownMarginal = false): number {
  requireTemperature(tau);
  const { total, p1, p2 } = marginals(law);
  let pos = 0;
  for (const [i, row] of law.pi.entries()) {
    for (const [j, w] of row.entries()) pos += (w / total) * dot(law.a[i]!, law.b[j]!);
  }
  const logMean = (x: readonly number[], atoms: readonly (readonly number[])[], p: number[]): number =>
    logSumExp(atoms.map((y, k) => (p[k]! > 0 ? Math.log(p[k]!) + dot(x, y) / tau : -Infinity)));
  let t1 = 0,
    t2 = 0;
  law.a.forEach((x, i) => {
    if (p1[i]! > 0) t1 += p1[i]! * (ownMarginal ? logMean(x, law.a, p1) : logMean(x, law.b, p2));
  });
  law.b.forEach((y, j) => {
    if (p2[j]! > 0) t2 += p2[j]! * (ownMarginal ? logMean(y, law.b, p2) : logMean(y, law.a, p1));
  });
  return -pos / tau + 0.5 * t1 + 0.5 * t2;
}

/** Draws B pairs (i, j) ~ π and returns the batch as two B×d matrices. */
export function samplePairs(rng: Rng, law: PairLaw, B: number): { X: Matrix; Y: Matrix } {
  const cells: [number, number, number][] = [];
  for (const [i, row] of law.pi.entries()) {
    for (const [j, w] of row.entries()) if (w > 0) cells.push([i, j, w]);
  }
  const total = cells.reduce((a, c) => a + c[2], 0),
    d = law.a[0]!.length;
  const X = { rows: B, cols: d, data: new Float64Array(B * d) },
    Y = { rows: B, cols: d, data: new Float64Array(B * d) };
  for (let n = 0; n < B; n++) {
    let u = rng.uniform() * total,
      c = 0;
    while (c < cells.length - 1 && u >= cells[c]![2]) {
      u -= cells[c]![2];
      c++;
    }
    X.data.set(law.a[cells[c]![0]]!, n * d);
    Y.data.set(law.b[cells[c]![1]]!, n * d);
  }
  return { X, Y };
}

/** A bound on B·|E L_CLIP(B) − log B − J^Sym_∞| valid for every B >= 2: max(e^{2/τ}, 2 log 2 + e^{4/τ}). */
export function symmetricRateConstant(tau: number): number {
  return Math.max(Math.exp(2 / tau), 2 * Math.LN2 + Math.exp(4 / tau));
}
