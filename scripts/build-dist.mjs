// Builds the package's compiled JavaScript: `tsc -p tsconfig.build.json` (src/ → dist/, with declarations), then
// what tsc does not emit: the worker-thread entry, and a stamp that bin/crl-verify.js compares with src/ to tell a
// current build from a stale one.
// Run by `npm run build` and by `prepare` (npm ci, npm pack, git installs).
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const root = new URL('../', import.meta.url);
const dist = new URL('dist/', root);

rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const built = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

// The worker-thread entry that pool.ts finds beside itself (new URL('./worker-entry.mjs', import.meta.url)). The
// source one registers tsx and imports worker.ts; this one loads the compiled worker first, so its modules skip
// tsx's hooks, then registers tsx for the property files (*.prop.ts) the worker imports on request.
writeFileSync(
  new URL('conjecture/worker-entry.mjs', dist),
  [
    '// Worker thread bootstrap of the compiled package, written by scripts/build-dist.mjs.',
    "import { register } from 'tsx/esm/api';",
    '',
    "await import('./worker.js');",
    'register();',
    '',
  ].join('\n'),
);

writeFileSync(new URL('.build-stamp', dist), `${new Date().toISOString()}\n`);
