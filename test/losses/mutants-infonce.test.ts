/*
 * Source: issue 15 (StrykerJS on src/losses/infonce.ts): the surviving mutants of the shared pool's kept scratch
 * (`kept.n === n`, `kept.m === m`, `kept.d === d` → true or `!==`), of the default form (`?? 'positive-in-
 * denominator'` → ""), of the value-only call computing gradients (`core(inp, false)` → true) and of the normalized
 * form's switch to log1p(mean expm1 δ) near 0 (`|lse| < 0.5` → false, or its negation → true).
 * Expected: loss, per-anchor terms and gradients agree with fixtures/oracle/losses_mutants.json (mpmath, 60 digits,
 * gradients by mp.diff; scripts/make_oracle_losses_mutants.py) at 1e-12 — values relative, gradients max-norm
 * relative — in a sequence of shared-pool calls that changes n, m and d one at a time and comes back; a call without
 * `form` gives the 'positive-in-denominator' values; infoNce returns only loss and perAnchor; normalized terms of
 * 6.8e-13, 5.1e-19 and −7.0e-10 (δ of one sign, from 2^−62 to 2^−30) keep 1e-12 relative precision.
 */
import { describe, expect, it } from 'vitest';
import { type InfoNceInput, infoNce, infoNceWithGrad } from '../../src/losses/index.js';
import { expectClose, expectMatrixClose, infoNceInputOf } from '../helpers/assert.js';
import { byName, type InfoNceOracleCase, nums, oracle, REL12 } from './mutants-oracle.js';

/** The case through infoNce and infoNceWithGrad, checked against mpmath. */
function checkCase(c: InfoNceOracleCase, inp: InfoNceInput = infoNceInputOf(c)): void {
  const v = infoNce(inp);
  expectClose(v.loss, Number(c.loss), REL12, `${c.name}: loss`);
  c.perAnchor.forEach((p, i) => expectClose(v.perAnchor[i]!, Number(p), REL12, `${c.name}: ℓ_${i}`));
  const g = infoNceWithGrad(inp);
  expectClose(g.loss, Number(c.loss), REL12, `${c.name}: loss (with grad)`);
  expectMatrixClose(g.gradAnchors, nums(c.gradAnchors), 1e-12, `${c.name}: grad anchors`);
  expectMatrixClose(g.gradPositives, nums(c.gradPositives), 1e-12, `${c.name}: grad positives`);
  expectMatrixClose(g.gradNegatives, nums(c.gradNegatives), 1e-12, `${c.name}: grad negatives`);
}

describe('shared pool: the scratch kept between calls', () => {
  it('n, m, d change one at a time, then back to the first size', () => {
    for (const c of oracle.infonce.filter((x) => x.name.startsWith('shared '))) checkCase(c);
  });
});

describe('the default form', () => {
  it("a call without `form` gives the 'positive-in-denominator' values", () => {
    const c = byName(oracle.infonce, 'default form');
    expect(c.form).toBe('positive-in-denominator');
    const { form: _, ...noForm } = infoNceInputOf(c);
    checkCase(c, noForm);
  });
});

describe('the value-only call', () => {
  it('returns the loss and the per-anchor terms, no gradient', () => {
    for (const shared of [false, true]) {
      const c = byName(oracle.infonce, shared ? 'shared n=2 m=2 d=2' : 'default form');
      expect(Object.keys(infoNce(infoNceInputOf(c))).sort()).toEqual(['loss', 'perAnchor']);
    }
  });
});

describe('normalized form near 0 (log1p of the mean expm1)', () => {
  for (const c of oracle.infonce.filter((x) => x.form === 'normalized')) {
    it(`${c.name}: ℓ = ${Number(c.loss).toExponential(3)} to 1e-12 relative`, () => checkCase(c));
  }
});
