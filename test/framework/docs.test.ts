/*
 * Source: docs/adding-a-conjecture.md and properties/examples/energy-vs-alignment.prop.ts.
 * Expected: the doc's code block is the properties file verbatim; the file's planted conjecture is refuted
 * in the ci profile from scratch (no corpus) and shrinks to B = 2, d = 2, the counterexample the doc shows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRegistry, PROFILES, runConjecture } from '../../src/conjecture/index.js';

describe('docs/adding-a-conjecture.md', () => {
  const doc = readFileSync('docs/adding-a-conjecture.md', 'utf8');
  const file = readFileSync('properties/examples/energy-vs-alignment.prop.ts', 'utf8');
  it('shows the example file verbatim', () => {
    const block = /```ts\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block).toBe(file);
  });
  it('the example is refuted with the counterexample the doc shows', async () => {
    const reg = await loadRegistry('properties/examples');
    const planted = reg.conjectures.find((c) => c.id === 'examples.energy.alignment-bound-constant-one')!;
    const r = runConjecture(planted, { profile: PROFILES.ci, useCorpus: false });
    expect(r.status).toBe('as-expected');
    expect(r.outcome).toBe('refuted');
    const shown = r.counterexample!.shown;
    expect(doc).toContain(
      shown
        .replace(/^\{ X: /, 'X = ')
        .replace(/, Y: /, ',  Y = ')
        .replace(/ \}$/, ''),
    );
    const held = reg.conjectures.find((c) => c.id === 'examples.energy.alignment-bound')!;
    expect(runConjecture(held, { profile: PROFILES.ci }).status).toBe('as-expected');
  });
});
