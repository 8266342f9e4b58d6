/*
 * Source: issue 11, item 2 (finite-m risks in the log domain). Golden values: fixtures/oracle/finite_m.json,
 * written by scripts/make_oracle_finite_m.py (mpmath 60 digits, sequences of negatives enumerated, unbounded
 * exponent range). Before the fix finiteMRisk returned −∞ at p₁ = [1], P₊ = P₋ = [½, ½], s = [0, 10], τ = 0.01
 * (exact: L₁ = 0 and 2.50347, L₂ = 2.49653 and 3.75535) and 1.29e-5 for the exact 0 at s = [0, 7.4].
 * Expected: finiteMRisk (both forms), sharedPoolRms and the bias bounds agree with the oracle to 1e-12 relative
 * at spread/τ up to 10⁴ (an exact 0 to 1e-15 of the score spread); a value above the largest double is +∞;
 * nothing finite comes back −∞, NaN or subnormal.
 */
import { describe, expect, it } from 'vitest';
import { tolerance } from '../../src/numeric/index.js';
import {
  asymptoticBiasConstant,
  finiteMRisk,
  infoNceBiasBound,
  jensenBiasBound,
  type RankingModel,
  sharedPoolRateConstant,
  sharedPoolRms,
} from '../../src/theory/ranking/index.js';
import { expectClose, readOracle } from '../helpers/assert.js';

interface Bounds {
  m: number;
  jensen: string;
  asymptotic: string;
  infonce: string;
  rate: string;
}
interface Case {
  name: string;
  p1: number[];
  pPos: number[][];
  pNeg: number[][];
  s: number[][];
  tau: number;
  finiteM: { m: number; normalized: string; infonce: string }[];
  bounds: Bounds[];
  sharedPoolRms?: { m: number; value: string }[];
}

const REL = 1e-12;
const MAX_DOUBLE = 1.7976931348623157e308;

/** got ≈ the oracle's decimal string: relative 1e-12; an exact 0 to 1e-15·scale; above the largest double, +∞. */
function expectOracle(got: number, want: string, scale: number, what: string): void {
  const w = Number(want);
  if (w === Infinity || Math.abs(w) > MAX_DOUBLE) {
    expect(got, `${what} overflows`).toBe(Infinity);
    return;
  }
  expect(Number.isFinite(got), `${what} = ${got} is finite`).toBe(true);
  const MIN_NORMAL = 2.2250738585072014e-308;
  if (got !== 0) expect(Math.abs(got), `${what} = ${got} is not subnormal`).toBeGreaterThanOrEqual(MIN_NORMAL);
  expectClose(got, w, tolerance({ rel: REL, abs: w === 0 ? 1e-15 * scale : 0 }), what);
}

const oracle = readOracle<Case>('finite_m.json');

describe('finite-m quantities at wide spreads vs mpmath', () => {
  for (const c of oracle.cases) {
    it(c.name, () => {
      const model: RankingModel = { p1: c.p1, pPos: c.pPos, pNeg: c.pNeg };
      const scale = Math.max(...c.s.flat().map(Math.abs), c.tau);
      for (const f of c.finiteM) {
        expectOracle(finiteMRisk(model, c.s, c.tau, f.m, 'normalized'), f.normalized, scale, `L_${f.m}`);
        expectOracle(finiteMRisk(model, c.s, c.tau, f.m, 'infonce'), f.infonce, scale, `L_${f.m}^NCE`);
      }
      for (const b of c.bounds) {
        expectOracle(jensenBiasBound(model, c.s, c.tau, b.m), b.jensen, scale, `B_${b.m}`);
        expectOracle(infoNceBiasBound(model, c.s, c.tau, b.m), b.infonce, scale, `B_${b.m}^NCE`);
      }
      expectOracle(asymptoticBiasConstant(model, c.s, c.tau), c.bounds[0]!.asymptotic, scale, 'C_asym');
      expectOracle(sharedPoolRateConstant(model, c.s, c.tau), c.bounds[0]!.rate, scale, 'shared-pool rate constant');
      for (const r of c.sharedPoolRms ?? []) {
        expectOracle(sharedPoolRms(model, c.s, c.tau, r.m), r.value, scale, `shared-pool RMS, m = ${r.m}`);
      }
    });
  }

  it("the issue's instance, figure by figure", () => {
    const model: RankingModel = { p1: [1], pPos: [[0.5, 0.5]], pNeg: [[0.5, 0.5]] };
    expect(finiteMRisk(model, [[0, 10]], 0.01, 1, 'normalized')).toBe(0);
    expect(finiteMRisk(model, [[0, 7.4]], 0.01, 1, 'normalized')).toBe(0);
    expect(finiteMRisk(model, [[0, 10]], 0.01, 1, 'infonce')).toBeCloseTo(2.50347, 5);
    expect(finiteMRisk(model, [[0, 10]], 0.01, 2, 'normalized')).toBeCloseTo(2.49653, 5);
    expect(finiteMRisk(model, [[0, 10]], 0.01, 2, 'infonce')).toBeCloseTo(3.75535, 5);
  });

  it('covers spread/τ from 50 to 10⁴, including the subnormal band 708–745', () => {
    const ratios = oracle.cases.map((c) => {
      const flat = c.s.flat();
      return (Math.max(...flat) - Math.min(...flat)) / c.tau;
    });
    expect(Math.max(...ratios)).toBeGreaterThanOrEqual(9999);
    expect(ratios.some((r) => r > 708 && r < 745)).toBe(true);
  });
});
