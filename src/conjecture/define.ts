import { binomialUpperTail, Rng, seedFromString, tolerance } from '../numeric/index.js';
import { encodeValue } from './codec.js';
import type { Conjecture, ConjectureSpec, StatisticalSpec } from './types.js';
import { isVerdict, type Verdict } from './verdict.js';

/** A malformed conjecture: the message names the id (or file) and what is wrong. */
export class ConjectureDefinitionError extends Error {
  override name = 'ConjectureDefinitionError';
}

const ID = /^[a-z0-9]+(?:[-_][a-z0-9]+)*(?:\.[a-z0-9]+(?:[-_][a-z0-9]+)*)+$/;
const PROVENANCE = new Set(['paper-claim', 'reconstructed', 'background']);

function fail(id: unknown, msg: string): never {
  throw new ConjectureDefinitionError(`conjecture ${typeof id === 'string' && id ? `'${id}'` : '(no id)'}: ${msg}`);
}

function validate(spec: ConjectureSpec<unknown>): void {
  const s = spec as unknown as Record<string, unknown>;
  if (typeof s !== 'object' || s === null) fail(undefined, 'defineConjecture needs an object');
  const id = s.id;
  if (typeof id !== 'string' || !ID.test(id))
    fail(id, `id must be dot-separated lower-case words like 'paper1.calibration.sqrt', got ${JSON.stringify(id)}`);
  if (typeof s.title !== 'string' || !s.title.trim()) fail(id, 'title is missing');
  if (s.prepare !== undefined && typeof s.prepare !== 'function')
    fail(id, 'prepare must be a function returning a promise (e.g. loadTensorEngine)');
  const src = s.source as Record<string, unknown> | undefined;
  if (!src || typeof src !== 'object')
    fail(id, 'source is missing: give { paper, ref, provenance } so the report can say where the claim comes from');
  if (typeof src.paper !== 'string' || !src.paper) fail(id, 'source.paper is missing');
  if (typeof src.ref !== 'string' || !src.ref) fail(id, 'source.ref is missing');
  if (!PROVENANCE.has(src.provenance as string))
    fail(
      id,
      `source.provenance must be 'paper-claim', 'reconstructed' or 'background', got ${JSON.stringify(src.provenance)}`,
    );
  if (s.expect !== 'holds' && s.expect !== 'refuted')
    fail(id, `expect must be 'holds' or 'refuted', got ${JSON.stringify(s.expect)}`);
  const given = s.given as { generate?: unknown; shrink?: unknown } | undefined;
  if (!given || typeof given.generate !== 'function' || typeof given.shrink !== 'function')
    fail(id, 'given must be a fast-check Arbitrary');
  const kind = s.kind ?? 'exact';
  if (!['exact', 'rate', 'statistical'].includes(kind as string))
    fail(id, `kind must be 'exact', 'statistical' or 'rate', got ${JSON.stringify(kind)}`);
  if (kind === 'statistical') {
    if (typeof s.trial !== 'function') fail(id, 'a statistical conjecture needs trial(instance, rng) => boolean');
    if (!(Number.isInteger(s.trials) && (s.trials as number) >= 1))
      fail(id, `trials must be a positive integer, got ${String(s.trials)}`);
    if (!(typeof s.delta === 'number' && s.delta > 0 && s.delta < 1))
      fail(id, `delta must be in (0, 1), got ${String(s.delta)}`);
    if (!(typeof s.alpha === 'number' && s.alpha > 0 && s.alpha < 0.5))
      fail(id, `alpha must be in (0, 0.5), got ${String(s.alpha)}`);
  } else if (typeof s.check !== 'function') {
    fail(id, 'check(instance) => Verdict is missing');
  }
  if (s.runs !== undefined && !(Number.isInteger(s.runs) && (s.runs as number) >= 1))
    fail(id, `runs must be a positive integer, got ${String(s.runs)}`);
  if (s.tolerance !== undefined) {
    try {
      tolerance(s.tolerance as object);
    } catch (e) {
      fail(id, (e as Error).message);
    }
  }
  if (s.bound !== undefined && typeof s.bound !== 'string') fail(id, 'bound must be a mathjs expression string');
  // `search: false` switches the default search off (TargetedSearch in types.ts); anything else must be a search
  if (s.search !== undefined && s.search !== false) {
    const q = s.search as Record<string, unknown>;
    for (const k of ['encode', 'decode', 'objective'])
      if (typeof q?.[k] !== 'function')
        fail(id, `search.${k} must be a function (see TargetedSearch in src/conjecture/types.ts)`);
    for (const k of ['pool', 'starts', 'steps'])
      if (q[k] !== undefined && !(Number.isInteger(q[k]) && (q[k] as number) >= 1))
        fail(id, `search.${k} must be a positive integer, got ${String(q[k])}`);
  }
}

/** Checks what a check returned: a Verdict with finite or infinite (not NaN) sides. */
export function requireVerdict(id: string, v: unknown): Verdict {
  if (v === undefined)
    throw new ConjectureDefinitionError(
      `conjecture '${id}': check returned nothing; return a verdict such as leq(lhs, rhs)`,
    );
  if (!isVerdict(v))
    throw new ConjectureDefinitionError(
      `conjecture '${id}': check returned ${JSON.stringify(v)}, not a verdict (use leq, geq, approxEqual, within or holds)`,
    );
  if (Number.isNaN(v.lhs) || Number.isNaN(v.rhs) || Number.isNaN(v.margin)) {
    throw new CheckNaNError(
      `conjecture '${id}': check produced NaN (lhs = ${v.lhs}, rhs = ${v.rhs}); a NaN is never a verdict`,
    );
  }
  return v;
}

/** A check that computed NaN. */
export class CheckNaNError extends Error {
  override name = 'CheckNaNError';
}

/** The seed for randomness inside a check, derived from the instance so replay and shrinking are exact. */
export function instanceSeed(id: string, instance: unknown): number {
  return seedFromString(`${id}\u0000${JSON.stringify(encodeValue(instance))}`);
}

function statisticalVerdict(spec: StatisticalSpec<unknown>, instance: unknown): Verdict {
  const rng = new Rng(instanceSeed(spec.id, instance));
  let failures = 0;
  for (let t = 0; t < spec.trials; t++) {
    const r = spec.trial(instance, rng);
    if (typeof r !== 'boolean')
      throw new ConjectureDefinitionError(
        `conjecture '${spec.id}': trial returned ${JSON.stringify(r)}, not a boolean`,
      );
    if (!r) failures++;
  }
  const rate = failures / spec.trials;
  const pValue = binomialUpperTail(failures, spec.trials, spec.delta);
  // one-sided exact test of H0: failure rate <= δ, rejected at level α
  return {
    ok: pValue >= spec.alpha,
    relation: '<=',
    lhs: rate,
    rhs: spec.delta,
    margin: spec.delta - rate,
    details: { failures, trials: spec.trials, pValue, alpha: spec.alpha, delta: spec.delta },
  };
}

/**
 * Defines a conjecture, validated now: a malformed one throws ConjectureDefinitionError naming its id.
 * The default export of a `properties/**\/*.prop.ts` file is one conjecture or an array of them.
 */
export function defineConjecture<T>(spec: ConjectureSpec<T>): Conjecture<T> {
  validate(spec as ConjectureSpec<unknown>);
  const kind = spec.kind ?? 'exact';
  const evaluate =
    kind === 'statistical'
      ? (x: T): Verdict => statisticalVerdict(spec as StatisticalSpec<unknown>, x)
      : (x: T): Verdict => requireVerdict(spec.id, (spec as { check: (i: T) => unknown }).check(x));
  return { spec, id: spec.id, kind, evaluate };
}
