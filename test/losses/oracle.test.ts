/*
 * Source: fixtures/oracle/{clip,infonce,supcon,losses_misc}.json, written by scripts/make_oracle.py
 * (mpmath 50 digits for loss values, torch float64 autograd for gradients, the reference code's own
 * formulas for SupCon / SigLIP / Wang & Isola).
 * Expected: every float64 kernel matches at <= 1e-12 relative (loss values: relative to the value;
 * gradients: max-norm relative to the reference gradient's scale).
 */
import { describe, expect, it } from 'vitest';
import {
  alignment,
  clipLoss,
  clipLossWithGrad,
  infoNce,
  infoNceWithGrad,
  sigLipLoss,
  supConLoss,
  uniformity,
} from '../../src/losses/index.js';
import { tolerance } from '../../src/numeric/index.js';
import {
  expectClose,
  expectMatrixClose,
  flat,
  type InfoNceRows,
  infoNceInputOf,
  M,
  readOracle,
} from '../helpers/assert.js';

const REL = tolerance({ rel: 1e-12, abs: 1e-300 });
/** torch's LSE-minus-diagonal autograd carries ~1e-16 absolute error per unit of 1/τ; below that it is no oracle. */
const TORCH_FLOOR = 1e-6;

interface ClipCase {
  n: number;
  d: number;
  tau: number;
  kind: string;
  X: number[][];
  Y: number[][];
  loss: number;
  gradX: number[][];
  gradY: number[][];
  torch: { loss: number; gradX: number[][]; gradY: number[][] };
}

describe('CLIP loss vs oracle', () => {
  for (const c of readOracle<ClipCase>('clip.json').cases) {
    it(`N=${c.n} d=${c.d} τ=${c.tau} (${c.kind})`, () => {
      const X = M(c.X),
        Y = M(c.Y);
      expectClose(clipLoss(X, Y, c.tau), c.loss, REL, 'loss vs mpmath');
      const r = clipLossWithGrad(X, Y, c.tau);
      expectClose(r.loss, c.loss, REL, 'loss (with grad) vs mpmath');
      expectMatrixClose(r.gradX, flat(c.gradX), 1e-12, 'gradX vs mpmath');
      expectMatrixClose(r.gradY, flat(c.gradY), 1e-12, 'gradY vs mpmath');
      // torch float64 autograd is itself limited by LSE − diag cancellation near a zero loss (~1e-16/τ absolute)
      expectMatrixClose(r.gradX, flat(c.torch.gradX), 1e-9, 'gradX vs torch autograd', TORCH_FLOOR / c.tau);
      expectMatrixClose(r.gradY, flat(c.torch.gradY), 1e-9, 'gradY vs torch autograd', TORCH_FLOOR / c.tau);
    });
  }
});

interface NceCase extends InfoNceRows {
  n: number;
  d: number;
  loss: number;
  perAnchor: number[];
  gradAnchors: number[][];
  gradPositives: number[][];
  gradNegatives: number[][];
  torch: { gradAnchors: number[][]; gradNegatives: number[][] };
}

describe('InfoNCE (m negatives) vs oracle', () => {
  for (const c of readOracle<NceCase>('infonce.json').cases) {
    it(`n=${c.n} m=${c.m} d=${c.d} τ=${c.tau} ${c.form}${c.shared ? ' shared' : ''}`, () => {
      const inp = infoNceInputOf(c);
      const v = infoNce(inp);
      expectClose(v.loss, c.loss, REL, 'loss vs mpmath');
      c.perAnchor.forEach((p, i) => expectClose(v.perAnchor[i]!, p, REL, `ℓ_${i}`));
      const g = infoNceWithGrad(inp);
      expectMatrixClose(g.gradAnchors, flat(c.gradAnchors), 1e-12, 'grad anchors vs mpmath');
      expectMatrixClose(g.gradPositives, flat(c.gradPositives), 1e-12, 'grad positives vs mpmath');
      expectMatrixClose(g.gradNegatives, flat(c.gradNegatives), 1e-12, 'grad negatives vs mpmath');
      expectMatrixClose(
        g.gradAnchors,
        flat(c.torch.gradAnchors),
        1e-9,
        'grad anchors vs torch autograd',
        TORCH_FLOOR / c.tau,
      );
      expectMatrixClose(
        g.gradNegatives,
        flat(c.torch.gradNegatives),
        1e-9,
        'grad negatives vs torch autograd',
        TORCH_FLOOR / c.tau,
      );
    });
  }
});

interface SupConCase {
  b: number;
  views: number[][][];
  d: number;
  tau: number;
  labels: number[] | null;
  contrastMode: 'all' | 'one';
  loss: number;
}

describe('SupCon vs the reference code', () => {
  for (const c of readOracle<SupConCase>('supcon.json').cases) {
    it(`B=${c.b} views=${c.views.length} labels=${JSON.stringify(c.labels)} mode=${c.contrastMode}`, () => {
      const v = supConLoss({
        views: c.views.map(M),
        labels: c.labels ?? undefined,
        tau: c.tau,
        contrastMode: c.contrastMode,
      });
      expect(Number.isFinite(v)).toBe(true);
      expectClose(v, c.loss, REL, 'SupCon');
    });
  }
});

type MiscCase =
  | { kind: 'siglip'; X: number[][]; Y: number[][]; scale: number; bias: number; value: number }
  | { kind: 'alignment'; X: number[][]; Y: number[][]; alpha: number; value: number }
  | { kind: 'uniformity'; X: number[][]; t: number; value: number };

describe('SigLIP, alignment, uniformity vs the reference code', () => {
  for (const [i, c] of readOracle<MiscCase>('losses_misc.json').cases.entries()) {
    it(`${c.kind} #${i} (N=${c.X.length})`, () => {
      const got =
        c.kind === 'siglip'
          ? sigLipLoss(M(c.X), M(c.Y), c.scale, c.bias)
          : c.kind === 'alignment'
            ? alignment(M(c.X), M(c.Y), c.alpha)
            : uniformity(M(c.X), c.t);
      expectClose(got, c.value, REL, c.kind);
    });
  }
});
