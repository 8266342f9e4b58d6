import { accessSync, constants, mkdirSync } from 'node:fs';
import { UsageError } from './usage.js';
import { isSeed } from '../numeric/rng.js';

/** An integer option within [min, ∞); undefined when absent. */
export function intOption(opt: Record<string, string | true>, k: string, min = -Infinity): number | undefined {
  const v = opt[k];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!(typeof v === 'string' && v.trim() !== '' && Number.isInteger(n) && n >= min)) {
    const what = min === 1 ? 'a positive integer' : min === 0 ? 'an integer >= 0' : 'an integer';
    throw new UsageError(`--${k} must be ${what}, got '${String(v)}'`);
  }
  return n;
}

/** `--seed`: a 32-bit signed integer (`isSeed`, the range of fast-check's and Rng's seeds). */
export function seedOption(opt: Record<string, string | true>): number | undefined {
  const n = intOption(opt, 'seed');
  if (n !== undefined && !isSeed(n))
    throw new UsageError(`--seed must be an integer in [-2^31, 2^31), got '${String(opt.seed)}'`);
  return n;
}

/** Fails before a long run when the report directory cannot be written. */
export function ensureWritableDir(dir: string, what: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw new UsageError(
      `${what} ${dir} cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); choose another with --out`,
    );
  }
}

/** Runs `f`, turning what it throws into a usage error (a bad --profile or --shard). */
export function asUsage<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
