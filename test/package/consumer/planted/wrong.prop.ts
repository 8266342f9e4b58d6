/*
 * Two wrong expectations the gate must catch (test/package/pack.test.ts expects exit 1 and two JUnit failures):
 * the false bound E(X, Y) <= (1/B) Σ_i ‖x_i − y_i‖ claimed to hold, and the true bound with the factor 2 claimed
 * to be refuted (a planted twin the suite cannot refute shows no power).
 */
import { defineConjecture, energyDistance, leq, meanPairDistance, pairedEmbeddings } from 'crl-verify';

const source = { paper: 'cai2026', ref: 'claims.md P14 (b)', provenance: 'reconstructed' } as const;
const given = pairedEmbeddings({ maxRows: 5, maxDim: 3 });

export default [
  defineConjecture({
    id: 'downstream.wrong.false-bound-claimed-to-hold',
    title: 'Energy distance is at most the mean partner distance (false, marked holds)',
    source,
    expect: 'holds',
    given,
    check: ({ X, Y }) => leq(energyDistance(X, Y), meanPairDistance(X, Y)),
  }),
  defineConjecture({
    id: 'downstream.wrong.true-bound-claimed-refuted',
    title: 'Energy distance is at most twice the mean partner distance (true, marked refuted)',
    source,
    expect: 'refuted',
    given,
    check: ({ X, Y }) => leq(energyDistance(X, Y), 2 * meanPairDistance(X, Y)),
  }),
];
