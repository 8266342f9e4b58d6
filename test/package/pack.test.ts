/*
 * Source: issue 13 item 2 (use crl-verify from another repository, as a CI gate).
 * Expected: `npm pack` of this checkout (its `prepare` builds dist/) gives a tarball of the build alone, which
 * installs into a fresh project (npm install --prefer-offline: from the npm cache that `npm ci` filled). There the
 * files of test/package/consumer/ type-check against the installed declarations (tsc --noEmit, strict), `npx
 * crl-verify run --properties ./conjectures` exits 0 with a JUnit testcase per conjecture (a true bound and its
 * refuted twin), and the `planted/` directory (a false bound marked holds, a true one marked refuted) exits 1 with
 * both testcases failing. Each step's wall time is printed.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = resolve('.');
const TSC = join(REPO, 'node_modules/typescript/bin/tsc');
const tmp = mkdtempSync(join(tmpdir(), 'crl-pack-'));
const stage = join(tmp, 'stage');
const consumer = join(tmp, 'consumer');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

/** Runs a command to its end (asynchronously, so the checks below can run side by side). */
function run(cmd: string, args: string[], cwd: string): Promise<Ran> {
  const t0 = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, CI: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => {
      stdout += b;
    });
    child.stderr.on('data', (b) => {
      stderr += b;
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr, seconds: (performance.now() - t0) / 1000 }));
  });
}

const ok = (r: Ran, what: string): Ran => {
  expect(r.code, `${what} failed:\n${r.stderr.slice(-2000)}`).toBe(0);
  return r;
};

/** `npx crl-verify run` on a properties directory of the consumer, as a downstream CI job runs it. */
const gate = (dir: string, out: string, ...extra: string[]): Promise<Ran> =>
  run(
    'npx',
    ['--no', 'crl-verify', 'run', '--properties', dir, '--profile', 'quick', '--out', out, ...extra],
    consumer,
  );

const timings: string[] = [];
let packed: { filename: string; size: number; entryCount: number; files: { path: string }[] };

beforeAll(async () => {
  // A copy of what `npm pack` reads, so building dist/ there leaves this checkout's dist/ alone.
  const inputs = [
    'package.json',
    'README.md',
    'tsconfig.json',
    'tsconfig.build.json',
    'bin',
    'src',
    'scripts/build-dist.mjs',
  ];
  for (const p of inputs) {
    cpSync(join(REPO, p), join(stage, p), { recursive: true });
  }
  symlinkSync(realpathSync(join(REPO, 'node_modules')), join(stage, 'node_modules'));
  const pack = ok(await run('npm', ['pack', '--json', '--pack-destination', tmp], stage), 'npm pack');
  packed = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[\n')))[0]; // after the build's own output
  timings.push(`npm pack (builds dist/) ${pack.seconds.toFixed(1)} s`);

  cpSync(join(REPO, 'test/package/consumer'), consumer, { recursive: true });
  writeFileSync(
    join(consumer, 'package.json'),
    `${JSON.stringify({ name: 'crl-verify-consumer', private: true, type: 'module' }, null, 2)}\n`,
  );
  const tarball = join(tmp, packed.filename);
  const install = ok(
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], consumer),
    'npm install of the tarball',
  );
  timings.push(`npm install ${install.seconds.toFixed(1)} s`);
}, 240_000);

afterAll(() => {
  const kb = (packed?.size ?? 0) / 1024;
  console.log(`package: ${kb.toFixed(1)} kB, ${packed?.entryCount} files; ${timings.join('; ')}`);
});

describe('the packed tarball', () => {
  it('holds the compiled build, its declarations and the bin, not the sources or tests', () => {
    const files = packed.files.map((f) => f.path);
    for (const f of [
      'bin/crl-verify.js',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cli/main.js',
      'dist/.build-stamp',
      'package.json',
      'README.md',
    ]) {
      expect(files, f).toContain(f);
    }
    expect(files.filter((f) => !/^(dist|bin)\/|^package\.json$|^README\.md$/.test(f))).toEqual([]);
    const installed = JSON.parse(readFileSync(join(consumer, 'node_modules/crl-verify/package.json'), 'utf8'));
    expect(installed.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
  });
});

// tsc and the two gate runs run side by side; on a loaded 2-core machine each can take half a minute.
describe.concurrent('in a fresh project that installed it', () => {
  it('the consumer files type-check against the installed declarations', async () => {
    const r = await run(process.execPath, [TSC, '-p', 'tsconfig.json'], consumer);
    timings.push(`tsc --noEmit ${r.seconds.toFixed(1)} s`);
    expect(r.stdout, 'tsc errors').toBe('');
    expect(r.code).toBe(0);
  }, 120_000);

  it('npx crl-verify run --properties ./conjectures: a true bound and its refuted twin pass (exit 0)', async () => {
    const r = await gate('./conjectures', 'reports', '--workers', '1');
    timings.push(`gate run (pass) ${r.seconds.toFixed(1)} s`);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/PASS: 2 conjectures, 2 as expected, 0 unexpected/);
    const junit = readFileSync(join(consumer, 'reports/junit.xml'), 'utf8');
    expect(junit).toMatch(/<testsuite name="crl-verify quick" tests="2" failures="0" errors="0">/);
    expect(junit).toContain(
      '<testcase classname="conjectures/energy.prop.ts" name="downstream.energy.alignment-bound (expect holds)"',
    );
    expect(junit).toContain('name="downstream.energy.alignment-bound-constant-one (expect refuted)"');
  }, 120_000);

  it('a false bound marked holds and a true one marked refuted fail the gate (exit 1)', async () => {
    // in this thread (--workers 0): the other run goes through a worker thread
    const r = await gate('./planted', 'reports-planted', '--workers', '0');
    timings.push(`gate run (fail) ${r.seconds.toFixed(1)} s`);
    expect(r.code, r.stderr).toBe(1);
    const junit = readFileSync(join(consumer, 'reports-planted/junit.xml'), 'utf8');
    expect(junit).toMatch(/tests="2" failures="2" errors="0"/);
    const failing = [...junit.matchAll(/<testcase [^>]*name="([^"]+)"[^>]*><failure message="([^"]*)"/g)];
    expect(failing.map((m) => [m[1], m[2]!.split(':')[0]])).toEqual([
      ['downstream.wrong.false-bound-claimed-to-hold (expect holds)', 'counterexample'],
      ['downstream.wrong.true-bound-claimed-refuted (expect refuted)', 'no counterexample found'],
    ]);
  }, 120_000);
});
