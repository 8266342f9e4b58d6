/*
 * Source: issue 13 §1 (ship compiled JavaScript; property files of users still load as TypeScript).
 * Expected: with the sources compiled to dist/ beside src/, the CLI run from dist/cli/main.js prints its help without
 * registering tsx, registers tsx itself before the first .prop.ts (in the main thread and in the worker threads),
 * and runs a property file that imports the framework from src/ on the compiled copy of it: the report equals the
 * one of the same run from the TypeScript sources, timing and file paths aside (two copies of the framework would
 * lose the search spaces that arbitraries keep in module state, and the reports would differ).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { withoutTiming } from '../../src/report/json.js';

mkdirSync('scratch', { recursive: true });
const root = mkdtempSync(join(process.cwd(), 'scratch', 'compiled-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** src/ copied to <root>/src and transpiled (no type check: tsc --noEmit does that) to <root>/dist. */
function build(): void {
  cpSync('src', join(root, 'src'), { recursive: true });
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? walk(join(dir, e.name))
        : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')
          ? [join(dir, e.name)]
          : [],
    );
  for (const file of walk('src')) {
    const out = join(root, 'dist', relative('src', file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(out), { recursive: true });
    const js = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    writeFileSync(out, js);
  }
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  symlinkSync(join(process.cwd(), 'node_modules'), join(root, 'node_modules'));
  mkdirSync(join(root, 'properties', 'paper1'), { recursive: true });
  for (const f of ['common.ts', 'consistency.prop.ts'])
    cpSync(join('properties', 'paper1', f), join(root, 'properties', 'paper1', f));
  writeFileSync(
    join(root, 'main.mjs'),
    "import { main } from './dist/cli/main.js';\nprocess.exitCode = await main(process.argv.slice(2));\n",
  );
}

const node = (...args: string[]) => {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, CI: '' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
};

/** The report without timing and without the file paths (which name the two property directories). */
const comparable = (dir: string): unknown =>
  JSON.parse(JSON.stringify(withoutTiming(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')))), (k, v) =>
    k === 'file' ? undefined : v,
  );

/** The modules a compiled command resolves (through a resolve hook that logs them), and its stdout. */
function traced(args: readonly string[]): { modules: string[]; stdout: string; code: number } {
  const log = join(root, `resolved-${args[0]}.log`);
  const hook = `import { appendFileSync } from 'node:fs';
export async function resolve(s, c, next) { const r = await next(s, c); appendFileSync(${JSON.stringify(log)}, r.url + '\\n'); return r; }`;
  const script = `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}));
const { main } = await import(${JSON.stringify(`${root}/dist/cli/main.js`)});
process.exitCode = await main(${JSON.stringify(args)});`;
  writeFileSync(log, '');
  const r = node('--input-type=module', '-e', script);
  return { modules: readFileSync(log, 'utf8').split('\n').filter(Boolean), stdout: r.stdout, code: r.code };
}
const HEAVY = /node_modules\/(tsx|fast-check|mathjs|vega|vega-lite|@tensorflow)\/|\.prop\.ts$/;

describe('the CLI compiled to JavaScript', () => {
  build();
  it('prints its help without tsx, fast-check, mathjs, Vega, TensorFlow.js or a property file', () => {
    const r = traced(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: crl-verify/m);
    expect(r.modules.length).toBeGreaterThan(3);
    expect(r.modules.filter((m) => HEAVY.test(m))).toEqual([]);
  });
  it('loads a .prop.ts that imports src/ on the compiled framework, in the main thread and the workers', () => {
    const grep = ['--grep', 'paper1.consistency.risk-above-optimum'];
    const common = ['--profile', 'ci', '--no-corpus-write', '--corpus', join(root, 'corpus'), '--workers', '2'];
    const props = ['--properties', join(root, 'properties')];
    const compiled = node(join(root, 'main.mjs'), 'run', ...grep, ...common, ...props, '--out', join(root, 'r-dist'));
    expect(compiled.stderr).not.toMatch(/error/i);
    expect(compiled.code).toBe(0);
    const sources = node('bin/crl-verify.js', 'run', ...grep, ...common, '--out', join(root, 'r-src'));
    expect(sources.code).toBe(0);
    expect(comparable(join(root, 'r-dist'))).toEqual(comparable(join(root, 'r-src')));
  });
  it('lists from the manifest the run left, importing no property file and not tsx', () => {
    const r = traced(['list', '--properties', join(root, 'properties')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^paper1\.consistency\.risk-above-optimum\t/m);
    expect(r.modules.filter((m) => HEAVY.test(m))).toEqual([]);
  });
});
