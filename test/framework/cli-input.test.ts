/*
 * Source: issue "The gate never lies" §4 (every bad input gets a clear answer and nothing is lost).
 * Expected, one test a row of the table: an unknown command, --runs 0 or -1 are usage errors (exit 2); a
 * --grep matching nothing says so, exits 2 and leaves reports/ as it was; an --out that cannot be written fails
 * before the run; a corpus that cannot be written leaves the refutation standing, with a warning; a corpus entry
 * from an older generator is named with how to refresh it; a syntax error in a .prop.ts is reported with
 * file:line:column and the message; a run's reports open with a summary (failures first, with replay lines) and
 * show load errors at the top of index.html; without a terminal a progress line per group goes to stderr.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { defineConjecture, leq, loadRegistry, PROFILES, runConjecture, runSuite } from '../../src/conjecture/index.js';
import { htmlReport, markdownReport } from '../../src/report/index.js';

const tmp = mkdtempSync(join(tmpdir(), 'crl-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cli = (...args: string[]): { code: number; stdout: string; stderr: string } => {
  const r = spawnSync(process.execPath, ['bin/crl-verify.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, CI: '' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
};

describe('usage errors (exit 2), before anything runs', () => {
  const cases: [string[], RegExp][] = [
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['--runs', '0'], /--runs must be a positive integer, got '0'/],
    [['--runs', '-1'], /--runs must be a positive integer, got '-1'/],
    [['--time-limit', 'soon'], /--time-limit must be a positive integer/],
    [['--profile', 'fast'], /unknown profile 'fast'/],
    [['--shard', '3/2'], /--shard must look like i\/n/],
    // a seed past 32 bits would be cut to its low 32 bits by fast-check and Rng and alias seed 0
    [['--seed', '4294967296'], /--seed must be an integer in \[-2\^31, 2\^31\), got '4294967296'/],
    [['replay', 'background.clip.one-modality-rotation', '--seed', '1'], /replay needs both --seed and --path/],
  ];
  for (const [args, re] of cases) {
    it(args.join(' '), () => {
      const r = cli(...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(re);
    });
  }
});

describe('nothing is lost', () => {
  it('--grep matching nothing says so, exits 2, and leaves the reports as they were', () => {
    const out = join(tmp, 'kept');
    mkdirSync(out);
    writeFileSync(join(out, 'report.md'), 'the previous report\n');
    const r = cli('--grep', 'no-such-conjecture', '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no conjecture matches --grep 'no-such-conjecture'/);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toBe('the previous report\n');
  });
  it('an --out that cannot be written is an error before the run', () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, '');
    const t0 = performance.now();
    const r = cli('--out', join(file, 'reports'), '--grep', 'background.clip');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the report directory .* cannot be written \(ENOTDIR\)/);
    expect(r.stdout).not.toMatch(/conjectures/);
    expect(performance.now() - t0).toBeLessThan(20_000);
  });
  it('a corpus that cannot be written: the refutation stands, reported in full, with a warning', () => {
    const file = join(tmp, 'corpus-is-a-file');
    writeFileSync(file, '');
    const wrong = defineConjecture({
      id: 'test.cli.wrong',
      title: 'x <= 50',
      source: { paper: 'none', ref: 'test', provenance: 'background' },
      expect: 'refuted',
      given: fc.integer({ min: 0, max: 100 }),
      check: (x) => leq(x, 50),
    });
    const r = runConjecture(wrong, { profile: PROFILES.ci, corpusDir: join(file, 'corpus'), writeCorpus: true });
    expect(r.outcome).toBe('refuted');
    expect(r.status).toBe('as-expected');
    expect(r.counterexample!.shown).toBe('51');
    expect(r.warnings.join('\n')).toMatch(/could not write the counterexample corpus .*the refutation stands/);
  });
  it('a corpus entry from an older generator names the file and says how to refresh it', async () => {
    const corpus = join(tmp, 'stale');
    mkdirSync(corpus);
    const reg = await loadRegistry('properties/background');
    const c = reg.conjectures.find((x) => x.id === 'background.clip.one-modality-rotation')!;
    writeFileSync(
      join(corpus, `${c.id}.json`),
      JSON.stringify({
        id: c.id,
        seed: 1,
        counterexample: { pair: 'an older shape' },
        shown: '?',
        fastCheck: 'fast-check 3',
      }),
    );
    const r = runConjecture(c, { profile: PROFILES.ci, corpusDir: corpus });
    expect(r.status).toBe('as-expected'); // the run went on without it, and found the counterexample again
    expect(r.warnings.join('\n')).toMatch(
      new RegExp(
        `${corpus}/${c.id.replace(/\./g, '\\.')}\\.json makes the check throw .*delete it and run 'crl-verify run --grep`,
      ),
    );
  });
});

describe('load errors and reports', () => {
  it('a syntax error in a properties file is reported with file:line:column and the message', async () => {
    const reg = await loadRegistry('test/fixtures-props/syntax');
    expect(reg.errors).toHaveLength(1);
    expect(reg.errors[0]!.message).toMatch(
      /^could not load: test\/fixtures-props\/syntax\/unclosed\.prop\.ts:9:\d+: Unexpected/,
    );
    const r = cli('list', '--properties', 'test/fixtures-props/syntax'); // the CLI loads with esbuild, not oxc
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /load error: test\/fixtures-props\/syntax\/unclosed\.prop\.ts: could not load: test\/fixtures-props\/syntax\/unclosed\.prop\.ts:9:25: Unexpected "\)"/,
    );
  });
  it('the reports open with a summary, failures first with their replay lines, and index.html shows load errors', async () => {
    const s = await runSuite({ profile: PROFILES.ci, propertiesDir: 'test/fixtures-props/broken' });
    const md = markdownReport(s);
    expect(md.indexOf('## Load errors')).toBeGreaterThan(0);
    expect(md.indexOf('## Load errors')).toBeLessThan(md.indexOf('## Conjectures'));
    expect(md).toMatch(/\*\*FAIL: 1 conjectures/);
    const html = await htmlReport(s);
    expect(html.indexOf('Load errors')).toBeGreaterThan(0);
    expect(html.indexOf('Load errors')).toBeLessThan(html.indexOf('<h2>Plots</h2>'));
    expect(html).toMatch(/no-default\.prop\.ts: has no default export/);
  });
  it('a failing run prints the summary with the replay line; without a terminal, one progress line per group on stderr', () => {
    mkdirSync('scratch', { recursive: true });
    const props = mkdtempSync(join(process.cwd(), 'scratch', 'props-')); // inside the checkout, so fast-check resolves
    mkdirSync(join(props, 'group'), { recursive: true });
    writeFileSync(join(props, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(
      join(props, 'group', 'x.prop.ts'),
      `
      import fc from 'fast-check';
      import { defineConjecture, leq } from '${process.cwd()}/src/conjecture/index.js';
      export default defineConjecture({ id: 'group.false.below-fifty', title: 'x <= 50 (false)', expect: 'holds',
        source: { paper: 'none', ref: 'test', provenance: 'background' }, given: fc.integer({ min: 0, max: 100 }), check: (x) => leq(x, 50) });
    `,
    );
    const r = cli(
      '--properties',
      props,
      '--out',
      join(tmp, 'r'),
      '--profile',
      'ci',
      '--corpus',
      join(tmp, 'c'),
      '--workers',
      '0',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^group: 1\/1 done — 0 pass the gate, 1 failed or errors/m);
    expect(r.stdout).toMatch(/^FAIL: 1 conjectures/m);
    expect(r.stdout).toMatch(
      /Failures and errors:\n {2}- group\.false\.below-fifty — expected holds, refuted; counterexample: 51; .*replay: crl-verify replay group\.false\.below-fifty --seed -?\d+ --path \S+/,
    );
    expect(readFileSync(join(tmp, 'r', 'report.md'), 'utf8')).toMatch(
      /## Failures and errors\n\n- group\.false\.below-fifty/,
    );
    expect(execFileSync('git', ['status', '--porcelain', 'fixtures'], { encoding: 'utf8' })).toBe('');
    rmSync(props, { recursive: true, force: true });
  });
});
