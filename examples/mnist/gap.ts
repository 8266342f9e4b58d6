import { centroidGap, energyDistance, recallAtK } from '../../src/gaps/index.js';
import { alignment } from '../../src/losses/index.js';
import { gatherRows, type Matrix, Rng } from '../../src/numeric/index.js';
import { shuffled } from './data.js';

/*
 * Alignment and the modality gap of paired held-out embeddings (research/paper2.md P14, P19), with two controls:
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

export interface PermutationTest {
  readonly permutations: number;
  readonly energyP: number;
  readonly centroidGapP: number;
}

/**
 * Two-sample permutation test of P ~ Q (independent samples) with the energy distance and the centroid gap as
 * statistics: the rows are pooled and relabelled at random; p = (1 + #{relabelled >= observed})/(1 + permutations).
 * The pooled distance table is computed once, so a relabelling costs O(n²) additions.
 */
export function permutationTest(P: Matrix, Q: Matrix, permutations: number, rng: Rng): PermutationTest {
  const nP = P.rows, n = nP + Q.rows, d = P.cols;
  const Z = new Float64Array(n * d);
  Z.set(P.data.subarray(0, nP * d));
  Z.set(Q.data.subarray(0, Q.rows * d), nP * d);
  const D = new Float64Array(n * n), total = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) total[k]! += Z[i * d + k]!;
    for (let j = i + 1; j < n; j++) {
      let q = 0;
      for (let k = 0; k < d; k++) { const t = Z[i * d + k]! - Z[j * d + k]!; q += t * t; }
      D[i * n + j] = D[j * n + i] = Math.sqrt(q);
    }
  }
  let all = 0;
  for (let k = 0; k < n * n; k++) all += D[k]!;
  const stats = (inP: Uint8Array): [number, number] => {
    let sPP = 0, sQQ = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      if (inP[i] && inP[j]) sPP += D[i * n + j]!; else if (!inP[i] && !inP[j]) sQQ += D[i * n + j]!;
    }
    const nQ = n - nP, sPQ = (all - sPP - sQQ) / 2;
    const sumP = new Float64Array(d);
    for (let i = 0; i < n; i++) if (inP[i]) for (let k = 0; k < d; k++) sumP[k]! += Z[i * d + k]!;
    let gap = 0;
    for (let k = 0; k < d; k++) gap += (sumP[k]! / nP - (total[k]! - sumP[k]!) / nQ) ** 2;
    return [2 * sPQ / (nP * nQ) - sPP / (nP * nP) - sQQ / (nQ * nQ), Math.sqrt(gap)];
  };
  const label = new Uint8Array(n);
  for (let i = 0; i < nP; i++) label[i] = 1;
  const [energy, gap] = stats(label);
  let aboveEnergy = 0, aboveGap = 0;
  for (let r = 0; r < permutations; r++) {
    const perm = shuffled(n, rng), relabel = new Uint8Array(n);
    for (let i = 0; i < nP; i++) relabel[perm[i]!] = 1;
    const [e, g] = stats(relabel);
    if (e >= energy) aboveEnergy++;
    if (g >= gap) aboveGap++;
  }
  return { permutations, energyP: (1 + aboveEnergy) / (1 + permutations), centroidGapP: (1 + aboveGap) / (1 + permutations) };
}

/**
 * The gap statistics of paired embeddings X (top halves) and Y (bottom halves), controls seeded by `seed`; with
 * `permutations` > 0 also the permutation test of x_A against y_B.
 */
export function gapPoint(step: number, X: Matrix, Y: Matrix, seed: number, permutations = 0): GapPoint {
  const n = X.rows, half = Math.floor(n / 2), rng = new Rng(seed);
  const Ys = gatherRows(Y, shuffled(n, rng));
  const A = Array.from({ length: half }, (_, i) => i), B = Array.from({ length: half }, (_, i) => half + i);
  const XA = gatherRows(X, A), XB = gatherRows(X, B), YA = gatherRows(Y, A), YB = gatherRows(Y, B);
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
