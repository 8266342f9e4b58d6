/*
 * Source: issue "The gate never lies" §1 and §3, and STYLE-EXAMPLES item 2 (a failed premise is a discard).
 * Expected:
 *   - a violation of the size of rounding is `inconclusive`, never `refuted`, and is not written to the corpus:
 *     the instance from the issue (τ = 0.1, P₊ = [1, 1]/2, P₋ = [4, 1]/5, k = [3, 3], optimal scores shifted by a
 *     constant, KL = 0 exactly) gave lhs 1.49e-8 against rhs 0 under the absolute tolerance 1e-10;
 *   - with the tolerance carried through the square root (sqrtTolerance), the Jensen link holds there;
 *   - a genuine violation is confirmed and stored;
 *   - premises: too few instances meeting one is `vacuous` (an error), never `held`; a refuted conjecture whose
 *     check discards some instances is still refuted;
 *   - a check that never returns is stopped at its time limit in its worker, reported as a `timeout` with the
 *     phase and the instances checked, and the conjecture beside it still runs.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRankingInstance, type RankingInstance } from '../../src/arbitraries/index.js';
import {
  assume,
  defineConjecture,
  holds,
  leq,
  PROFILES,
  runConjecture,
  runSuite,
  sqrtTolerance,
} from '../../src/conjecture/index.js';
import { tolerance } from '../../src/numeric/index.js';
import { excessRisk, expectedPinsker } from '../../src/theory/ranking/index.js';

const tmp = mkdtempSync(join(tmpdir(), 'crl-gate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const source = { paper: 'none', ref: 'test', provenance: 'background' as const };
const INEQUALITY = tolerance({ abs: 1e-10, rel: 1e-9 });
/** The false alarm of the issue: near-optimal scores shifted by a constant, so KL(P₊ ‖ q_s) = 0 exactly. */
const shifted = (step: number): RankingInstance =>
  buildRankingInstance({
    kx: 1,
    ky: 2,
    weights: { p1: [1], pos: [[1, 1]], neg: [[4, 1]] },
    tau: 0.1,
    scores: 'near-optimal',
    step,
    k: [[3, 3]],
  });
const sides = (r: RankingInstance) => ({
  lhs: expectedPinsker(r.model, r.s, r.tau),
  rhs: Math.sqrt(2 * Math.max(0, excessRisk(r.model, r.s, r.tau) / r.tau)),
});

describe('a violation within rounding is inconclusive, never refuted', () => {
  const jensen = (tol: ReturnType<typeof tolerance>) =>
    defineConjecture<RankingInstance>({
      id: 'test.gate.jensen-link',
      title: 'E √(2 KL) <= √(2 (L − L*)/τ)',
      source,
      expect: 'holds',
      given: fc.constant(shifted(1 / 8)),
      examples: [shifted(1 / 8)],
      runs: 1,
      check: (r) => {
        const { lhs, rhs } = sides(r);
        return leq(lhs, rhs, tol);
      },
    });
  it('the raw check fails by about 1e-8 on the issue instance (the false alarm)', () => {
    const v = jensen(INEQUALITY).evaluate(shifted(1 / 8));
    expect(v.ok).toBe(false);
    expect(v.lhs).toBeGreaterThan(1e-8);
    expect(v.rhs).toBeLessThan(1e-15); // the excess risk is τ·E KL, about 1e-34 here: the square root of the KL per anchor is what rounding inflates
  });
  it('the runner reports it inconclusive with both figures and writes nothing to the corpus', () => {
    const corpus = join(tmp, 'inconclusive');
    const r = runConjecture(jensen(INEQUALITY), { profile: PROFILES.ci, corpusDir: corpus, writeCorpus: true });
    expect(r.outcome).toBe('inconclusive');
    expect(r.status).toBe('inconclusive');
    expect(r.suspect!.confirmation.violation).toBeGreaterThan(0);
    expect(r.suspect!.confirmation.rounding).toBeGreaterThanOrEqual(r.suspect!.confirmation.violation);
    expect(r.corpusWritten).toBeUndefined();
    expect(existsSync(corpus)).toBe(false);
  });
  it('with the tolerance carried through the square root it holds there, and at every step of the grid', () => {
    for (const step of [1 / 2, 1 / 8, 1 / 64, 1 / 1024]) {
      expect(jensen(sqrtTolerance(INEQUALITY)).evaluate(shifted(step)).ok, `step ${step}`).toBe(true);
    }
    const r = runConjecture(jensen(sqrtTolerance(INEQUALITY)), { profile: PROFILES.ci, useCorpus: false });
    expect(r.outcome).toBe('held');
  });
  it('a genuine violation is confirmed by the perturbation test and stored', () => {
    const corpus = join(tmp, 'genuine');
    const halfConstant = defineConjecture<RankingInstance>({
      ...jensen(INEQUALITY).spec,
      id: 'test.gate.half-constant',
      expect: 'refuted',
      examples: [],
      given: fc.constant(
        buildRankingInstance({
          kx: 1,
          ky: 2,
          weights: { p1: [1], pos: [[2, 1]], neg: [[1, 2]] },
          tau: 1,
          scores: 'grid',
          step: 1 / 8,
          k: [[0, 0]],
        }),
      ),
      check: (r: RankingInstance) => {
        const { lhs, rhs } = sides(r);
        return leq(lhs, rhs / 2, sqrtTolerance(INEQUALITY));
      },
    } as never);
    const r = runConjecture(halfConstant, { profile: PROFILES.ci, corpusDir: corpus, writeCorpus: true });
    expect(r.outcome).toBe('refuted');
    expect(r.counterexample!.confirmation!.method).toBe('perturb');
    expect(r.counterexample!.confirmation!.violation).toBeGreaterThan(r.counterexample!.confirmation!.rounding);
    expect(readdirSync(corpus)).toEqual(['test.gate.half-constant.json']); // written whole: no temporary file left
  });
  it('a check whose randomness is not seeded from the instance is never confirmed', () => {
    const flaky = defineConjecture({
      id: 'test.gate.unseeded',
      title: 'unseeded randomness',
      source,
      expect: 'refuted',
      given: fc.integer({ min: 0, max: 3 }),
      check: () => leq(Math.random(), 0.5),
      confirm: 'replay',
    });
    const r = runConjecture(flaky, { profile: PROFILES.ci, useCorpus: false });
    expect(r.outcome).not.toBe('refuted');
  });
});

describe('premises are counted and must be met', () => {
  it('a premise met too rarely makes the conjecture vacuous (an error), not held', () => {
    const rare = defineConjecture({
      id: 'test.gate.rare-premise',
      title: 'x = 613 implies x² = 375769',
      source,
      expect: 'holds',
      given: fc.integer({ min: 0, max: 1000 }),
      check: (x) => {
        assume(x === 613);
        return holds(x * x === 375769);
      },
    });
    const r = runConjecture(rare, { profile: PROFILES.ci, useCorpus: false });
    expect(r.outcome).toBe('vacuous');
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/instances met the premise/);
    expect(r.coverage.discarded).toBeGreaterThan(0);
  });
  it('a common premise is counted, and the report says what the run excludes', () => {
    const even = defineConjecture({
      id: 'test.gate.even-premise',
      title: 'x even implies x² even',
      source,
      expect: 'holds',
      given: fc.integer({ min: 0, max: 1000 }),
      check: (x) => {
        assume(x % 2 === 0);
        return holds((x * x) % 2 === 0);
      },
    });
    const r = runConjecture(even, { profile: PROFILES.ci, useCorpus: false });
    expect(r.outcome).toBe('held');
    expect(r.coverage.instances).toBe(100);
    expect(r.coverage.discarded).toBeGreaterThan(20);
    expect(r.coverage.excludedRate).toBeCloseTo(1 - 0.05 ** (1 / 100), 12);
  });
  it('a refuted conjecture that discards some instances is still refuted (a discard is not an error)', () => {
    const r = runConjecture(
      defineConjecture({
        id: 'test.gate.refuted-with-premise',
        title: 'odd x is below 50',
        source,
        expect: 'refuted',
        given: fc.integer({ min: 0, max: 100 }),
        check: (x) => {
          assume(x % 2 === 1);
          return leq(x, 50);
        },
      }),
      { profile: PROFILES.ci, useCorpus: false },
    );
    expect(r.outcome).toBe('refuted');
    expect(r.counterexample!.shown).toBe('51');
  });
});

describe('time limits are kept while a conjecture runs', () => {
  it('a check that never returns is stopped in its worker; the other conjecture runs', async () => {
    const t0 = performance.now();
    const s = await runSuite({
      profile: PROFILES.ci,
      propertiesDir: 'test/fixtures-props/hang',
      timeLimitMs: 1500,
      workers: 1,
      useCorpus: false,
    });
    const byId = Object.fromEntries(s.results.map((r) => [r.id, r]));
    const hung = byId['fixture.hang.loops-forever']!;
    expect(hung.outcome).toBe('timeout');
    expect(hung.status).toBe('error');
    expect(hung.error).toMatch(
      /stopped at the time limit \(1500 ms \+ 1000 ms grace\) in the (examples|targeted|generate) phase, after \d+ instances checked/,
    );
    expect(byId['fixture.hang.square-nonnegative']!.outcome).toBe('held');
    expect(s.ok).toBe(false);
    expect(performance.now() - t0).toBeLessThan(30_000);
  });
});
