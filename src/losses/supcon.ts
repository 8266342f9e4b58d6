import { dot, ensure, type Matrix, requireEmbeddings, requireTemperature } from '../numeric/index.js';

/*
 * Supervised contrastive loss (Khosla et al.; HobbitLong/SupContrast losses.py at HEAD 66a8fe5).
 * Views v = 0..V−1 of a batch of B items are stacked into V·B contrast rows c; z_ab = ⟨anchor_a, c_b⟩/τ;
 *   log_prob_ab = z_ab − log Σ_{k≠a} e^{z_ak},
 *   mean_log_prob_pos_a = Σ_{b≠a, label_b = label_a} log_prob_ab / max(|P(a)|, 1),
 *   L = −(τ/τ_base) · mean_a mean_log_prob_pos_a.
 * Post-fix semantics (commit 72fd989): an anchor with no positive contributes 0, never NaN.
 * Each −log_prob term is formed without cancellation (negLogProb), so the loss keeps its relative precision
 * as it goes to 0.
 * Without labels every item is its own class (SimCLR / NT-Xent).
 */

export interface SupConInput {
  /** V views, each B×d, row i of every view is item i. */
  readonly views: ReadonlyArray<Matrix>;
  /** B integer labels, or undefined for the self-supervised (SimCLR) case. */
  readonly labels?: ArrayLike<number>;
  readonly tau: number;
  /** τ_base, default 0.07 as in the reference code. */
  readonly baseTau?: number;
  /** 'all' (every view is an anchor) or 'one' (view 0 only), as in the reference code. */
  readonly contrastMode?: 'all' | 'one';
}

export function supConLoss(inp: SupConInput): number {
  const { views, tau } = inp;
  const baseTau = inp.baseTau ?? 0.07,
    mode = inp.contrastMode ?? 'all';
  ensure(views.length >= 1, 'supConLoss: needs at least one view');
  requireTemperature(tau);
  requireTemperature(baseTau, 'baseTau');
  ensure(
    mode === 'all' || mode === 'one',
    () => `supConLoss: contrastMode must be 'all' or 'one', got '${String(mode)}'`,
  );
  const B = views[0]!.rows,
    d = views[0]!.cols,
    V = views.length;
  views.forEach((v, k) => {
    requireEmbeddings(v, `views[${k}]`);
    ensure(v.rows === B && v.cols === d, () => `supConLoss: views[${k}] is ${v.rows}×${v.cols}, views[0] is ${B}×${d}`);
  });
  const labels = inp.labels;
  if (labels) {
    ensure(labels.length === B, () => `supConLoss: ${labels.length} labels for a batch of ${B}`);
    for (let i = 0; i < B; i++)
      ensure(Number.isInteger(labels[i]!), () => `supConLoss: label ${i} is not an integer (${labels[i]})`);
  }
  const total = V * B;
  ensure(total >= 2, 'supConLoss: needs at least two contrast rows (B·V >= 2)');
  const rowOf = (r: number): Float64Array => views[Math.floor(r / B)]!.data.subarray((r % B) * d, ((r % B) + 1) * d);
  const item = (r: number): number => r % B;
  const sameClass = (a: number, b: number): boolean =>
    labels ? labels[item(a)] === labels[item(b)] : item(a) === item(b);
  const anchors = mode === 'all' ? total : B;
  const z = new Float64Array(total),
    e = new Float64Array(total);
  let sum = 0;
  for (let a = 0; a < anchors; a++) {
    const x = rowOf(a);
    let mx = -Infinity;
    for (let b = 0; b < total; b++) {
      z[b] = dot(x, rowOf(b)) / tau;
      if (b !== a && z[b]! > mx) mx = z[b]!;
    }
    let S = 0;
    for (let b = 0; b < total; b++) {
      e[b] = b === a ? 0 : Math.exp(z[b]! - mx);
      S += e[b]!;
    }
    let pos = 0,
      count = 0;
    for (let b = 0; b < total; b++) {
      if (b === a || !sameClass(a, b)) continue;
      pos += negLogProb(z, e, S, mx, a, b);
      count++;
    }
    sum += pos / Math.max(count, 1);
  }
  return (tau / baseTau) * (sum / anchors);
}

/**
 * −log_prob_ab = log Σ_{k≠a} e^{z_ak} − z_ab >= 0, with e_k = e^{z_ak − max}, S = Σ_{k≠a} e_k
 * (issue 11, item 4).
 * When b holds more than half of S (at most one b can), it is log1p(Σ_{k≠a,b} e_k / e_b), summed without b, so
 * a term of 1e-100 keeps its digits; otherwise (max − z_ab) + log S, two non-negative parts.
 */
function negLogProb(z: Float64Array, e: Float64Array, S: number, mx: number, a: number, b: number): number {
  if (e[b]! <= S / 2) return mx - z[b]! + Math.log(S);
  let rest = 0;
  for (let k = 0; k < e.length; k++) if (k !== a && k !== b) rest += e[k]!;
  return Math.log1p(rest / e[b]!);
}
