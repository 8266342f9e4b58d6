/*
 * Source: every properties/**\/*.prop.ts (the registry). This file is the CI gate: each conjecture is one
 * test, run in the deterministic `ci` profile. A `holds` conjecture replays the committed counterexample corpus
 * first; a planted `refuted` twin runs with the corpus off, so it is refuted by search, never because its
 * counterexample is stored (that would show no power).
 * Expected: every `holds` conjecture holds (or is inconclusive: a violation within rounding, reported) and every
 * planted twin is refuted; no file fails to load. A failure message carries the replay command.
 */
import { describe, expect, it } from 'vitest';
import { passesGate, PROFILES, runConjecture } from '../src/conjecture/index.js';
import { replayCommand, verdictLine } from '../src/report/index.js';
import { loadPreparedRegistry } from './helpers/registry.js';

const registry = await loadPreparedRegistry('properties');

describe('properties load', () => {
  it('every properties file loads', () => expect(registry.errors).toEqual([]));
  it('there are conjectures, and every holds conjecture of a topic file has a refuted twin in that file', () => {
    expect(registry.conjectures.length).toBeGreaterThan(0);
    const byFile = new Map<string, string[]>();
    for (const c of registry.conjectures) byFile.set(c.file!, [...(byFile.get(c.file!) ?? []), c.spec.expect]);
    for (const [file, exps] of byFile) if (exps.includes('holds')) expect(exps, file).toContain('refuted');
  });
});

describe('conjectures (ci profile)', () => {
  for (const c of registry.conjectures) {
    it(`${c.id} [${c.spec.expect}]`, () => {
      const r = runConjecture(c, { profile: PROFILES.ci, useCorpus: c.spec.expect === 'holds' });
      const v = r.counterexample?.verdict;
      const cx = r.counterexample
        ? `counterexample: ${r.counterexample.shown}${v ? ` (${verdictLine(v)})` : ''}`
        : 'no counterexample found';
      const why = `${c.id}: expected ${r.expect}, got ${r.outcome}. ${r.error ?? cx}; replay: ${replayCommand(r)}`;
      expect(passesGate(r.status), why).toBe(true);
    });
  }
});
