/*
 * Source: issue "conjecture framework" — must-shows for the runner, corpus and reports.
 * Expected: (1) the planted one-modality rotation is refuted in the ci profile with the minimal
 * counterexample B = 2, d = 2, identical on every run and replayable; (2) the same suite run twice gives
 * byte-identical report.json apart from timing fields; (3) a holds conjecture with a deliberately wrong
 * check turns the gate red, writes a corpus entry, and the next run replays it first; (4) a statistical
 * conjecture with true failure rate just under δ passes and one just over fails, with the false-alarm
 * budget reported.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { pairedEmbeddings } from '../../src/arbitraries/index.js';
import {
  decodeValue,
  defineConjecture,
  type ExactSpec,
  encodeValue,
  leq,
  PROFILES,
  readCorpus,
  runConjecture,
  runSuite,
  type Conjecture,
} from '../../src/conjecture/index.js';
import { clipLoss } from '../../src/losses/index.js';
import type { Matrix } from '../../src/numeric/index.js';
import { jsonReport, withoutTiming } from '../../src/report/index.js';
import { loadPreparedRegistry } from '../helpers/registry.js';

const tmp = mkdtempSync(join(tmpdir(), 'crl-verify-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const registry = await loadPreparedRegistry('properties');
const byId = (id: string): Conjecture => registry.conjectures.find((c) => c.id === id)!;

describe('planted false conjecture: minimal, deterministic, replayable', () => {
  const c = byId('background.clip.one-modality-rotation');
  it('is refuted from scratch (empty corpus) with B = 2, d = 2, the same on every run', () => {
    const runs = [0, 1].map(() =>
      runConjecture(c, { profile: PROFILES.ci, corpusDir: join(tmp, `empty-${Math.random()}`) }),
    );
    for (const r of runs) {
      expect(r.status).toBe('as-expected');
      const x = decodeValue(r.counterexample!.encoded as never) as {
        pair: { X: { rows: number; cols: number } };
        R: unknown[];
      };
      expect([x.pair.X.rows, x.pair.X.cols]).toEqual([2, 2]);
      expect(x.R).toHaveLength(1);
    }
    expect(runs[0]!.counterexample!.encoded).toEqual(runs[1]!.counterexample!.encoded);
    expect(runs[0]!.counterexample!.shown).toBe(runs[1]!.counterexample!.shown);
    // replay by {seed, path} goes straight to the same counterexample
    const replay = runConjecture(c, {
      profile: PROFILES.ci,
      seed: runs[0]!.seed,
      path: runs[0]!.path,
      corpusDir: join(tmp, 'none'),
    });
    expect(replay.counterexample!.encoded).toEqual(runs[0]!.counterexample!.encoded);
  });
  it('the committed corpus entry replays to a failing verdict by id', () => {
    const stored = readCorpus('fixtures/counterexamples', c.id)!;
    expect(stored.entry.shown).toMatch(/X = 2×2/);
    expect(c.evaluate(stored.value).ok).toBe(false);
  });
});

describe('reports are deterministic', () => {
  it('two runs give byte-identical report.json apart from timing', async () => {
    const texts = [];
    for (let i = 0; i < 2; i++) {
      const s = await runSuite({ profile: PROFILES.ci, grep: 'background.' });
      texts.push(JSON.stringify(withoutTiming(jsonReport(s, new Date(i * 1e12))), null, 2));
    }
    expect(texts[0]).toBe(texts[1]);
    expect(texts[0]).toContain('background.clip.one-modality-rotation');
  });
});

describe('a holds conjecture that breaks', () => {
  // deliberately wrong: the CLIP loss is not bounded by 0.5 (it is log 2 ≈ 0.69 at identical rows)
  const wrong = defineConjecture({
    id: 'test.wrong.clip-below-half',
    title: 'deliberately wrong: CLIP loss <= 0.5',
    source: { paper: 'none', ref: 'test', provenance: 'background' },
    expect: 'holds',
    given: pairedEmbeddings({ maxRows: 4, maxDim: 3 }),
    check: ({ X, Y }) => leq(clipLoss(X, Y, 1), 0.5),
  });
  const corpus = join(tmp, 'corpus');
  it('turns the gate red and writes a corpus entry', () => {
    const r = runConjecture(wrong, { profile: PROFILES.ci, corpusDir: corpus, writeCorpus: true });
    expect(r.status).toBe('unexpected');
    expect(r.outcome).toBe('refuted');
    expect(r.corpusWritten).toBe(join(corpus, 'test.wrong.clip-below-half.json'));
    expect(JSON.parse(readFileSync(r.corpusWritten!, 'utf8')).id).toBe('test.wrong.clip-below-half');
  });
  it('the next run replays the stored counterexample first', () => {
    const stored = readCorpus(corpus, wrong.id)!;
    const seen: unknown[] = [];
    const spy = defineConjecture({
      ...(wrong.spec as ExactSpec<{ X: Matrix; Y: Matrix }>),
      check: (x: { X: Matrix; Y: Matrix }) => {
        seen.push(encodeValue(x));
        return wrong.evaluate(x);
      },
    });
    const r = runConjecture(spy, { profile: PROFILES.ci, corpusDir: corpus });
    expect(r.replayedFromCorpus).toBe(true);
    expect(seen[0]).toEqual(encodeValue(stored.value));
    expect(r.status).toBe('unexpected');
    // the stored counterexample failed again: nothing new to write, the corpus file is left as it was
    const again = runConjecture(wrong, { profile: PROFILES.quick, corpusDir: corpus, writeCorpus: true });
    expect(again.corpusWritten).toBeUndefined();
  });
});

describe('statistical conjectures: exact one-sided binomial test', () => {
  const delta = 0.05,
    alpha = 1e-3,
    trials = 20000;
  const bernoulli = (rate: number, id: string) =>
    defineConjecture({
      id,
      title: `failure rate ${rate} against δ = ${delta}`,
      kind: 'statistical',
      source: { paper: 'none', ref: 'synthetic Bernoulli', provenance: 'background' },
      expect: 'holds',
      given: fc.constant(rate),
      trials,
      delta,
      alpha,
      runs: 5,
      trial: (p, rng) => rng.uniform() >= p,
    });
  it('a true rate just under δ (0.045) passes; just over (0.06) fails', () => {
    const under = runConjecture(bernoulli(0.045, 'test.stat.under'), { profile: PROFILES.ci });
    const over = runConjecture(bernoulli(0.06, 'test.stat.over'), { profile: PROFILES.ci });
    expect(under.status).toBe('as-expected');
    expect(under.statistical!.maxObservedRate).toBeLessThan(delta);
    expect(over.status).toBe('unexpected');
    expect(over.counterexample!.verdict!.details!.pValue as number).toBeLessThan(alpha);
  });
  it('the suite reports its false-alarm budget (α × instances, union bound)', async () => {
    const s = await runSuite({ profile: PROFILES.ci, propertiesDir: 'test/fixtures-props/stat' });
    expect(s.falseAlarmBudget).toBeCloseTo(alpha * 5, 12);
    const md = (await import('../../src/report/index.js')).markdownReport(s);
    expect(md).toMatch(/false-alarm budget.*0\.005/);
  });
});
