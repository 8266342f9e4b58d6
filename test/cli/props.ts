/*
 * Small property directories for the CLI tests (issue 13 §1–2): a few fast integer conjectures in three files,
 * written inside the checkout (under scratch/, git-ignored) so that fast-check and the sources resolve.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One file of conjectures `x <= bound` over integers in [0, 100]: holds when bound >= 100, refuted otherwise. */
export interface PropFile {
  readonly name: string;
  /** `rhs` is the bound as written in the check, when it is not `bound` itself (e.g. '-0', which prints as 0). */
  readonly conjectures: readonly { readonly id: string; readonly bound: number; readonly rhs?: string }[];
  /** A statement run at import (e.g. one that throws when a marker file exists). */
  readonly prelude?: string;
}

/** The source of a property file. */
export function propSource(f: PropFile): string {
  const items = f.conjectures.map(
    ({ id, bound, rhs }) =>
      `defineConjecture({ id: '${id}', title: 'x <= ${bound} on [0, 100]', expect: '${bound >= 100 ? 'holds' : 'refuted'}',
        source: { paper: 'none', ref: 'test', provenance: 'background' },
        given: fc.integer({ min: 0, max: 100 }), check: (x) => leq(x, ${rhs ?? bound}) })`,
  );
  return `import fc from 'fast-check';
import { existsSync } from 'node:fs';
import { defineConjecture, leq } from '${process.cwd()}/src/conjecture/index.js';
${f.prelude ?? ''}
export default [${items.join(',\n')}];
`;
}

/** A fresh property directory with these files; returns its path. */
export function propDir(files: readonly PropFile[]): string {
  mkdirSync('scratch', { recursive: true });
  const dir = mkdtempSync(join(process.cwd(), 'scratch', 'props-'));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  for (const f of files) writeFileSync(join(dir, f.name), propSource(f));
  return dir;
}

/**
 * Six conjectures in three files: four hold, two planted false ones are refuted (one with the bound −0, a number
 * that report.json cannot carry).
 */
export const SIX: readonly PropFile[] = [
  {
    name: 'a.prop.ts',
    conjectures: [
      { id: 't.a.below-100', bound: 100 },
      { id: 't.a.below-50', bound: 50 },
    ],
  },
  {
    name: 'b.prop.ts',
    conjectures: [
      { id: 't.b.below-200', bound: 200 },
      { id: 't.b.below-minus-zero', bound: 0, rhs: '-0' },
    ],
  },
  {
    name: 'c.prop.ts',
    conjectures: [
      { id: 't.c.below-101', bound: 101 },
      { id: 't.c.below-1000', bound: 1000 },
    ],
  },
];
