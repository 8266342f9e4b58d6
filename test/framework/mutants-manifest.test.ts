/*
 * Source: issue 15 item 4 (StrykerJS on src/conjecture/manifest.ts), and issue 13 §1 (the manifest of ids per
 * property file: a cache, used while a file's size and bytes and the helper modules beside it are unchanged).
 * Expected: a manifest that is missing, unreadable, of another schema, of other helpers or without a files object
 * reads as empty; one written is read back, with its files sorted, its own .gitignore and no temporary file left,
 * and a directory that cannot be written costs nothing; the helpers' fingerprint follows every code file that is not
 * a property file (name and bytes) and ignores property files, other files, node_modules and the manifest's
 * directory; an entry is fresh while size and mtime, or size and bytes, are unchanged; it records what `list` needs.
 */
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { removedAfterAll } from '../helpers/cleanup.js';
import { type Conjecture, defineConjecture, leq } from '../../src/conjecture/index.js';
import {
  entryOf,
  freshEntry,
  helpersFingerprint,
  MANIFEST_DIR,
  type Manifest,
  manifestKey,
  manifestPath,
  readManifest,
  sameConjectures,
  writeManifest,
} from '../../src/conjecture/manifest.js';

const removeLater = removedAfterAll();
/** A fresh empty directory. */
function fresh(): string {
  return removeLater(mkdtempSync(join(tmpdir(), 'crl-manifest-')));
}
const SCHEMA = 'crl-verify/manifest@1';

const conjecture = (id: string, title = 'x <= 1'): Conjecture =>
  defineConjecture({
    id,
    title,
    source: { paper: 'some2026', ref: 'claims.md C1', provenance: 'paper-claim' },
    expect: 'holds',
    kind: 'rate',
    given: fc.integer(),
    check: (x: number) => leq(x, 1),
  }) as unknown as Conjecture;

describe('where the manifest lives', () => {
  it('<root>/.crl-verify/manifest.json; files keyed by their path under root with "/"', () => {
    expect(MANIFEST_DIR).toBe('.crl-verify');
    expect(manifestPath('/p')).toBe('/p/.crl-verify/manifest.json');
    expect(manifestKey('/p', '/p/a/b.prop.ts')).toBe('a/b.prop.ts');
    expect(manifestKey('/p', '/p/c.prop.ts')).toBe('c.prop.ts');
  });
});

describe('readManifest and writeManifest', () => {
  const entry = { size: 1, mtimeMs: 2, hash: 'h', conjectures: [] };
  it('no manifest, or one that is not JSON, reads as empty', () => {
    const root = fresh();
    expect(readManifest(root, 'fp')).toEqual({ schema: SCHEMA, helpers: 'fp', files: {} });
    mkdirSync(join(root, MANIFEST_DIR));
    writeFileSync(manifestPath(root), '{ not json');
    expect(readManifest(root, 'fp')).toEqual({ schema: SCHEMA, helpers: 'fp', files: {} });
  });
  it('another schema, other helpers, or no files object: empty', () => {
    const root = fresh();
    mkdirSync(join(root, MANIFEST_DIR));
    const good = { schema: SCHEMA, helpers: 'fp', files: { 'a.prop.ts': entry } };
    const variants = [
      { ...good, schema: 'crl-verify/manifest@2' },
      { ...good, helpers: 'other' },
      { ...good, files: null },
      { ...good, files: 'a.prop.ts' },
      { schema: SCHEMA, helpers: 'fp' },
    ];
    for (const m of variants) {
      writeFileSync(manifestPath(root), JSON.stringify(m));
      expect(readManifest(root, 'fp'), JSON.stringify(m)).toEqual({ schema: SCHEMA, helpers: 'fp', files: {} });
    }
    writeFileSync(manifestPath(root), JSON.stringify(good));
    expect(readManifest(root, 'fp')).toEqual(good);
  });
  it('writes the files sorted by key, a .gitignore that ignores everything, and no temporary file', () => {
    const root = fresh();
    const m: Manifest = { schema: SCHEMA, helpers: 'fp', files: { 'z.prop.ts': entry, 'a/b.prop.ts': entry } };
    writeManifest(root, m);
    const text = readFileSync(manifestPath(root), 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(text).files)).toEqual(['a/b.prop.ts', 'z.prop.ts']);
    expect(readManifest(root, 'fp')).toEqual(m);
    expect(readFileSync(join(root, MANIFEST_DIR, '.gitignore'), 'utf8')).toBe(
      '# a cache of crl-verify, rebuilt when the property files change\n*\n',
    );
    expect(readdirSync(join(root, MANIFEST_DIR)).sort()).toEqual(['.gitignore', 'manifest.json']);
    // written again over the old one
    writeManifest(root, { ...m, files: {} });
    expect(readManifest(root, 'fp').files).toEqual({});
  });
  it('a properties "directory" that cannot be written (here a plain file) is left alone, without an error', () => {
    const file = join(fresh(), 'not-a-dir');
    writeFileSync(file, 'x');
    expect(() => writeManifest(file, { schema: SCHEMA, helpers: 'fp', files: {} })).not.toThrow();
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});

describe('helpersFingerprint', () => {
  it('16 hex digits, the same for the same helpers', () => {
    const root = fresh();
    writeFileSync(join(root, 'ids.ts'), 'export const ID = 1;\n');
    expect(helpersFingerprint(root)).toMatch(/^[0-9a-f]{16}$/);
    expect(helpersFingerprint(root)).toBe(helpersFingerprint(root));
  });
  it('ignores property files, non-code files, node_modules and the manifest directory', () => {
    const root = fresh();
    writeFileSync(join(root, 'ids.ts'), 'export const ID = 1;\n');
    const before = helpersFingerprint(root);
    writeFileSync(join(root, 'a.prop.ts'), 'export default [];\n');
    mkdirSync(join(root, 'sub'));
    writeFileSync(join(root, 'sub', 'b.prop.ts'), 'export default [];\n');
    for (const name of ['notes.md', 'data.json', 'package.json', 'x.ts.bak', 'ts'])
      writeFileSync(join(root, name), '1');
    mkdirSync(join(root, 'node_modules', 'dep'), { recursive: true });
    writeFileSync(join(root, 'node_modules', 'dep', 'index.js'), 'export {};\n');
    mkdirSync(join(root, MANIFEST_DIR));
    writeFileSync(join(root, MANIFEST_DIR, 'tool.js'), 'export {};\n');
    expect(helpersFingerprint(root)).toBe(before);
  });
  it('follows each kind of code file, in subdirectories too, by name and by content', () => {
    const root = fresh();
    const seen = new Set([helpersFingerprint(root)]);
    const step = (what: string, f: () => void): void => {
      f();
      const fp = helpersFingerprint(root);
      expect(seen.has(fp), what).toBe(false);
      seen.add(fp);
    };
    const exts = ['ts', 'js', 'mts', 'cts', 'mjs', 'cjs', 'tsx', 'jsx'];
    for (const ext of exts) step(ext, () => writeFileSync(join(root, `h.${ext}`), 'export {};\n'));
    step('a nested helper', () => {
      mkdirSync(join(root, 'lib'));
      writeFileSync(join(root, 'lib', 'cases.ts'), 'export const N = 2;\n');
    });
    step('an edit', () => writeFileSync(join(root, 'lib', 'cases.ts'), 'export const N = 3;\n'));
    step('a rename', () => {
      rmSync(join(root, 'lib', 'cases.ts'));
      writeFileSync(join(root, 'lib', 'cases2.ts'), 'export const N = 3;\n');
    });
  });
});

describe('manifest entries', () => {
  const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
  it('entryOf: size, mtime, sha256 of the bytes, and per conjecture only what list and --grep need', () => {
    const file = join(fresh(), 'a.prop.ts');
    writeFileSync(file, 'export default [];\n');
    const e = entryOf(file, [conjecture('t.m.one'), conjecture('t.m.two', 'y >= 0')]);
    expect(e).toEqual({
      size: 19,
      mtimeMs: statSync(file).mtimeMs,
      hash: sha256('export default [];\n'),
      conjectures: [
        {
          id: 't.m.one',
          kind: 'rate',
          spec: { title: 'x <= 1', expect: 'holds', source: { provenance: 'paper-claim' } },
        },
        {
          id: 't.m.two',
          kind: 'rate',
          spec: { title: 'y >= 0', expect: 'holds', source: { provenance: 'paper-claim' } },
        },
      ],
    });
  });
  it('freshEntry: the same entry while size and mtime hold; a moved mtime with the same bytes updates the mtime', () => {
    const file = join(fresh(), 'a.prop.ts');
    writeFileSync(file, 'export default [];\n');
    expect(freshEntry(undefined, file)).toBeUndefined();
    const e = entryOf(file, []);
    expect(freshEntry(e, file)).toBe(e);
    utimesSync(file, new Date(2_000_000_000_000), new Date(2_000_000_000_000));
    const moved = freshEntry(e, file);
    expect(moved).toEqual({ ...e, mtimeMs: 2_000_000_000_000 });
    // same size, other bytes, mtime moved: stale
    writeFileSync(file, 'export default [1];\n'.slice(1));
    expect(readFileSync(file).length).toBe(e.size);
    utimesSync(file, new Date(1_000_000_000_000), new Date(1_000_000_000_000));
    expect(freshEntry(e, file)).toBeUndefined();
    // other size, even with the recorded mtime: stale
    writeFileSync(file, 'export default [];\n// more\n');
    expect(freshEntry({ ...e, mtimeMs: statSync(file).mtimeMs }, file)).toBeUndefined();
  });
  it('sameConjectures: the same records in the same order', () => {
    const file = join(fresh(), 'a.prop.ts');
    writeFileSync(file, '');
    const [one, two] = [conjecture('t.m.one'), conjecture('t.m.two')];
    const e = entryOf(file, [one, two]);
    expect(sameConjectures(e, [one, two])).toBe(true);
    expect(sameConjectures(e, [two, one])).toBe(false);
    expect(sameConjectures(e, [one])).toBe(false);
    expect(sameConjectures(e, [one, conjecture('t.m.two', 'retitled')])).toBe(false);
  });
});
