import type { SuiteResult } from '../conjecture/index.js';

const x = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** junit.xml: one testcase per conjecture, failing when its outcome differs from its expectation. */
export function junitReport(s: SuiteResult): string {
  const failures = s.counts.unexpected;
  const errors = s.counts.error + s.loadErrors.length;
  const cases = s.results.map((r) => {
    const name = `${r.id} (expect ${r.expect})`;
    const body =
      r.status === 'error'
        ? `<error message="${x(r.error ?? 'error')}"/>`
        : r.status === 'inconclusive'
          ? `<system-out>${x(`inconclusive: ${r.suspect?.confirmation.reason ?? ''}`)}</system-out>`
          : r.status === 'unexpected'
            ? `<failure message="${x(r.expect === 'holds' ? `counterexample: ${r.counterexample?.shown ?? ''}` : 'no counterexample found')}">${x(`seed ${r.seed}${r.path ? ` path ${r.path}` : ''}`)}</failure>`
            : '';
    return `    <testcase classname="${x(r.file ?? 'properties')}" name="${x(name)}" time="${(r.timing.ms / 1000).toFixed(3)}">${body}</testcase>`;
  });
  for (const e of s.loadErrors)
    cases.push(`    <testcase classname="${x(e.file)}" name="load"><error message="${x(e.message)}"/></testcase>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="crl-verify">\n  <testsuite name="crl-verify ${s.profile}" tests="${cases.length}" failures="${failures}" errors="${errors}">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}
