/*
 * Source: issue 15 item 4 (StrykerJS on src/conjecture/shard.ts) and issue 13 §2 (shards balanced by recorded time):
 * longestFirst, assignShards, readTimings and timingsFile, which test/cli/shard-merge.test.ts reaches only on one
 * example each.
 * Expected: ids without a time cost the lower median of the recorded ones (DEFAULT_TIMING_MS when none has one);
 * equal times are ordered by id, and equal ids keep their order; a shard tie goes to the lowest shard; readTimings
 * keeps only string ids with finite times >= 0 and names the file and the schema when it rejects one; timingsFile
 * writes the ids sorted, one space of indent and a final newline.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  assignShards,
  DEFAULT_TIMING_MS,
  longestFirst,
  readTimings,
  TIMINGS_SCHEMA,
  timingsFile,
} from '../../src/conjecture/shard.js';

const tmp = mkdtempSync(join(tmpdir(), 'crl-shard-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('longestFirst', () => {
  it('costs an id without a time the lower median of the recorded ones', () => {
    // recorded 40, 10, 30, 20 (sorted 10, 20, 30, 40): the lower median is 20
    const ids = ['p', 'q', 'r', 's', 'new'];
    const t = new Map([
      ['p', 40],
      ['q', 10],
      ['r', 30],
      ['s', 20],
    ]);
    const { order, cost } = longestFirst(ids, t);
    expect(cost).toEqual([40, 10, 30, 20, 20]);
    // 20 twice: 'new' before 's' by id
    expect(order).toEqual([0, 2, 4, 3, 1]);
  });
  it('with an odd count the median is the middle time', () => {
    const t = new Map([
      ['a', 9],
      ['b', 1],
      ['c', 5],
    ]);
    expect(longestFirst(['a', 'b', 'c', 'd'], t).cost).toEqual([9, 1, 5, 5]);
  });
  it('with no recorded time every id costs DEFAULT_TIMING_MS and the order is by id', () => {
    expect(DEFAULT_TIMING_MS).toBe(1_000);
    const { order, cost } = longestFirst(['c', 'a', 'b']);
    expect(cost).toEqual([1_000, 1_000, 1_000]);
    expect(order).toEqual([1, 2, 0]);
  });
  it('equal ids with equal times keep their given order', () => {
    expect(longestFirst(['b', 'a', 'b', 'a']).order).toEqual([1, 3, 0, 2]);
  });
  it('times of ids not asked about do not move the median', () => {
    const t = new Map([
      ['a', 100],
      ['other', 1],
      ['other2', 2],
    ]);
    expect(longestFirst(['a', 'b'], t).cost).toEqual([100, 100]);
  });
});

describe('assignShards', () => {
  it('equal costs go round the shards, ties to the lowest shard', () => {
    const shardOf = assignShards(['a', 'b', 'c', 'd', 'e'], 3);
    expect([...shardOf]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['d', 0],
      ['e', 1],
    ]);
  });
  it('one shard takes everything', () => {
    expect([...assignShards(['x', 'y'], 1).values()]).toEqual([0, 0]);
  });
});

describe('readTimings', () => {
  const file = (name: string, x: unknown): string => {
    const path = join(tmp, name);
    writeFileSync(path, typeof x === 'string' ? x : JSON.stringify(x));
    return path;
  };
  it('keeps string ids with finite times >= 0 from a timings file', () => {
    // 1e999 parses to Infinity
    const text = `{"schema": "${TIMINGS_SCHEMA}", "ms": {"zero": 0, "neg": -1, "inf": 1e999, "str": "5", "ok": 7.5}}`;
    expect([...readTimings(file('t.json', text))]).toEqual([
      ['zero', 0],
      ['ok', 7.5],
    ]);
  });
  it('keeps the same from a report.json, skipping entries without an id or a time', () => {
    const report = {
      conjectures: [{ id: 'a', timing: { ms: 3 } }, { id: 4, timing: { ms: 3 } }, { id: 'b' }, { id: 'c', timing: {} }],
    };
    expect([...readTimings(file('r.json', report))]).toEqual([['a', 3]]);
  });
  it('a timings file of another schema is not read as one', () => {
    const path = file('other.json', { schema: 'crl-verify/timings@2', ms: { a: 1 } });
    expect(() => readTimings(path)).toThrow(
      `${path} is neither a report.json nor a timings file (crl-verify/timings@1)`,
    );
  });
  it('a timings schema without times falls back to the report form', () => {
    const path = file('both.json', { schema: TIMINGS_SCHEMA, conjectures: [{ id: 'a', timing: { ms: 2 } }] });
    expect([...readTimings(path)]).toEqual([['a', 2]]);
  });
});

describe('timingsFile', () => {
  it('writes the ids sorted, with the schema, one space of indent and a final newline', () => {
    const text = timingsFile([
      { id: 'b', timing: { ms: 2 } },
      { id: 'a', timing: { ms: 1 } },
      { id: 'c', timing: { ms: 3 } },
    ]);
    expect(text).toBe('{\n "schema": "crl-verify/timings@1",\n "ms": {\n  "a": 1,\n  "b": 2,\n  "c": 3\n }\n}\n');
    expect(TIMINGS_SCHEMA).toBe('crl-verify/timings@1');
  });
});
