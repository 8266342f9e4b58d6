// Mutation score of a StrykerJS JSON report (reports/mutation/<folder>/mutation.json), per source file and in
// total, and the survivors with their line. With `--without <test-file>...` a kill counts only if a test outside
// those files made it: run Stryker with --disableBail (every killing test is then recorded) and this gives the
// score before the named test files were added, from the same run.
//   node scripts/mutation-score.mjs reports/mutation/gaps/mutation.json [--without test/gaps/new.test.ts ...]
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const reportPath = args[0];
const cut = args.indexOf('--without');
const without = new Set(cut >= 0 ? args.slice(cut + 1) : []);
const report = JSON.parse(readFileSync(reportPath, 'utf8'));

/** Test id → its file, so that kills by the excluded files can be discounted. */
const fileOfTest = new Map();
for (const [file, { tests }] of Object.entries(report.testFiles ?? {})) {
  for (const t of tests) fileOfTest.set(t.id, file);
}

/** Score = detected / (detected + undetected); timeouts count as detected, errors and ignored not at all. */
function tally(mutants) {
  let detected = 0,
    undetected = 0;
  const survivors = [];
  for (const m of mutants) {
    let status = m.status;
    if (status === 'Killed' && without.size > 0) {
      const killers = (m.killedBy ?? []).filter((id) => !without.has(fileOfTest.get(id)));
      if (killers.length === 0) status = 'Survived';
    }
    if (status === 'Killed' || status === 'Timeout') detected++;
    else if (status === 'Survived' || status === 'NoCoverage') {
      undetected++;
      survivors.push(m);
    }
  }
  return { detected, undetected, survivors };
}

const pct = (d, u) => (d + u === 0 ? 'n/a' : `${((100 * d) / (d + u)).toFixed(1)}%`);
let D = 0,
  U = 0;
const lines = [];
for (const [file, { mutants }] of Object.entries(report.files).sort()) {
  const { detected, undetected, survivors } = tally(mutants);
  D += detected;
  U += undetected;
  console.log(`${file}: ${pct(detected, undetected)} (${detected} detected, ${undetected} undetected)`);
  for (const m of survivors) {
    const at = `${file}:${m.location.start.line}:${m.location.start.column}`;
    lines.push(
      `  ${m.status === 'NoCoverage' ? 'no coverage' : 'survived'}  ${at}  ${m.mutatorName}: ${m.replacement ?? ''}`,
    );
  }
}
console.log(
  `total: ${pct(D, U)} (${D} detected, ${U} undetected)${without.size ? ` without ${[...without].join(', ')}` : ''}`,
);
for (const l of lines) console.log(l.replace(/\s+/g, ' ').slice(0, 200));
