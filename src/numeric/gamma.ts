import { ensure } from './errors.js';

/**
 * log Γ(x) for x in ½ℕ⁺ (1/2, 1, 3/2, …): exact products from Γ(1) = 1 and Γ(½) = √π.
 * These are the only arguments the sphere's closed forms need (Γ(d/2), Γ(ν+1) with ν = d/2 − 1).
 */
export function logGammaHalfInteger(x: number): number {
  ensure(
    x > 0 && Number.isInteger(2 * x) && Number.isFinite(x),
    () => `logGammaHalfInteger: x must be a positive multiple of 1/2, got ${x}`,
  );
  let s = Number.isInteger(x) ? 0 : 0.5 * Math.log(Math.PI);
  for (let t = Number.isInteger(x) ? 1 : 0.5; t < x; t += 1) s += Math.log(t);
  return s;
}
