import {
  ensure,
  expShifted,
  type Matrix,
  matrix,
  matmulAB,
  matmulABt,
  matmulAtB,
  requireEmbeddings,
  requireSameShape,
  requireTemperature,
} from '../numeric/index.js';

/*
 * Symmetric CLIP / InfoNCE loss with OpenCLIP ClipLoss semantics (open_clip src/open_clip/loss.py; docs/claims.md B-CLIP):
 *   S = X·Yᵀ/τ,  L = ½[(1/N)Σ_i (log Σ_j e^{S_ij} − S_ii) + (1/N)Σ_j (log Σ_i e^{S_ij} − S_jj)].
 * Features are used as given (ClipLoss does not normalize). Each row and column term is computed in
 * the log1p form log(1 + Σ_{j≠i} e^{S_ij − S_ii}), exact to full relative precision as the loss → 0.
 * Documented values: N = 1 gives L = 0 with zero gradient; zero rows are allowed (they score 0).
 */

/** Caller-owned buffers for one (N, d); reuse across calls to avoid allocation. */
export interface ClipWorkspace {
  readonly n: number;
  readonly d: number;
  /** N×N logits, then their exponentials, then ∂L/∂S, written over them. */
  readonly S: Matrix;
  /** N×N ∂L/∂S: the same matrix as S (one N×N buffer, half the memory and traffic of two). */
  readonly G: Matrix;
  /** X/τ. */
  readonly Xs: Matrix;
  /** Gradients are written here when a workspace is passed: copy them if they must outlive the next call. */
  readonly gradX: Matrix;
  readonly gradY: Matrix;
  readonly diag: Float64Array;
  readonly rowA: Float64Array;
  readonly rowB: Float64Array;
  readonly colA: Float64Array;
  readonly colB: Float64Array;
  readonly rowShift: Float64Array;
  readonly colShift: Float64Array;
  /** d sums of odd-index products for one row of dX (small-d gradient sweep). */
  readonly rowOdd: Float64Array;
}

/** Buffers for the CLIP loss at batch size n and dimension d. */
export function clipWorkspace(n: number, d: number): ClipWorkspace {
  const v = (): Float64Array => new Float64Array(n);
  const S = matrix(n, n);
  return {
    n,
    d,
    S,
    G: S,
    Xs: matrix(n, d),
    gradX: matrix(n, d),
    gradY: matrix(n, d),
    diag: v(),
    rowA: v(),
    rowB: v(),
    colA: v(),
    colB: v(),
    rowShift: v(),
    colShift: v(),
    rowOdd: new Float64Array(d),
  };
}

export interface ClipResult {
  readonly loss: number;
  /** ∂L/∂X (N×d); present when gradients were asked for. */
  readonly gradX?: Matrix;
  /** ∂L/∂Y (N×d). */
  readonly gradY?: Matrix;
}

/** Workspaces up to this many doubles are kept between calls for callers that pass none. */
const KEEP_WORKSPACE_MAX = 1 << 22;
let kept: ClipWorkspace | undefined;

/** The module's own workspace for (n, d): the last one is reused when it is small enough to keep. */
function ownWorkspace(n: number, d: number): ClipWorkspace {
  if (kept && kept.n === n && kept.d === d) return kept;
  const ws = clipWorkspace(n, d);
  if (n * n + 3 * n * d <= KEEP_WORKSPACE_MAX) kept = ws;
  return ws;
}

function check(X: Matrix, Y: Matrix, tau: number, ws: ClipWorkspace | undefined): ClipWorkspace {
  requireEmbeddings(X, 'X (first modality)');
  requireEmbeddings(Y, 'Y (second modality)');
  requireSameShape(X, Y, 'X', 'Y');
  requireTemperature(tau);
  if (ws)
    ensure(
      ws.n === X.rows && ws.d === X.cols,
      () => `clip workspace is for ${ws.n}×${ws.d}, the batch is ${X.rows}×${X.cols}`,
    );
  return ws ?? ownWorkspace(X.rows, X.cols);
}

/** Symmetric CLIP loss value. */
export function clipLoss(X: Matrix, Y: Matrix, tau: number, ws?: ClipWorkspace): number {
  return clipCore(X, Y, tau, check(X, Y, tau, ws), false).loss;
}

/**
 * Symmetric CLIP loss and its analytic gradients with respect to X and Y:
 * G = ∂L/∂S = (P + Q)/(2N) − I/N (P row-, Q column-softmax of S), dX = G·Y/τ, dY = Gᵀ·X/τ.
 * Without a workspace the scratch is the module's (kept between calls) and the gradients are fresh matrices.
 */
export function clipLossWithGrad(X: Matrix, Y: Matrix, tau: number, ws?: ClipWorkspace): Required<ClipResult> {
  const r = clipCore(X, Y, tau, check(X, Y, tau, ws), true) as Required<ClipResult>;
  if (ws) return r;
  const copy = (M: Matrix): Matrix => matrix(M.rows, M.cols, M.data.slice());
  return { loss: r.loss, gradX: copy(r.gradX), gradY: copy(r.gradY) };
}

/** log(1 + Σ_{j≠i} e^{δ_j}) from its shifted parts: m = max(0, max δ), off = Σ e^{δ_j − m} (e^{−m} may underflow). */
function shiftedTerm(m: number, off: number): number {
  return m === 0 ? Math.log1p(off) : m + Math.log(off + Math.exp(-m));
}

/** Exponent spread below which one global shift keeps every e^{S_ij − max S} a normal double. */
const SINGLE_SHIFT_SPREAD = 700;

function clipCore(X: Matrix, Y: Matrix, tau: number, ws: ClipWorkspace, grad: boolean): ClipResult {
  const n = X.rows,
    inv = 1 / tau;
  const xs = ws.Xs.data;
  for (let k = 0; k < xs.length; k++) xs[k] = X.data[k]! * inv; // S = (X/τ)·Yᵀ
  const S = matmulABt(ws.Xs, Y, ws.S).data,
    diag = ws.diag;
  let smax = -Infinity,
    smin = Infinity;
  for (let k = 0; k < S.length; k++) {
    const v = S[k]!;
    if (v > smax) smax = v;
    if (v < smin) smin = v;
  }
  for (let i = 0; i < n; i++) diag[i] = S[i * n + i]!;
  // rowA/colA: Σ_{j≠i} e^{S_ij − shift_i} (off-diagonal mass); rowB/colB: e^{S_ii − shift_i} (diagonal mass)
  const rowOff = ws.rowA,
    rowDiag = ws.rowB,
    colOff = ws.colA,
    colDiag = ws.colB;
  const single = smax - smin < SINGLE_SHIFT_SPREAD;
  if (single) singleShift(S, n, smax, rowOff, rowDiag, colOff, colDiag);
  else rowColumnShifts(S, n, diag, ws.rowShift, ws.colShift, rowOff, rowDiag, colOff, colDiag);
  // each term is log(1 + off/diag): log1p keeps full relative precision as the loss → 0
  let sum = 0;
  if (single)
    for (let i = 0; i < n; i++) sum += Math.log1p(rowOff[i]! / rowDiag[i]!) + Math.log1p(colOff[i]! / colDiag[i]!);
  else
    for (let i = 0; i < n; i++)
      sum += shiftedTerm(ws.rowShift[i]!, rowOff[i]!) + shiftedTerm(ws.colShift[i]!, colOff[i]!);
  const loss = sum / (2 * n);
  if (!grad) return { loss };

  // P_ij = e^{S_ij − shift_i}/rowTotal_i, Q_ij = e^{S_ij − shift_j}/colTotal_j (shifts as used above); G is S's
  // buffer, each entry written after its last read
  const G = ws.G.data,
    c = inv / (2 * n);
  // the four per-row/column buffers are reused in place: rowOff → 1/rowTotal, colOff → 1/colTotal,
  // rowDiag → P_ii − 1 = −off/total, colDiag → Q_jj − 1 (no cancellation near a zero loss)
  const rInv = rowOff,
    cInv = colOff;
  for (let i = 0; i < n; i++) {
    const rt = rowOff[i]! + rowDiag[i]!,
      ct = colOff[i]! + colDiag[i]!;
    const pDiag = -rowOff[i]! / rt,
      qDiag = -colOff[i]! / ct;
    rInv[i] = 1 / rt;
    cInv[i] = 1 / ct;
    rowDiag[i] = pDiag;
    colDiag[i] = qDiag;
  }
  if (single) {
    // S holds e^{S_ij − max S}
    for (let i = 0; i < n; i++) {
      const o = i * n,
        ri = rInv[i]!;
      for (let j = 0; j < n; j++) G[o + j] = S[o + j]! * (ri + cInv[j]!) * c;
      G[o + i] = (rowDiag[i]! + colDiag[i]!) * c;
    }
  } else {
    const rs = ws.rowShift,
      cs = ws.colShift;
    for (let i = 0; i < n; i++) {
      const o = i * n,
        ri = rInv[i]!,
        si = diag[i]! + rs[i]!;
      for (let j = 0; j < n; j++)
        G[o + j] = (Math.exp(S[o + j]! - si) * ri + Math.exp(S[o + j]! - diag[j]! - cs[j]!) * cInv[j]!) * c;
      G[o + i] = (rowDiag[i]! + colDiag[i]!) * c;
    }
  }
  // dX = G·Y, dY = Gᵀ·X, each entry in dotAt's order: read in place by the blocked product, or for a small d
  // (where packing G twice costs more than the products) in one sweep over G
  if (X.cols <= SWEEP_MAX_D) gradientSweep(G, X, Y, ws);
  else {
    matmulAB(ws.G, Y, ws.gradX);
    matmulAtB(ws.G, X, ws.gradY);
  }
  return { loss, gradX: ws.gradX, gradY: ws.gradY };
}

/** Dimensions up to this take both gradient products in one sweep over G (measured at N = 256). */
const SWEEP_MAX_D = 8;

/**
 * dX = G·Y and dY = Gᵀ·X in one pass over G, with the bits of matmulAB and matmulAtB: every entry is the
 * sum of its even-index products plus the sum of its odd-index products, then the last product of an odd N
 * (dotAt's order). ws.Xs (free once S is formed) holds dY's odd-row sums.
 */
function gradientSweep(G: Float64Array, X: Matrix, Y: Matrix, ws: ClipWorkspace): void {
  const n = X.rows,
    d = X.cols,
    x = X.data,
    y = Y.data;
  const gx = ws.gradX.data,
    evenY = ws.gradY.data,
    oddY = ws.Xs.data;
  const n2 = n - (n % 2);
  evenY.fill(0);
  oddY.fill(0);
  if (d === 2) sweepRowsAtD2(G, x, y, n, gx, evenY, oddY);
  else
    for (let i = 0; i < n; i++) {
      const o = i * n,
        xi = i * d,
        colSums = i % 2 === 0 ? evenY : oddY,
        inPairs = i < n2;
      // dX row i: even and odd j apart, in gx and in ws.rowOdd
      for (let k = 0; k < d; k++) gx[xi + k] = 0;
      for (let j = 0; j < n2; j += 2) {
        const g0 = G[o + j]!,
          g1 = G[o + j + 1]!,
          y0 = j * d,
          y1 = y0 + d;
        for (let k = 0; k < d; k++) {
          gx[xi + k]! += g0 * y[y0 + k]!;
          ws.rowOdd[k]! += g1 * y[y1 + k]!;
          if (inPairs) {
            colSums[y0 + k]! += g0 * x[xi + k]!;
            colSums[y1 + k]! += g1 * x[xi + k]!;
          }
        }
      }
      if (inPairs && n2 < n) {
        const g = G[o + n2]!;
        for (let k = 0; k < d; k++) colSums[n2 * d + k]! += g * x[xi + k]!;
      }
      for (let k = 0; k < d; k++) {
        gx[xi + k] = gx[xi + k]! + ws.rowOdd[k]!;
        ws.rowOdd[k] = 0;
        if (n2 < n) gx[xi + k]! += G[o + n2]! * y[n2 * d + k]!;
      }
    }
  for (let e = 0; e < n * d; e++) evenY[e] = evenY[e]! + oddY[e]!;
  if (n2 < n) {
    const o = n2 * n,
      xl = n2 * d;
    for (let j = 0; j < n; j++) for (let k = 0; k < d; k++) evenY[j * d + k]! += G[o + j]! * x[xl + k]!;
  }
}

/**
 * The rows of gradientSweep at d = 2 (the S¹ toy's size), with the row's two coordinates and its four lane sums in
 * locals: the same additions in the same order, so the same bits, without the inner loops over k.
 */
function sweepRowsAtD2(
  G: Float64Array,
  x: Float64Array,
  y: Float64Array,
  n: number,
  gx: Float64Array,
  evenY: Float64Array,
  oddY: Float64Array,
): void {
  const n2 = n - (n % 2);
  for (let i = 0; i < n; i++) {
    const o = i * n,
      x0 = x[2 * i]!,
      x1 = x[2 * i + 1]!,
      colSums = i % 2 === 0 ? evenY : oddY;
    // dX row i: the even-j lanes (e0, e1) and the odd-j lanes (d0, d1)
    let e0 = 0,
      e1 = 0,
      d0 = 0,
      d1 = 0;
    const inPairs = i < n2;
    for (let j = 0; j < n2; j += 2) {
      const g0 = G[o + j]!,
        g1 = G[o + j + 1]!,
        y0 = 2 * j;
      e0 += g0 * y[y0]!;
      d0 += g1 * y[y0 + 2]!;
      e1 += g0 * y[y0 + 1]!;
      d1 += g1 * y[y0 + 3]!;
      if (inPairs) {
        colSums[y0]! += g0 * x0;
        colSums[y0 + 2]! += g1 * x0;
        colSums[y0 + 1]! += g0 * x1;
        colSums[y0 + 3]! += g1 * x1;
      }
    }
    if (inPairs && n2 < n) {
      const g = G[o + n2]!;
      colSums[2 * n2]! += g * x0;
      colSums[2 * n2 + 1]! += g * x1;
    }
    gx[2 * i] = e0 + d0;
    gx[2 * i + 1] = e1 + d1;
    if (n2 < n) {
      gx[2 * i]! += G[o + n2]! * y[2 * n2]!;
      gx[2 * i + 1]! += G[o + n2]! * y[2 * n2 + 1]!;
    }
  }
}

/** One shift (max S) for every row and column: one exponential per entry (expShifted), written back into S. */
function singleShift(
  S: Float64Array,
  n: number,
  smax: number,
  rowOff: Float64Array,
  rowDiag: Float64Array,
  colOff: Float64Array,
  colDiag: Float64Array,
): void {
  expShifted(S, smax);
  colOff.fill(0);
  for (let i = 0; i < n; i++) {
    const o = i * n;
    let r = 0;
    // the diagonal is kept out of the sums (no r − e_ii cancellation when the loss is ~0)
    for (let j = 0; j < i; j++) {
      const e = S[o + j]!;
      r += e;
      colOff[j]! += e;
    }
    for (let j = i + 1; j < n; j++) {
      const e = S[o + j]!;
      r += e;
      colOff[j]! += e;
    }
    rowOff[i] = r;
    rowDiag[i] = colDiag[i] = S[o + i]!;
  }
}

/**
 * Wide logit spreads (>= 700, e.g. τ < 0.003): row i shifted by S_ii + max_j(S_ij − S_ii), column j by
 * S_jj + max_i(S_ij − S_jj); two exponentials per entry. S keeps the logits; the shifts are kept.
 */
function rowColumnShifts(
  S: Float64Array,
  n: number,
  diag: Float64Array,
  rowShift: Float64Array,
  colShift: Float64Array,
  rowOff: Float64Array,
  rowDiag: Float64Array,
  colOff: Float64Array,
  colDiag: Float64Array,
): void {
  colShift.fill(0);
  for (let i = 0; i < n; i++) {
    const o = i * n,
      di = diag[i]!;
    let m = 0;
    for (let j = 0; j < n; j++) {
      const t = S[o + j]! - di;
      if (t > m) m = t;
      const u = S[o + j]! - diag[j]!;
      if (u > colShift[j]!) colShift[j] = u;
    }
    rowShift[i] = m;
  }
  colOff.fill(0);
  for (let i = 0; i < n; i++) {
    const o = i * n,
      m = rowShift[i]!;
    let r = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      r += Math.exp(S[o + j]! - diag[i]! - m);
      colOff[j]! += Math.exp(S[o + j]! - diag[j]! - colShift[j]!);
    }
    rowOff[i] = r;
    rowDiag[i] = Math.exp(-m);
  }
  for (let j = 0; j < n; j++) colDiag[j] = Math.exp(-colShift[j]!);
}
