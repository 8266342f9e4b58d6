import { besselIScaled, ensure, symmetricKlHalf, symmetricKlSum } from '../numeric/index.js';

/*
 * The laws of the S¹ toy's angles in closed form (issue 11 item 5), as Fourier cosine series: every law here is
 * symmetric about 0, so its density is (1/2π)(1 + 2 Σ_k c_k cos kt) with c_k = E cos(kt), and the angle of a sum of
 * independent angles has the product of their coefficients.
 *   latent θ ~ 0.7·vM(0, 6) + 0.3·vM(π, 6):       c_k = (0.7 + 0.3·(−1)^k)·I_k(6)/I_0(6)
 *   misalignment ε, wrapped normal N(0, σ²):       c_k = e^{−σ²k²/2}          (the code's noise)
 *   misalignment ε, von Mises vM(0, κ):            c_k = I_k(κ)/I_0(κ)
 *   angle of (1, 0) + s·N(0, I₂) (feature noise), r = 1/s:
 *                                     c_k = √(π/8)·r·e^{−r²/4}[I_{(k−1)/2}(r²/4) + I_{(k+1)/2}(r²/4)]
 * The identity encoders see the angles of the noisy features: x-angle = θ + φ_x, y-angle = θ + ε + φ_y (the angle of
 * (cos t, sin t) + s·n is t plus the angle of (1, 0) + s·n', n' the rotated noise, which has n's law).
 * A bin's probability is the integral of the series: (b − a)/2π + (1/π) Σ_k c_k (sin kb − sin ka)/k.
 */

/** The misalignment noise of the toy's partner angle. */
export type ToyNoise =
  | { readonly law: 'wrapped-normal'; readonly sigma: number }
  | { readonly law: 'von-mises'; readonly kappa: number };

/** The latent mixture: weight of the component at 0, and both components' concentration. */
export const TOY_MIX_WEIGHT = 0.7;
export const TOY_MIX_KAPPA = 6;
/** Standard deviation of the isotropic feature noise added to (cos, sin). */
export const TOY_FEATURE_NOISE = 0.02;
/** Bins of the code's histogram metric on [−π, π). */
export const TOY_BINS = 60;

/** Harmonics kept: the latent law's I_k(6)/I_0(6) is below 1e−30 from k = 40 on, so the series is exact in float64. */
const HARMONICS = 64;

/** c_k = E cos(kε) of the misalignment noise. */
export function noiseCoefficient(noise: ToyNoise, k: number): number {
  if (noise.law === 'wrapped-normal') {
    const s = noise.sigma;
    ensure(Number.isFinite(s) && s >= 0, () => `wrapped normal: σ must be >= 0, got ${s}`);
    return Math.exp(-0.5 * noise.sigma * noise.sigma * k * k);
  }
  ensure(Number.isFinite(noise.kappa) && noise.kappa >= 0, () => `von Mises: κ must be >= 0, got ${noise.kappa}`);
  return besselIScaled(k, noise.kappa) / besselIScaled(0, noise.kappa);
}

/** c_k of the latent mixture 0.7·vM(0, 6) + 0.3·vM(π, 6). */
export function latentCoefficient(k: number): number {
  const sign = k % 2 === 0 ? 1 : -1;
  const ratio = besselIScaled(k, TOY_MIX_KAPPA) / besselIScaled(0, TOY_MIX_KAPPA);
  return (TOY_MIX_WEIGHT + (1 - TOY_MIX_WEIGHT) * sign) * ratio;
}

/** c_k of the angle of (1, 0) + s·N(0, I₂) (the projected normal with mean length r = 1/s), in scaled Bessel form. */
export function featureNoiseCoefficient(k: number, s = TOY_FEATURE_NOISE): number {
  if (k === 0) return 1;
  const r = 1 / s,
    z = (r * r) / 4;
  return Math.sqrt(Math.PI / 8) * r * (besselIScaled((k - 1) / 2, z) + besselIScaled((k + 1) / 2, z));
}

/** Bin probabilities of a symmetric law on [−π, π) with cosine coefficients c_1, c_2, … (c[k − 1] = c_k). */
export function binProbabilities(c: ArrayLike<number>, bins = TOY_BINS): Float64Array {
  const out = new Float64Array(bins);
  for (let b = 0; b < bins; b++) {
    const lo = -Math.PI + (2 * Math.PI * b) / bins,
      hi = -Math.PI + (2 * Math.PI * (b + 1)) / bins;
    let s = 0;
    for (let k = c.length; k >= 1; k--) s += (c[k - 1]! * (Math.sin(k * hi) - Math.sin(k * lo))) / k;
    out[b] = 1 / bins + s / Math.PI;
  }
  return out;
}

/** Bin probabilities of the identity encoders' angles: x (no misalignment) or y (misaligned by `noise`). */
export function toyAngleBins(noise?: ToyNoise, bins = TOY_BINS): Float64Array {
  return binProbabilities(toyAngleCoefficients(noise), bins);
}

/** Population value of the code metric on identity encoders, KL + KL of the bin probabilities. */
export function toyBaselinePopulationKlSum(noise: ToyNoise, bins = TOY_BINS): number {
  return symmetricKlSum(toyAngleBins(undefined, bins), toyAngleBins(noise, bins));
}

/** Population value in the half convention, ½(KL + KL). */
export function toyBaselinePopulationKlHalf(noise: ToyNoise, bins = TOY_BINS): number {
  return symmetricKlHalf(toyAngleBins(undefined, bins), toyAngleBins(noise, bins));
}

/** Cosine coefficients c_1..c_K of the identity encoders' x-angle (no noise) or y-angle (misaligned by `noise`). */
export function toyAngleCoefficients(noise?: ToyNoise): Float64Array {
  const c = new Float64Array(HARMONICS);
  for (let k = 1; k <= HARMONICS; k++) {
    c[k - 1] = latentCoefficient(k) * featureNoiseCoefficient(k) * (noise ? noiseCoefficient(noise, k) : 1);
  }
  return c;
}

/** G(t) = t/2π + (1/π) Σ_k c_k sin(kt)/k, the unwrapped distribution function of a symmetric law (G(t+2π) = G(t)+1). */
function unwrappedCdf(c: ArrayLike<number>, t: number): number {
  let s = 0;
  for (let k = c.length; k >= 1; k--) s += (c[k - 1]! * Math.sin(k * t)) / k;
  return t / (2 * Math.PI) + s / Math.PI;
}

/**
 * Bin probabilities of the angle of v·W (W row-major 2×2, det W ≠ 0) when v's angle has the symmetric law with
 * coefficients c. Scaling v does not move the angle, so the encoded angle is g(angle of v) with g a circle
 * homeomorphism, g⁻¹(φ) = angle of sign(det W)·W⁻ᵀu(φ); a bin's probability is the mass of its preimage arc.
 */
export function encodedBinProbabilities(c: ArrayLike<number>, w: ArrayLike<number>, bins = TOY_BINS): Float64Array {
  const [w00, w01, w10, w11] = [w[0]!, w[1]!, w[2]!, w[3]!];
  const det = w00 * w11 - w01 * w10;
  ensure(Number.isFinite(det) && det !== 0, () => `encodedBinProbabilities: the encoder is singular (det = ${det})`);
  const sg = Math.sign(det);
  const preimage = (phi: number): number => {
    const co = Math.cos(phi),
      si = Math.sin(phi);
    return Math.atan2(sg * (w00 * si - w01 * co), sg * (w11 * co - w10 * si));
  };
  const edges = Array.from({ length: bins + 1 }, (_, b) => preimage(-Math.PI + (2 * Math.PI * b) / bins));
  const out = new Float64Array(bins);
  for (let b = 0; b < bins; b++) {
    // counter-clockwise preimage arc: [g⁻¹(lo), g⁻¹(hi)] when g keeps the orientation (det > 0), reversed otherwise
    const from = det > 0 ? edges[b]! : edges[b + 1]!,
      to = det > 0 ? edges[b + 1]! : edges[b]!;
    const span = to - from - 2 * Math.PI * Math.floor((to - from) / (2 * Math.PI));
    out[b] = unwrappedCdf(c, from + span) - unwrappedCdf(c, from);
  }
  return out;
}

/** Population value (KL + KL) of the code metric for encoders W₁ = w[0..3], W₂ = w[4..7] at misalignment `noise`. */
export function encodedPopulationKlSum(weights: ArrayLike<number>, noise: ToyNoise, bins = TOY_BINS): number {
  const p = encodedBinProbabilities(toyAngleCoefficients(), Array.from(weights).slice(0, 4), bins);
  const q = encodedBinProbabilities(toyAngleCoefficients(noise), Array.from(weights).slice(4, 8), bins);
  return symmetricKlSum(p, q);
}
