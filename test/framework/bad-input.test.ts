/*
 * Source: issue "conjecture framework" — bad input gives one clear message naming the file or id, and
 * the other conjectures still run.
 * Expected: malformed conjecture files are reported by file name; a check that throws, returns NaN or
 * returns nothing is an error naming the id; an unknown id for replay is a clear message (exit 2);
 * definition-time validation names what is wrong; the lossless codec round-trips −0, NaN, ±∞, typed arrays.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeValue,
  defineConjecture,
  encodeValue,
  leq,
  PROFILES,
  runConjecture,
  runSuite,
} from '../../src/conjecture/index.js';
import { cli } from '../helpers/cli.js';

const base = {
  title: 't',
  source: { paper: 'none', ref: 'test', provenance: 'background' as const },
  expect: 'holds' as const,
  given: fc.integer({ min: 0, max: 10 }),
};

describe('malformed conjecture files', () => {
  it('are reported by file; the good conjecture beside them still runs', async () => {
    const s = await runSuite({ profile: PROFILES.ci, propertiesDir: 'test/fixtures-props/broken' });
    const files = s.loadErrors.map((e) => `${e.file}: ${e.message}`).join('\n');
    expect(files).toMatch(
      /bad-syntax\.prop\.ts: could not load: conjecture \(no id\)|bad-syntax\.prop\.ts: could not load: .*id must be/,
    );
    expect(files).toMatch(/no-default\.prop\.ts: has no default export/);
    expect(s.results.map((r) => [r.id, r.status])).toEqual([['fixture.good.square-nonnegative', 'as-expected']]);
    expect(s.ok).toBe(false);
  });
});

describe('definition-time validation', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['bad id', { id: 'Bad Id', check: () => leq(0, 1) }, /id must be dot-separated/],
    ['missing source', { id: 'a.b', source: undefined, check: () => leq(0, 1) }, /'a\.b': source is missing/],
    [
      'bad provenance',
      { id: 'a.b', source: { paper: 'p', ref: 'r', provenance: 'rumour' }, check: () => leq(0, 1) },
      /provenance must be/,
    ],
    [
      'bad tolerance',
      { id: 'a.b', tolerance: { abs: -1, rel: 0, ulps: 0 }, check: () => leq(0, 1) },
      /tolerance\.abs must be/,
    ],
    ['no check', { id: 'a.b' }, /check\(instance\) => Verdict is missing/],
    ['bad expect', { id: 'a.b', expect: 'maybe', check: () => leq(0, 1) }, /expect must be/],
    [
      'statistical without trial',
      { id: 'a.b', kind: 'statistical', trials: 10, delta: 0.1, alpha: 0.01 },
      /needs trial/,
    ],
  ];
  for (const [name, over, re] of cases)
    it(name, () => expect(() => defineConjecture({ ...base, ...over } as never)).toThrow(re));
});

describe('checks that misbehave are errors naming the id, never counterexamples', () => {
  it('a check that throws', () => {
    const r = runConjecture(
      defineConjecture({
        ...base,
        id: 't.throws',
        expect: 'refuted',
        check: (x) => {
          if (x > 3) throw new RangeError('boom');
          return leq(0, 1);
        },
      }),
      { profile: PROFILES.ci, useCorpus: false },
    );
    expect(r.status).toBe('error'); // a throw does not count as the refutation a refuted conjecture expects
    expect(r.error).toMatch(/check threw on a generated instance: RangeError: boom/);
    expect(r.counterexample!.shown).toBe('4');
  });
  it('a check that returns NaN', () => {
    const r = runConjecture(defineConjecture({ ...base, id: 't.nan', check: () => leq(NaN, 1) }), {
      profile: PROFILES.ci,
      useCorpus: false,
    });
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/'t\.nan': check produced NaN/);
  });
  it('a check that returns nothing', () => {
    const r = runConjecture(defineConjecture({ ...base, id: 't.nothing', check: () => undefined as never }), {
      profile: PROFILES.ci,
      useCorpus: false,
    });
    expect(r.error).toMatch(/'t\.nothing': check returned nothing/);
  });
});

describe('CLI', () => {
  it('replay of an unknown id is one clear message and exit code 2', () => {
    const r = cli('replay', 'background.clip.no-such');
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/unknown conjecture id 'background\.clip\.no-such'/);
  });
  it('replay by id re-runs the stored counterexample', () => {
    const r = cli('replay', 'background.clip.one-modality-rotation');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/still FAILS/);
  });
  it('unknown options are usage errors', () => {
    const r = cli('run', '--bogus', '1');
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/unknown option --bogus/);
  });
});

describe('lossless counterexample codec', () => {
  it('round-trips −0, NaN, ±∞ and typed arrays bit for bit', () => {
    const v = {
      a: -0,
      b: NaN,
      c: [Infinity, -Infinity, 1.5],
      f: Float64Array.from([-0, NaN, 5e-324]),
      i: Int32Array.from([1, -2]),
      $odd: 1,
    };
    const back = decodeValue(JSON.parse(JSON.stringify(encodeValue(v)))) as typeof v;
    expect(Object.is(back.a, -0)).toBe(true);
    expect(Number.isNaN(back.b)).toBe(true);
    expect(back.c).toEqual([Infinity, -Infinity, 1.5]);
    expect(back.f).toBeInstanceOf(Float64Array);
    expect(Object.is(back.f[0], -0) && Number.isNaN(back.f[1]) && back.f[2] === 5e-324).toBe(true);
    expect(Array.from(back.i)).toEqual([1, -2]);
    expect(back.$odd).toBe(1);
  });
});
