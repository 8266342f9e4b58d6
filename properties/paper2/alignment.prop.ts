/*
 * Paper 2, "pairwise alignment alone is insufficient to control cross-modal marginal structure" (docs/claims.md
 * P12 FALSE-b, P14, P15 [P-abs]). What alignment DOES control (transport-type gaps, P14 — true; in particular
 * "alignment loss zero ⇒ no modality gap" is TRUE for finite samples and is not planted as false) and what it does
 * NOT control (KL-type and ranking-based gaps, the InfoNCE value, the centroid gap given equal alignment, P15).
 * Expected: the P14 bounds hold; each P15 claim is refuted and shrinks to the minimal instance docs/claims.md gives.
 */
import fc from 'fast-check';
import { pairedEmbeddings, rotateRows, rotation, showRotation, temperature } from '../../src/arbitraries/index.js';
import { allOf, approxEqual, assume, defineConjecture, leq, showValue } from '../../src/conjecture/index.js';
import {
  anglesOf,
  centroidGap,
  energyDistance,
  histogramSymmetricKlSum,
  meanPairDistance,
  mmd2Rbf,
  recallAtK,
} from '../../src/gaps/index.js';
import { alignment, clipLoss } from '../../src/losses/index.js';
import { gatherRows, type Matrix, matrix } from '../../src/numeric/index.js';
import { cai2026, IDENTITY, INEQUALITY } from './common.js';

type Pair = { X: Matrix; Y: Matrix };
const pairs = pairedEmbeddings({ minRows: 1, maxRows: 5, maxDim: 3 });
const showPair = ({ X, Y }: Pair): string => `X = ${showValue(X)}, Y = ${showValue(Y)}`;
const SIGMAS = [0.5, 1, 2];
/** Equal differences x_i − y_i (a repeated pair): ‖x̄ − ȳ‖ = (1/n)Σ‖x_i − y_i‖ = √L_align = √2. */
const repeatedPair: Pair = { X: matrix(2, 2, [1, 0, 1, 0]), Y: matrix(2, 2, [0, 1, 0, 1]) };
/** One pair at angle θ = 1/64: MMD_σ = √(2 − 2e^{−δ²/(2σ²)}) = (δ/σ)(1 − O(δ²/σ²)) with δ = ‖x − y‖. */
const closePair: Pair = { X: matrix(1, 2, [1, 0]), Y: matrix(1, 2, [Math.cos(1 / 64), Math.sin(1 / 64)]) };
type Rotated = { X: Matrix; R: ReturnType<typeof rotation> extends fc.Arbitrary<infer T> ? T : never };
const rotated = fc.record({ X: pairedEmbeddings({ maxRows: 4, maxDim: 3 }).map((p) => p.X), R: rotation(1) });
const showRotated = ({ X, R }: Rotated): string => `X = ${showValue(X)}, Y = X·R with R = ${showRotation(R, X.cols)}`;

type Shuffled = { X: Matrix; Y: Matrix; perm: number[] };
/** Paired batches and a permutation of the partners (from sort keys, so it shrinks toward the identity). */
const shuffled = fc
  .record({
    pair: pairedEmbeddings({ maxRows: 4, maxDim: 3 }),
    keys: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 4, maxLength: 4 }),
  })
  .map(
    ({ pair, keys }): Shuffled => ({
      ...pair,
      perm: Array.from({ length: pair.X.rows }, (_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b),
    }),
  );
const showShuffled = ({ X, Y, perm }: Shuffled): string =>
  `X = ${showValue(X)}, Y = ${showValue(Y)}, partners permuted by [${perm.join(', ')}]`;
export default [
  defineConjecture<Pair>({
    id: 'paper2.alignment.centroid-gap-bound',
    title: 'Alignment controls the centroid gap: ‖x̄ − ȳ‖ <= (1/n)Σ‖x_i − y_i‖ <= √L_align',
    source: cai2026('P14 (a)'),
    expect: 'holds',
    given: pairs,
    tolerance: INEQUALITY,
    show: showPair,
    bound: 'pairDistance',
    check: ({ X, Y }) =>
      allOf([
        leq(centroidGap(X, Y), meanPairDistance(X, Y), INEQUALITY),
        leq(meanPairDistance(X, Y), Math.sqrt(alignment(X, Y)), INEQUALITY),
      ]),
    // both links are equalities when every pair differs by the same vector (triangle and Jensen inequalities)
    tight: { at: repeatedPair, ratio: 0.999999 },
  }),
  defineConjecture<Pair>({
    id: 'paper2.alignment.mmd-bound',
    title: 'Alignment controls MMD: MMD_σ(X, Y) <= (1/n)Σ‖x_i − y_i‖/σ for σ ∈ {1/2, 1, 2} (paired V-statistic)',
    source: cai2026('P14 (c)'),
    expect: 'holds',
    given: pairs,
    tolerance: INEQUALITY,
    show: showPair,
    check: ({ X, Y }) =>
      allOf(
        SIGMAS.map((s) =>
          leq(Math.sqrt(Math.max(0, mmd2Rbf(X, Y, s))), meanPairDistance(X, Y) / s, INEQUALITY, { sigma: s }),
        ),
      ),
    // the constant 1/σ is the limit as y → x: ratio 0.9999924 at θ = 1/64 (σ = 2, the tightest)
    tight: { at: closePair, ratio: 0.9999 },
  }),
  defineConjecture<Pair>({
    id: 'paper2.alignment.mmd-bound-half',
    title: 'Planted false: MMD_σ(X, Y) <= (1/2n)Σ‖x_i − y_i‖/σ (half the true constant)',
    source: cai2026('P14 (c)'),
    expect: 'refuted',
    given: pairs,
    tolerance: INEQUALITY,
    show: showPair,
    expectedCounterexample: 'n = 1, d = 2 with x, y close (‖φ(x) − φ(y)‖ ≈ ‖x − y‖/σ)',
    check: ({ X, Y }) =>
      allOf(
        SIGMAS.map((s) =>
          leq(Math.sqrt(Math.max(0, mmd2Rbf(X, Y, s))), meanPairDistance(X, Y) / (2 * s), INEQUALITY, { sigma: s }),
        ),
      ),
  }),
  defineConjecture<{ X: Matrix }>({
    id: 'paper2.alignment.zero-alignment-no-gap',
    title: 'TRUE (not planted): zero alignment loss (y_i = x_i) gives zero centroid gap, energy distance and MMD²',
    source: cai2026('P14 (d)'),
    expect: 'holds',
    given: pairs.map(({ X }) => ({ X })),
    tolerance: IDENTITY,
    show: ({ X }) => `X = Y = ${showValue(X)}`,
    check: ({ X }) =>
      allOf([
        approxEqual(alignment(X, X), 0, IDENTITY),
        approxEqual(centroidGap(X, X), 0, IDENTITY),
        approxEqual(energyDistance(X, X), 0, IDENTITY),
        approxEqual(mmd2Rbf(X, X, 1), 0, IDENTITY),
      ]),
  }),
  defineConjecture<{ X: Matrix; shift: number }>({
    id: 'paper2.alignment.small-pair-distance-small-histogram-kl',
    title:
      'Planted false (P15c): a small mean pair distance (<= 0.11) implies a small histogram sym-KL (<= 1, 60 bins, code convention KL + KL)',
    source: cai2026('P15 (c)'),
    expect: 'refuted',
    tolerance: INEQUALITY,
    given: fc.record({
      X: pairedEmbeddings({ minRows: 1, maxRows: 4, minDim: 2, maxDim: 2 }).map((p) => p.X),
      shift: fc.integer({ min: 0, max: 4 }),
    }),
    show: ({ X, shift }) => `X = ${showValue(X)}, Y = X rotated by ${shift}·(2π/60)`,
    expectedCounterexample:
      'n = 1: x at a bin centre and y one bin width (2π/60 ≈ 0.105) away: disjoint histograms, sym-KL ≈ 37',
    check: ({ X, shift }) => {
      const a = (shift * 2 * Math.PI) / 60,
        c = Math.cos(a),
        s = Math.sin(a); // the rotation by `shift` bins (off the π/8 grid)
      const Y = matrix(
        X.rows,
        2,
        Array.from({ length: X.rows }, (_, i) => [
          c * X.data[2 * i]! - s * X.data[2 * i + 1]!,
          s * X.data[2 * i]! + c * X.data[2 * i + 1]!,
        ]).flat(),
      );
      assume(meanPairDistance(X, Y) <= 0.11);
      return leq(histogramSymmetricKlSum(anglesOf(X), anglesOf(Y)), 1, INEQUALITY);
    },
  }),
  defineConjecture<Rotated>({
    id: 'paper2.alignment.perfect-retrieval-small-gap',
    title: 'Planted false (P15a): perfect retrieval (R@1 = 1 both ways) implies a centroid gap < 0.1',
    source: cai2026('P15 (a)'),
    expect: 'refuted',
    given: rotated,
    tolerance: INEQUALITY,
    show: showRotated,
    expectedCounterexample:
      'B = 2, d = 2: X = (e1, e2), Y = X rotated by δ = 0.3 gives gap 0.2113 (here δ = π/8 on the grid)',
    check: ({ X, R }) => {
      const Y = rotateRows(X, R);
      assume(recallAtK(X, Y, 1, 'x-to-y') === 1 && recallAtK(X, Y, 1, 'y-to-x') === 1);
      return leq(centroidGap(X, Y), 0.1, INEQUALITY);
    },
  }),
  defineConjecture<{ A: Matrix; B: Matrix; R: Rotated['R'] }>({
    id: 'paper2.alignment.equal-alignment-equal-gap',
    title: 'Planted false (P15b): equal alignment loss implies an equal centroid gap',
    source: cai2026('P15 (b)'),
    expect: 'refuted',
    tolerance: IDENTITY,
    given: fc
      .record({ AB: pairedEmbeddings({ maxRows: 3, maxDim: 3 }), R: rotation(1) })
      .map(({ AB, R }) => ({ A: AB.X, B: AB.Y, R })),
    show: ({ A, B, R }) =>
      `configurations A = ${showValue(A)} and B = ${showValue(B)}, partners rotated by R = ${showRotation(R, A.cols)}`,
    expectedCounterexample:
      'B = 2, d = 2: A = (e1, −e1) has gap 0, B = (e1, e1) has gap 2 sin(δ/2), both with the same L_align',
    check: ({ A, B, R }) => {
      const la = alignment(A, rotateRows(A, R)),
        lb = alignment(B, rotateRows(B, R));
      assume(Math.abs(la - lb) <= 1e-12);
      return approxEqual(centroidGap(A, rotateRows(A, R)), centroidGap(B, rotateRows(B, R)), IDENTITY, {
        alignment: la,
      });
    },
  }),
  defineConjecture<{ A: Matrix; B: Matrix; tau: number }>({
    id: 'paper2.alignment.equal-alignment-equal-infonce',
    title:
      'Planted false (P12b, P15d): equal pairwise alignment implies equal symmetric InfoNCE (both perfectly aligned, y_i = x_i)',
    source: cai2026('P12 (FALSE-b); P15 (d)'),
    expect: 'refuted',
    tolerance: IDENTITY,
    given: fc
      .record({ AB: pairedEmbeddings({ maxRows: 3, minDim: 1, maxDim: 3 }), tau: temperature() })
      .map(({ AB, tau }) => ({ A: AB.X, B: AB.Y, tau })),
    show: ({ A, B, tau }) => `τ = ${tau}, X = Y = ${showValue(A)} versus X = Y = ${showValue(B)}`,
    expectedCounterexample:
      'B = 2 on S⁰ (d = 1): collapsed (1, 1) gives log 2, antipodal (1, −1) gives log(1 + e^{−2/τ})',
    check: ({ A, B, tau }) => approxEqual(clipLoss(A, A, tau), clipLoss(B, B, tau), IDENTITY),
  }),
  defineConjecture<Shuffled>({
    id: 'paper2.alignment.shuffle-keeps-centroid-gap',
    title:
      'Shuffle control (P19): permuting the pairing leaves the centroid gap exactly unchanged (it does not see the pairing)',
    source: cai2026('P19'),
    expect: 'holds',
    given: shuffled,
    tolerance: IDENTITY,
    show: showShuffled,
    check: ({ X, Y, perm }) => approxEqual(centroidGap(X, gatherRows(Y, perm)), centroidGap(X, Y), IDENTITY),
  }),
  defineConjecture<Shuffled>({
    id: 'paper2.alignment.shuffle-keeps-alignment',
    title: 'Planted false (P19): permuting the pairing leaves the alignment loss unchanged too',
    source: cai2026('P19'),
    expect: 'refuted',
    given: shuffled,
    tolerance: IDENTITY,
    show: showShuffled,
    expectedCounterexample: 'B = 2, d = 2, a swap of two distinct partners',
    check: ({ X, Y, perm }) => approxEqual(alignment(X, gatherRows(Y, perm)), alignment(X, Y), IDENTITY),
  }),
];
