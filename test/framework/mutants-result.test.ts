/*
 * Source: issue 15 item 4 (StrykerJS on src/conjecture/result.ts): the status of an outcome under an expectation,
 * the gate, the excluded failure rate and the result of a run that did not finish, which only whole conjecture runs
 * reached.
 * Expected: the full outcome × expectation table of docs (vacuous, timeout and error are errors; inconclusive passes
 * for `holds` and is unexpected for a planted `refuted` twin); the gate passes as-expected and inconclusive only;
 * excludedRate(n) = 1 − 0.05^(1/n), 1 at n = 0; failedRun carries the conjecture's fields, the outcome, the error and
 * an interrupted coverage with the instances checked before it stopped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Conjecture,
  defineConjecture,
  excludedRate,
  failedRun,
  leq,
  type Outcome,
  passesGate,
  statusOf,
} from '../../src/conjecture/index.js';

describe('statusOf and passesGate', () => {
  it('the outcome × expectation table', () => {
    const table: [Outcome, string, string][] = [
      ['held', 'as-expected', 'unexpected'],
      ['refuted', 'unexpected', 'as-expected'],
      ['inconclusive', 'inconclusive', 'unexpected'],
      ['vacuous', 'error', 'error'],
      ['timeout', 'error', 'error'],
      ['error', 'error', 'error'],
    ];
    for (const [outcome, holds, refuted] of table) {
      expect(statusOf(outcome, 'holds'), `${outcome} / holds`).toBe(holds);
      expect(statusOf(outcome, 'refuted'), `${outcome} / refuted`).toBe(refuted);
    }
  });
  it('the gate passes as-expected and inconclusive, not unexpected or error', () => {
    expect(passesGate('as-expected')).toBe(true);
    expect(passesGate('inconclusive')).toBe(true);
    expect(passesGate('unexpected')).toBe(false);
    expect(passesGate('error')).toBe(false);
  });
});

describe('excludedRate', () => {
  it('1 − 0.05^(1/n): 0.95 at n = 1, about 3/n for large n, 1 when nothing was checked', () => {
    expect(excludedRate(0)).toBe(1);
    expect(excludedRate(1)).toBeCloseTo(0.95, 15);
    expect(excludedRate(2)).toBeCloseTo(1 - Math.sqrt(0.05), 15);
    expect(excludedRate(1000) * 1000).toBeCloseTo(2.9912, 3);
  });
});

describe('failedRun', () => {
  const c = defineConjecture({
    id: 't.result.stopped',
    title: 'x <= 1',
    source: { paper: 'none', ref: 'test', provenance: 'reconstructed' },
    expect: 'refuted',
    kind: 'rate',
    given: fc.integer(),
    check: (x: number) => leq(x, 1),
  }) as unknown as Conjecture;
  it('a timeout after some instances: the conjecture, the outcome, the error, an interrupted coverage', () => {
    const file = 'properties/t.prop.ts';
    const r = failedRun({ ...c, file }, 'ci', 42, 'timeout', 'time limit of 60 s reached', 1234, 17);
    expect(r).toEqual({
      id: 't.result.stopped',
      title: 'x <= 1',
      source: { paper: 'none', ref: 'test', provenance: 'reconstructed' },
      expect: 'refuted',
      kind: 'rate',
      file,
      outcome: 'timeout',
      status: 'error',
      profile: 'ci',
      seed: 42,
      runs: 17,
      shrinks: 0,
      replayedFromCorpus: false,
      warnings: [],
      coverage: { instances: 17, discarded: 0, minimum: 0, excludedRate: excludedRate(17), interrupted: true },
      error: 'time limit of 60 s reached',
      timing: { ms: 1234 },
    });
  });
  it('an error before any instance: zero instances, nothing excluded', () => {
    const r = failedRun(c, 'quick', 7, 'error', 'boom', 0);
    expect(r.runs).toBe(0);
    expect(r.coverage).toEqual({ instances: 0, discarded: 0, minimum: 0, excludedRate: 1, interrupted: true });
    expect([r.outcome, r.status, r.error]).toEqual(['error', 'error', 'boom']);
  });
});
