/*
 * Source: issue 15 item 4 (StrykerJS on src/conjecture/registry.ts), and issue 13 §1–2 (the manifest lets a
 * --grep or --shard run import only the files it needs; shards partition the selection).
 * Expected: loadRegistry finds every *.prop.ts below the directory in path order (not other files, not the
 * manifest's directory), reports each file that fails by name and why (cannot load, no default export, an item that
 * is not a conjecture, a duplicate id with both files), returns the rest sorted by id with their files, and records
 * only well-formed files in the manifest; listConjectures and loadSelected read the manifest and import only what
 * it does not describe; load messages are located and readable (syntax errors, CommonJS, absolute paths); one
 * pattern language (substring or /regex/flags on id and title); shards partition the selection; 'i/n' parses.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removedAfterAll } from '../helpers/cleanup.js';
import { readManifest } from '../../src/conjecture/manifest.js';
import {
  DEFAULT_PROPERTIES_DIR,
  isConjecture,
  listConjectures,
  loadMessage,
  loadRegistry,
  loadSelected,
  matcher,
  parseShard,
  selectConjectures,
} from '../../src/conjecture/index.js';
import { propDir, propSource } from '../cli/props.js';

const removeLater = removedAfterAll();

/** A file that throws at import once the file `boom` exists beside it. */
const trap = `if (existsSync(new URL('./boom', import.meta.url))) throw new Error('trap sprung');`;
const conjectures = (...ids: string[]) => ids.map((id) => ({ id, bound: 100 }));

/**
 * A property directory with well-formed files (b before a in id order, a nested one, a trap), broken ones, and
 * files that must not be imported at all (a helper and a .prop.ts in the manifest's directory, both throwing).
 */
function mixedDir(): string {
  // written out of path order: a small directory lists its files in the order they were made
  const root = propDir([
    { name: 'trap.prop.ts', conjectures: conjectures('t.r.trap'), prelude: trap },
    { name: 'b.prop.ts', conjectures: conjectures('t.r.alpha', 't.r.beta') },
    { name: 'a.prop.ts', conjectures: conjectures('t.r.zeta', 't.r.alpha') },
  ]);
  removeLater(root);
  writeFileSync(join(root, 'f.prop.ts'), "throw new Error('f.prop.ts fails at import\\n  second line');\n");
  const e = propSource({ name: 'e', conjectures: conjectures('t.r.epsilon') });
  writeFileSync(join(root, 'e.prop.ts'), e.replace('export default [', 'export default [42, '));
  writeFileSync(join(root, 'd.prop.ts'), 'export default [];\n');
  writeFileSync(join(root, 'c.prop.ts'), 'export const nothing = 1;\n');
  mkdirSync(join(root, 'sub'));
  writeFileSync(join(root, 'sub', 'n.prop.ts'), propSource({ name: 'n', conjectures: conjectures('t.r.nested') }));
  writeFileSync(join(root, 'helper.ts'), "throw new Error('helper.ts was imported');\n");
  mkdirSync(join(root, '.crl-verify'));
  writeFileSync(join(root, '.crl-verify', 'x.prop.ts'), "throw new Error('.crl-verify was searched');\n");
  return root;
}

describe('loadRegistry', () => {
  it('every *.prop.ts below the directory, in path order, with each failure named', async () => {
    const root = mixedDir();
    const rel = (f: string): string => relative(process.cwd(), join(root, f));
    const reg = await loadRegistry(root);
    expect(reg.conjectures.map((c) => [c.id, c.file])).toEqual([
      ['t.r.alpha', rel('a.prop.ts')],
      ['t.r.beta', rel('b.prop.ts')],
      ['t.r.epsilon', rel('e.prop.ts')],
      ['t.r.nested', rel('sub/n.prop.ts')],
      ['t.r.trap', rel('trap.prop.ts')],
      ['t.r.zeta', rel('a.prop.ts')],
    ]);
    expect(reg.errors).toEqual([
      {
        file: rel('c.prop.ts'),
        message: 'has no default export; export default defineConjecture({...}) or an array of them',
      },
      {
        file: rel('d.prop.ts'),
        message: 'has no default export; export default defineConjecture({...}) or an array of them',
      },
      { file: rel('e.prop.ts'), message: 'default export item 0 is not a conjecture made by defineConjecture' },
      { file: rel('f.prop.ts'), message: 'could not load: f.prop.ts fails at import; second line' },
      // the first of a duplicate id (in path order) is kept: b.prop.ts's t.r.alpha is the duplicate
      { file: rel('b.prop.ts'), message: `duplicate conjecture id 't.r.alpha' (also in ${rel('a.prop.ts')})` },
    ]);
    // the manifest records exactly the files that loaded whole
    const m = readManifest(root, readManifestHelpers(root));
    expect(Object.keys(m.files)).toEqual(['a.prop.ts', 'b.prop.ts', 'sub/n.prop.ts', 'trap.prop.ts']);
    expect(m.files['a.prop.ts']!.conjectures.map((c) => c.id)).toEqual(['t.r.zeta', 't.r.alpha']);
  });
  it('a single conjecture as the default export is one conjecture', async () => {
    const root = propDir([]);
    removeLater(root);
    const one = propSource({ name: 'o', conjectures: conjectures('t.r.one') })
      .replace('export default [', 'export default ')
      .replace(/\];\n$/, ';\n');
    writeFileSync(join(root, 'one.prop.ts'), one);
    const reg = await loadRegistry(root);
    expect(reg.conjectures.map((c) => c.id)).toEqual(['t.r.one']);
    expect(reg.errors).toEqual([]);
  });
  it('a syntax error is located at file:line:column with the parser message', async () => {
    const reg = await loadRegistry('test/fixtures-props/syntax');
    expect(reg.errors.map((e) => e.file)).toEqual(['test/fixtures-props/syntax/unclosed.prop.ts']);
    expect(reg.errors[0]!.message).toMatch(
      /^could not load: test\/fixtures-props\/syntax\/unclosed\.prop\.ts:9:\d+: \S/,
    );
    expect(reg.errors[0]!.message).not.toMatch(/Transform failed|\n/);
  });
});

/** The helpers fingerprint the registry wrote into the manifest (read back as is). */
function readManifestHelpers(root: string): string {
  return (JSON.parse(readFileSync(join(root, '.crl-verify', 'manifest.json'), 'utf8')) as { helpers: string }).helpers;
}

describe('listConjectures and loadSelected: the manifest decides what is imported', () => {
  it('list imports what the manifest does not describe; later lists and selections skip what it does', async () => {
    const root = mixedDir();
    const first = await listConjectures(root);
    expect(first.conjectures.map((c) => c.id)).toEqual([
      't.r.alpha',
      't.r.beta',
      't.r.epsilon',
      't.r.nested',
      't.r.trap',
      't.r.zeta',
    ]);
    // the same failures as loadRegistry's, by file
    const files = first.errors.map((e) => relative(root, e.file));
    expect(files).toEqual(['c.prop.ts', 'd.prop.ts', 'e.prop.ts', 'f.prop.ts', 'b.prop.ts']);
    expect(first.loaded.size).toBe(8);
    // a copy with its manifest (a fresh path, so nothing of it is in this process's module cache), where the trap
    // file now throws at import
    const copy = `${root}-copy`;
    removeLater(copy);
    cpSync(root, copy, { recursive: true });
    writeFileSync(join(copy, 'boom'), '');
    // the trap file is described by the manifest: not imported, its ids still listed with their file
    const again = await listConjectures(copy);
    expect(again.conjectures.find((c) => c.id === 't.r.trap')).toEqual({
      id: 't.r.trap',
      file: relative(process.cwd(), join(copy, 'trap.prop.ts')),
      kind: 'exact',
      spec: { title: 'x <= 100 on [0, 100]', expect: 'holds', source: { provenance: 'background' } },
    });
    expect([...again.loaded.keys()].map((f) => relative(copy, f)).sort()).toEqual([
      'c.prop.ts',
      'd.prop.ts',
      'e.prop.ts',
      'f.prop.ts',
    ]);
    expect(again.errors.map((e) => relative(copy, e.file))).toEqual(files);
    // a selection imports only the files of its conjectures
    const one = await loadSelected(copy, { grep: 't.r.zeta' });
    expect(one.conjectures.map((c) => [c.id, typeof c.evaluate])).toEqual([['t.r.zeta', 'function']]);
    expect(one.errors.map((e) => relative(copy, e.file))).toEqual(files);
    // selecting the trap imports it, and its failure is reported
    const sprung = await loadSelected(copy, { grep: 't.r.trap' });
    expect(sprung.conjectures).toEqual([]);
    expect(sprung.errors.at(-1)).toEqual({
      file: relative(process.cwd(), join(copy, 'trap.prop.ts')),
      message: 'could not load: trap sprung',
    });
    // and the failed file leaves the manifest
    const left = Object.keys(readManifest(copy, readManifestHelpers(copy)).files);
    expect(left).toEqual(['a.prop.ts', 'b.prop.ts', 'sub/n.prop.ts']);
  });
  it('a deleted file leaves the manifest; a selection of everything is every conjecture, in id order', async () => {
    const root = propDir([
      { name: 'a.prop.ts', conjectures: conjectures('t.s.b', 't.s.a') },
      { name: 'b.prop.ts', conjectures: conjectures('t.s.c') },
    ]);
    removeLater(root);
    await listConjectures(root);
    rmSync(join(root, 'b.prop.ts'));
    expect((await listConjectures(root)).conjectures.map((c) => c.id)).toEqual(['t.s.a', 't.s.b']);
    expect(Object.keys(readManifest(root, readManifestHelpers(root)).files)).toEqual(['a.prop.ts']);
    const all = await loadSelected(root);
    expect(all.conjectures.map((c) => c.id)).toEqual(['t.s.a', 't.s.b']);
    expect(all.conjectures.every(isConjecture)).toBe(true);
    const half = await loadSelected(root, { shard: { index: 2, count: 2 }, timings: new Map([['t.s.a', 5]]) });
    expect(half.conjectures.map((c) => c.id)).toEqual(['t.s.b']);
  });
});

describe('loadSelected against a manifest that is out of date', () => {
  it('a manifest that lies about a selected file: every file is imported again and the selection made anew', async () => {
    const root = propDir([
      { name: 'a.prop.ts', conjectures: conjectures('t.l.one', 't.l.two') },
      { name: 'b.prop.ts', conjectures: conjectures('t.l.three') },
    ]);
    removeLater(root);
    await listConjectures(root);
    const path = join(root, '.crl-verify', 'manifest.json');
    const m = JSON.parse(readFileSync(path, 'utf8'));
    m.files['a.prop.ts'].conjectures[1].id = 't.l.ghost';
    writeFileSync(path, JSON.stringify(m));
    // the manifest sends the selection to a.prop.ts for t.l.ghost; the import shows t.l.two there instead, which
    // the pattern also selects
    const ghost = await loadSelected(root, { grep: '/t\\.l\\.(ghost|two|three)/' });
    expect(ghost.conjectures.map((c) => c.id)).toEqual(['t.l.three', 't.l.two']);
    expect(ghost.errors).toEqual([]);
    const fixed = readManifest(root, readManifestHelpers(root));
    expect(fixed.files['a.prop.ts']!.conjectures.map((c) => c.id)).toEqual(['t.l.one', 't.l.two']);
  });
  it('a file the manifest does not describe is imported once: its errors are reported once', async () => {
    const root = mixedDir();
    const sel = await loadSelected(root, { grep: 't.r.epsilon' });
    expect(sel.conjectures.map((c) => c.id)).toEqual(['t.r.epsilon']);
    const mine = sel.errors.filter((e) => e.file.endsWith('e.prop.ts'));
    expect(mine).toEqual([{ file: relative(process.cwd(), join(root, 'e.prop.ts')), message: expect.any(String) }]);
  });
  it('a file whose mtime moved but whose bytes did not keeps its entry, with the new mtime', async () => {
    const root = propDir([{ name: 'a.prop.ts', conjectures: conjectures('t.t.one') }]);
    removeLater(root);
    await listConjectures(root);
    utimesSync(join(root, 'a.prop.ts'), new Date(2_000_000_000_000), new Date(2_000_000_000_000));
    const again = await listConjectures(root);
    expect(again.loaded.size).toBe(0);
    const entry = readManifest(root, readManifestHelpers(root)).files['a.prop.ts']!;
    expect(entry.mtimeMs).toBe(2_000_000_000_000);
  });
});

describe('loadMessage', () => {
  const file = '/abs/props/p+q (1)/x.prop.ts';
  const rel = 'props/p+q (1)/x.prop.ts';
  const esc = String.fromCharCode(27);
  it('a syntax error from esbuild: file:line:column and the message after ERROR', () => {
    const e = new Error(
      `Transform failed with 1 error:\n${file}:3:7: ERROR: Unexpected "}"\n    at failureErrorWithLog`,
    );
    expect(loadMessage(e, file, rel)).toBe(`${rel}:3:7: Unexpected "}"`);
  });
  it('a syntax error from oxc, with its colour codes removed', () => {
    const e = new Error(
      `Transform failed with 1 error:\n${esc}[31m[PARSE_ERROR] Expected a semicolon${esc}[0m\n   ╭─[ ${file}:2:5 ]`,
    );
    expect(loadMessage(e, file, rel)).toBe(`${rel}:2:5: Expected a semicolon`);
  });
  it('a located transform failure without a message is a "syntax error"', () => {
    expect(loadMessage(new Error(`Transform failed\n${file}:1:2`), file, rel)).toBe(`${rel}:1:2: syntax error`);
  });
  it('a location alone, or a transform failure without one, is an ordinary message', () => {
    expect(loadMessage(new Error(`Oops: Transform failed\n${file}:1:2`), file, rel)).toBe(
      `Oops: Transform failed; ${rel}:1:2`,
    );
    expect(loadMessage(new Error(`Unexpected end at ${file}:4:1`), file, rel)).toBe(`Unexpected end at ${rel}:4:1`);
    expect(loadMessage(new Error('Transform failed with 1 error:\nERROR: x'), file, rel)).toBe(
      'Transform failed with 1 error:; ERROR: x',
    );
    // the path is matched literally: '+' and '(' are not regular-expression syntax here
    const other = '/abs/props/pq 1/x.prop.ts';
    expect(loadMessage(new Error(`Transform failed\n${other}:1:2`), file, rel)).toBe(`Transform failed; ${other}:1:2`);
  });
  it('a file loaded as CommonJS: the first line and what to do', () => {
    const hint =
      ' (the file loaded as CommonJS: put a package.json with {"type": "module"} beside your properties, or name the ' +
      'file .prop.mts)';
    // Node's message for an ES module required from CommonJS (what tsx does with a .prop.ts outside a "type": "module"
    // package)
    const esm = new Error(
      `Cannot require() ES Module ${file} in a cycle. A cycle involving require(esm) is not allowed`,
    );
    expect(loadMessage(esm, file, rel)).toBe(
      `Cannot require() ES Module ${rel} in a cycle. A cycle involving require(esm) is not allowed${hint}`,
    );
    const imp = new Error('Cannot use import statement outside a module\n    at wrapSafe');
    expect(loadMessage(imp, file, rel)).toBe(`Cannot use import statement outside a module${hint}`);
  });
  it('otherwise the first three non-blank lines, trimmed, with absolute paths made relative', () => {
    const e = new Error(`  boom in ${file}  \n\n  line two\n line three \nline four`);
    expect(loadMessage(e, file, rel)).toBe(`boom in ${rel}; line two; line three`);
    expect(loadMessage('a thrown string', file, rel)).toBe('a thrown string');
    expect(loadMessage(undefined, file, rel)).toBe('undefined');
  });
});

describe('the default properties directory', () => {
  it("is 'properties' (the CLI's default, README)", () => {
    expect(DEFAULT_PROPERTIES_DIR).toBe('properties');
  });
});

describe('isConjecture', () => {
  it('an object with a string id and an evaluate function', () => {
    const evaluate = () => undefined;
    expect(isConjecture({ id: 't.x', evaluate })).toBe(true);
    for (const x of [
      null,
      undefined,
      't.x',
      { id: 't.x' },
      { evaluate },
      { id: 1, evaluate },
      { id: 't.x', evaluate: 1 },
    ])
      expect(isConjecture(x), JSON.stringify(x)).toBe(false);
    expect(isConjecture(Object.assign(() => undefined, { id: 't.x', evaluate }))).toBe(false);
  });
});

describe('matcher and selectConjectures', () => {
  const c = (id: string, title: string) => ({ id, spec: { title } });
  const all = [c('p1.calibration.sqrt', 'Calibration gap <= sqrt'), c('p2.rank.auc', 'AUC bound'), c('p3.x', 'a/b')];
  const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id);
  it('a plain pattern is a substring of the id or the title', () => {
    expect(ids(all.filter(matcher('rank')))).toEqual(['p2.rank.auc']);
    expect(ids(all.filter(matcher('AUC')))).toEqual(['p2.rank.auc']);
    expect(ids(all.filter(matcher('auc')))).toEqual(['p2.rank.auc']);
    expect(ids(all.filter(matcher('p.')))).toEqual([]);
    expect(ids(all.filter(matcher('/')))).toEqual(['p3.x']);
    expect(ids(all.filter(matcher('a/b')))).toEqual(['p3.x']);
    expect(ids(all.filter(matcher('/b')))).toEqual(['p3.x']);
  });
  it('/regex/flags is a regular expression on the id or the title', () => {
    expect(ids(all.filter(matcher('/^p[12]\\./')))).toEqual(['p1.calibration.sqrt', 'p2.rank.auc']);
    expect(ids(all.filter(matcher('/^calibration/i')))).toEqual(['p1.calibration.sqrt']);
    expect(ids(all.filter(matcher('/^calibration/')))).toEqual([]);
    expect(ids(all.filter(matcher('/bound$/')))).toEqual(['p2.rank.auc']);
  });
  it('an invalid regular expression is an error that names the pattern', () => {
    expect(() => matcher('/(/')).toThrow(/^--grep \/\(\/ is not a valid regular expression: .*(Unterminated|group)/);
    expect(() => matcher('/x/q')).toThrow('--grep /x/q is not a valid regular expression: ');
  });
  it('grep, then shard i of n: the shards partition the selection, keeping its order', () => {
    const many = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((k) => c(`t.${k}`, `title ${k}`));
    expect(selectConjectures(many)).toEqual(many);
    expect(selectConjectures(many, '')).toEqual(many);
    expect(ids(selectConjectures(many, 'title c'))).toEqual(['t.c']);
    const shards = [1, 2, 3].map((index) => ids(selectConjectures(many, undefined, { index, count: 3 })));
    expect(shards.flat().sort()).toEqual(ids(many));
    for (const s of shards) expect(s.length).toBeGreaterThanOrEqual(2);
    for (const s of shards) expect([...s].sort()).toEqual(s);
    expect(selectConjectures(many, undefined, { index: 1, count: 1 })).toEqual(many);
    // the longest recorded time goes to shard 1, alone when it outweighs the rest
    const timings = new Map(ids(many).map((id) => [id, id === 't.e' ? 1000 : 1]));
    expect(ids(selectConjectures(many, undefined, { index: 1, count: 2 }, timings))).toEqual(['t.e']);
    expect(ids(selectConjectures(many, 't.', { index: 2, count: 2 }, timings))).toEqual(
      ids(many).filter((id) => id !== 't.e'),
    );
  });
});

describe('parseShard', () => {
  it("'i/n' with 1 <= i <= n", () => {
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    expect(parseShard('3/3')).toEqual({ index: 3, count: 3 });
    expect(parseShard('10/12')).toEqual({ index: 10, count: 12 });
    for (const s of ['0/3', '4/3', '1/0', 'a/b', '1/2/3', ' 1/2', '1/2 ', '1.5/2', '1/', '/2', '', '-1/2', '12']) {
      expect(() => parseShard(s), s).toThrow(new Error(`--shard must look like i/n with 1 <= i <= n, got '${s}'`));
    }
  });
});
