import { defineConfig } from 'vitest/config';

// The test set Stryker runs against each mutant (stryker.config.mjs, `npm run mutate`): the unit tests.
// Left out are the suites that run whole conjectures, the CLI or a model, each test taking seconds (minutes for
// the gate), which with ~500 mutants per folder made a folder cost hours instead of minutes:
//   the conjecture gate and the corpus replay (test/conjectures.test.ts, test/framework/replay.test.ts),
//   the CLI and worker tests (test/framework/{cli-input,bad-input,gate,targeted}.test.ts),
//   the minimal-counterexample tests that run conjectures (test/properties/*-minimal.test.ts),
//   the MNIST example (test/examples/mnist.test.ts, TensorFlow.js training),
//   the package test (test/package/pack.test.ts: npm pack builds src/ with tsc, then an install and CLI runs).
//   the worked example of docs/adding-a-conjecture.md (test/framework/docs.test.ts runs its conjecture).
// A mutant that only these kill counts as a survivor here, on purpose: issue 15 asks for a unit test wherever
// the only kill comes from the gate. Modules are shared between test files (isolate: false) so that fast-check
// and mathjs are not reloaded per file in every mutant run.
// STRYKER_TESTS (comma-separated globs) narrows the set further, e.g. to test/numeric/** for src/numeric, whose
// mutants every unit test reaches (docs/mutation.md: a mutant then took a minute); the score is then a lower bound.
const only = process.env.STRYKER_TESTS?.split(',');
export default defineConfig({
  test: {
    include: only ?? ['test/**/*.test.ts'],
    exclude: [
      'test/conjectures.test.ts',
      'test/framework/replay.test.ts',
      'test/framework/cli-input.test.ts',
      'test/framework/bad-input.test.ts',
      'test/framework/gate.test.ts',
      'test/framework/targeted.test.ts',
      'test/properties/*-minimal.test.ts',
      'test/examples/mnist.test.ts',
      'test/package/pack.test.ts',
      'test/framework/docs.test.ts',
      '**/node_modules/**',
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    isolate: false,
  },
});
