import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SuiteResult } from '../conjecture/index.js';
import { jsonReport } from './json.js';
import { junitReport } from './junit.js';
import { markdownReport } from './markdown.js';

export * from './json.js';
export * from './markdown.js';
export * from './junit.js';
export * from './summary.js';

/** Writes report.json, report.md and junit.xml into `dir`; returns their paths. */
export function writeReports(s: SuiteResult, dir: string, startedAt: Date, tensorBackend?: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files: [string, string][] = [
    ['report.json', `${JSON.stringify(jsonReport(s, startedAt, tensorBackend), null, 2)}\n`],
    ['report.md', markdownReport(s, tensorBackend)],
    ['junit.xml', junitReport(s)],
  ];
  return files.map(([name, text]) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  });
}
export * from './html.js';
