// StrykerJS mutation testing (issue 15): `npm run mutate`, or one folder with
// `npm run mutate -- --mutate 'src/gaps/**/*.ts'`. Not part of .ci/run: it takes minutes to hours.
// Results per folder: docs/mutation.md.

/** The folder named by `--mutate 'src/<folder>/**'` on the command line, or 'all'; it names the outputs. */
function scope() {
  const args = process.argv;
  const i = args.findIndex((a) => a === '--mutate' || a === '-m');
  const inline = args.find((a) => a.startsWith('--mutate='));
  const glob = inline ? inline.slice('--mutate='.length) : i >= 0 ? (args[i + 1] ?? '') : '';
  const folder = /^src\/([\w-]+)\//.exec(glob)?.[1];
  return folder ?? (glob ? 'custom' : 'all');
}

// STRYKER_SCOPE names the outputs instead (several runs on one folder with different test sets, kept apart).
const out = `reports/mutation/${process.env.STRYKER_SCOPE ?? scope()}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // The Stryker test set leaves out the two slow suites (see vitest.stryker.config.ts): a mutant only the
  // conjecture gate kills is reported as surviving.
  vitest: { configFile: 'vitest.stryker.config.ts' },
  // gemmBytes.ts and expBytes.ts are generated from gemm.wat and exp.wat (scripts/build-wasm.mjs); a test checks them
  // byte for byte, so they are not mutated (pass the same exclusion with --mutate).
  mutate: ['src/**/*.ts', '!src/**/*.d.ts', '!src/numeric/wasm/gemmBytes.ts', '!src/numeric/wasm/expBytes.ts'],
  coverageAnalysis: 'perTest',
  // Vitest does not type-check, so Stryker need not insert `// @ts-nocheck`; inserting it would shift the lines of
  // test/fixtures-props/syntax/unclosed.prop.ts, whose error location a test checks.
  disableTypeChecks: false,
  // Incremental: only mutants whose code or covering tests changed since the last run of the same scope are re-run.
  // The file is a cache of one machine's last run and is git-ignored (reports/*); one file per scope so that
  // measuring one folder does not discard another folder's results.
  incremental: true,
  incrementalFile: `${out}/incremental.json`,
  reporters: ['html', 'clear-text', 'json', 'progress'],
  htmlReporter: { fileName: `${out}/index.html` },
  jsonReporter: { fileName: `${out}/mutation.json` },
  clearTextReporter: { allowColor: false, reportScoreTable: true, reportMutants: true },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  concurrency: 1,
  timeoutMS: 10_000,
};
