/*
 * Source: issue 13 item 3 (an API page for researchers, with a test that fails when an export is undocumented).
 * Expected: every export of src/arbitraries, src/losses, src/gaps, src/theory/ranking and src/theory/geometry, and
 * the authoring subset of src/conjecture (defineConjecture, the verdicts, assume, sqrtTolerance, rateWithin) and
 * src/numeric (Rng, tolerance), has a `### name` section in docs/api.md with a description and an example that
 * uses it; no section documents a name that is not exported; every example runs against the doc's prelude and
 * returns the value its `// →` shows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, format, MODULES, parseExamples } from './api-examples.js';

const DOC = readFileSync('docs/api.md', 'utf8');

/** What the page must document: every export of these modules, and the named subsets of the others. */
const REQUIRED: Record<keyof typeof MODULES, readonly string[] | 'all'> = {
  'src/arbitraries': 'all',
  'src/losses': 'all',
  'src/gaps': 'all',
  'src/theory/ranking': 'all',
  'src/theory/geometry': 'all',
  'src/conjecture': [
    'defineConjecture',
    'leq',
    'geq',
    'approxEqual',
    'within',
    'holds',
    'allOf',
    'assume',
    'sqrtTolerance',
    'rateWithin',
  ],
  'src/numeric': ['Rng', 'tolerance'],
};

/** `### name` sections: the text between the heading and the next heading. */
function sections(doc: string): Map<string, string> {
  const out = new Map<string, string>();
  const parts = doc.split(/^### /m).slice(1);
  for (const part of parts) {
    const name = /^`([^`]+)`/.exec(part)?.[1];
    if (name) out.set(name, part.split(/^## /m)[0]!);
  }
  return out;
}

const documented = sections(DOC);
const { prelude, examples } = parseExamples(DOC);

describe('docs/api.md documents the authoring surface', () => {
  for (const [path, names] of Object.entries(REQUIRED)) {
    const exported = Object.keys(MODULES[path as keyof typeof MODULES]);
    const wanted = names === 'all' ? exported : names;
    it(`${path}: ${wanted.length} exports, each with a description and an example`, () => {
      expect(
        wanted.filter((n) => !exported.includes(n)),
        `named in the test but not exported by ${path}`,
      ).toEqual([]);
      expect(
        wanted.filter((n) => !documented.has(n)),
        `exported by ${path} but not documented in docs/api.md`,
      ).toEqual([]);
      for (const n of wanted) {
        const text = documented.get(n)!;
        const description = text
          .split('```')[0]!
          .replace(/^`[^`]+`\s*/, '')
          .trim();
        expect(description.length, `${n}: no description`).toBeGreaterThan(10);
        expect(
          examples.some((e) => e.section === n && new RegExp(`\\b${n}\\b`).test(e.code)),
          `${n}: no example uses it`,
        ).toBe(true);
      }
    });
  }

  it('documents nothing that is not exported', () => {
    const all = new Set(Object.values(MODULES).flatMap((m) => Object.keys(m)));
    expect([...documented.keys()].filter((n) => !all.has(n))).toEqual([]);
  });
});

describe('docs/api.md examples', () => {
  it('there is a prelude and one example per section at least', () => {
    expect(prelude).toMatch(/const X = fromRows/);
    expect(examples.length).toBeGreaterThanOrEqual(documented.size);
  });
  for (const e of examples) {
    it(`${e.section} (line ${e.line})`, () => {
      const got = format(evaluate(prelude, e.code));
      if (e.expected !== undefined) expect(got, e.code).toBe(e.expected);
    });
  }
});
