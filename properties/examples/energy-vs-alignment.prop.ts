/*
 * Worked example from docs/adding-a-conjecture.md (kept identical to the doc by a test).
 * Claim (docs/claims.md P14 (b)): pairwise alignment controls the energy distance between the two
 * modalities' empirical laws: E(X, Y) <= 2 · (1/B) Σ_i ‖x_i − y_i‖. The planted false twin drops the 2.
 */
import { pairedEmbeddings } from '../../src/arbitraries/index.js';
import { defineConjecture, leq } from '../../src/conjecture/index.js';
import { energyDistance, meanPairDistance } from '../../src/gaps/index.js';

const source = { paper: 'cai2026', ref: 'claims.md P14 (b)', provenance: 'reconstructed' } as const;
const given = pairedEmbeddings({ maxRows: 5, maxDim: 3 });

export default [
  defineConjecture({
    id: 'examples.energy.alignment-bound',
    title: 'Energy distance is at most twice the mean partner distance',
    source,
    expect: 'holds',
    given,
    bound: '2 * pairDistance',
    check: ({ X, Y }) => leq(energyDistance(X, Y), 2 * meanPairDistance(X, Y)),
  }),
  defineConjecture({
    id: 'examples.energy.alignment-bound-constant-one',
    title: 'Planted false: energy distance is at most the mean partner distance',
    source,
    expect: 'refuted',
    given,
    bound: 'pairDistance',
    check: ({ X, Y }) => leq(energyDistance(X, Y), meanPairDistance(X, Y)),
  }),
];
