/*
 * Type-checked by test/package/pack.test.ts against the installed declarations (`tsc --noEmit`, strict, no
 * skipLibCheck): the public names have real types, so each misuse below is an error that @ts-expect-error absorbs;
 * were the declarations missing or `any`, tsc would fail on an unused @ts-expect-error or an implicit any.
 */
import { defineConjecture, fc, leq, type Matrix, pairedEmbeddings, Rng, type Verdict } from 'crl-verify';

const verdict: Verdict = leq(1, 2);
const margin: number = verdict.margin;
const draw: number = new Rng(42).uniform();

export const typed = defineConjecture({
  id: 'downstream.types.rows',
  title: 'Every batch has at least one row',
  source: { paper: 'background', ref: 'none', provenance: 'background' },
  expect: 'holds',
  given: pairedEmbeddings({ maxRows: 3 }),
  check: ({ X }: { X: Matrix }) => leq(1, X.rows + margin * 0 + draw * 0),
});

export const sample = fc.sample(pairedEmbeddings(), { seed: 1, numRuns: 1 });

// @ts-expect-error leq takes numbers
leq('1', 2);
// @ts-expect-error maxRows is a number
pairedEmbeddings({ maxRows: 'five' });
// @ts-expect-error expect is 'holds' or 'refuted'
defineConjecture({ ...typed.spec, expect: 'maybe' });
