import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeValue, encodeValue } from './codec.js';

/** The committed counterexample corpus: fixtures/counterexamples/<id>.json, replayed first. */
export interface CorpusEntry {
  readonly id: string;
  readonly seed: number;
  readonly path?: string;
  /** The phase of the run that found it (a path is relative to its phase). */
  readonly phase?: string;
  /** Lossless encoding (codec.ts) of the shrunk instance. */
  readonly counterexample: unknown;
  readonly shown: string;
  readonly fastCheck: string;
}

export const DEFAULT_CORPUS_DIR = 'fixtures/counterexamples';

export function corpusPath(dir: string, id: string): string {
  return join(dir, `${id}.json`);
}

/** The stored counterexample for `id`, decoded; undefined when there is none. A corrupt file is an error naming it. */
export function readCorpus(dir: string, id: string): { entry: CorpusEntry; value: unknown } | undefined {
  const file = corpusPath(dir, id);
  if (!existsSync(file)) return undefined;
  let entry: CorpusEntry;
  try {
    entry = JSON.parse(readFileSync(file, 'utf8')) as CorpusEntry;
    return { entry, value: decodeValue(entry.counterexample as never) };
  } catch (e) {
    throw new Error(`counterexample corpus file ${file} is unreadable: ${(e as Error).message}`);
  }
}

/**
 * Stores a confirmed counterexample. The file is written to a temporary name and renamed, so two runs writing the
 * corpus at once leave one whole entry, never a mixture.
 */
export function writeCorpus(dir: string, entry: Omit<CorpusEntry, 'counterexample'> & { value: unknown }): string {
  mkdirSync(dir, { recursive: true });
  const file = corpusPath(dir, entry.id);
  const { value, ...rest } = entry;
  const out: CorpusEntry = { ...rest, counterexample: encodeValue(value) };
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify(out, null, 2)}\n`);
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
  return file;
}
