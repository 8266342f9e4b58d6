import type { SearchBudget } from './targeted.js';

/**
 * Run profiles. `ci` (the default when CI=true): seed from a hash of the conjecture id, deterministic.
 * `quick` (local default): fewer runs, a fresh seed each time (printed for replay). `thorough`: 10× the
 * runs. Each has a per-conjecture time limit (enforced while the conjecture runs, see src/conjecture/pool.ts),
 * a minimum number of instances that must meet a conjecture's premise, and a targeted-search budget.
 */
export type ProfileName = 'quick' | 'ci' | 'thorough';

export interface Profile {
  readonly name: ProfileName;
  /** Multiplier on a conjecture's ci run count. */
  readonly runScale: number;
  readonly deterministic: boolean;
  /** Per-conjecture time limit in ms. */
  readonly timeLimitMs: number;
  /** Instances that must meet the premise before a conjecture can count as held (capped at its runs). */
  readonly minInstances: number;
  /** Budget of the default targeted search (finite-difference ascent of each exact check's violation). */
  readonly search: SearchBudget;
}

export const PROFILES: Readonly<Record<ProfileName, Profile>> = Object.freeze({
  quick: {
    name: 'quick',
    runScale: 0.5,
    deterministic: false,
    timeLimitMs: 60_000,
    minInstances: 25,
    search: { pool: 128, starts: 3, steps: 30, climb: 800, ms: 10_000 },
  },
  ci: {
    name: 'ci',
    runScale: 1,
    deterministic: true,
    timeLimitMs: 60_000,
    minInstances: 50,
    search: { pool: 2_048, starts: 8, steps: 30, climb: 6_000, ms: 20_000 },
  },
  thorough: {
    name: 'thorough',
    runScale: 10,
    deterministic: true,
    timeLimitMs: 120_000,
    minInstances: 200,
    search: { pool: 2_048, starts: 16, steps: 200, climb: 30_000, ms: 60_000 },
  },
});

/** The profile in force: a profile or its name, else `ci` under CI=true, else `quick`. */
export function profileFor(name?: Profile | string): Profile {
  if (typeof name === 'object') return name;
  const n = name ?? (process.env.CI && process.env.CI !== 'false' ? 'ci' : 'quick');
  if (!Object.hasOwn(PROFILES, n)) throw new Error(`unknown profile '${n}' (choose quick, ci or thorough)`);
  return PROFILES[n as ProfileName];
}

let active: Profile = PROFILES.ci;

/**
 * The profile of the conjecture being run, so an expensive check such as a reproduction can pick its size:
 * small in `quick`/`ci`, full in `thorough`.
 */
export function activeProfile(): Profile {
  return active;
}

/** Runs `f` with `p` as the active profile, restoring the previous one afterwards. */
export function withProfile<R>(p: Profile, f: () => R): R {
  const previous = active;
  active = p;
  try {
    return f();
  } finally {
    active = previous;
  }
}
