// Builds the package's compiled JavaScript: `tsc -p tsconfig.build.json` (src/ → dist/, with declarations), then a
// stamp that bin/crl-verify.js compares with src/ to tell a current build from a stale one. (The compiled pool
// starts dist/conjecture/worker.js directly; the registry registers tsx before the first property file.)
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

writeFileSync(new URL('.build-stamp', dist), `${new Date().toISOString()}\n`);
