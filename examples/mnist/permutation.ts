import { ensure, type Matrix, type Rng } from '../../src/numeric/index.js';
import { shuffled } from './data.js';

/*
 * A two-sample permutation test of "P and Q come from the same law", the null the modality gap is measured
 * against. Its statistics are the project's: the energy distance (V-statistic, src/gaps/energy.ts) and the
 * centroid gap ‖p̄ − q̄‖ (src/gaps/centroid.ts), recomputed here from a pooled distance table so that a relabelling
 * costs O(n²) additions instead of O(n²d).
 */

export interface PermutationTest {
  readonly permutations: number;
  /** The observed statistics (equal to energyDistance(P, Q) and centroidGap(P, Q)). */
  readonly energy: number;
  readonly centroidGap: number;
  readonly energyP: number;
  readonly centroidGapP: number;
}

/**
 * Pools the rows of P and Q (independent samples), relabels them at random `permutations` times and returns
 * p = (1 + #{relabelled statistic >= observed})/(1 + permutations) for each statistic.
 */
export function permutationTest(P: Matrix, Q: Matrix, permutations: number, rng: Rng): PermutationTest {
  ensure(P.cols === Q.cols && P.rows >= 1 && Q.rows >= 1, 'permutationTest: two non-empty samples of one dimension');
  const nP = P.rows,
    n = nP + Q.rows,
    d = P.cols;
  const Z = new Float64Array(n * d);
  Z.set(P.data.subarray(0, nP * d));
  Z.set(Q.data.subarray(0, Q.rows * d), nP * d);
  const D = new Float64Array(n * n),
    total = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) total[k]! += Z[i * d + k]!;
    for (let j = i + 1; j < n; j++) {
      let q = 0;
      for (let k = 0; k < d; k++) {
        const t = Z[i * d + k]! - Z[j * d + k]!;
        q += t * t;
      }
      D[i * n + j] = D[j * n + i] = Math.sqrt(q);
    }
  }
  let all = 0;
  for (let k = 0; k < n * n; k++) all += D[k]!;
  const stats = (inP: Uint8Array): [number, number] => {
    let sPP = 0,
      sQQ = 0;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        if (inP[i] && inP[j]) sPP += D[i * n + j]!;
        else if (!inP[i] && !inP[j]) sQQ += D[i * n + j]!;
      }
    const nQ = n - nP,
      sPQ = (all - sPP - sQQ) / 2;
    const sumP = new Float64Array(d);
    for (let i = 0; i < n; i++) if (inP[i]) for (let k = 0; k < d; k++) sumP[k]! += Z[i * d + k]!;
    let gap = 0;
    for (let k = 0; k < d; k++) gap += (sumP[k]! / nP - (total[k]! - sumP[k]!) / nQ) ** 2;
    return [(2 * sPQ) / (nP * nQ) - sPP / (nP * nP) - sQQ / (nQ * nQ), Math.sqrt(gap)];
  };
  const label = new Uint8Array(n);
  for (let i = 0; i < nP; i++) label[i] = 1;
  const [energy, gap] = stats(label);
  let aboveEnergy = 0,
    aboveGap = 0;
  for (let r = 0; r < permutations; r++) {
    const perm = shuffled(n, rng),
      relabel = new Uint8Array(n);
    for (let i = 0; i < nP; i++) relabel[perm[i]!] = 1;
    const [e, g] = stats(relabel);
    if (e >= energy) aboveEnergy++;
    if (g >= gap) aboveGap++;
  }
  const p = (above: number): number => (1 + above) / (1 + permutations);
  return { permutations, energy, centroidGap: gap, energyP: p(aboveEnergy), centroidGapP: p(aboveGap) };
}
