/*
 * A downstream repository's conjecture file, as docs and the README show it: it imports only from 'crl-verify'.
 * Claim (docs/claims.md P14 (b)): E(X, Y) <= 2 · (1/B) Σ_i ‖x_i − y_i‖ holds; its planted false twin drops the 2.
 * test/package/pack.test.ts runs this directory as a gate and expects exit 0.
 */
import { defineConjecture, energyDistance, leq, meanPairDistance, pairedEmbeddings } from 'crl-verify';

const source = { paper: 'cai2026', ref: 'claims.md P14 (b)', provenance: 'reconstructed' } as const;
const given = pairedEmbeddings({ maxRows: 5, maxDim: 3 });

export default [
  defineConjecture({
    id: 'downstream.energy.alignment-bound',
    title: 'Energy distance is at most twice the mean partner distance',
    source,
    expect: 'holds',
    given,
    check: ({ X, Y }) => leq(energyDistance(X, Y), 2 * meanPairDistance(X, Y)),
  }),
  defineConjecture({
    id: 'downstream.energy.alignment-bound-constant-one',
    title: 'Planted false: energy distance is at most the mean partner distance',
    source,
    expect: 'refuted',
    given,
    check: ({ X, Y }) => leq(energyDistance(X, Y), meanPairDistance(X, Y)),
  }),
];
