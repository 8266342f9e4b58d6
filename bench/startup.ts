/*
 * Startup figures of the CLI (issue 13 §1): `--help`, `list`, a one-conjecture `--grep` run and a 4-conjecture shard,
 * each as wall time and CPU time (user + sys, from /usr/bin/time) of a fresh process, the median of --repeat runs.
 * Two ways to start: from the TypeScript sources through tsx (bin/crl-verify.js without dist/), and from the compiled
 * dist/cli/main.js when dist/ is built. Also the load time of the heavy dependencies each command may import.
 * Goals: --help < 0.3 s and list < 1 s wall, from compiled JavaScript. A benchmark that prints, not a test.
 *
 *   npx tsx bench/startup.ts [--repeat 3] [--grep <id>] [--shard 1/32]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const arg = (k: string, d: string): string => {
  const i = process.argv.indexOf(`--${k}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : d;
};
const REPEAT = Number(arg('repeat', '3'));
const GREP = arg('grep', 'paper2.large-batch.symmetric-own-marginal');
const SHARD = arg('shard', '1/32');
const TIME = '/usr/bin/time';

interface Figure {
  readonly wall: number;
  readonly cpu: number;
}

/** Wall and user+sys seconds of `node <args>` (CPU NaN without /usr/bin/time). */
function timed(args: readonly string[]): Figure & { stdout: string; code: number } {
  const t0 = performance.now();
  const env = { ...process.env, CI: '' };
  const r = existsSync(TIME)
    ? spawnSync(TIME, ['-f', 'TIME %U %S', process.execPath, ...args], { encoding: 'utf8', env })
    : spawnSync(process.execPath, args, { encoding: 'utf8', env });
  const wall = (performance.now() - t0) / 1000;
  const m = /TIME ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? '');
  const cpu = m ? Number(m[1]) + Number(m[2]) : Number.NaN;
  return { wall, cpu, stdout: r.stdout ?? '', code: r.status ?? -1 };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

function measure(args: readonly string[]): Figure & { code: number } {
  const runs = Array.from({ length: REPEAT }, () => timed(args));
  return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)), code: runs[0]!.code };
}

const out = mkdtempSync(join(tmpdir(), 'crl-startup-'));
const runArgs = ['--profile', 'ci', '--no-corpus-write', '--out', out];
const commands: [string, string[]][] = [
  ['--help', ['--help']],
  ['list', ['list']],
  [`run --grep ${GREP}`, ['run', '--grep', GREP, ...runArgs]],
  [`run --shard ${SHARD}`, ['run', '--shard', SHARD, ...runArgs]],
];

/*
 * How each way starts the CLI: an entry module (node options would pass on to the worker threads), written under
 * scratch/ (git-ignored) so that tsx and the dependencies resolve from the checkout.
 */
mkdirSync('scratch', { recursive: true });
const entry = (name: string, text: string): string[] => {
  const file = join('scratch', `startup-${name}.mjs`);
  writeFileSync(file, text);
  return [file];
};
const starts: [string, string[]][] = [];
if (existsSync('dist/cli/main.js')) {
  const main = pathToFileURL('dist/cli/main.js').href;
  const text = `const { main } = await import('${main}');\nprocess.exitCode = await main(process.argv.slice(2));\n`;
  starts.push(['compiled dist/', entry('dist', text)]);
}
const tsxMain = pathToFileURL('src/cli/main.ts').href;
const viaTsx = `import { register } from 'tsx/esm/api';\nregister();\nconst { main } = await import('${tsxMain}');
process.exitCode = await main(process.argv.slice(2));\n`;
starts.push(['tsx, from src/', entry('tsx', viaTsx)]);

const pad = (s: string, n: number): string => s.padEnd(n);
const f = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : '—');
console.log(
  `crl-verify startup — median of ${REPEAT}; load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
console.log(`(a loaded machine stretches wall time; CPU = user + sys is the steadier figure)\n`);
console.log(`${pad('start', 18)}${pad('command', 56)}${pad('wall s', 9)}${pad('CPU s', 9)}conjectures`);
for (const [how, node] of starts) {
  for (const [name, args] of commands) {
    const m = measure([...node, ...args]);
    let n = '';
    if (args[0] === 'run' && existsSync(join(out, 'report.json'))) {
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
        conjectures: { timing: { ms: number } }[];
      };
      const checks = report.conjectures.reduce((t, c) => t + c.timing.ms, 0) / 1000;
      n = `${report.conjectures.length} (their checks: ${f(checks)} s wall)`;
    }
    if (args[0] === 'list')
      n = String(
        timed([...node, ...args])
          .stdout.trim()
          .split('\n').length,
      );
    const exit = m.code === 0 ? '' : ` (exit ${m.code})`;
    console.log(`${pad(how, 18)}${pad(name, 56)}${pad(f(m.wall), 9)}${pad(f(m.cpu), 9)}${n}${exit}`);
  }
}

console.log('\nload time of the heavy dependencies (a fresh process each; import only)');
const deps = ['fast-check', 'mathjs', 'mathjs/lib/browser/math.js', 'vega', 'vega-lite', '@tensorflow/tfjs'];
const base = measure(['--input-type=module', '-e', '']);
for (const d of deps) {
  const m = measure(['--input-type=module', '-e', `await import(${JSON.stringify(d)});`]);
  const note = d === 'mathjs/lib/browser/math.js' ? ' (the single-file bundle src/mathjs.ts loads)' : '';
  console.log(`${pad(d, 30)}wall ${f(m.wall - base.wall)} s  CPU ${f(m.cpu - base.cpu)} s${note}`);
}
rmSync(out, { recursive: true, force: true });
