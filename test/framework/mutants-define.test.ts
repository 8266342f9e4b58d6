/*
 * Source: issue 15 item 4 (StrykerJS on src/conjecture/define.ts): defineConjecture's validation, which only the
 * CLI's bad-input tests reached (in a child process, invisible to Stryker), and the evaluation of exact and
 * statistical conjectures, which only whole conjecture runs reached.
 * Expected: each malformed spec is a ConjectureDefinitionError whose message names the id (or "(no id)") and
 * what is wrong, word for word as a user sees it; each boundary value of a numeric field is accepted or rejected
 * as documented; a check's result must be a verdict without NaN; a statistical conjecture runs exactly `trials`
 * trials with a generator seeded from the instance and returns the exact one-sided binomial test's verdict.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CheckNaNError,
  ConjectureDefinitionError,
  defineConjecture,
  instanceSeed,
  leq,
  requireVerdict,
  type Verdict,
} from '../../src/conjecture/index.js';
import { binomialUpperTail, Rng, seedFromString } from '../../src/numeric/index.js';

/** A well-formed exact spec; each test breaks one field of it. */
const base = {
  id: 't.define.ok',
  title: 'x <= 1',
  source: { paper: 'none', ref: 'test', provenance: 'background' },
  expect: 'holds',
  given: fc.integer({ min: 0, max: 1 }),
  check: (x: number) => leq(x, 1),
} as const;

/** A well-formed statistical spec. */
const stat = {
  ...base,
  id: 't.define.stat',
  check: undefined,
  kind: 'statistical',
  trial: () => true,
  trials: 4,
  delta: 0.25,
  alpha: 0.01,
} as const;

const define = (spec: Record<string, unknown>) => () => defineConjecture(spec as never);

/** defineConjecture(spec) throws ConjectureDefinitionError with exactly `message`. */
function rejects(spec: Record<string, unknown>, message: string): void {
  let caught: unknown;
  try {
    defineConjecture(spec as never);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(ConjectureDefinitionError);
  expect((caught as Error).name).toBe('ConjectureDefinitionError');
  expect((caught as Error).message).toBe(message);
}

describe('defineConjecture: the spec as a whole and its id', () => {
  it('a spec that is not an object', () => {
    rejects(null as never, 'conjecture (no id): defineConjecture needs an object');
    rejects('t.define.ok' as never, 'conjecture (no id): defineConjecture needs an object');
  });
  it('an id that is missing, empty or not a string is "(no id)"; a malformed one is shown', () => {
    const why = (got: string) => `id must be dot-separated lower-case words like 'paper1.calibration.sqrt', got ${got}`;
    rejects({ ...base, id: undefined }, `conjecture (no id): ${why('undefined')}`);
    rejects({ ...base, id: '' }, `conjecture (no id): ${why('""')}`);
    rejects({ ...base, id: 7 }, `conjecture (no id): ${why('7')}`);
    // a number whose text would pass the pattern is still not an id
    rejects({ ...base, id: 1.5 }, `conjecture (no id): ${why('1.5')}`);
    rejects({ ...base, id: 'Paper1.x' }, `conjecture 'Paper1.x': ${why('"Paper1.x"')}`);
  });
  it('ids: lower-case words joined by - or _, at least two dot-separated parts', () => {
    for (const id of [
      'a.b',
      'a1.b2.c3',
      'paper1.calibration.sqrt',
      'a-b_c.d-e',
      'x.y-z_w.v',
      '0.9',
      'ab-cd_ef.gh-ij',
    ]) {
      expect(defineConjecture({ ...base, id } as never).id, id).toBe(id);
    }
    const bad = ['a', 'ab', 'A.b', 'a.B', 'a..b', '.a.b', 'a.b.', 'a-.b', 'a.b_', '-a.b', 'a.-b', 'a--b.c', 'a.b c'];
    for (const id of [...bad, ' a.b', 'a.b ', 'a.b\n', 'a/b.c', 'a.b.c!']) {
      expect(define({ ...base, id }), id).toThrow(ConjectureDefinitionError);
    }
  });
  it('a title that is missing, not a string or blank', () => {
    for (const title of [undefined, 5, '', '  \t'])
      rejects({ ...base, title }, "conjecture 't.define.ok': title is missing");
  });
  it('prepare: absent or a function, nothing else', () => {
    rejects(
      { ...base, prepare: 'tfjs' },
      "conjecture 't.define.ok': prepare must be a function returning a promise (e.g. loadTensorEngine)",
    );
    expect(define({ ...base, prepare: async () => undefined })).not.toThrow();
  });
});

describe('defineConjecture: source, expect, given', () => {
  it('source: missing or not an object, then paper, ref and provenance each', () => {
    const missing =
      "conjecture 't.define.ok': source is missing: give { paper, ref, provenance } so the report can say where the " +
      'claim comes from';
    rejects({ ...base, source: undefined }, missing);
    rejects({ ...base, source: 'Wang & Isola 2020' }, missing);
    const src = base.source;
    for (const paper of [undefined, '', 3])
      rejects({ ...base, source: { ...src, paper } }, "conjecture 't.define.ok': source.paper is missing");
    for (const ref of [undefined, '', 3])
      rejects({ ...base, source: { ...src, ref } }, "conjecture 't.define.ok': source.ref is missing");
    rejects(
      { ...base, source: { ...src, provenance: 'folklore' } },
      "conjecture 't.define.ok': source.provenance must be 'paper-claim', 'reconstructed' or 'background', " +
        'got "folklore"',
    );
    for (const provenance of ['paper-claim', 'reconstructed', 'background'])
      expect(define({ ...base, source: { ...src, provenance } })).not.toThrow();
  });
  it("expect: 'holds' or 'refuted'", () => {
    rejects({ ...base, expect: 'fails' }, `conjecture 't.define.ok': expect must be 'holds' or 'refuted', got "fails"`);
    rejects(
      { ...base, expect: undefined },
      "conjecture 't.define.ok': expect must be 'holds' or 'refuted', got undefined",
    );
    expect(defineConjecture({ ...base, expect: 'refuted' } as never).spec.expect).toBe('refuted');
  });
  it('given: anything without both generate and shrink functions', () => {
    const arb = base.given;
    const broken = [
      undefined,
      { generate: arb.generate.bind(arb) },
      { shrink: arb.shrink.bind(arb) },
      { generate: 1, shrink: arb.shrink.bind(arb) },
      { generate: arb.generate.bind(arb), shrink: 1 },
    ];
    for (const given of broken)
      rejects({ ...base, given }, "conjecture 't.define.ok': given must be a fast-check Arbitrary");
  });
});

describe('defineConjecture: kind and its fields', () => {
  it("kind: 'exact' by default, 'rate' and 'statistical' kept, anything else rejected", () => {
    expect(defineConjecture(base as never).kind).toBe('exact');
    expect(defineConjecture({ ...base, kind: 'rate' } as never).kind).toBe('rate');
    expect(defineConjecture(stat as never).kind).toBe('statistical');
    rejects(
      { ...base, kind: 'fuzzy' },
      `conjecture 't.define.ok': kind must be 'exact', 'statistical' or 'rate', got "fuzzy"`,
    );
  });
  it('an exact or rate conjecture needs check; a statistical one does not', () => {
    rejects({ ...base, check: undefined }, "conjecture 't.define.ok': check(instance) => Verdict is missing");
    rejects({ ...base, kind: 'rate', check: 1 }, "conjecture 't.define.ok': check(instance) => Verdict is missing");
    expect(define(stat)).not.toThrow();
  });
  it('a statistical conjecture needs trial, and trials, delta and alpha in range', () => {
    const at = "conjecture 't.define.stat': ";
    rejects({ ...stat, trial: undefined }, `${at}a statistical conjecture needs trial(instance, rng) => boolean`);
    for (const trials of [0, -1, 2.5, '4', undefined])
      rejects({ ...stat, trials }, `${at}trials must be a positive integer, got ${String(trials)}`);
    for (const delta of [0, 1, -0.5, 1.5, '0.1'])
      rejects({ ...stat, delta }, `${at}delta must be in (0, 1), got ${String(delta)}`);
    for (const alpha of [0, 0.5, 0.75, -1e-3, '0.01'])
      rejects({ ...stat, alpha }, `${at}alpha must be in (0, 0.5), got ${String(alpha)}`);
    for (const ok of [{ trials: 1 }, { delta: 1e-9 }, { delta: 0.999 }, { alpha: 1e-9 }, { alpha: 0.4999 }])
      expect(define({ ...stat, ...ok }), JSON.stringify(ok)).not.toThrow();
  });
  it('runs: absent or a positive integer', () => {
    for (const runs of [0, -2, 1.5, '10'])
      rejects({ ...base, runs }, `conjecture 't.define.ok': runs must be a positive integer, got ${String(runs)}`);
    expect(define({ ...base, runs: 1 })).not.toThrow();
  });
  it("tolerance: checked by tolerance(), whose message is kept with the conjecture's id", () => {
    rejects(
      { ...base, tolerance: { rel: -1 } },
      "conjecture 't.define.ok': tolerance.rel must be a finite number >= 0, got -1",
    );
    expect(define({ ...base, tolerance: { rel: 1e-9, ulps: 8 } })).not.toThrow();
  });
  it('bound: absent or a string', () => {
    rejects({ ...base, bound: 2 }, "conjecture 't.define.ok': bound must be a mathjs expression string");
    expect(defineConjecture({ ...base, bound: 'sqrt(x)' } as never).spec.bound).toBe('sqrt(x)');
  });
  it('search: encode, decode and objective functions, and positive integer budgets', () => {
    const f = () => 0;
    const search = { encode: f, decode: f, objective: f };
    const why = (k: string) =>
      `conjecture 't.define.ok': search.${k} must be a function (see TargetedSearch in src/conjecture/types.ts)`;
    rejects({ ...base, search: null }, why('encode'));
    rejects({ ...base, search: {} }, why('encode'));
    rejects({ ...base, search: { ...search, encode: 1 } }, why('encode'));
    rejects({ ...base, search: { encode: f } }, why('decode'));
    rejects({ ...base, search: { encode: f, decode: f } }, why('objective'));
    for (const k of ['pool', 'starts', 'steps'])
      for (const v of [0, 2.5, '8'])
        rejects(
          { ...base, search: { ...search, [k]: v } },
          `conjecture 't.define.ok': search.${k} must be a positive integer, got ${String(v)}`,
        );
    expect(define({ ...base, search: { ...search, pool: 1, starts: 1, steps: 1 } })).not.toThrow();
    // false switches the default search off, as TargetedSearch documents (it was rejected as a search)
    expect(defineConjecture({ ...base, search: false } as never).spec.search).toBe(false);
    rejects({ ...base, search: true }, why('encode'));
  });
});

describe('requireVerdict: what a check returned', () => {
  const v = (lhs: number, rhs: number, margin = rhs - lhs): Verdict => ({
    ok: margin >= 0,
    relation: '<=',
    lhs,
    rhs,
    margin,
  });
  it('a verdict comes back as it is', () => {
    const ok = v(1, 2);
    expect(requireVerdict('t.x', ok)).toBe(ok);
    const inf = v(-Infinity, Infinity, Infinity);
    expect(requireVerdict('t.x', inf)).toBe(inf);
  });
  it('nothing, or something that is not a verdict, is a definition error that says what to return', () => {
    expect(() => requireVerdict('t.x', undefined)).toThrow(
      new ConjectureDefinitionError("conjecture 't.x': check returned nothing; return a verdict such as leq(lhs, rhs)"),
    );
    expect(() => requireVerdict('t.x', true)).toThrow(
      new ConjectureDefinitionError(
        "conjecture 't.x': check returned true, not a verdict (use leq, geq, approxEqual, within or holds)",
      ),
    );
    expect(() => requireVerdict('t.x', { ok: true })).toThrow(
      'conjecture \'t.x\': check returned {"ok":true}, not a verdict',
    );
  });
  it('a NaN side or margin is a CheckNaNError naming both sides', () => {
    const cases: [Verdict, string][] = [
      [v(Number.NaN, 1, 1), 'lhs = NaN, rhs = 1'],
      [v(1, Number.NaN, 1), 'lhs = 1, rhs = NaN'],
      [v(1, 2, Number.NaN), 'lhs = 1, rhs = 2'],
    ];
    for (const [bad, sides] of cases) {
      let caught: unknown;
      try {
        requireVerdict('t.x', bad);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(CheckNaNError);
      expect((caught as Error).name).toBe('CheckNaNError');
      expect((caught as Error).message).toBe(
        `conjecture 't.x': check produced NaN (${sides}); a NaN is never a verdict`,
      );
    }
  });
  it("an exact conjecture's evaluate applies the check and these rules", () => {
    const c = defineConjecture({ ...base, check: (x: number) => (x === 0 ? leq(x, 1) : undefined) } as never);
    expect(c.evaluate(0)).toMatchObject({ ok: true, lhs: 0, rhs: 1 });
    expect(() => c.evaluate(1)).toThrow("conjecture 't.define.ok': check returned nothing");
    expect(c.spec).toMatchObject({ id: 't.define.ok', title: 'x <= 1' });
  });
});

describe('statistical conjectures: the exact one-sided binomial test', () => {
  /** A statistical conjecture whose instance f makes the first f of its `trials` trials fail. */
  function failing(trials: number, alpha: number) {
    let calls = 0;
    const seen: number[] = [];
    const c = defineConjecture({
      ...stat,
      trials,
      alpha,
      given: fc.nat(trials),
      trial: (f: number, rng: Rng) => {
        seen.push(rng.uniform());
        return calls++ % trials >= f;
      },
    } as never);
    return { c, calls: () => calls, seen };
  }
  it('runs exactly `trials` trials and reports rate, δ, margin and the test in the details', () => {
    const { c, calls } = failing(4, 0.01);
    const v = c.evaluate(2);
    expect(calls()).toBe(4);
    const pValue = binomialUpperTail(2, 4, 0.25);
    expect(pValue).toBeCloseTo(1 - 0.75 ** 4 - 4 * 0.25 * 0.75 ** 3, 14);
    expect(v).toEqual({
      ok: true,
      relation: '<=',
      lhs: 0.5,
      rhs: 0.25,
      margin: -0.25,
      details: { failures: 2, trials: 4, pValue, alpha: 0.01, delta: 0.25 },
    });
  });
  it('rejects H0 (rate <= δ) exactly when the p-value is below α', () => {
    const p4 = binomialUpperTail(4, 4, 0.25); // 0.25^4
    expect(p4).toBeCloseTo(0.25 ** 4, 15);
    expect(failing(4, p4).c.evaluate(4).ok).toBe(true);
    expect(failing(4, p4 * (1 + 1e-9)).c.evaluate(4).ok).toBe(false);
    const none = failing(4, 0.4999).c.evaluate(0);
    expect(none).toMatchObject({ ok: true, lhs: 0, margin: 0.25 });
    expect(none.details).toMatchObject({ failures: 0, pValue: 1 });
  });
  it('the trials draw from one generator seeded from the conjecture id and the instance', () => {
    const { c, seen } = failing(3, 0.01);
    c.evaluate(1);
    const rng = new Rng(instanceSeed('t.define.stat', 1));
    expect(seen).toEqual([rng.uniform(), rng.uniform(), rng.uniform()]);
  });
  it('a trial that returns something other than a boolean is a definition error', () => {
    const c = defineConjecture({ ...stat, trial: () => 1 } as never);
    expect(() => c.evaluate(0)).toThrow(
      new ConjectureDefinitionError("conjecture 't.define.stat': trial returned 1, not a boolean"),
    );
  });
});

describe('instanceSeed', () => {
  it('hashes the id, a NUL and the encoded instance, so ids and instances (even 0 and −0) give other seeds', () => {
    expect(instanceSeed('t.a', [1, 2])).toBe(seedFromString('t.a\u0000[1,2]'));
    expect(instanceSeed('t.a', -0)).toBe(seedFromString('t.a\u0000{"$num":"-0"}'));
    expect(instanceSeed('t.a', 0)).not.toBe(instanceSeed('t.a', -0));
    expect(instanceSeed('t.b', 0)).not.toBe(instanceSeed('t.a', 0));
  });
});
