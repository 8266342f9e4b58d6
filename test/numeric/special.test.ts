/*
 * Source: fixtures/oracle/special.json (mpmath at 50 digits; V_κ(τ) also checked by quadrature in the
 * script; scipy.special.ive alongside).
 * Expected: log I_ν, e^{−x}I_ν, I_{ν+1}/I_ν, log V_κ(τ), A_d(κ) and the log vMF MGF match at <= 1e-12
 * relative (plus 1e-15 absolute for values that are ~0).
 */
import { describe, expect, it } from 'vitest';
import { besselIRatio, besselIScaled, logBesselI, tolerance } from '../../src/numeric/index.js';
import { logPartitionVolume, logVmfMgf, meanResultantLength } from '../../src/sphere/index.js';
import { expectClose, readOracle } from '../helpers/assert.js';

const T = tolerance({ rel: 1e-12, abs: 1e-15 });
type Case =
  | { kind: 'besselI'; nu: number; x: number; logI: number; scaled: number; ratio: number; scipyIve: number }
  | { kind: 'partitionVolume'; d: number; tau: number; logSurface: number; logProbability: number }
  | { kind: 'meanResultantLength'; d: number; kappa: number; value: number }
  | { kind: 'vmfMgf'; d: number; kappa: number; tau: number; mean: number[]; z: number[]; logMgf: number };
const cases = readOracle<Case>('special.json').cases;

describe('modified Bessel I_ν vs mpmath', () => {
  it.each(cases.filter((c) => c.kind === 'besselI') as Extract<Case, { kind: 'besselI' }>[])('ν=$nu x=$x', (c) => {
    expectClose(logBesselI(c.nu, c.x), c.logI, T, 'log I_ν');
    expectClose(besselIScaled(c.nu, c.x), c.scaled, tolerance({ rel: 1e-12, abs: 1e-300 }), 'e^{−x} I_ν');
    expectClose(besselIRatio(c.nu, c.x), c.ratio, T, 'I_{ν+1}/I_ν');
    // scipy is a second, independent opinion at its own (looser) accuracy
    if (c.scipyIve > 1e-290)
      expectClose(besselIScaled(c.nu, c.x), c.scipyIve, tolerance({ rel: 1e-9 }), 'vs scipy.special.ive');
  });
});

describe('sphere closed forms vs mpmath', () => {
  it.each(cases.filter((c) => c.kind === 'partitionVolume') as Extract<Case, { kind: 'partitionVolume' }>[])(
    'log V_κ(τ) d=$d τ=$tau',
    (c) => {
      expectClose(logPartitionVolume(c.d, c.tau), c.logSurface, T, 'surface measure');
      expectClose(logPartitionVolume(c.d, c.tau, 'probability'), c.logProbability, T, 'probability measure');
    },
  );
  it.each(cases.filter((c) => c.kind === 'meanResultantLength') as Extract<Case, { kind: 'meanResultantLength' }>[])(
    'A_d(κ) d=$d κ=$kappa',
    (c) => {
      expectClose(meanResultantLength(c.d, c.kappa), c.value, T, 'A_d(κ)');
    },
  );
  it.each(cases.filter((c) => c.kind === 'vmfMgf') as Extract<Case, { kind: 'vmfMgf' }>[])(
    'log E e^{⟨z,w⟩/τ} d=$d κ=$kappa τ=$tau',
    (c) => {
      expectClose(logVmfMgf(c.z, c.mean, c.kappa, c.tau), c.logMgf, T, 'log MGF');
    },
  );
  it('large-κ asymptote 1 − (d−1)/(2κ) is only an asymptote (the planted P0 variant fails at small κ)', () => {
    const exact = meanResultantLength(3, 0.5),
      asymptote = 1 - 2 / (2 * 0.5);
    expect(Math.abs(exact - asymptote)).toBeGreaterThan(0.1);
  });
});
