/**
 * Run profiles. `ci` (the default when CI=true): seed from a hash of the conjecture id, deterministic.
 * `quick` (local default): fewer runs, a fresh seed each time (printed for replay). `thorough`: 10× the
 * runs, time-boxed per conjecture with fast-check's interruptAfterTimeLimit.
 */
export type ProfileName = 'quick' | 'ci' | 'thorough';

export interface Profile {
  readonly name: ProfileName;
  /** Multiplier on a conjecture's ci run count. */
  readonly runScale: number;
  readonly deterministic: boolean;
  /** Per-conjecture time box in ms (undefined: none). */
  readonly timeLimitMs?: number;
}

export const PROFILES: Readonly<Record<ProfileName, Profile>> = Object.freeze({
  quick: { name: 'quick', runScale: 0.5, deterministic: false },
  ci: { name: 'ci', runScale: 1, deterministic: true },
  thorough: { name: 'thorough', runScale: 10, deterministic: true, timeLimitMs: 60_000 },
});

/** The profile in force: a profile or its name, else `ci` under CI=true, else `quick`. */
export function profileFor(name?: Profile | string): Profile {
  if (typeof name === 'object') return name;
  const n = name ?? (process.env.CI && process.env.CI !== 'false' ? 'ci' : 'quick');
  if (!(n in PROFILES)) throw new Error(`unknown profile '${n}' (choose quick, ci or thorough)`);
  return PROFILES[n as ProfileName];
}

let active: Profile = PROFILES.ci;

/**
 * The profile of the conjecture being run (set by the runner), so an expensive check such as a reproduction can
 * pick its size: small in `quick`/`ci`, full in `thorough`.
 */
export function activeProfile(): Profile {
  return active;
}

/** Sets the active profile; the runner calls it before each conjecture. */
export function setActiveProfile(p: Profile): void {
  active = p;
}
