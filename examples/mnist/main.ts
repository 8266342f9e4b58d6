/*
 * npm run example:mnist — the MNIST example end to end (examples/mnist/run.ts). MNIST_SMALL=1 (or --small) runs the
 * reduced version the tests use; --out <dir> changes the output directory (default reports/mnist).
 * Exit code: that of `crl-verify measure` on the written embeddings (0 when every transport bound holds).
 */
import { FULL, runMnistExample, SMALL } from './run.js';

const args = process.argv.slice(2);
const small = process.env.MNIST_SMALL === '1' || args.includes('--small');
const outAt = args.indexOf('--out');
const outDir = outAt >= 0 ? args[outAt + 1] : undefined;

const summary = await runMnistExample({ config: small ? SMALL : FULL, outDir, log: (line) => console.log(line) });
console.log('');
for (const [k, v] of Object.entries(summary.verdicts)) console.log(`${v ? 'yes' : 'NO '}  ${k}`);
console.log(`\nreport: ${summary.outDir}/report.md`);
process.exitCode = summary.measureExitCode;
