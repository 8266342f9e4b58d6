/**
 * The one error type for bad input anywhere in crl-verify: a message that names the argument and
 * what was wrong with it, never a silent NaN.
 */
export class CrlInputError extends Error {
  override name = 'CrlInputError';
}

/** Throws a CrlInputError with `message` unless `condition` holds. */
export function ensure(condition: unknown, message: string | (() => string)): asserts condition {
  if (!condition) throw new CrlInputError(typeof message === 'function' ? message() : message);
}

/** A finite, strictly positive temperature τ. */
export function requireTemperature(tau: number, name = 'tau'): void {
  ensure(Number.isFinite(tau) && tau > 0, () => `${name} must be a finite number > 0, got ${tau}`);
}
