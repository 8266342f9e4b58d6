/**
 * The public entry of the crl-verify package (`import { defineConjecture, leq, pairedEmbeddings } from 'crl-verify'`):
 * the authoring surface that docs/api.md documents — arbitraries, losses, gaps, the two papers' exact quantities, the
 * verdicts and defineConjecture, Rng and tolerances — and `fc`, the fast-check instance the runner uses, so a
 * conjecture's own arbitraries come from the same copy. Running conjectures is the CLI's job (`crl-verify run`).
 */
export { default as fc } from 'fast-check';
export * from './arbitraries/index.js';
export * from './losses/index.js';
export * from './gaps/index.js';
export * from './theory/ranking/index.js';
export * from './theory/geometry/index.js';
export { ConjectureDefinitionError, defineConjecture } from './conjecture/define.js';
export { assume, isPremiseFailure } from './conjecture/premise.js';
export { showNumber, showValue } from './conjecture/show.js';
export type {
  Conjecture,
  ConjectureSpec,
  ExactSpec,
  Expectation,
  Kind,
  Provenance,
  Source,
  StatisticalSpec,
  TargetedSearch,
} from './conjecture/types.js';
export {
  allOf,
  approxEqual,
  geq,
  holds,
  isVerdict,
  leq,
  type RatePoint,
  rateWithin,
  sqrtTolerance,
  type Verdict,
  within,
} from './conjecture/verdict.js';
export { CrlInputError } from './numeric/errors.js';
export { fromRows, type Matrix, matrix, toRows } from './numeric/matrix.js';
export { isSeed, Rng, seedFrom, seedFromString } from './numeric/rng.js';
export { FLOAT32_WASM, FLOAT64_EXACT, type Tolerance, tolerance } from './numeric/tolerance.js';
