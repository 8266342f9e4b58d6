/*
 * Source: issue 13 item 2 (a package with `exports` and types: `import { defineConjecture, leq, pairedEmbeddings }
 * from 'crl-verify'`).
 * Expected: src/index.ts, the package's entry, exports every name docs/api.md documents (a `### name` section),
 * each the very binding of the module that defines it, and every export of the arbitraries, losses, gaps and theory
 * modules; `fc` is fast-check's own default export (the copy the runner uses); the runner and the CLI (runSuite,
 * loadRegistry, main) stay out of it.
 */
import { readFileSync } from 'node:fs';
import fastCheck from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as entry from '../../src/index.js';
import { MODULES } from '../docs/api-examples.js';

const api: Record<string, unknown> = entry;
const documented = [...readFileSync('docs/api.md', 'utf8').matchAll(/^### `([^`]+)`/gm)].map((m) => m[1]!);

describe("the package entry (import … from 'crl-verify')", () => {
  it(`exports each of the ${documented.length} names docs/api.md documents, as the defining module's binding`, () => {
    expect(documented.length).toBeGreaterThan(100);
    expect(documented.filter((n) => !(n in api))).toEqual([]);
    for (const n of documented) {
      const home = Object.entries(MODULES).find(([, m]) => n in m);
      expect(home, `${n}: no module of docs/api.md exports it`).toBeDefined();
      expect(api[n], `${n} differs from ${home![0]}'s`).toBe((home![1] as Record<string, unknown>)[n]);
    }
  });

  it('exports all of the arbitraries, losses, gaps and the two papers’ modules', () => {
    const whole = ['src/arbitraries', 'src/losses', 'src/gaps', 'src/theory/ranking', 'src/theory/geometry'] as const;
    for (const path of whole)
      expect(
        Object.keys(MODULES[path]).filter((n) => !(n in api)),
        path,
      ).toEqual([]);
  });

  it('exports fast-check as fc, and nothing of the runner or the CLI', () => {
    expect(entry.fc).toBe(fastCheck);
    for (const n of ['runSuite', 'runConjecture', 'loadRegistry', 'main', 'writeReports'])
      expect(api).not.toHaveProperty(n);
  });
});
