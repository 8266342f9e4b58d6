import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Conjecture, Expectation, Kind, Provenance } from './types.js';

/*
 * The manifest: the conjecture ids (with what `list` and `--grep` need) of each property file, so a `--grep` or
 * `--shard` run imports only the files that hold its conjectures. It is a cache, kept in <properties>/.crl-verify/
 * (with a .gitignore of its own). A file's entry is used while the file's size and content hash (checked only when
 * its mtime moved) and the fingerprint of the helper modules beside it are unchanged; the registry imports every
 * other file, and checks the ids of each file it imports against the entry, rewriting it when they differ.
 */

/** A conjecture as the manifest records it: enough to list and select it without importing its file. */
export interface ConjectureInfo {
  readonly id: string;
  readonly kind: Kind;
  /** The file, relative to the working directory (as `Conjecture.file`). */
  readonly file: string;
  readonly spec: {
    readonly title: string;
    readonly expect: Expectation;
    readonly source: { readonly provenance: Provenance };
  };
}

/** What the manifest keeps of one property file. */
export interface ManifestEntry {
  readonly size: number;
  readonly mtimeMs: number;
  /** sha256 of the file's bytes. */
  readonly hash: string;
  /** Its conjectures, in the order of its default export; `file` is not stored. */
  readonly conjectures: readonly Omit<ConjectureInfo, 'file'>[];
}

export interface Manifest {
  readonly schema: 'crl-verify/manifest@1';
  /** Fingerprint of the helper modules (not *.prop.ts) under the properties directory: when it moves, all entries go. */
  readonly helpers: string;
  /** Entries by file path relative to the properties directory, with '/' separators. */
  readonly files: Record<string, ManifestEntry>;
}

export const MANIFEST_DIR = '.crl-verify';
const SCHEMA = 'crl-verify/manifest@1';
const CODE = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/** Where the manifest of the properties directory `root` lives. */
export const manifestPath = (root: string): string => join(root, MANIFEST_DIR, 'manifest.json');

/** The key of a property file in the manifest. */
export const manifestKey = (root: string, file: string): string => relative(root, file).split(sep).join('/');

/** The manifest of `root`, or an empty one when there is none, or it cannot be read, or its schema is another. */
export function readManifest(root: string, helpers: string): Manifest {
  const empty: Manifest = { schema: SCHEMA, helpers, files: {} };
  let m: Partial<Manifest>;
  try {
    m = JSON.parse(readFileSync(manifestPath(root), 'utf8')) as Partial<Manifest>;
  } catch {
    return empty;
  }
  if (m.schema !== SCHEMA || m.helpers !== helpers || typeof m.files !== 'object' || m.files === null) return empty;
  return { schema: SCHEMA, helpers, files: { ...m.files } };
}

/** Writes the manifest (atomically); a directory that cannot be written only costs the speed-up. */
export function writeManifest(root: string, m: Manifest): void {
  const dir = join(root, MANIFEST_DIR);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '.gitignore'), '# a cache of crl-verify, rebuilt when the property files change\n*\n');
    const sorted = Object.fromEntries(Object.entries(m.files).sort(([a], [b]) => (a < b ? -1 : 1)));
    const tmp = `${manifestPath(root)}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify({ ...m, files: sorted }, null, 1)}\n`);
    renameSync(tmp, manifestPath(root));
  } catch {
    // read-only properties directory: every run imports what it needs, as without a manifest
  }
}

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * Fingerprint of the helper modules under `root` (every code file but *.prop.ts, outside .crl-verify): a property
 * file's ids may come from them (a shared list of cases), so a change there makes every entry stale.
 */
export function helpersFingerprint(root: string): string {
  const h = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name === MANIFEST_DIR || name === 'node_modules') continue;
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (CODE.test(name) && !name.endsWith('.prop.ts')) h.update(`${manifestKey(root, p)}\0${sha256(p)}\n`);
    }
  };
  walk(root);
  return h.digest('hex').slice(0, 16);
}

/**
 * The entry of `file` if it still describes the file: same size, and same mtime or same content hash. A moved mtime
 * with the same bytes gives back the entry with the new mtime (so the hash is not taken again next time).
 */
export function freshEntry(entry: ManifestEntry | undefined, file: string): ManifestEntry | undefined {
  if (!entry) return undefined;
  const st = statSync(file);
  if (st.size !== entry.size) return undefined;
  if (st.mtimeMs === entry.mtimeMs) return entry;
  return sha256(file) === entry.hash ? { ...entry, mtimeMs: st.mtimeMs } : undefined;
}

/** What the manifest records of a conjecture. */
function recordOf(c: Conjecture): Omit<ConjectureInfo, 'file'> {
  const { title, expect, source } = c.spec;
  return { id: c.id, kind: c.kind, spec: { title, expect, source: { provenance: source.provenance } } };
}

/** A new entry for `file`, which holds `conjectures`. */
export function entryOf(file: string, conjectures: readonly Conjecture[]): ManifestEntry {
  const st = statSync(file);
  return { size: st.size, mtimeMs: st.mtimeMs, hash: sha256(file), conjectures: conjectures.map(recordOf) };
}

/** Whether an entry lists exactly these conjectures (ids in order, and what `list` prints of them). */
export function sameConjectures(entry: ManifestEntry, conjectures: readonly Conjecture[]): boolean {
  return JSON.stringify(entry.conjectures) === JSON.stringify(conjectures.map(recordOf));
}
