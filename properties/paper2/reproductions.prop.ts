/*
 * Paper 2 reproductions, reduced in size. The S¹ toy and the particle descent train in float64 on the project's
 * kernels; Liang et al.'s loss curve is computed in float64 and, batched, in TensorFlow.js float32 as a cross-check.
 *   P16  Liang et al.'s mismatched-label simulation: one swapped pair makes the symmetric-InfoNCE minimiser keep a
 *        gap at low temperature (docs/claims.md P16: argmin |z| = 0.714, 0.869, 0.975, 0.988 at
 *        1/T = 50, 100, 500, 1000).
 *   P17  The paper's S¹ toy (Fig. 2b): the learned gap (histogram sym-KL, SUM convention KL + KL) grows with the
 *        misalignment σ, next to the identity-encoder baseline (the data-level confound, docs/claims.md P17). The baseline's
 *        population value is exact (Fourier series of the angle laws, src/reproductions/toyLaws.ts); at 8,000 pairs
 *        the code metric overestimates it, mostly through empty bins where only the +1e−8 floor stands (issue 11).
 *        The learned gap is the population value of the code metric for the trained encoders. The encoders start at
 *        the identity: from the random start N(0, ½), 11 of 89 float64 trainings (and the tfjs one at thorough seed
 *        73) were still near-singular after 2,000 steps (learned gap 1.8–25, against <= 0.23 at σ = 0 and 0.16–0.37
 *        at σ = 0.7 otherwise), which flipped the comparison at 5 of 44 seeds. From the identity, seeds 0–99 all hold (σ = 0: <= 0.001,
 *        0.35: 0.020–0.038, 0.7: 0.157–0.175) after the paper's 2000 Adam steps (thorough); quick and ci train 500
 *        steps, by which the gap has settled (see toySteps).
 *   P18  Particle descent on the intrinsic energy tracks the Gibbs cap mass for τ >= 0.5.
 * Tables of measured values sit next to the reference values in the report.
 * Expected: the reproductions hold; "the minimiser never keeps a gap", "identity encoders measure no gap",
 * "misalignment leaves no learned gap", "8,000 pairs estimate the baseline within 10%" and "the particles track
 * the Gibbs cap mass at τ = 0.1" are refuted.
 */
import fc from 'fast-check';
import {
  activeProfile,
  allOf,
  approxEqual,
  defineConjecture,
  geq,
  leq,
  type Verdict,
} from '../../src/conjecture/index.js';
import { Rng, seedFrom } from '../../src/numeric/index.js';
import {
  argminAbsHeight,
  gibbsCapMass,
  identityEncoderGap,
  identityEncoderParts,
  mismatchLoss,
  mismatchLossCurveTf,
  mismatchTargets,
  particleCapMass,
  toyBaselinePopulationKlHalf,
  toyBaselinePopulationKlSum,
  type ToyNoise,
  type ToyRun,
  trainedToyGap,
} from '../../src/reproductions/index.js';
import { loadTensorEngine, tensorEngine } from '../../src/tensor/index.js';
import { cai2026 } from './common.js';

const source = (ref: string) => ({ paper: 'liang2022', ref: `claims.md ${ref}`, provenance: 'background' }) as const;

// ---- P16: mismatched labels -------------------------------------------------------------------------------
const INV_T = [1, 5, 10, 50, 100, 500, 1000];
/** docs/claims.md P16:, one swapped pair (labels 3 ↔ 8), 2001-point grid. */
const REFERENCE_SWAPPED: Record<number, number> = { 1: 0, 5: 0, 10: 0, 50: 0.714, 100: 0.869, 500: 0.975, 1000: 0.988 };
const ZS = Array.from({ length: 2001 }, (_, g) => -1 + g / 1000);
const curves = new Map<string, { f64: number[]; f32: Float32Array }>();
function curve(invT: number, swapped: boolean) {
  const key = `${invT}:${swapped}`;
  let c = curves.get(key);
  if (!c) {
    const t = mismatchTargets(swapped ? [3, 8] : undefined);
    c = { f64: ZS.map((z) => mismatchLoss(z, invT, t)), f32: mismatchLossCurveTf(tensorEngine().tf, ZS, invT, t) };
    curves.set(key, c);
  }
  return c;
}
function mismatchTable() {
  return {
    title: 'Liang et al. mismatch: argmin |z| of the symmetric InfoNCE over z ∈ [−1, 1] (gap = 2|z|)',
    columns: ['1/T', 'matched (float64)', 'swapped (float64)', 'swapped (tfjs float32)', 'swapped reference'],
    rows: INV_T.map((t) => [
      t,
      argminAbsHeight(ZS, curve(t, false).f64),
      argminAbsHeight(ZS, curve(t, true).f64),
      argminAbsHeight(ZS, curve(t, true).f32),
      REFERENCE_SWAPPED[t]!,
    ]),
  };
}
const invT = fc.constantFrom(...INV_T);

// ---- P17: the S¹ toy ------------------------------------------------------------------------------------
/** A table for the report (rendered from the verdict's details: `table` or `tables`). */
interface DetailTable {
  readonly title: string;
  readonly columns: string[];
  readonly rows: (string | number)[][];
}
const wrappedNormal = (sigma: number): ToyNoise => ({ law: 'wrapped-normal', sigma });
/** The von Mises misalignment matched at small σ: κ = 1/σ² (vM(0, κ) ≈ N(0, 1/κ) as κ → ∞). */
const vonMisesNoise = (sigma: number): ToyNoise => ({ law: 'von-mises', kappa: 1 / (sigma * sigma) });
/** Both conventions for both noise laws; at σ = 0 both laws are the point mass and the value is 0. */
function baselinePopulation(sigma: number) {
  if (sigma === 0) return { wnSum: 0, wnHalf: 0, vmSum: 0, vmHalf: 0 };
  return {
    wnSum: toyBaselinePopulationKlSum(wrappedNormal(sigma)),
    wnHalf: toyBaselinePopulationKlHalf(wrappedNormal(sigma)),
    vmSum: toyBaselinePopulationKlSum(vonMisesNoise(sigma)),
    vmHalf: toyBaselinePopulationKlHalf(vonMisesNoise(sigma)),
  };
}

/** docs/claims.md P17: identity-encoder sym-KL (sum), mean over 20 seeds, 8000 pairs. */
const REFERENCE_BASELINE: Record<number, number> = { 0: 0.0064, 0.35: NaN, 0.7: 0.8316, 1: NaN };
const BASELINE_SIGMAS = [0, 0.35, 0.7, 1];
/** The code's evaluation size, and ten times it, where no bin is empty at σ <= 1. */
const CODE_PAIRS = 8000,
  LARGE_PAIRS = 80_000;
/** Seeds behind the table's finite-sample columns (fixed, so the table is the same in every profile). */
const TABLE_SEEDS = 20,
  TABLE_LARGE_SEEDS = 2;
const mean = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
/** Sample standard deviation (n − 1). */
const sd = (v: readonly number[]): number => {
  const m = mean(v);
  return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1));
};
/** The identity-encoder metric at `pairs` pairs for seed s (randomness seeded from σ, s and pairs). */
const baselineAt = (sigma: number, seed: number, pairs: number) =>
  identityEncoderParts(new Rng(seedFrom(sigma, seed, pairs)), sigma, pairs);

let baselineTableMemo: DetailTable | undefined;
/** The identity baseline: population values and the code metric's finite-sample mean ± sd and floor share. */
function baselineTable(): DetailTable {
  baselineTableMemo ??= {
    title:
      `S¹ toy, identity encoders: the code metric (60 bins, +1e−8, KL + KL) against its population value; ` +
      `${CODE_PAIRS} pairs over ${TABLE_SEEDS} seeds, ${LARGE_PAIRS} pairs over ${TABLE_LARGE_SEEDS}; ` +
      'floor share = part of the mean from bins empty on one side; von Mises noise at κ = 1/σ²',
    columns: [
      'σ_mis',
      'population KL+KL (wrapped normal)',
      'population ½(KL+KL)',
      'population KL+KL (von Mises)',
      'population ½(KL+KL) (von Mises)',
      `${CODE_PAIRS}-pair mean`,
      `${CODE_PAIRS}-pair sd`,
      'floor share',
      `${LARGE_PAIRS}-pair mean`,
      'reference (notes, 20 seeds)',
    ],
    rows: BASELINE_SIGMAS.map((sigma) => {
      const pop = baselinePopulation(sigma);
      const small = Array.from({ length: TABLE_SEEDS }, (_, s) => baselineAt(sigma, s, CODE_PAIRS));
      const large = Array.from({ length: TABLE_LARGE_SEEDS }, (_, s) => baselineAt(sigma, s, LARGE_PAIRS).value);
      const values = small.map((p) => p.value),
        ref = REFERENCE_BASELINE[sigma]!;
      return [
        sigma,
        pop.wnSum,
        pop.wnHalf,
        pop.vmSum,
        pop.vmHalf,
        mean(values),
        sd(values),
        mean(small.map((p) => p.floor)) / mean(values),
        mean(large),
        Number.isNaN(ref) ? '—' : ref,
      ];
    }),
  };
  return baselineTableMemo;
}

/**
 * One seed's code metric at σ = 0.7 against the population value: within 10%? The instance's row (with its floor
 * part) goes into the report, and the baseline table with `withTable`.
 */
function baselineWithin10(seed: number, pairs: number, withTable: boolean): Verdict {
  const pop = toyBaselinePopulationKlSum(wrappedNormal(0.7)),
    parts = baselineAt(0.7, seed, pairs);
  const instance: DetailTable = {
    title: `seed ${seed}, ${pairs} pairs, σ_mis = 0.7: the code metric, its floor part, and the population value`,
    columns: ['pairs', 'code metric', 'floor part', 'code metric − floor part', 'population KL+KL', 'relative error'],
    rows: [[pairs, parts.value, parts.floor, parts.value - parts.floor, pop, Math.abs(parts.value - pop) / pop]],
  };
  const tables = withTable ? [instance, baselineTable()] : [instance];
  return leq(Math.abs(parts.value - pop), 0.1 * pop, undefined, { tables });
}

// The learned gap: the paper's protocol (B = 256, 2000 Adam steps at lr 5e−3, 8000 eval pairs) from the identity.
const TOY = { tau: 0.07, batch: 256, steps: 2000, learningRate: 5e-3, evalPairs: 8000, init: 'identity' } as const;
/**
 * Adam steps by profile: the paper's 2000 in thorough; 500 in quick and ci, where the learned gap has already
 * settled (σ = 0.7, seeds 0–2: 0.1600, 0.1590, 0.1632 after 500 steps, 0.1582, 0.1587, 0.1620 after 1000;
 * σ = 0: <= 0.0002) and a training costs a quarter (each step is one B = 256 CLIP loss and gradient, 2 ms).
 */
const toySteps = (): number => (activeProfile().name === 'thorough' ? TOY.steps : 500);
const toyRuns = new Map<string, ToyRun>();
/** The toy trained at σ for a seed (memoised: the holds claim and its twin share runs on equal seeds). */
function toyRun(seed: number, sigma: number): ToyRun {
  const steps = toySteps(),
    key = `${seed}:${sigma}:${steps}`;
  let r = toyRuns.get(key);
  if (!r) {
    r = trainedToyGap(new Rng(seedFrom(seed, sigma)), { ...TOY, steps, sigma });
    toyRuns.set(key, r);
  }
  return r;
}
function toyTable(seed: number, sigmas: readonly number[]): DetailTable {
  return {
    title:
      `S¹ toy (τ = ${TOY.tau}, B = ${TOY.batch}, ${toySteps()} Adam steps at lr ${TOY.learningRate} from the ` +
      `identity encoders, float64, seed ${seed}): learned gap as the population value of the code metric (KL + KL) ` +
      `and at ${TOY.evalPairs} pairs`,
    columns: [
      'σ_mis',
      'identity baseline (population)',
      'learned (population)',
      `learned (${TOY.evalPairs} pairs)`,
      'learned − baseline (population)',
      'learned centroid gap',
      'final batch loss',
    ],
    rows: sigmas.map((sigma) => {
      const r = toyRun(seed, sigma),
        base = baselinePopulation(sigma).wnSum;
      return [sigma, base, r.populationGap, r.gap, r.populationGap - base, r.centroidGap, r.finalLoss];
    }),
  };
}
/** A seed per run; not shrunk (a smaller seed is no simpler experiment, and each retry retrains). */
const toySeed = fc.noShrink(fc.integer({ min: 0, max: 999 }));
/** A seed per run, shrunk towards 0 (cheap checks: the smallest refuting seed is the reported instance). */
const seed = fc.integer({ min: 0, max: 999 });

// ---- P18: particle descent tracks the Gibbs cap mass ------------------------------------------------------
const PARTICLES = 256,
  STEPS = 300,
  IS_POINTS = 120_000;
const particleRuns = new Map<string, ReturnType<typeof particleRunUncached>>();
/**
 * The descent and the Gibbs reference for a seed, memoised like toyRun: a deterministic function of the seed, which
 * the runner evaluates up to 7 times for one stored counterexample (corpus, generation, confirmation, report).
 */
function particleRun(seed: number, taus: number[]) {
  const key = `${seed}:${taus.join(',')}`;
  let r = particleRuns.get(key);
  if (!r) {
    r = particleRunUncached(seed, taus);
    particleRuns.set(key, r);
  }
  return r;
}
function particleRunUncached(seed: number, taus: number[]) {
  const rows = taus.map((tau, k) => ({
    tau,
    gibbs: gibbsCapMass(new Rng(seed * 41 + k), tau, IS_POINTS),
    particles: particleCapMass(new Rng(seed * 43 + k), tau, PARTICLES, STEPS),
  }));
  const table = {
    title:
      `Unimodal Gibbs on S² (two wells, κ = 12): cap mass within 0.5 rad, ${PARTICLES} particles × ${STEPS} ` +
      `Adam steps in float64 (paper: 768 × 5000), Gibbs by importance sampling with ${IS_POINTS} points, seed ${seed}`,
    columns: ['τ', 'Gibbs cap mass', 'particle cap mass', '|difference|'],
    rows: rows.map((r) => [r.tau, r.gibbs, r.particles, Math.abs(r.particles - r.gibbs)]),
  };
  return { rows, table };
}

export default [
  defineConjecture<number>({
    id: 'paper2.reproduction.mismatch-gap',
    title:
      'Liang et al.: matched labels put the minimiser at z = 0 for every 1/T; one swapped pair moves it to the reference |z| (±0.002)',
    source: source('P16'),
    expect: 'holds',
    prepare: loadTensorEngine, // the float32 curve (mismatchTable) runs on TensorFlow.js
    given: invT,
    runs: 7,
    show: (t) => `1/T = ${t}`,
    check: (t): Verdict => {
      const table = mismatchTable();
      const matched = approxEqual(argminAbsHeight(ZS, curve(t, false).f64), 0, undefined, { table });
      if (!matched.ok) return matched;
      const swapped = Math.abs(argminAbsHeight(ZS, curve(t, true).f64) - REFERENCE_SWAPPED[t]!);
      // the tfjs float32 curve must agree with float64 (its argmin wanders on the flat matched curve, so values are compared)
      const f32 = curve(t, true).f32,
        f64 = curve(t, true).f64;
      const worst = Math.max(...f64.map((v, g) => Math.abs(v - f32[g]!) / Math.max(1, Math.abs(v))));
      return worst > 1e-3
        ? leq(worst, 1e-3, undefined, { table, what: 'tfjs vs float64 loss curve' })
        : leq(swapped, 0.002, undefined, { table });
    },
  }),
  defineConjecture<number>({
    id: 'paper2.reproduction.mismatch-never-gapped',
    title:
      'Planted false (P16): the symmetric-InfoNCE minimiser always has zero centroid gap, even with one swapped pair',
    source: source('P16 (FALSE)'),
    expect: 'refuted',
    prepare: loadTensorEngine, // the float32 curve (mismatchTable) runs on TensorFlow.js
    given: invT,
    runs: 7,
    show: (t) => `1/T = ${t}`,
    expectedCounterexample: '1/T = 50: argmin |z| = 0.714 (gap 1.43)',
    check: (t) => leq(argminAbsHeight(ZS, curve(t, true).f64), 0.001, undefined, { table: mismatchTable() }),
  }),
  defineConjecture<number>({
    id: 'paper2.reproduction.toy-gap-grows',
    title:
      'S¹ toy (Fig. 2b): the learned gap (population value of the code metric for the trained encoders) grows ' +
      'with σ_mis: σ = 0 < 0.7 in quick/ci, 0 < 0.35 < 0.7 in thorough (float64 training from the identity encoders)',
    source: cai2026('P17', 'paper-claim'),
    expect: 'holds',
    given: toySeed,
    runs: 1,
    show: (s) => `seed ${s}`,
    check: (s): Verdict => {
      const sigmas = activeProfile().name === 'thorough' ? [0, 0.35, 0.7] : [0, 0.7];
      const table = toyTable(s, sigmas),
        gaps = sigmas.map((sigma) => toyRun(s, sigma).populationGap);
      return allOf(gaps.slice(1).map((g, k) => geq(g, gaps[k]!, undefined, { table })));
    },
  }),
  defineConjecture<number>({
    id: 'paper2.reproduction.toy-no-learned-gap',
    title:
      'Planted false (P17): misalignment leaves no learned gap: at σ_mis = 0.7 the learned gap ' +
      '(population value) is <= 0.05',
    source: cai2026('P17 (FALSE)'),
    expect: 'refuted',
    given: toySeed,
    runs: 1,
    show: (s) => `seed ${s}`,
    expectedCounterexample: 'any seed: the learned gap at σ_mis = 0.7 is ≈ 0.16 (0.157–0.175 over seeds 0–99)',
    check: (s) => leq(toyRun(s, 0.7).populationGap, 0.05, undefined, { table: toyTable(s, [0.7]) }),
  }),
  defineConjecture<number>({
    id: 'paper2.reproduction.identity-encoders-no-gap',
    title: 'Planted false (P17): with identity encoders the measured gap is ~0 (<= 0.05) for every σ_mis > 0',
    source: cai2026('P17 (FALSE)'),
    expect: 'refuted',
    given: toySeed,
    runs: 1,
    show: (s) => `seed ${s}`,
    expectedCounterexample: 'any seed: the code metric at σ_mis = 0.7 is ≈ 0.9 at 8000 pairs (population value 0.740)',
    check: (s) => leq(identityEncoderGap(new Rng(s), 0.7, CODE_PAIRS), 0.05),
  }),
  defineConjecture<number>({
    id: 'paper2.reproduction.toy-baseline-near-population',
    title:
      `S¹ toy identity baseline (σ_mis = 0.7): at ${LARGE_PAIRS} pairs the code metric is within 10% of its ` +
      'population value 0.740 (KL + KL)',
    source: cai2026('P17', 'reconstructed'),
    expect: 'holds',
    given: seed,
    runs: 4,
    show: (s) => `seed ${s}`,
    check: (s) => baselineWithin10(s, LARGE_PAIRS, true),
  }),
  defineConjecture<number>({
    id: 'paper2.reproduction.toy-baseline-8000-pairs',
    title:
      `Planted false (P17): at ${CODE_PAIRS} pairs the code metric on identity encoders (σ_mis = 0.7) is within ` +
      '10% of its population value 0.740',
    source: cai2026('P17 (FALSE)'),
    expect: 'refuted',
    given: seed,
    runs: 16,
    show: (s) => `seed ${s}`,
    expectedCounterexample:
      'seed 6 (0–5 are within 10%): 0.877, of which 0.145 from bins empty on one side ' +
      '(the +1e−8 floor); without them 0.731, within 10%. Over 1000 seeds: mean 0.895, sd 0.139, 62% off by > 10%, ' +
      '94% of those only through the floor',
    check: (s) => baselineWithin10(s, CODE_PAIRS, false),
  }),
  defineConjecture<number>({
    id: 'paper2.reproduction.particles-track-gibbs',
    title:
      'Particle descent on the intrinsic energy tracks the Gibbs cap mass within 0.05 for τ >= 0.5, and the Gibbs cap mass grows as τ falls',
    source: cai2026('P18', 'paper-claim'),
    expect: 'holds',
    given: toySeed,
    runs: 1,
    show: (s) => `seed ${s}`,
    check: (seed): Verdict => {
      const taus = activeProfile().name === 'thorough' ? [10, 2.5, 1, 0.5] : [2.5, 0.5];
      const { rows, table } = particleRun(seed, taus);
      for (let k = 1; k < rows.length; k++)
        if (rows[k]!.gibbs < rows[k - 1]!.gibbs) return geq(rows[k]!.gibbs, rows[k - 1]!.gibbs, undefined, { table });
      return leq(Math.max(...rows.map((r) => Math.abs(r.particles - r.gibbs))), 0.05, undefined, { table });
    },
  }),
  defineConjecture<number>({
    id: 'paper2.reproduction.particles-track-gibbs-cold',
    title:
      'Planted false (P18): the particles also track the Gibbs cap mass within 0.05 at τ = 0.1 (the KDE bandwidth 0.35 rad is wider than the wells there)',
    source: cai2026('P18'),
    expect: 'refuted',
    given: toySeed,
    runs: 1,
    show: (s) => `seed ${s}`,
    expectedCounterexample: 'any seed: the Gibbs cap mass at τ = 0.1 is ≈ 0.71, the particles put ≈ 0.97 there',
    check: (seed) => {
      const { rows, table } = particleRun(seed, [0.1]);
      return leq(Math.abs(rows[0]!.particles - rows[0]!.gibbs), 0.05, undefined, { table });
    },
  }),
];
