/*
 * Source: src/report/html.ts (issue 6: reports/index.html with Vega-Lite SVG plots rendered in Node).
 * Expected: the page, opened from disk in headless Chromium (Debian's /usr/bin/chromium through playwright-core;
 * .ci/run installs it), loads with no console error or page error, every plot is an inline SVG whose marks are drawn
 * and whose data-points count is positive, and the plot kinds of the issue are present: tightness, rate (scaled error
 * against the grid, finite-m bias against m) and reproduction tables (gap against misalignment).
 * Without a Chromium binary the browser test is skipped with that reason; the rendering checks still run.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runSuite } from '../../src/conjecture/index.js';
import { plotsOf, writeHtmlReport } from '../../src/report/index.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const suite = await runSuite({
  profile: 'ci',
  grep: '/^(background\\.wang-isola|paper1\\.finite-m\\.bias-rate|paper1\\.calibration\\.(sqrt|linear)$|paper2\\.reproduction\\.mismatch|paper2\\.gibbs)/',
  writeCorpus: false,
  targeted: false,
});
const dir = mkdtempSync(join(tmpdir(), 'crl-html-'));
const page = await writeHtmlReport(suite, dir, 'wasm');

describe('index.html plots', () => {
  it('has the plot kinds of the issue, each with data', () => {
    const ids = plotsOf(suite).map((p) => p.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'tightness-paper1',
        'tightness-paper2',
        'rate-paper1.finite-m.bias-rate-one-over-m',
        'rate-background.wang-isola.limit',
      ]),
    );
    expect(ids.some((id) => id.startsWith('table-paper2.reproduction.mismatch'))).toBe(true);
    for (const p of plotsOf(suite)) expect(p.points, p.id).toBeGreaterThan(0);
  });

  it.skipIf(!existsSync(CHROMIUM))(
    `loads in headless Chromium with no console error and every plot drawn (${CHROMIUM})`,
    async () => {
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
      try {
        const tab = await browser.newPage();
        const errors: string[] = [];
        tab.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        tab.on('pageerror', (e) => errors.push(String(e)));
        await tab.goto(pathToFileURL(page).href);
        const figures = await tab.$$eval('figure.plot', (fs) =>
          fs.map((f) => ({
            id: f.id,
            points: Number(f.getAttribute('data-points')),
            marks: f.querySelectorAll('svg g[class*="role-mark"] > *').length,
            width: f.querySelector('svg')?.getBoundingClientRect().width ?? 0,
          })),
        );
        expect(errors).toEqual([]);
        expect(figures.length).toBe(plotsOf(suite).length);
        for (const f of figures) {
          expect(f.points, f.id).toBeGreaterThan(0);
          expect(f.marks, `${f.id} draws its marks`).toBeGreaterThan(0);
          expect(f.width, `${f.id} is laid out`).toBeGreaterThan(100);
        }
        expect(await tab.locator('table tbody tr').count()).toBe(suite.results.length);
        // the harness has power: the same page with a console error and an empty plot is caught
        const broken = join(dir, 'broken.html');
        writeFileSync(
          broken,
          readFileSync(page, 'utf8').replace(
            '</body>',
            '<script>console.error("planted")</script><figure class="plot" data-points="0"></figure></body>',
          ),
        );
        const seen: string[] = [];
        const tab2 = await browser.newPage();
        tab2.on('console', (m) => {
          if (m.type() === 'error') seen.push(m.text());
        });
        await tab2.goto(pathToFileURL(broken).href);
        expect(seen).toEqual(['planted']);
        expect(
          await tab2.$$eval(
            'figure.plot',
            (fs) => fs.filter((f) => !f.querySelector('svg') || Number(f.getAttribute('data-points')) === 0).length,
          ),
        ).toBe(1);
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});
