import { centroidGap, energyDistance, recallAtK } from '../../src/gaps/index.js';
import { alignment } from '../../src/losses/index.js';
import { gatherRows, type Matrix, Rng } from '../../src/numeric/index.js';
import { shuffled } from './data.js';
import { permutationTest, type PermutationTest } from './permutation.js';

/*
 * Alignment and the modality gap of paired held-out embeddings (docs/claims.md P14, P19), with two controls:
 *   shuffle:  partners permuted — alignment must get worse, the centroid gap cannot move (it ignores the pairing);
 *   identity: two disjoint halves of the SAME modality — the floor the gap statistics reach when the two
 *             marginals are equal, at the same sample size as the cross-modal comparison.
 * The cross-modal divergence is the energy distance between the marginals (symmetric, zero iff equal laws),
 * computed like the identity control on disjoint halves (top half A against bottom half B) so the two compare.
 */

export interface GapPoint {
  readonly step: number;
  /** E‖x − y‖² over the pairs (Wang & Isola, α = 2); lower is better aligned. */
  readonly alignment: number;
  /** The same with the partners permuted (shuffle control). */
  readonly alignmentShuffled: number;
  /** ‖x̄ − ȳ‖ over all held-out rows. */
  readonly centroidGap: number;
  /** ‖x̄ − ȳ‖ with the partners permuted (must equal centroidGap). */
  readonly centroidGapShuffled: number;
  /** ‖x̄_A − x̄_B‖ (or the bottom-half analogue, whichever is larger): the identity control. */
  readonly centroidGapIdentity: number;
  /** Energy distance between x_A and y_B. */
  readonly energy: number;
  /** Energy distance between two halves of one modality (the larger of top/top and bottom/bottom). */
  readonly energyIdentity: number;
  /** Held-out R@1, top half → bottom half, among all held-out candidates. */
  readonly recallAt1: number;
  /** Permutation p-values of "the two marginals are equal" (x_A against y_B), when asked for. */
  readonly permutation?: PermutationTest;
}

/**
 * The gap statistics of paired embeddings X (top halves) and Y (bottom halves), controls seeded by `seed`; with
 * `permutations` > 0 also the permutation test of x_A against y_B.
 */
export function gapPoint(step: number, X: Matrix, Y: Matrix, seed: number, permutations = 0): GapPoint {
  const n = X.rows,
    half = Math.floor(n / 2),
    rng = new Rng(seed);
  const Ys = gatherRows(Y, shuffled(n, rng));
  const A = Array.from({ length: half }, (_, i) => i),
    B = Array.from({ length: half }, (_, i) => half + i);
  const XA = gatherRows(X, A),
    XB = gatherRows(X, B),
    YA = gatherRows(Y, A),
    YB = gatherRows(Y, B);
  return {
    step,
    alignment: alignment(X, Y),
    alignmentShuffled: alignment(X, Ys),
    centroidGap: centroidGap(X, Y),
    centroidGapShuffled: centroidGap(X, Ys),
    centroidGapIdentity: Math.max(centroidGap(XA, XB), centroidGap(YA, YB)),
    energy: energyDistance(XA, YB),
    energyIdentity: Math.max(energyDistance(XA, XB), energyDistance(YA, YB)),
    recallAt1: recallAtK(X, Y, 1, 'x-to-y'),
    permutation: permutations > 0 ? permutationTest(XA, YB, permutations, rng) : undefined,
  };
}
