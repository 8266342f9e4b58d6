/*
 * Source: issue 15 item 4 (StrykerJS on src/conjecture/profiles.ts); README's outcome table (the time limit: 60 s a
 * conjecture, thorough 120 s). test/framework/mutants-conjecture.test.ts covers profileFor, withProfile and the run
 * scales; this file covers what reports and the runner read of each profile.
 * Expected: each profile's name is its key (reports and `--profile` print it); time limits 60 s, 60 s, 120 s; every
 * targeted-search budget is a set of positive integers, and a longer profile never searches less than a shorter one.
 */
import { describe, expect, it } from 'vitest';
import { PROFILES, type ProfileName, profileFor } from '../../src/conjecture/index.js';

const names: ProfileName[] = ['quick', 'ci', 'thorough'];

describe('the profiles as reports and the runner read them', () => {
  it('each name is its key, and profileFor(name) gives it back', () => {
    expect(Object.keys(PROFILES)).toEqual(names);
    for (const n of names) {
      expect(PROFILES[n].name).toBe(n);
      expect(profileFor(n).name).toBe(n);
    }
  });
  it('time limits: 60 s a conjecture, thorough 120 s (README)', () => {
    expect(names.map((n) => PROFILES[n].timeLimitMs)).toEqual([60_000, 60_000, 120_000]);
  });
  it('search budgets: positive integers, growing from quick to ci to thorough', () => {
    const keys = ['pool', 'starts', 'steps', 'climb', 'ms'] as const;
    for (const n of names) {
      expect(Object.keys(PROFILES[n].search).sort(), n).toEqual([...keys].sort());
      for (const k of keys) expect(Number.isInteger(PROFILES[n].search[k]) && PROFILES[n].search[k] >= 1).toBe(true);
    }
    for (const k of keys) {
      expect(PROFILES.quick.search[k], k).toBeLessThanOrEqual(PROFILES.ci.search[k]);
      expect(PROFILES.ci.search[k], k).toBeLessThanOrEqual(PROFILES.thorough.search[k]);
    }
    expect(PROFILES.quick.search.pool).toBeLessThan(PROFILES.ci.search.pool);
  });
});
