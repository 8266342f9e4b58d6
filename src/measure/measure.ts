import {
  centroidCosine,
  centroidGap,
  energyDistance,
  type ItemPairs,
  meanPairDistance,
  mmd2Rbf,
  partnerRetrievalRanks,
  recallFromRanks,
} from '../gaps/index.js';
import { alignment } from '../losses/index.js';
import { CrlInputError, gatherRows, type Matrix, norm, normalizeRows, Rng } from '../numeric/index.js';
import { type BoundedMean, type CrossPassResult, crossPass, type SelfPassResult, selfPass } from './passes.js';
import type { Embeddings } from './readers.js';

/*
 * `crl-verify measure`: the paper-2 gap metrics and the paper-1/2 losses on real embedding files
 * (paper 2: P14, P19). Rows are L2-normalized first (the report says so, with the input norms).
 * With pairs (x_i, y_j) the paired metrics use the paired rows; the centroid gap uses the two sets as given (and
 * the paired rows, beside it). Recall runs over distinct items (RETRIEVAL_CONVENTION), so several captions per
 * image are not duplicates. Every O(n²) metric — InfoNCE, recall, uniformity, energy distance, MMD² and the shuffle
 * control — runs on the same pairs, a seeded subsample above --max-pairs, in blocked passes (passes.ts).
 */

/** How recall is counted, printed with every measurement. */
export const RETRIEVAL_CONVENTION =
  "retrieval over distinct items (COCO/Flickr30k convention of CLIP's evaluation): " +
  "x → y is a hit when any partner of the x item is in the top K, y → x when the y item's partner is; " +
  'ties with non-partners count as misses';

export interface MeasureOptions {
  readonly taus?: readonly number[];
  readonly sigma?: number;
  /** Paired metrics are O(n²): above this many pairs a seeded subsample is used (and reported). */
  readonly maxPairs?: number;
  readonly seed?: number;
  readonly pairs?: readonly [number, number][];
  /** Progress reporter per stage (called with rows done); default: lines on stderr from 2048 pairs on. */
  readonly progress?: (stage: string) => (done: number) => void;
}

export interface BoundCheck {
  readonly name: string;
  readonly lhs: number;
  readonly rhs: number;
  readonly holds: boolean;
}

type TauValues = readonly { readonly tau: number; readonly value: number }[];

export interface Measurement {
  readonly input: {
    readonly x: InputFacts;
    readonly y: InputFacts;
    readonly pairs: number;
    readonly pairing: 'given' | 'by index';
    readonly subsample?: { readonly from: number; readonly to: number; readonly seed: number };
  };
  readonly normalized: true;
  readonly alignment: number;
  readonly uniformity: { readonly x: number; readonly y: number };
  readonly meanPairDistance: number;
  readonly symmetricInfoNce: TauValues;
  readonly recall: Recall;
  /** The retrieval convention and the number of distinct queries each way. */
  readonly retrieval: { readonly convention: string; readonly xItems: number; readonly yItems: number };
  /** Centroid gap of all rows of x and y. */
  readonly centroidGap: number;
  /** Centroid gap of the paired (subsampled) rows, the one the shuffle control and the P14 bound use. */
  readonly pairedCentroidGap: number;
  readonly centroidCosine: number;
  readonly energyDistance: number;
  readonly mmd2: { readonly sigma: number; readonly value: number };
  readonly shuffleControl: {
    readonly seed: number;
    readonly recall: Recall;
    readonly symmetricInfoNce: TauValues;
    readonly centroidGap: number;
  };
  readonly transportBounds: readonly BoundCheck[];
}
interface InputFacts {
  readonly file: string;
  readonly format: string;
  readonly dtype?: string;
  readonly rows: number;
  readonly dim: number;
  readonly norms: readonly [number, number];
}
type AtK = Record<'1' | '5' | '10', number>;
type Recall = { readonly xToY: AtK; readonly yToX: AtK };

function facts(e: Embeddings): InputFacts {
  const { rows, cols, data } = e.matrix;
  let lo = Infinity,
    hi = 0;
  for (let i = 0; i < rows; i++) {
    const n = norm(data.subarray(i * cols, (i + 1) * cols));
    lo = Math.min(lo, n);
    hi = Math.max(hi, n);
  }
  return { file: e.file, format: e.format, dtype: e.dtype, rows, dim: cols, norms: [lo, hi] };
}

/** A uniformly random permutation of 0..n−1 (Fisher–Yates). */
function permutation(n: number, rng: Rng): number[] {
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let k = n - 1; k > 0; k--) {
    const j = rng.int(k + 1);
    [idx[k], idx[j]] = [idx[j]!, idx[k]!];
  }
  return idx;
}

const atK = (r: Int32Array): AtK => ({
  1: recallFromRanks(r, 1),
  5: recallFromRanks(r, 5),
  10: recallFromRanks(r, 10),
});

/** R@1/5/10 both ways over the distinct items of `pairs` (several partners per item), and the query counts. */
function partnerRecall(X: Matrix, Y: Matrix, pairs: ItemPairs): { recall: Recall; xItems: number; yItems: number } {
  const rx = partnerRetrievalRanks(X, Y, pairs, 'x-to-y'),
    ry = partnerRetrievalRanks(X, Y, pairs, 'y-to-x');
  return { recall: { xToY: atK(rx), yToX: atK(ry) }, xItems: rx.length, yItems: ry.length };
}

const distinctCount = (v: readonly number[]): number => new Set(v).size;
const distinctInOrder = (v: readonly number[]): number[] => [...new Set(v)];

/** 2·cross − selfX − selfY with a bound on its error (the three bounds plus the rounding of the combination). */
function combine(cross: BoundedMean, sx: BoundedMean, sy: BoundedMean, sign: 1 | -1): { value: number; error: number } {
  const U = 2 ** -53,
    scale = 2 * cross.mean + sx.mean + sy.mean;
  return {
    value: sign * (2 * cross.mean - sx.mean - sy.mean),
    error: 2 * cross.error + sx.error + sy.error + 4 * U * scale,
  };
}

/** Energy distance and MMD² from bounded pair means, or from the exact kernels when float64 cannot vouch for 1e-10. */
function gapsFromPasses(
  Xp: Matrix,
  Yp: Matrix,
  sigma: number,
  cross: CrossPassResult,
  sx: SelfPassResult,
  sy: SelfPassResult,
): { energy: number; mmd: number } {
  const e = combine(cross.distance, sx.distance, sy.distance, 1),
    k = combine(cross.kernel, sx.kernel, sy.kernel, -1);
  return {
    energy: e.error <= 1e-10 * e.value ? e.value : energyDistance(Xp, Yp),
    mmd: k.error <= 1e-10 * k.value ? k.value : mmd2Rbf(Xp, Yp, sigma),
  };
}

/** Progress lines on stderr for large inputs: at most one per stage quarter. */
function stderrProgress(total: number): (stage: string) => (done: number) => void {
  return (stage) => {
    let next = 0.25;
    return (done) => {
      if (done / total + 1e-9 < next && done < total) return;
      next = Math.floor((done / total) * 4 + 1) / 4;
      process.stderr.write(`measure: ${stage} ${done}/${total} rows\n`);
    };
  };
}

/** Every metric of `measure` on two embedding tables. */
export function measure(x: Embeddings, y: Embeddings, o: MeasureOptions = {}): Measurement {
  if (x.matrix.cols !== y.matrix.cols) {
    throw new CrlInputError(
      `${x.file} has dimension ${x.matrix.cols} but ${y.file} has ${y.matrix.cols}; ` +
        'both modalities must live in the same space',
    );
  }
  if (!o.pairs && x.matrix.rows !== y.matrix.rows) {
    throw new CrlInputError(
      `${x.file} has ${x.matrix.rows} rows but ${y.file} has ${y.matrix.rows}; ` +
        'without --pairs row i of x is paired with row i of y, so the counts must match',
    );
  }
  const X = normalizeRows(x.matrix, x.file),
    Y = normalizeRows(y.matrix, y.file);
  const taus = o.taus ?? [0.07, 0.01],
    sigma = o.sigma ?? 1,
    seed = o.seed ?? 0,
    maxPairs = o.maxPairs ?? 4096;
  let pairs = o.pairs ?? Array.from({ length: X.rows }, (_, i) => [i, i] as [number, number]);
  const rng = new Rng(seed);
  let subsample: Measurement['input']['subsample'];
  if (pairs.length > maxPairs) {
    const idx = permutation(pairs.length, rng);
    subsample = { from: pairs.length, to: maxPairs, seed };
    pairs = idx.slice(0, maxPairs).map((k) => pairs[k]!);
  }
  const n = pairs.length,
    xs = pairs.map((p) => p[0]),
    ys = pairs.map((p) => p[1]);
  const quiet = () => () => {};
  const progress = o.progress ?? (n >= 2048 ? stderrProgress(n) : quiet);
  const Xp = gatherRows(X, xs),
    Yp = gatherRows(Y, ys);
  const perm = permutation(n, rng);
  const shuffledPairs = pairs.map((p, i) => [p[0], pairs[perm[i]!]![1]] as [number, number]);
  // one pass over Xp·Ypᵀ for the given pairing (i ↔ i) and the shuffled one (i ↔ perm[i]); one per triangle
  const identity = Int32Array.from({ length: n }, (_, i) => i),
    shuffled = Int32Array.from(perm);
  const cross = crossPass(Xp, Yp, [identity, shuffled], taus, sigma, progress('x·yᵀ'));
  const sx = selfPass(Xp, sigma, 2, progress('x·xᵀ')),
    sy = selfPass(Yp, sigma, 2, progress('y·yᵀ'));
  const { energy, mmd } = gapsFromPasses(Xp, Yp, sigma, cross, sx, sy);
  // one-to-one pairs: the passes' ranks and self terms are over distinct items already
  const oneToOne = distinctCount(xs) === n && distinctCount(ys) === n;
  const retrieval = oneToOne
    ? { recall: { xToY: atK(cross.ranksXY[0]!), yToX: atK(cross.ranksYX[0]!) }, xItems: n, yItems: n }
    : partnerRecall(X, Y, pairs);
  const shuffledRecall = oneToOne
    ? { xToY: atK(cross.ranksXY[1]!), yToX: atK(cross.ranksYX[1]!) }
    : partnerRecall(X, Y, shuffledPairs).recall;
  const uniformityOf = (M: Matrix, idx: number[], self: SelfPassResult): number =>
    oneToOne ? self.uniformity : selfPass(gatherRows(M, distinctInOrder(idx)), sigma, 2, quiet()).uniformity;
  const { xItems, yItems } = retrieval;
  const align = alignment(Xp, Yp),
    pairDist = meanPairDistance(Xp, Yp);
  const gap = centroidGap(X, Y),
    pairedGap = centroidGap(Xp, Yp);
  const infonce = (k: number) => taus.map((tau, t) => ({ tau, value: cross.clip[k]![t]! }));
  const bound = (name: string, lhs: number, rhs: number): BoundCheck => ({
    name,
    lhs,
    rhs,
    holds: lhs <= rhs + 1e-12 * Math.max(1, Math.abs(rhs)),
  });
  return {
    input: { x: facts(x), y: facts(y), pairs: n, pairing: o.pairs ? 'given' : 'by index', subsample },
    normalized: true,
    alignment: align,
    uniformity: { x: uniformityOf(X, xs, sx), y: uniformityOf(Y, ys, sy) },
    meanPairDistance: pairDist,
    symmetricInfoNce: infonce(0),
    recall: retrieval.recall,
    retrieval: { convention: RETRIEVAL_CONVENTION, xItems, yItems },
    centroidGap: gap,
    pairedCentroidGap: pairedGap,
    centroidCosine: centroidCosine(X, Y),
    energyDistance: energy,
    mmd2: { sigma, value: mmd },
    shuffleControl: {
      seed,
      recall: shuffledRecall,
      symmetricInfoNce: infonce(1),
      centroidGap: centroidGap(Xp, gatherRows(Yp, perm)),
    },
    transportBounds: [
      bound('paired centroid gap <= mean pair distance', pairedGap, pairDist),
      bound('mean pair distance <= √alignment', pairDist, Math.sqrt(align)),
      bound('energy distance <= 2 · mean pair distance', energy, 2 * pairDist),
      bound(`MMD (σ = ${sigma}) <= mean pair distance / σ`, Math.sqrt(Math.max(0, mmd)), pairDist / sigma),
    ],
  };
}

const f = (v: number): string => (Math.abs(v) >= 1e-3 || v === 0 ? v.toFixed(4) : v.toExponential(3));

/** The measurement as readable text. */
export function formatMeasurement(m: Measurement): string {
  const r = (rc: AtK) => `R@1 ${f(rc[1])}  R@5 ${f(rc[5])}  R@10 ${f(rc[10])}`;
  const inp = (i: InputFacts) =>
    `${i.file} (${i.format}${i.dtype ? `, ${i.dtype}` : ''}, ${i.rows} × ${i.dim}, ` +
    `row norms ${f(i.norms[0])}…${f(i.norms[1])})`;
  const sub = m.input.subsample;
  const subsample = sub
    ? `, a seeded subsample of ${sub.to} of ${sub.from} (seed ${sub.seed}); ` +
      'InfoNCE, recall, uniformity, energy distance, MMD² and the shuffle control all use it'
    : '';
  const sc = m.shuffleControl;
  const shuffledInfoNce = sc.symmetricInfoNce.map((s) => `InfoNCE τ=${s.tau} ${f(s.value)}`).join(', ');
  return [
    `x: ${inp(m.input.x)}`,
    `y: ${inp(m.input.y)}`,
    `pairs: ${m.input.pairs} (${m.input.pairing})${subsample}`,
    'rows were L2-normalized before every metric',
    '',
    `alignment (α = 2)        ${f(m.alignment)}`,
    `uniformity (t = 2)       x ${f(m.uniformity.x)}  y ${f(m.uniformity.y)}`,
    `mean pair distance       ${f(m.meanPairDistance)}`,
    ...m.symmetricInfoNce.map((s) => `symmetric InfoNCE τ=${s.tau}  ${f(s.value)}`),
    `x → y (${m.retrieval.xItems} queries)`.padEnd(25) + r(m.recall.xToY),
    `y → x (${m.retrieval.yItems} queries)`.padEnd(25) + r(m.recall.yToX),
    ...m.retrieval.convention.split(': ').map((part, k) => `  ${k === 0 ? `${part}:` : part}`),
    `centroid gap             ${f(m.centroidGap)} all rows, ${f(m.pairedCentroidGap)} paired rows ` +
      `(cosine of centroids ${f(m.centroidCosine)})`,
    `energy distance          ${f(m.energyDistance)}`,
    `MMD² (σ = ${m.mmd2.sigma})            ${f(m.mmd2.value)}`,
    '',
    `shuffle control (pairs permuted, seed ${sc.seed}): x → y ${r(sc.recall.xToY)}; ${shuffledInfoNce}; ` +
      `paired centroid gap ${f(sc.centroidGap)}`,
    '',
    'finite-sample transport bounds (docs/claims.md P14):',
    ...m.transportBounds.map((b) => `  ${b.holds ? 'holds ' : 'FAILS '} ${b.name}: ${f(b.lhs)} <= ${f(b.rhs)}`),
  ].join('\n');
}
