import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { timingsFile } from '../conjecture/shard.js';
import { mergeReports, readShardReport } from '../report/merge.js';
import { summaryText, writeHtmlReport, writeReports } from '../report/index.js';
import { asUsage, ensureWritableDir } from './options.js';

/**
 * `crl-verify merge [--out dir] <dir | report.json>...`: joins the report.json of shards (`run --shard i/n`) into one
 * set of reports (report.json, report.md, junit.xml, index.html) as one run writes them, and timings.json (the time
 * of each conjecture, for --timings). Exit 0 when the merged suite passes the gate, 1 when not, 2 for bad input.
 */
export async function mergeCommand(paths: readonly string[], o: Record<string, string | true>): Promise<number> {
  const outDir = (o.out as string | undefined) ?? 'reports';
  const { suite, startedAt, tensorBackend } = asUsage(() => mergeReports(paths.map(readShardReport)));
  ensureWritableDir(outDir, 'the report directory');
  const timings = join(outDir, 'timings.json');
  writeFileSync(timings, timingsFile(suite.results));
  const files = [
    ...writeReports(suite, outDir, startedAt, tensorBackend),
    await writeHtmlReport(suite, outDir, tensorBackend),
    timings,
  ];
  console.log(`${summaryText(suite)}\n\nmerged ${paths.length} reports\nreports: ${files.join(', ')}`);
  return suite.ok ? 0 : 1;
}
