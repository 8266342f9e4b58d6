/*
 * Source: issue 15 (StrykerJS on src/losses/clip.ts): the surviving mutants of the wide-spread path (per-row and
 * per-column shifts, taken when max S − min S >= 700: `t > m` → false, `j < n` → `j <= n` in the row shifts,
 * `off + e^{−m}` → `off − e^{−m}`, `v > smax` → true), of the module's kept workspace (`kept.n === n` → true or
 * `!==`), of the gradient sweep's row reset (`k < d` → false: gradX accumulates the previous call's gradient; at d = 2
 * and d = 3, which take different sweeps), and
 * of the workspace contract (`if (ws)` → false, clipLoss computing gradients: `false` → `true`, `!grad` → false).
 * Expected: loss and gradients agree with fixtures/oracle/losses_mutants.json (mpmath, 60 digits, from the
 * formulas of docs/api.md; scripts/make_oracle_losses_mutants.py) at 1e-12 — loss relative, gradients max-norm
 * relative — on logit matrices with a spread of 800 and in sequences of calls that change N or d one at a time,
 * with and without a caller workspace; with a workspace the gradients are the workspace's own matrices, and a
 * value-only call (clipLoss) leaves them as the last clipLossWithGrad wrote them.
 */
import { describe, expect, it } from 'vitest';
import { type ClipWorkspace, clipLoss, clipLossWithGrad, clipWorkspace } from '../../src/losses/index.js';
import { expectClose, expectMatrixClose, M } from '../helpers/assert.js';
import { byName, type ClipOracleCase, nums, oracle, REL12 } from './mutants-oracle.js';

/** One oracle case through clipLoss and clipLossWithGrad (with `ws` when given), checked against mpmath. */
function checkCase(c: ClipOracleCase, ws?: ClipWorkspace): void {
  const X = M(c.X),
    Y = M(c.Y);
  expectClose(clipLoss(X, Y, c.tau, ws), Number(c.loss), REL12, `${c.name}: loss`);
  const r = clipLossWithGrad(X, Y, c.tau, ws);
  expectClose(r.loss, Number(c.loss), REL12, `${c.name}: loss (with grad)`);
  expectMatrixClose(r.gradX, nums(c.gradX), 1e-12, `${c.name}: gradX`);
  expectMatrixClose(r.gradY, nums(c.gradY), 1e-12, `${c.name}: gradY`);
}

describe('logit spread >= 700 (per-row and per-column shifts)', () => {
  // X = I, Y = Sᵀ, τ = 1, so the logits are the matrix S named in the case
  for (const c of oracle.clip) {
    it(`${c.name}`, () => {
      checkCase(c);
      checkCase(c, clipWorkspace(c.X.length, c.X[0]!.length));
    });
  }
  it('S_00 = 800 is the maximum though the last entry is not: L = (log 2 + log1p(e^−800))/2, by hand', () => {
    // rows: (LSE(800, 0) − 800) + (LSE(0, 0) − 0) = log1p(e^−800) + log 2; the columns the same; L = their sum / 4
    const I = M([
      [1, 0],
      [0, 1],
    ]);
    const S = M([
      [800, 0],
      [0, 0],
    ]); // Y = Sᵀ = S
    expectClose(clipLoss(I, S, 1), (Math.LN2 + Math.log1p(Math.exp(-800))) / 2, REL12, 'L by hand');
  });
});

describe('the module workspace across calls (no caller workspace)', () => {
  const seq = ['3x2 a', '3x2 b', '3x2 a', '2x2', '2x3', '3x9 (blocked gradient products)', '3x2 b', '2x2', '3x2 a'];
  it(`sizes change one at a time and repeat: ${seq.join(', ')}`, () => {
    for (const name of seq) checkCase(byName(oracle.clipReuse, name));
  });
});

describe('a caller workspace', () => {
  const a = byName(oracle.clipReuse, '3x2 a'),
    b = byName(oracle.clipReuse, '3x2 b');
  it('gives the oracle values call after call (no gradient left over from the previous batch)', () => {
    const ws = clipWorkspace(3, 2);
    for (const c of [a, b, a, b]) checkCase(c, ws);
  });
  it('at d = 3 as well, where the general sweep (not the d = 2 form) resets each row of dX', () => {
    const c = byName(oracle.clipReuse, '2x3'),
      ws = clipWorkspace(2, 3);
    for (let call = 0; call < 3; call++) checkCase(c, ws);
  });
  it('receives the gradients: they are the workspace matrices, not copies', () => {
    const ws = clipWorkspace(3, 2);
    const r = clipLossWithGrad(M(a.X), M(a.Y), a.tau, ws);
    expect(r.gradX).toBe(ws.gradX);
    expect(r.gradY).toBe(ws.gradY);
  });
  it('is left with the last gradients by a value-only call (clipLoss computes no gradient)', () => {
    const ws = clipWorkspace(3, 2);
    clipLossWithGrad(M(a.X), M(a.Y), a.tau, ws);
    const gx = ws.gradX.data.slice(),
      gy = ws.gradY.data.slice();
    expectClose(clipLoss(M(b.X), M(b.Y), b.tau, ws), Number(b.loss), REL12, 'value-only loss of b');
    expect(Array.from(ws.gradX.data)).toEqual(Array.from(gx));
    expect(Array.from(ws.gradY.data)).toEqual(Array.from(gy));
    expectMatrixClose(ws.gradX, nums(a.gradX), 1e-12, 'gradX is still that of a');
  });
});
