/*
 * Source: issue 13 item 3 (docs/adding-a-conjecture.md states the twin rule, premises, examples, tight/loose,
 * confirm, and gives a short statistical example) and properties/examples/hoeffding-coin.prop.ts.
 * Expected: the doc's statistical code block is that properties file verbatim; in the ci profile with no corpus the
 * Hoeffding bound holds and its half-width twin is refuted with the counterexample the doc names (n = 2); the doc
 * states the rules the gate enforces and names every optional field of a conjecture it mentions.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRegistry, PROFILES, runConjecture } from '../../src/conjecture/index.js';

const doc = readFileSync('docs/adding-a-conjecture.md', 'utf8');

describe('docs/adding-a-conjecture.md, the statistical example', () => {
  it('shows properties/examples/hoeffding-coin.prop.ts verbatim', () => {
    const blocks = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks).toContain(readFileSync('properties/examples/hoeffding-coin.prop.ts', 'utf8'));
  });

  it('holds, and its twin is refuted at n = 2 by search alone', async () => {
    const reg = await loadRegistry('properties/examples');
    const byId = new Map(reg.conjectures.map((c) => [c.id, c]));
    const held = runConjecture(byId.get('examples.hoeffding.coin')!, { profile: PROFILES.ci, useCorpus: false });
    expect(held.outcome).toBe('held');
    const twin = runConjecture(byId.get('examples.hoeffding.coin-half-width')!, {
      profile: PROFILES.ci,
      useCorpus: false,
    });
    expect(twin.status).toBe('as-expected');
    expect(twin.counterexample?.shown).toBe('2');
  });
});

describe('docs/adding-a-conjecture.md states the rules', () => {
  it.each([
    ['the twin rule and the gate', /planted false twin[\s\S]*test\/conjectures\.test\.ts[\s\S]*corpus off/],
    ['premises are counted and can be vacuous', /assume\(condition\)[\s\S]*minInstances[\s\S]*`vacuous`/],
    ['examples', /\*\*Examples\*\*: `examples:/],
    ['tight and loose', /\*\*Tight\*\* \(`tight: \{ at, ratio \}`\)[\s\S]*\*\*Loose\*\*/],
    ['confirm', /\*\*Confirmation\*\* \(`confirm`\)[\s\S]*'perturb'[\s\S]*'replay'/],
    ['statistical fields', /kind: 'statistical'[\s\S]*trials[\s\S]*delta[\s\S]*alpha/],
    ['the catalogue step', /npm run claims/],
  ])('%s', (_, pattern) => expect(doc).toMatch(pattern));
});
