import fc from 'fast-check';
import { finiteSpaceInstance } from './src/arbitraries/index.js';
import { gibbsDensity } from './src/theory/geometry/index.js';
const given = finiteSpaceInstance();
const measureOf = (mu: readonly number[], f: (k: number) => boolean) => mu.reduce((s, m, k) => s + (f(k) ? m : 0), 0);
const massOf = (g: ArrayLike<number>, mu: readonly number[], f: (k: number) => boolean) => mu.reduce((s, m, k) => s + (f(k) ? g[k]! * m : 0), 0);
const ratio = (r: any) => {
  const lo = Math.min(...r.U), delta = 2 * r.t, g = gibbsDensity(r.U, r.tau, r.mu);
  const total = measureOf(r.mu, () => true), near = measureOf(r.mu, (k) => r.U[k]! <= lo + delta / 2);
  return (1 - massOf(g, r.mu, (k) => r.U[k]! <= lo + delta)) / ((total / near) * Math.exp(-delta / (2 * r.tau)));
};
const xs = fc.sample(given, { numRuns: 200000, seed: 42 }).map(ratio).sort((a, b) => b - a);
console.log('top ratios', xs.slice(0, 10).map((x) => x.toFixed(4)).join(' '));
for (const c of [0.1, 0.15, 0.2, 0.22, 0.24, 0.25]) console.log(c, xs.filter((x) => x > c).length / xs.length);
const inst = fc.sample(given, { numRuns: 200000, seed: 42 });
const top = inst.map((r) => [ratio(r), r] as const).sort((a, b) => b[0] - a[0]).slice(0, 6);
for (const [v, r] of top) console.log(v.toFixed(4), 'K', r.K, 'mu', r.mu.join(','), 'U', r.U.join(','), 'tau', r.tau, 't', r.t);
