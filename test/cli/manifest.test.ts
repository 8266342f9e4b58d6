/*
 * Source: issue 13 §1 (a --grep or --shard run imports only the files that hold its conjectures, from a manifest of
 * ids per file, rebuilt when a file changes).
 * Expected: `list` writes <properties>/.crl-verify/manifest.json (with its own .gitignore); afterwards a --grep run
 * on one conjecture imports only its file: a second file that throws at import (once a marker exists) is not
 * touched, while a full run reports it. An edited file is imported again and its new ids listed; a manifest that
 * lies about a file's ids is corrected from the import and rewritten; ids from a changed helper module beside the
 * property files are seen.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removedAfterAll } from '../helpers/cleanup.js';
import { helpersFingerprint, manifestPath } from '../../src/conjecture/manifest.js';
import { listConjectures, loadSelected } from '../../src/conjecture/registry.js';
import { propDir, propSource, SIX } from './props.js';

const removeLater = removedAfterAll();
const fresh = (files = SIX): string => removeLater(propDir(files));

const cli = (...args: string[]): { code: number; stdout: string; stderr: string } => {
  const r = spawnSync(process.execPath, ['bin/crl-verify.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, CI: '' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
};

/** b.prop.ts throws at import once the file `boom` exists beside it. */
const withTrap = SIX.map((f) =>
  f.name === 'b.prop.ts'
    ? {
        ...f,
        prelude: `if (existsSync(new URL('./boom', import.meta.url))) throw new Error('b.prop.ts was imported');`,
      }
    : f,
);

describe('the manifest of ids per property file', () => {
  it('a --grep run after `list` imports only the file that holds the conjecture', () => {
    const props = fresh(withTrap);
    const list = cli('list', '--properties', props);
    expect(list.code).toBe(0);
    expect(list.stdout.trim().split('\n')).toHaveLength(6);
    expect(existsSync(manifestPath(props))).toBe(true);
    expect(readFileSync(join(props, '.crl-verify', '.gitignore'), 'utf8')).toMatch(/^\*$/m);
    writeFileSync(join(props, 'boom'), '');
    const out = join(props, 'out');
    const common = ['--properties', props, '--out', out, '--profile', 'ci', '--workers', '0', '--no-corpus-write'];
    const one = cli('run', '--grep', 't.a.below-100', ...common, '--corpus', join(props, 'corpus'));
    expect(one.stderr).not.toMatch(/b\.prop\.ts/);
    expect(one.code).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
      conjectures: { id: string }[];
      loadErrors: unknown[];
    };
    expect(report.conjectures.map((c) => c.id)).toEqual(['t.a.below-100']);
    expect(report.loadErrors).toEqual([]);
    // the trap works: a run of every conjecture imports b.prop.ts and reports it
    const all = cli('run', ...common, '--corpus', join(props, 'corpus'));
    expect(all.code).toBe(1);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/b\.prop\.ts was imported/);
  });

  it('an edited file is imported again and its new ids listed', () => {
    const props = fresh();
    expect(cli('list', '--properties', props).stdout).toMatch(/^t\.a\.below-50\t/m);
    const edited = { ...SIX[0]!, conjectures: [{ id: 't.a.renamed', bound: 100 }] };
    writeFileSync(join(props, 'a.prop.ts'), propSource(edited));
    const list = cli('list', '--properties', props).stdout;
    expect(list).toMatch(/^t\.a\.renamed\t/m);
    expect(list).not.toMatch(/t\.a\.below-50/);
    const m = JSON.parse(readFileSync(manifestPath(props), 'utf8')) as {
      files: Record<string, { conjectures: { id: string }[] }>;
    };
    expect(m.files['a.prop.ts']!.conjectures.map((c) => c.id)).toEqual(['t.a.renamed']);
  });

  it('a manifest that lies about a selected file is corrected from the import and rewritten', async () => {
    const props = fresh();
    await listConjectures(props);
    const path = manifestPath(props);
    const m = JSON.parse(readFileSync(path, 'utf8')) as {
      files: Record<string, { conjectures: { id: string; spec: { title: string } }[] }>;
    };
    // the manifest now claims that c.prop.ts holds t.c.ghost instead of t.c.below-101
    m.files['c.prop.ts']!.conjectures[0]!.id = 't.c.ghost';
    writeFileSync(path, JSON.stringify(m));
    const ghost = await loadSelected(props, { grep: 't.c.ghost' });
    expect(ghost.conjectures).toEqual([]);
    const real = await loadSelected(props, { grep: 't.c.below-101' });
    expect(real.conjectures.map((c) => c.id)).toEqual(['t.c.below-101']);
    const fixed = JSON.parse(readFileSync(path, 'utf8')) as typeof m;
    expect(fixed.files['c.prop.ts']!.conjectures.map((c) => c.id)).toEqual(['t.c.below-101', 't.c.below-1000']);
  });

  it('ids that come from a helper module beside the property files follow the helper', async () => {
    const props = fresh([]);
    writeFileSync(join(props, 'ids.ts'), `export const ID = 't.helper.one';\n`);
    const source = propSource({ name: 'h.prop.ts', conjectures: [{ id: '__ID__', bound: 100 }] })
      .replace(`'__ID__'`, 'ID')
      .replace('import fc', `import { ID } from './ids.js';\nimport fc`);
    writeFileSync(join(props, 'h.prop.ts'), source);
    expect((await listConjectures(props)).conjectures.map((c) => c.id)).toEqual(['t.helper.one']);
    // a new process would import the changed helper; here the module cache holds the old one, so check the entry
    writeFileSync(join(props, 'ids.ts'), `export const ID = 't.helper.two';\n`);
    const m = JSON.parse(readFileSync(manifestPath(props), 'utf8')) as { helpers: string };
    expect(helpersFingerprint(props)).not.toBe(m.helpers);
    const r = cli('list', '--properties', props);
    expect(r.stdout).toMatch(/^t\.helper\.two\t/m);
  });
});
