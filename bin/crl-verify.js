#!/usr/bin/env node
// Entry point. It runs the compiled CLI in dist/ (built by `npm run build`, and by `prepare` on npm ci, npm pack and
// git installs) when that build is current and can load the property files it will meet; otherwise it registers
// tsx and runs the TypeScript sources, so an edit in src/ never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const src = new URL('src/', root);
const argv = process.argv.slice(2);

/** Whether dist/ holds a build newer than every file of src/ (the installed package ships dist/ without src/). */
function distIsCurrent() {
  const stamp = new URL('dist/.build-stamp', root);
  if (!existsSync(stamp)) return false;
  if (!existsSync(src)) return true;
  const built = statSync(stamp).mtimeMs;
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && statSync(`${entry.parentPath}/${entry.name}`).mtimeMs > built) return false;
  }
  return true;
}

// Property files are TypeScript: the compiled registry registers tsx itself before the first one, and sends this
// checkout's property files' imports of ../../src/* to dist/, so one copy of each module runs.
if (distIsCurrent()) {
  const { main } = await import('../dist/cli/main.js');
  process.exitCode = await main(argv);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(argv);
}
