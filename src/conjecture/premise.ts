import fc from 'fast-check';

/**
 * States a premise inside a check: an instance that does not meet it is discarded, never counted as a pass.
 * The runner counts the instances that met every premise and reports a conjecture whose premise held on fewer
 * than its minimum as `vacuous` (an error), in the spirit of QuickCheck's `checkCoverage`.
 *
 * @example
 * check: ({ X, Y }) => {
 *   assume(recallAtK(X, Y, 1, 'x-to-y') === 1); // perfect retrieval only
 *   return leq(centroidGap(X, Y), 2 * meanPairDistance(X, Y));
 * }
 */
export function assume(premise: boolean): asserts premise {
  fc.pre(premise);
}

/** Whether an error is a failed premise (from `assume` or fast-check's `fc.pre`). */
export function isPremiseFailure(e: unknown): boolean {
  return fc.PreconditionFailure.isFailure(e);
}
