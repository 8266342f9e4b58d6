/*
 * Source: issue 15 item 4 (StrykerJS on src/conjecture/corpus.ts) and the conjecture framework issue (a confirmed
 * counterexample is stored in fixtures/counterexamples/<id>.json and replayed first).
 * Expected: writeCorpus creates missing folders, writes the entry with the value encoded losslessly (2-space JSON
 * and a final newline), replaces an older entry and leaves no temporary file, even when the rename fails; readCorpus
 * gives undefined for a missing entry, the decoded value bit for bit, and for a corrupt file an error that names it.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusPath, DEFAULT_CORPUS_DIR, readCorpus, writeCorpus } from '../../src/conjecture/index.js';

const tmp = mkdtempSync(join(tmpdir(), 'crl-corpus-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const entry = (value: unknown) => ({ id: 'test.corpus.x', seed: 7, shown: 'x = −0', fastCheck: 'fast-check 4', value });

describe('writeCorpus and readCorpus', () => {
  it('the default folder and the file name of an id', () => {
    expect(DEFAULT_CORPUS_DIR).toBe('fixtures/counterexamples');
    expect(corpusPath('a/b', 'p.q')).toBe(join('a', 'b', 'p.q.json'));
  });
  it('writes into a folder it creates, in 2-space JSON with the value encoded, and reads it back', () => {
    const dir = join(tmp, 'deep', 'er');
    const value = { x: -0, y: [Number.NaN, Infinity], z: new Float64Array([0.5]) };
    const file = writeCorpus(dir, { ...entry(value), path: '3:1', phase: 'generate' });
    expect(file).toBe(join(dir, 'test.corpus.x.json'));
    const text = readFileSync(file, 'utf8');
    const stored = {
      id: 'test.corpus.x',
      seed: 7,
      shown: 'x = −0',
      fastCheck: 'fast-check 4',
      path: '3:1',
      phase: 'generate',
      counterexample: {
        x: { $num: '-0' },
        y: [{ $num: 'NaN' }, { $num: 'Infinity' }],
        z: { $f64: [0.5] },
      },
    };
    expect(JSON.parse(text)).toEqual(stored);
    expect(text).toBe(`${JSON.stringify(stored, null, 2)}\n`);
    const back = readCorpus(dir, 'test.corpus.x')!;
    expect(back.entry).toEqual(stored);
    expect(Object.is((back.value as { x: number }).x, -0)).toBe(true);
    expect(back.value).toEqual(value);
    expect(readdirSync(dir)).toEqual(['test.corpus.x.json']);
  });
  it('a second write replaces the first and leaves no temporary file', () => {
    const dir = join(tmp, 'again');
    writeCorpus(dir, entry(1));
    writeCorpus(dir, entry(2));
    expect(readCorpus(dir, 'test.corpus.x')!.value).toBe(2);
    expect(readdirSync(dir)).toEqual(['test.corpus.x.json']);
  });
  it('a failed rename throws and leaves no temporary file', () => {
    const dir = join(tmp, 'blocked');
    mkdirSync(join(dir, 'test.corpus.x.json'), { recursive: true }); // a folder where the file should go
    expect(() => writeCorpus(dir, entry(1))).toThrow();
    expect(readdirSync(dir)).toEqual(['test.corpus.x.json']);
  });
  it('a missing entry is undefined; a corrupt one is an error naming the file and the cause', () => {
    const dir = join(tmp, 'read');
    expect(readCorpus(dir, 'none')).toBeUndefined();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'bad.json'), '{ not json');
    expect(() => readCorpus(dir, 'bad')).toThrow(
      new RegExp(`^counterexample corpus file ${join(dir, 'bad.json')} is unreadable: .*JSON`),
    );
    writeFileSync(join(dir, 'tag.json'), JSON.stringify({ counterexample: { $num: 'one' } }));
    expect(() => readCorpus(dir, 'tag')).toThrow(/tag\.json is unreadable: ./);
  });
});
