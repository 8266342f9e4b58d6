/*
 * Metamorphic properties of the finite-batch symmetric CLIP loss with OpenCLIP ClipLoss semantics (docs/claims.md
 * B-CLIP and P12). Background results, each with a planted
 * false twin that the suite must refute:
 *   swap symmetry            ↔ one-directional InfoNCE is swap-symmetric      (refuted)
 *   common rotation          ↔ rotating one modality only                     (refuted, minimal B = 2, d = 2)
 *   identical rows: L = log B ↔ L <= log B for every batch                    (refuted, minimal B = 2)
 */
import fc from 'fast-check';
import { pairedEmbeddings, rotateRows, rotation, showRotation, temperature } from '../../src/arbitraries/index.js';
import { approxEqual, defineConjecture, leq, showValue } from '../../src/conjecture/index.js';
import { clipLoss } from '../../src/losses/index.js';
import { type Matrix, matmulABt, matrix, rowLogSumExp, tolerance } from '../../src/numeric/index.js';

const TOL = tolerance({ abs: 1e-12, rel: 1e-10 });
const source = { paper: 'background', ref: 'claims.md B-CLIP; P12', provenance: 'background' } as const;
const pairs = fc.record({ pair: pairedEmbeddings({ maxRows: 5, maxDim: 4 }), tau: temperature() });
type Pairs = { pair: { X: Matrix; Y: Matrix }; tau: number };
const showPairs = ({ pair, tau }: Pairs): string => `τ = ${tau}, X = ${showValue(pair.X)}, Y = ${showValue(pair.Y)}`;

/** One-directional in-batch InfoNCE x → y: (1/B) Σ_i (log Σ_j e^{S_ij} − S_ii), S = XYᵀ/τ. */
function oneDirectional(X: Matrix, Y: Matrix, tau: number): number {
  const S = matmulABt(X, Y, matrix(X.rows, X.rows));
  for (let k = 0; k < S.data.length; k++) S.data[k]! /= tau;
  const l = rowLogSumExp(S);
  let s = 0;
  for (let i = 0; i < X.rows; i++) s += l[i]! - S.data[i * X.rows + i]!;
  return s / X.rows;
}

export default [
  defineConjecture<Pairs>({
    id: 'background.clip.swap-symmetry',
    title: 'Symmetric CLIP loss is unchanged when the modalities are swapped: L(X, Y) = L(Y, X)',
    source,
    expect: 'holds',
    given: pairs,
    tolerance: TOL,
    show: showPairs,
    check: ({ pair: { X, Y }, tau }) => approxEqual(clipLoss(X, Y, tau), clipLoss(Y, X, tau), TOL),
  }),
  defineConjecture<Pairs>({
    id: 'background.infonce.one-direction-swap-symmetry',
    title: 'Planted false: the one-directional InfoNCE x→y is unchanged when the modalities are swapped',
    source,
    expect: 'refuted',
    given: pairs,
    tolerance: TOL,
    show: showPairs,
    expectedCounterexample: 'B = 2, d = 2: e.g. X = [e1, e1], Y = [e1, e2] (rows and columns of S differ)',
    check: ({ pair: { X, Y }, tau }) => approxEqual(oneDirectional(X, Y, tau), oneDirectional(Y, X, tau), TOL),
  }),
  defineConjecture({
    id: 'background.clip.common-rotation',
    title: 'CLIP loss is invariant under one rotation R applied to both modalities: L(XR, YR) = L(X, Y)',
    source,
    expect: 'holds',
    given: fc.record({ pair: pairedEmbeddings({ maxRows: 5, maxDim: 4 }), tau: temperature(), R: rotation() }),
    tolerance: TOL,
    show: ({ pair, tau, R }) => `${showPairs({ pair, tau })}, R = ${showRotation(R, pair.X.cols)}`,
    check: ({ pair: { X, Y }, tau, R }) =>
      approxEqual(clipLoss(rotateRows(X, R), rotateRows(Y, R), tau), clipLoss(X, Y, tau), TOL),
  }),
  defineConjecture({
    id: 'background.clip.one-modality-rotation',
    title: 'Planted false: CLIP loss is invariant under rotating one modality only: L(XR, Y) = L(X, Y)',
    source,
    expect: 'refuted',
    given: fc.record({ pair: pairedEmbeddings({ maxRows: 5, maxDim: 4 }), tau: temperature(), R: rotation() }),
    tolerance: TOL,
    show: ({ pair, tau, R }) => `${showPairs({ pair, tau })}, R = ${showRotation(R, pair.X.cols)}`,
    expectedCounterexample: 'B = 2, d = 2, one rotation by ±π/8 in the (0,1) plane',
    check: ({ pair: { X, Y }, tau, R }) => approxEqual(clipLoss(rotateRows(X, R), Y, tau), clipLoss(X, Y, tau), TOL),
  }),
  defineConjecture({
    id: 'background.clip.identical-rows',
    title: 'When every x_i = x and every y_i = y, the CLIP loss is log B',
    source,
    expect: 'holds',
    tolerance: TOL,
    given: fc.record({
      pair: pairedEmbeddings({ minRows: 1, maxRows: 1, maxDim: 4 }),
      B: fc.integer({ min: 1, max: 8 }),
      tau: temperature(),
    }),
    show: ({ pair, B, tau }) => `B = ${B}, τ = ${tau}, x = ${showValue(pair.X)}, y = ${showValue(pair.Y)}`,
    check: ({ pair: { X, Y }, B, tau }) => {
      const rep = (v: Matrix): Matrix => matrix(B, v.cols, Array.from({ length: B }, () => Array.from(v.data)).flat());
      return approxEqual(clipLoss(rep(X), rep(Y), tau), Math.log(B), TOL);
    },
  }),
  defineConjecture<Pairs>({
    id: 'background.clip.at-most-log-b',
    title: 'Planted false: the CLIP loss never exceeds log B (its value at identical rows)',
    source,
    expect: 'refuted',
    given: pairs,
    tolerance: TOL,
    show: showPairs,
    bound: 'log(B)',
    expectedCounterexample: 'B = 2, d = 2: positives anti-aligned with their anchors, e.g. X = [e1, e2], Y = [e2, e1]',
    check: ({ pair: { X, Y }, tau }) => leq(clipLoss(X, Y, tau), Math.log(X.rows), TOL),
  }),
];
