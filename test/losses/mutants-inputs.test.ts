/*
 * Source: issue 15 (StrykerJS on src/losses): the surviving mutants of the input checks of alignment, uniformity,
 * clipLoss, infoNce, sigLipLoss and supConLoss: each `ensure` condition forced to true or weakened (`&&` → `||`,
 * `>` → `>=`), each message emptied, and each argument name passed to requireEmbeddings / requireSameShape /
 * requireTemperature replaced by "".
 * Expected: every bad input throws a CrlInputError whose message names the argument, the rule and the value given;
 * the valid value next to each boundary (α and t just above 0, B·V = 2) is accepted, with the value computed by
 * hand in the comment.
 */
import { describe, expect, it } from 'vitest';
import {
  alignment,
  clipLoss,
  clipLossWithGrad,
  clipWorkspace,
  infoNce,
  sigLipLoss,
  supConLoss,
  uniformity,
} from '../../src/losses/index.js';
import { M, throwsInput } from '../helpers/assert.js';

const I2 = M([
  [1, 0],
  [0, 1],
]);
const withNaN = M([
  [1, 0],
  [0, NaN],
]);
const oneRow = M([[1, 0]]);
const threeByTwo = M([
  [1, 0],
  [0, 1],
  [1, 1],
]);
const twoByThree = M([
  [1, 0, 0],
  [0, 1, 0],
]);

describe('alignment and uniformity', () => {
  it('name X, Y and their shapes', () => {
    throwsInput(() => alignment(withNaN, I2), /^X has a non-finite entry NaN at row 1, column 1$/);
    throwsInput(() => alignment(I2, withNaN), /^Y has a non-finite entry NaN at row 1, column 1$/);
    throwsInput(() => alignment(I2, oneRow), /^X is 2×2 but Y is 1×2; paired batches must have the same shape$/);
    throwsInput(() => uniformity(oneRow), /^X needs at least 2 row\(s\), got 1$/);
  });
  it('α must be finite and > 0', () => {
    for (const a of [0, -0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])
      throwsInput(() => alignment(I2, I2, a), new RegExp(`^alignment: α must be > 0, got ${a}$`));
  });
  it('α just above 0 is accepted: ‖x − y‖^α → 1 for x ≠ y and 0 for x = y', () => {
    const alpha = 2 ** -1000;
    // pairs (1,0)–(0,1) at distance √2 and (0,1)–(0,1) at 0: (1/2)(√2^α + 0) = 1/2 to double precision
    expect(
      alignment(
        I2,
        M([
          [0, 1],
          [0, 1],
        ]),
        alpha,
      ),
    ).toBe(0.5);
  });
  it('α = Number.MIN_VALUE: a pair with x = y contributes ‖0‖^α = 0 (α/2 underflows; 0 ** 0 would be 1)', () => {
    // alignment computes ‖x − y‖^α as q ** (α/2) with q = ‖x − y‖²; for α = 5e-324, α/2 rounds to 0 and 0 ** 0 = 1:
    // identical batches scored 1 instead of 0 until q = 0 was special-cased (every α > 0 must give 0 here)
    expect(alignment(I2, I2, Number.MIN_VALUE)).toBe(0);
  });
  it('t must be finite and > 0', () => {
    for (const t of [0, -2, Number.NaN, Number.POSITIVE_INFINITY])
      throwsInput(() => uniformity(I2, t), new RegExp(`^uniformity: t must be > 0, got ${t}$`));
  });
  it('t just above 0 is accepted: log mean e^{−t‖x_i − x_j‖²} → 0', () => {
    // −t·q is −2^−1000·q: every e^{−tq} rounds to 1, so the log of their mean is 0 up to ~2^−1000
    expect(Math.abs(uniformity(threeByTwo, 2 ** -1000))).toBeLessThan(1e-300);
  });
});

describe('CLIP', () => {
  it('name the two modalities', () => {
    throwsInput(() => clipLoss(withNaN, I2, 0.5), /^X \(first modality\) has a non-finite entry NaN at row 1/);
    throwsInput(() => clipLoss(I2, withNaN, 0.5), /^Y \(second modality\) has a non-finite entry NaN at row 1/);
  });
  it('a caller workspace must match the batch in N and in d', () => {
    for (const f of [clipLoss, clipLossWithGrad]) {
      throwsInput(() => f(I2, I2, 0.5, clipWorkspace(3, 2)), /^clip workspace is for 3×2, the batch is 2×2$/);
      throwsInput(() => f(I2, I2, 0.5, clipWorkspace(2, 3)), /^clip workspace is for 2×3, the batch is 2×2$/);
      throwsInput(() => f(I2, I2, 0.5, clipWorkspace(3, 3)), /^clip workspace is for 3×3, the batch is 2×2$/);
    }
  });
});

describe('InfoNCE', () => {
  const base = { anchors: I2, positives: I2, negatives: I2, m: 1, tau: 0.5 };
  it('name anchors, positives and negatives', () => {
    throwsInput(() => infoNce({ ...base, anchors: withNaN }), /^anchors has a non-finite entry NaN/);
    throwsInput(() => infoNce({ ...base, positives: withNaN }), /^positives has a non-finite entry NaN/);
    throwsInput(() => infoNce({ ...base, negatives: withNaN }), /^negatives has a non-finite entry NaN/);
  });
  it('positives must have the anchors’ shape, in rows and in columns', () => {
    throwsInput(() => infoNce({ ...base, positives: threeByTwo }), /^positives are 3×2, anchors 2×2$/);
    throwsInput(() => infoNce({ ...base, positives: twoByThree }), /^positives are 2×3, anchors 2×2$/);
  });
  it('negatives must have the anchors’ dimension', () => {
    throwsInput(() => infoNce({ ...base, negatives: twoByThree }), /^negatives have dimension 3, anchors 2$/);
  });
  it('a shared pool has m rows', () => {
    throwsInput(
      () => infoNce({ ...base, negatives: threeByTwo, m: 2, shared: true }),
      /^negatives have 3 rows, expected 2 \(m shared\)$/,
    );
  });
});

describe('SigLIP', () => {
  it('name the two modalities and their shapes', () => {
    throwsInput(() => sigLipLoss(withNaN, I2, 10, 0), /^X \(first modality\) has a non-finite entry NaN/);
    throwsInput(() => sigLipLoss(I2, withNaN, 10, 0), /^Y \(second modality\) has a non-finite entry NaN/);
    throwsInput(() => sigLipLoss(I2, oneRow, 10, 0), /^X is 2×2 but Y is 1×2/);
  });
  it('the logit scale must be finite and > 0, the bias finite', () => {
    for (const s of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
      throwsInput(
        () => sigLipLoss(I2, I2, s, 0),
        new RegExp(`^sigLipLoss: logit scale must be finite and > 0, got ${s}$`),
      );
    for (const b of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])
      throwsInput(() => sigLipLoss(I2, I2, 10, b), new RegExp(`^sigLipLoss: bias must be finite, got ${b}$`));
  });
});

describe('SupCon', () => {
  const X = I2;
  it('needs a view', () => {
    throwsInput(() => supConLoss({ views: [], tau: 0.5 }), /^supConLoss: needs at least one view$/);
  });
  it('names baseTau and the contrast mode', () => {
    throwsInput(() => supConLoss({ views: [X], tau: 0.5, baseTau: 0 }), /^baseTau must be a finite number > 0, got 0$/);
    throwsInput(
      () => supConLoss({ views: [X], tau: 0.5, contrastMode: 'both' as never }),
      /^supConLoss: contrastMode must be 'all' or 'one', got 'both'$/,
    );
  });
  it('checks every view: its entries (by index) and its shape against views[0]', () => {
    throwsInput(() => supConLoss({ views: [withNaN, X], tau: 0.5 }), /^views\[0\] has a non-finite entry NaN/);
    throwsInput(() => supConLoss({ views: [X, withNaN], tau: 0.5 }), /^views\[1\] has a non-finite entry NaN/);
    throwsInput(
      () => supConLoss({ views: [X, threeByTwo], tau: 0.5 }),
      /^supConLoss: views\[1\] is 3×2, views\[0\] is 2×2$/,
    );
    throwsInput(
      () => supConLoss({ views: [X, twoByThree], tau: 0.5 }),
      /^supConLoss: views\[1\] is 2×3, views\[0\] is 2×2$/,
    );
  });
  it('checks the labels: one per item, integers', () => {
    throwsInput(
      () => supConLoss({ views: [X], labels: [0, 1, 2], tau: 0.5 }),
      /^supConLoss: 3 labels for a batch of 2$/,
    );
    throwsInput(
      () => supConLoss({ views: [X], labels: [0, 0.5], tau: 0.5 }),
      /^supConLoss: label 1 is not an integer \(0\.5\)$/,
    );
  });
  it('needs two contrast rows; B·V = 2 is accepted', () => {
    throwsInput(
      () => supConLoss({ views: [oneRow], tau: 0.5 }),
      /^supConLoss: needs at least two contrast rows \(B·V >= 2\)$/,
    );
    // with two rows the denominator Σ_{k≠a} e^{z_ak} has the one term e^{z_ab} of the other row: log_prob = 0
    expect(supConLoss({ views: [oneRow, M([[0.5, 0.5]])], tau: 0.5 })).toBe(0); // B = 1, V = 2: the pair
    expect(supConLoss({ views: [I2], labels: [3, 3], tau: 0.5 })).toBe(0); // B = 2, V = 1, one class
    expect(supConLoss({ views: [I2], tau: 0.5 })).toBe(0); // B = 2, V = 1, no positives: each anchor adds 0
  });
});
