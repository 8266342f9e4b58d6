import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Conjecture } from './types.js';

/** A properties file that could not be loaded; the rest of the suite still runs. */
export interface LoadError {
  readonly file: string;
  readonly message: string;
}

export interface Registry {
  readonly conjectures: Conjecture[];
  readonly errors: LoadError[];
}

export const DEFAULT_PROPERTIES_DIR = 'properties';

function findPropFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findPropFiles(p));
    else if (name.endsWith('.prop.ts')) out.push(p);
  }
  return out;
}

/** Whether a module's export is a conjecture made by defineConjecture. */
export function isConjecture(x: unknown): x is Conjecture {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as Conjecture).evaluate === 'function' &&
    typeof (x as Conjecture).id === 'string'
  );
}

/**
 * Discovers every properties/**\/*.prop.ts (default export: a conjecture from defineConjecture, or an
 * array of them). A file that fails to import or exports something else is reported by name; duplicate
 * ids are reported with both files. Conjectures come back sorted by id.
 */
export async function loadRegistry(dir = DEFAULT_PROPERTIES_DIR): Promise<Registry> {
  const root = resolve(dir);
  const errors: LoadError[] = [];
  const byId = new Map<string, Conjecture>();
  for (const file of findPropFiles(root)) {
    const rel = relative(process.cwd(), file);
    let mod: { default?: unknown };
    try {
      mod = await import(pathToFileURL(file).href);
    } catch (e) {
      errors.push({ file: rel, message: `could not load: ${loadMessage(e, file, rel)}` });
      continue;
    }
    const items = Array.isArray(mod.default) ? mod.default : [mod.default];
    if (mod.default === undefined || items.length === 0) {
      errors.push({
        file: rel,
        message: 'has no default export; export default defineConjecture({...}) or an array of them',
      });
      continue;
    }
    for (const [k, c] of items.entries()) {
      if (!isConjecture(c)) {
        errors.push({ file: rel, message: `default export item ${k} is not a conjecture made by defineConjecture` });
        continue;
      }
      const prev = byId.get(c.id);
      if (prev) {
        errors.push({ file: rel, message: `duplicate conjecture id '${c.id}' (also in ${prev.file})` });
        continue;
      }
      c.file = rel;
      byId.set(c.id, c);
    }
  }
  return { conjectures: [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1)), errors };
}

/**
 * Why a file did not load, located: a syntax error is `file:line:column: message` (from esbuild under the CLI, or
 * oxc under vitest), where a first line alone says only "Transform failed with 1 error:". Absolute paths are shown
 * relative to the working directory.
 */
export function loadMessage(e: unknown, file: string, rel: string): string {
  // The colour codes that oxc puts in its messages: ESC [ digits m.
  const colour = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
  const text = (e instanceof Error ? e.message : String(e)).split(file).join(rel).replace(colour, '');
  const at = new RegExp(`${rel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+):(\\d+)`).exec(text);
  if (at && /^Transform failed/.test(text)) {
    const esbuild = /ERROR: (.*)/.exec(text);
    const oxc = /\[[A-Z_]+\] (.*)/.exec(text);
    const what = esbuild?.[1] ?? oxc?.[1] ?? 'syntax error';
    return `${rel}:${at[1]}:${at[2]}: ${what}`;
  }
  if (/require\(\) ES Module|Cannot use import statement outside a module/.test(text)) {
    return (
      `${text.split('\n')[0]} (the file loaded as CommonJS: put a package.json with {"type": "module"} beside ` +
      'your properties, or name the file .prop.mts)'
    );
  }
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .slice(0, 3)
    .join('; ');
}

/**
 * The one pattern language of every command: `/regex/flags` is a regular expression, anything else a plain
 * substring; either is matched against a conjecture's id and its title.
 */
export function matcher(pattern: string): (c: Conjecture) => boolean {
  const slash = pattern.lastIndexOf('/');
  if (pattern.startsWith('/') && slash > 0) {
    let re: RegExp;
    try {
      re = new RegExp(pattern.slice(1, slash), pattern.slice(slash + 1));
    } catch (e) {
      throw new Error(`--grep ${pattern} is not a valid regular expression: ${(e as Error).message}`);
    }
    return (c) => re.test(c.id) || re.test(c.spec.title);
  }
  return (c) => c.id.includes(pattern) || c.spec.title.includes(pattern);
}

/** Conjectures that match `grep` (see `matcher`), then those of shard i of n. */
export function selectConjectures(
  all: readonly Conjecture[],
  grep?: string,
  shard?: { index: number; count: number },
): Conjecture[] {
  let sel = [...all];
  if (grep) sel = sel.filter(matcher(grep));
  if (shard) sel = sel.filter((_, i) => i % shard.count === shard.index - 1);
  return sel;
}

/** Parses 'i/n' (1 <= i <= n). */
export function parseShard(s: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(s);
  const index = m ? Number(m[1]) : NaN,
    count = m ? Number(m[2]) : NaN;
  if (!(index >= 1 && count >= 1 && index <= count))
    throw new Error(`--shard must look like i/n with 1 <= i <= n, got '${s}'`);
  return { index, count };
}
