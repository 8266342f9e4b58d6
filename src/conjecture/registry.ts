import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type ConjectureInfo,
  entryOf,
  freshEntry,
  helpersFingerprint,
  MANIFEST_DIR,
  type Manifest,
  manifestKey,
  readManifest,
  sameConjectures,
  writeManifest,
} from './manifest.js';
import { assignShards, type Shard, type Timings } from './shard.js';
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
    if (name === MANIFEST_DIR) continue;
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

let typescript: Promise<void> | undefined;

/*
 * A resolve hook for the compiled CLI: a property file of this repository imports the framework from its sources
 * (`../../src/conjecture/index.js`, which tsx resolves to src/conjecture/index.ts); the hook sends it to the
 * compiled copy in dist/ instead, so one copy of each module runs (registries keyed by module state, such as the
 * search spaces of arbitraries, would otherwise be split in two).
 */
const TO_DIST = `
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
let src, dist;
export function initialize(data) { ({ src, dist } = data); }
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (!r.url.startsWith(src) || !r.url.endsWith('.ts')) return r;
  const js = dist + r.url.slice(src.length, -3) + '.js';
  return existsSync(fileURLToPath(js)) ? { ...r, url: js, format: 'module' } : r;
}`;

/** Registers tsx (and the hook to dist/ when there are sources beside it), once per thread. */
async function registerTypeScript(): Promise<void> {
  const { register } = await import('tsx/esm/api');
  register();
  const dist = new URL('../', import.meta.url).href;
  const src = new URL('../src/', dist).href;
  const { register: registerHook } = await import('node:module');
  registerHook(`data:text/javascript,${encodeURIComponent(TO_DIST)}`, { data: { src, dist } });
}

/**
 * Imports a property file. Property files are TypeScript: when this module runs as compiled JavaScript (dist/),
 * tsx is registered once, right before the first one is imported; under tsx or vitest it is there already.
 */
export async function importPropertyFile(file: string): Promise<{ default?: unknown }> {
  if (/\.[cm]?tsx?$/.test(file) && !import.meta.url.endsWith('.ts')) {
    typescript ??= registerTypeScript();
    await typescript;
  }
  return (await import(pathToFileURL(file).href)) as { default?: unknown };
}

/** What one file gives: its conjectures (in the order of its default export) or why it gave none or some. */
interface FileLoad {
  readonly conjectures: Conjecture[];
  readonly errors: LoadError[];
  /** Whether it loaded and its default export was well formed (its ids can go into the manifest). */
  readonly ok: boolean;
}

async function loadFile(file: string): Promise<FileLoad> {
  const rel = relative(process.cwd(), file);
  let mod: { default?: unknown };
  try {
    mod = await importPropertyFile(file);
  } catch (e) {
    return {
      conjectures: [],
      errors: [{ file: rel, message: `could not load: ${loadMessage(e, file, rel)}` }],
      ok: false,
    };
  }
  const items = Array.isArray(mod.default) ? mod.default : [mod.default];
  if (mod.default === undefined || items.length === 0) {
    const message = 'has no default export; export default defineConjecture({...}) or an array of them';
    return { conjectures: [], errors: [{ file: rel, message }], ok: false };
  }
  const conjectures: Conjecture[] = [];
  const errors: LoadError[] = [];
  for (const [k, c] of items.entries()) {
    if (!isConjecture(c)) {
      errors.push({ file: rel, message: `default export item ${k} is not a conjecture made by defineConjecture` });
      continue;
    }
    c.file = rel;
    conjectures.push(c);
  }
  return { conjectures, errors, ok: errors.length === 0 };
}

/** Keeps the first of each id (files in path order), reporting the others; sorts by id. */
function dedupe<T extends { id: string; file?: string }>(items: readonly T[], errors: LoadError[]): T[] {
  const byId = new Map<string, T>();
  for (const c of items) {
    const prev = byId.get(c.id);
    if (prev) {
      errors.push({ file: c.file ?? '', message: `duplicate conjecture id '${c.id}' (also in ${prev.file})` });
      continue;
    }
    byId.set(c.id, c);
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

function setEntry(m: Manifest, root: string, file: string, load: FileLoad): void {
  if (load.ok) m.files[manifestKey(root, file)] = entryOf(file, load.conjectures);
  else delete m.files[manifestKey(root, file)];
}

/**
 * Discovers every properties/**\/*.prop.ts (default export: a conjecture from defineConjecture, or an
 * array of them) and imports them all. A file that fails to import or exports something else is reported by name;
 * duplicate ids are reported with both files. Conjectures come back sorted by id. Rewrites the manifest.
 */
export async function loadRegistry(dir = DEFAULT_PROPERTIES_DIR): Promise<Registry> {
  const root = resolve(dir);
  const errors: LoadError[] = [];
  const all: Conjecture[] = [];
  const manifest: Manifest = { schema: 'crl-verify/manifest@1', helpers: helpersFingerprint(root), files: {} };
  for (const file of findPropFiles(root)) {
    const load = await loadFile(file);
    errors.push(...load.errors);
    all.push(...load.conjectures);
    setEntry(manifest, root, file, load);
  }
  writeManifest(root, manifest);
  return { conjectures: dedupe(all, errors), errors };
}

/** The conjectures of a properties directory as the manifest knows them, importing only the files it does not. */
export interface Catalogue {
  readonly conjectures: ConjectureInfo[];
  readonly errors: LoadError[];
  /** The files imported on the way (absolute path → what they gave). */
  readonly loaded: Map<string, FileLoad>;
}

async function catalogueOf(root: string, manifest: Manifest): Promise<Catalogue> {
  const errors: LoadError[] = [];
  const infos: ConjectureInfo[] = [];
  const loaded = new Map<string, FileLoad>();
  const present = new Set<string>();
  for (const file of findPropFiles(root)) {
    const key = manifestKey(root, file);
    present.add(key);
    const entry = freshEntry(manifest.files[key], file);
    if (entry) {
      manifest.files[key] = entry;
      const rel = relative(process.cwd(), file);
      infos.push(...entry.conjectures.map((c) => ({ ...c, file: rel })));
      continue;
    }
    const load = await loadFile(file);
    loaded.set(file, load);
    errors.push(...load.errors);
    infos.push(...(load.conjectures as ConjectureInfo[])); // loadFile set each `file`
    setEntry(manifest, root, file, load);
  }
  for (const key of Object.keys(manifest.files)) if (!present.has(key)) delete manifest.files[key];
  return { conjectures: dedupe(infos, errors), errors, loaded };
}

/**
 * Every conjecture of `dir` as `list` shows it: from the manifest, importing only the files that changed since it
 * was written (or never loaded); the manifest is rewritten.
 */
export async function listConjectures(dir = DEFAULT_PROPERTIES_DIR): Promise<Catalogue> {
  const root = resolve(dir);
  const manifest = readManifest(root, helpersFingerprint(root));
  const cat = await catalogueOf(root, manifest);
  writeManifest(root, manifest);
  return cat;
}

/** How a run picks its conjectures. */
export interface Selection {
  /** Substring or /regex/flags (see `matcher`). */
  readonly grep?: string;
  readonly shard?: Shard;
  /** Recorded times that balance the shards (see `assignShards`). */
  readonly timings?: Timings;
}

/**
 * The conjectures a run selects (`selectConjectures` on the manifest), importing only the files that hold them and
 * those the manifest does not know. The ids of each imported file are checked against the manifest: if they differ,
 * the manifest is wrong somewhere, so every file is imported, the manifest rewritten, and the selection made again.
 * Errors are those of the files imported.
 */
export async function loadSelected(dir = DEFAULT_PROPERTIES_DIR, sel: Selection = {}): Promise<Registry> {
  const root = resolve(dir);
  const manifest = readManifest(root, helpersFingerprint(root));
  const cat = await catalogueOf(root, manifest);
  const chosen = selectConjectures(cat.conjectures, sel.grep, sel.shard, sel.timings);
  const errors = [...cat.errors];
  const byId = new Map<string, Conjecture>();
  for (const load of cat.loaded.values()) for (const c of load.conjectures) byId.set(c.id, c);
  for (const file of new Set(chosen.map((c) => resolve(c.file)))) {
    if (cat.loaded.has(file)) continue;
    const load = await loadFile(file);
    const entry = manifest.files[manifestKey(root, file)];
    if (load.ok && entry && !sameConjectures(entry, load.conjectures)) {
      const reg = await loadRegistry(dir);
      return { conjectures: selectConjectures(reg.conjectures, sel.grep, sel.shard, sel.timings), errors: reg.errors };
    }
    errors.push(...load.errors);
    setEntry(manifest, root, file, load);
    for (const c of load.conjectures) byId.set(c.id, c);
  }
  writeManifest(root, manifest);
  const conjectures = chosen.map((c) => byId.get(c.id)).filter((c): c is Conjecture => c !== undefined);
  return { conjectures, errors };
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

/** What `matcher` looks at: a conjecture, or its manifest record. */
export type Matchable = Pick<Conjecture, 'id'> & { readonly spec: { readonly title: string } };

/**
 * The one pattern language of every command: `/regex/flags` is a regular expression, anything else a plain
 * substring; either is matched against a conjecture's id and its title.
 */
export function matcher(pattern: string): (c: Matchable) => boolean {
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

/**
 * Conjectures that match `grep` (see `matcher`), then those of shard i of n: shards are balanced by the recorded
 * time of each conjecture, longest first (see `assignShards`); every conjecture is in exactly one shard.
 */
export function selectConjectures<C extends Matchable>(
  all: readonly C[],
  grep?: string,
  shard?: Shard,
  timings?: Timings,
): C[] {
  let sel = [...all];
  if (grep) sel = sel.filter(matcher(grep));
  if (shard) {
    const shardOf = assignShards(
      sel.map((c) => c.id),
      shard.count,
      timings,
    );
    sel = sel.filter((c) => shardOf.get(c.id) === shard.index - 1);
  }
  return sel;
}

/** Parses 'i/n' (1 <= i <= n). */
export function parseShard(s: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(s);
  const index = m ? Number(m[1]) : NaN,
    count = m ? Number(m[2]) : NaN;
  if (!(index >= 1 && count >= 1 && index <= count))
    throw new Error(`--shard must look like i/n with 1 <= i <= n, got '${s}'`);
  return { index, count };
}
