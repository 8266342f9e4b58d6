/*
 * Source: issue 13 item 3 ("Say what every claim is, inside the repository"): docs/claims.md, written by
 * `npm run claims` (scripts/claims.ts) from the registry and the hand-written items of scripts/claims-items.ts.
 * Expected: the committed catalogue is exactly what the command renders now; every conjecture's source.ref names
 * catalogue items (and parts or planted variants they define); every item is tested by some conjecture; item ids
 * and anchors are unique; and no file users get cites the research notes outside the repository.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/conjecture/index.js';
import { ITEMS, PAPERS } from '../../scripts/claims-items.js';
import { CLAIMS_PATH, parseRef, refProblem, renderClaims } from '../../scripts/claims.js';

const registry = await loadRegistry('properties');

describe('docs/claims.md', () => {
  it('the registry loads', () => expect(registry.errors).toEqual([]));

  it('is what `npm run claims` writes (run it and commit docs/claims.md if this fails)', () => {
    const { text, problems } = renderClaims(registry.conjectures);
    expect(problems).toEqual([]);
    expect(readFileSync(CLAIMS_PATH, 'utf8') === text, 'docs/claims.md is out of date: run npm run claims').toBe(true);
  });

  it('every source.ref resolves to catalogue items', () => {
    const bad = registry.conjectures.map((c) => [c.id, refProblem(c.spec.source.ref)]).filter(([, why]) => why);
    expect(bad).toEqual([]);
  });

  it('every source.paper is a paper of the catalogue or "background"', () => {
    const keys = new Set([...PAPERS.map((p) => p.key), 'background']);
    const bad = registry.conjectures
      .filter((c) => !keys.has(c.spec.source.paper))
      .map((c) => `${c.id}: ${c.spec.source.paper}`);
    expect(bad).toEqual([]);
  });

  it('every item is tested by at least one conjecture, and ids and anchors are unique', () => {
    const tested = new Set(registry.conjectures.flatMap((c) => (parseRef(c.spec.source.ref) ?? []).map((e) => e.item)));
    expect(ITEMS.filter((i) => !tested.has(i.id)).map((i) => i.id)).toEqual([]);
    expect(new Set(ITEMS.map((i) => i.id)).size).toBe(ITEMS.length);
    const anchors = [
      ...ITEMS.map((i) => i.anchor),
      ...PAPERS.map((p) => p.key),
      ...registry.conjectures.map((c) => c.id),
    ];
    expect(anchors.length - new Set(anchors).size).toBe(0);
    for (const i of ITEMS)
      for (const p of i.papers)
        expect(
          PAPERS.map((x) => x.key),
          `${i.id}`,
        ).toContain(p);
  });

  it('covers paper 1 items C1–C12 and paper 2 items P0–P19', () => {
    const want = [
      ...Array.from({ length: 12 }, (_, k) => `C${k + 1}`),
      ...Array.from({ length: 20 }, (_, k) => `P${k}`),
    ];
    expect(want.filter((id) => !ITEMS.some((i) => i.id === id))).toEqual([]);
  });

  it('parses refs strictly', () => {
    expect(parseRef('claims.md C5')).toEqual([{ item: 'C5', keys: [] }]);
    expect(parseRef('claims.md P12 (FALSE-b); P15 (d)')).toEqual([
      { item: 'P12', keys: ['FALSE-b'] },
      { item: 'P15', keys: ['d'] },
    ]);
    expect(parseRef('claims.md P5 (i, ii)')).toEqual([{ item: 'P5', keys: ['i', 'ii'] }]);
    expect(parseRef('paper1.md C5')).toBeUndefined();
    expect(parseRef('claims.md C5 FALSE-1')).toBeUndefined();
    expect(refProblem('claims.md C99')).toMatch(/C99/);
    expect(refProblem('claims.md C5 (FALSE-9)')).toMatch(/FALSE-9/);
    expect(refProblem('claims.md C5 (FALSE-1)')).toBe('');
  });
});

/** Files under `dir` (recursively) whose names end with one of `exts`. */
function filesUnder(dir: string, exts: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, exts));
    else if (exts.some((e) => name.endsWith(e))) out.push(p);
  }
  return out;
}

describe('citations stay inside the repository', () => {
  // the research notes users do not have: research/*.md, paper1.md, paper2.md, ecosystem.md, perf.md, ../shared
  const NOTES = new RegExp(
    ['research' + '/', '\\bpaper[12]\\.md', '\\becosystem\\.md', '\\bperf\\.md', '\\.\\./shared'].join('|'),
  );
  const files = [
    'README.md',
    ...['docs', 'src', 'properties', 'test', 'bench', 'scripts'].flatMap((d) =>
      filesUnder(d, ['.ts', '.md', '.py', '.mjs', '.wat']),
    ),
  ].filter((f) => !f.endsWith(join('test', 'docs', 'claims.test.ts')));

  it('no README, doc, source, property, test, bench or script file cites the research notes', () => {
    const hits = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, k) => (NOTES.test(line) ? [`${f}:${k + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });
});
