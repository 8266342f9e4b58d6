import { dot, log1pSumExp, type Matrix, matrix, matmulABt } from '../numeric/index.js';

/*
 * Blocked passes over the Gram matrices of a (subsampled) pair table, so `measure` never holds an N×N matrix and
 * does each O(N²d) product once (issue 13): X·Yᵀ feeds the symmetric InfoNCE at every τ and recall for both
 * pairings (given and shuffled), and the cross terms of the energy distance and MMD²; X·Xᵀ (upper triangle) feeds
 * uniformity and the self terms. Squared distances come from the Gram entries,
 * q = ‖a‖² + ‖b‖² − 2⟨a, b⟩, with a rigorous error bound returned beside each pair mean; the caller falls back to
 * the exact pairwise kernels (src/gaps/energy.ts) when the bound is too wide. Every entry of a block is
 * dot(a_i, b_j) to the bit (one summation order, src/numeric/matrix.ts), so a pair's score taken with `dot`
 * equals its entry in the block.
 */

/** Rows of A per block: a block of A·Bᵀ holds BLOCK_ROWS × B.rows doubles. */
const BLOCK_ROWS = 256;
const U = 2 ** -53;

/** A pair mean and a bound on its float64 error. */
export interface BoundedMean {
  readonly mean: number;
  readonly error: number;
}

type BlockVisitor = (i0: number, rows: number, S: Float64Array, j0: number) => void;

/** Calls visit(i0, rows, S, j0) per block of rows [i0, i0 + rows) of A·B[j0..]ᵀ (S: rows × (B.rows − j0)). */
function forEachBlock(A: Matrix, B: Matrix, from: (i0: number) => number, visit: BlockVisitor): void {
  for (let i0 = 0; i0 < A.rows; i0 += BLOCK_ROWS) {
    const rows = Math.min(BLOCK_ROWS, A.rows - i0),
      j0 = from(i0);
    const a: Matrix = { rows, cols: A.cols, data: A.data.subarray(i0 * A.cols, (i0 + rows) * A.cols) };
    const b: Matrix = { rows: B.rows - j0, cols: B.cols, data: B.data.subarray(j0 * B.cols) };
    visit(i0, rows, matmulABt(a, b, matrix(rows, b.rows)).data, j0);
  }
}

/** ‖m_i‖² by dot, bit-identical to the diagonal of M·Mᵀ. */
function squaredNorms(M: Matrix): Float64Array {
  return Float64Array.from({ length: M.rows }, (_, i) => {
    const r = M.data.subarray(i * M.cols, (i + 1) * M.cols);
    return dot(r, r);
  });
}

/**
 * Pair sums of √q and e^{−g q} with error bounds: q from Gram entries is within Δq = γ(‖a‖ + ‖b‖)²,
 * γ = (d + 4)u;
 * √q is then within Δq/√q (or √Δq when q is about as small), e^{−gq} within e^{−gq}(g·Δq + 2u).
 */
class PairSums {
  // compensated (TwoSum) sums: the summation adds no error beyond the final rounding, whatever the pair count
  private dist = 0;
  private distLo = 0;
  private distErr = 0;
  private kern = 0;
  private kernLo = 0;
  private kernErr = 0;
  constructor(
    private readonly gamma: number,
    private readonly g: number,
  ) {}

  add(q: number, normSum: number, weight: number): void {
    const dq = this.gamma * normSum * normSum + U * q;
    const qc = Math.max(0, q),
      root = weight * Math.sqrt(qc),
      k = weight * Math.exp(-this.g * qc);
    let s = this.dist + root,
      bb = s - this.dist;
    this.distLo += this.dist - (s - bb) + (root - bb);
    this.dist = s;
    s = this.kern + k;
    bb = s - this.kern;
    this.kernLo += this.kern - (s - bb) + (k - bb);
    this.kern = s;
    this.distErr += weight * (qc > dq ? dq / (Math.sqrt(qc) + Math.sqrt(qc - dq)) : Math.sqrt(dq)) + U * root;
    this.kernErr += k * (this.g * dq + 2 * U);
  }

  /** Means over `count` pairs, each with its error bound (the rounding of the sum and the division included). */
  means(count: number): { distance: BoundedMean; kernel: BoundedMean } {
    const dist = this.dist + this.distLo,
      kern = this.kern + this.kernLo;
    return {
      distance: { mean: dist / count, error: (this.distErr + 3 * U * dist) / count },
      kernel: { mean: kern / count, error: (this.kernErr + 3 * U * kern) / count },
    };
  }
}

export interface CrossPassResult {
  /** Symmetric InfoNCE per pairing, per τ. */
  readonly clip: number[][];
  /** Per pairing: for each row i, #{j ≠ p(i) : S_ij >= S_i,p(i)} (x → y ranks)… */
  readonly ranksXY: Int32Array[];
  /** …and for each column j, #{i ≠ p⁻¹(j) : S_ij >= S_p⁻¹(j),j} (y → x ranks). */
  readonly ranksYX: Int32Array[];
  /** Means over all N² pairs of ‖x_i − y_j‖ and e^{−‖x_i − y_j‖²/(2σ²)}. */
  readonly distance: BoundedMean;
  readonly kernel: BoundedMean;
}

/** The pairings of a cross pass: p_k(i) the column paired with row i, q_k = p_k⁻¹, pos_k[i] = S_i,p_k(i). */
interface Pairings {
  readonly n: number;
  readonly p: readonly Int32Array[];
  readonly q: readonly Int32Array[];
  readonly pos: readonly Float64Array[];
}

/**
 * The symmetric InfoNCE terms of one τ, in the log1p form of clipLoss: row i adds log(1 + Σ_{j≠p(i)} e^{(S_ij −
 * S_i,p(i))/τ}), column j likewise over its rows. General path: running shifts per column (two exponentials per
 * entry and pairing), valid at any τ.
 */
class RunningShiftTerms {
  private readonly rowSum: number[];
  private readonly shift: Float64Array[];
  private readonly sum: Float64Array[];
  private readonly delta: Float64Array;
  constructor(
    private readonly P: Pairings,
    private readonly tau: number,
  ) {
    this.rowSum = P.p.map(() => 0);
    this.shift = P.p.map(() => new Float64Array(P.n));
    this.sum = P.p.map(() => new Float64Array(P.n));
    this.delta = new Float64Array(P.n);
  }

  addRow(i: number, row: Float64Array): void {
    const { n, p, q, pos } = this.P,
      tau = this.tau;
    p.forEach((pk, k) => {
      const own = pos[k]![i]!,
        shift = this.shift[k]!,
        sum = this.sum[k]!,
        qk = q[k]!,
        posk = pos[k]!;
      for (let j = 0; j < n; j++) this.delta[j] = j === pk[i] ? -Infinity : (row[j]! - own) / tau;
      this.rowSum[k]! += log1pSumExp(this.delta);
      for (let j = 0; j < n; j++) {
        if (i === qk[j]) continue;
        const v = (row[j]! - posk[qk[j]!]!) / tau;
        if (v > shift[j]!) {
          sum[j] = sum[j]! * Math.exp(shift[j]! - v) + 1;
          shift[j] = v;
        } else sum[j]! += Math.exp(v - shift[j]!);
      }
    });
  }

  loss(k: number): number {
    let cols = 0;
    for (let j = 0; j < this.P.n; j++) {
      const m = this.shift[k]![j]!,
        s = this.sum[k]![j]!;
      cols += m === 0 ? Math.log1p(s) : m + Math.log(s + Math.exp(-m));
    }
    return (this.rowSum[k]! + cols) / (2 * this.P.n);
  }
}

/**
 * The same terms with one shift c >= max S for every entry (|S|/τ <= c/τ, e^{−2c/τ} a normal double): one
 * exponential E_ij = e^{(S_ij − c)/τ} per entry serves every pairing, rows and columns. The off-partner sums
 * skip every pairing's partner and add the others' back, so no sum ever has a partner subtracted out of it.
 */
class SharedShiftTerms {
  private readonly rowSum: number[];
  private readonly colBase: Float64Array;
  private readonly e: Float64Array;
  private readonly partner: Uint8Array;
  constructor(
    private readonly P: Pairings,
    private readonly tau: number,
    private readonly c: number,
  ) {
    this.rowSum = P.p.map(() => 0);
    this.colBase = new Float64Array(P.n);
    this.e = new Float64Array(P.n);
    this.partner = new Uint8Array(P.n);
  }

  private exp(score: number): number {
    return Math.exp((score - this.c) / this.tau);
  }

  addRow(i: number, row: Float64Array): void {
    const { n, p } = this.P,
      e = this.e,
      flag = this.partner,
      colBase = this.colBase;
    for (const pk of p) flag[pk[i]!] = 1;
    let base = 0;
    for (let j = 0; j < n; j++) {
      const v = this.exp(row[j]!);
      e[j] = v;
      if (flag[j]) continue;
      base += v;
      colBase[j]! += v;
    }
    const partners = [...new Set(p.map((pk) => pk[i]!))];
    p.forEach((pk, k) => {
      const own = pk[i]!;
      let off = base; // add back the other pairings' partners, each column once
      for (const j of partners) if (j !== own) off += e[j]!;
      this.rowSum[k]! += Math.log1p(off / e[own]!);
    });
    for (const pk of p) flag[pk[i]!] = 0;
  }

  loss(k: number): number {
    const { n, q, pos } = this.P;
    let cols = 0;
    for (let j = 0; j < n; j++) {
      const own = q[k]![j]!;
      let off = this.colBase[j]!;
      const seen = new Set<number>([own]);
      q.forEach((qk2, k2) => {
        const r = qk2[j]!;
        if (!seen.has(r)) {
          seen.add(r);
          off += this.exp(pos[k2]![r]!);
        }
      });
      cols += Math.log1p(off / this.exp(pos[k]![own]!));
    }
    return (this.rowSum[k]! + cols) / (2 * n);
  }
}

/**
 * One blocked pass over S = X·Yᵀ (N×N), row i of X paired with row p(i) of Y under each pairing p (permutations
 * of 0..N−1): the symmetric InfoNCE at each τ, the recall ranks both ways and the bounded pair means.
 */
export function crossPass(
  X: Matrix,
  Y: Matrix,
  pairings: readonly Int32Array[],
  taus: readonly number[],
  sigma: number,
  progress: (done: number) => void,
): CrossPassResult {
  const n = X.rows,
    d = X.cols,
    nx = squaredNorms(X),
    ny = squaredNorms(Y);
  const q = pairings.map((p) => {
    const inv = new Int32Array(n);
    p.forEach((j, i) => {
      inv[j] = i;
    });
    return inv;
  });
  // the positive score of row i under each pairing, bit-identical to its entry in the block
  const pos = pairings.map((p) =>
    Float64Array.from({ length: n }, (_, i) =>
      dot(X.data.subarray(i * d, (i + 1) * d), Y.data.subarray(p[i]! * d, (p[i]! + 1) * d)),
    ),
  );
  const P: Pairings = { n, p: pairings, q, pos };
  // |S_ij| <= ‖x_i‖‖y_j‖ (1 + d·u): one shift for all entries when e^{−2c/τ} stays a normal double
  const c = Math.sqrt(Math.max(...nx)) * Math.sqrt(Math.max(...ny)) * (1 + (d + 2) * U);
  const terms = taus.map((tau) =>
    (2 * c) / tau < 700 ? new SharedShiftTerms(P, tau, c) : new RunningShiftTerms(P, tau),
  );
  const ranksXY = pairings.map(() => new Int32Array(n)),
    ranksYX = pairings.map(() => new Int32Array(n));
  const sums = new PairSums((d + 4) * U, 1 / (2 * sigma * sigma));
  forEachBlock(
    X,
    Y,
    () => 0,
    (i0, rows, S) => {
      for (let r = 0; r < rows; r++) {
        const i = i0 + r,
          row = S.subarray(r * n, (r + 1) * n),
          rootX = Math.sqrt(nx[i]!);
        for (let j = 0; j < n; j++) sums.add(nx[i]! + ny[j]! - 2 * row[j]!, rootX + Math.sqrt(ny[j]!), 1);
        pairings.forEach((p, k) => {
          const own = pos[k]![i]!,
            qk = q[k]!,
            posk = pos[k]!,
            byColumn = ranksYX[k]!;
          let above = 0;
          for (let j = 0; j < n; j++) {
            if (j === p[i]) continue;
            if (row[j]! >= own) above++;
            if (row[j]! >= posk[qk[j]!]!) byColumn[j]!++;
          }
          ranksXY[k]![i] = above;
        });
        for (const t of terms) t.addRow(i, row);
      }
      progress(i0 + rows);
    },
  );
  const clip = pairings.map((_, k) => terms.map((t) => t.loss(k)));
  return { clip, ranksXY, ranksYX, ...sums.means(n * n) };
}

export interface SelfPassResult {
  /** Wang & Isola uniformity log[(2/(N(N−1))) Σ_{i<j} e^{−t‖x_i − x_j‖²}]; NaN for N = 1. */
  readonly uniformity: number;
  /** Means over all N² pairs (diagonal included) of ‖x_i − x_j‖ and e^{−‖x_i − x_j‖²/(2σ²)}. */
  readonly distance: BoundedMean;
  readonly kernel: BoundedMean;
}

/** One blocked pass over the upper triangle of X·Xᵀ; the diagonal is q = 0 exactly. */
export function selfPass(X: Matrix, sigma: number, t: number, progress: (done: number) => void): SelfPassResult {
  const n = X.rows,
    d = X.cols,
    nx = squaredNorms(X);
  const sums = new PairSums((d + 4) * U, 1 / (2 * sigma * sigma));
  for (let i = 0; i < n; i++) sums.add(0, 0, 1);
  let lseMax = -Infinity,
    lseSum = 0; // running log-sum-exp of −t q over i < j
  forEachBlock(
    X,
    X,
    (i0) => i0,
    (i0, rows, S, j0) => {
      const width = n - j0;
      for (let r = 0; r < rows; r++) {
        const i = i0 + r;
        for (let j = i + 1; j < n; j++) {
          const q = Math.max(0, nx[i]! + nx[j]! - 2 * S[r * width + (j - j0)]!);
          sums.add(q, Math.sqrt(nx[i]!) + Math.sqrt(nx[j]!), 2);
          const v = -t * q;
          if (v > lseMax) {
            lseSum = lseSum * Math.exp(lseMax - v) + 1;
            lseMax = v;
          } else lseSum += Math.exp(v - lseMax);
        }
      }
      progress(i0 + rows);
    },
  );
  const pairs = (n * (n - 1)) / 2;
  return { uniformity: n < 2 ? NaN : lseMax + Math.log(lseSum) - Math.log(pairs), ...sums.means(n * n) };
}
