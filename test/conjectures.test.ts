/*
 * Source: every properties/**\/*.prop.ts (the registry). This file is the CI gate: each conjecture is one
 * test, run in the deterministic `ci` profile with the committed counterexample corpus replayed first.
 * Expected: every `holds` conjecture holds and every planted `refuted` twin is refuted; no file fails to load.
 * A failure message carries {seed, path} for replay.
 */
import { describe, expect, it } from 'vitest';
import { loadRegistry, PROFILES, runConjecture, showNumber } from '../src/conjecture/index.js';

const registry = await loadRegistry('properties');

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
      const r = runConjecture(c, { profile: PROFILES.ci });
      const cx = r.counterexample ? `counterexample: ${r.counterexample.shown}${r.counterexample.verdict ? ` (lhs ${showNumber(r.counterexample.verdict.lhs)} ${r.counterexample.verdict.relation} rhs ${showNumber(r.counterexample.verdict.rhs)})` : ''}` : 'no counterexample found';
      expect(r.status, `${c.id}: expected ${r.expect}, got ${r.outcome}. ${r.error ?? cx} {seed: ${r.seed}, path: ${JSON.stringify(r.path ?? null)}}`).toBe('as-expected');
    });
  }
});
