import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { BenchContext } from './run';

/**
 * Carrying imported data: how many figures fit in a link, and how long each step
 * takes. The sender imports an indicator for every authority; Share packs the view's
 * figures into a link (or, past 8,000 characters, a dashboard file); a fresh browser
 * opens it and chooses View only (the bundle and the carried figures go into a
 * temporary database) or Save (an import into the library).
 */
export default async function carry({ root, baseURL, browser, report }: BenchContext): Promise<void> {
  const areas = (JSON.parse(readFileSync(join(root, 'data', 'bundle.json'), 'utf8')) as { areas: { code: string; level: string }[] }).areas
    .filter((a) => a.level === 'local_authority')
    .map((a) => a.code);
  const dir = mkdtempSync(join(tmpdir(), 'lens-carry-bench-'));
  try {
    for (const years of [5, 13]) {
      const file = join(dir, `contacts-${years}.json`);
      const observations = areas.flatMap((areaCode, i) =>
        Array.from({ length: years }, (_, j) => ({ indicatorId: 'bench_contacts', areaCode, period: 2025 - j, value: Math.round(((i * 37 + j * 11) % 97) * 10.37 + 100) / 10 })),
      );
      writeFileSync(file, JSON.stringify({ format: 'safeguarding-lens/data', version: 1, indicators: [{ id: 'bench_contacts', label: 'Bench contacts', unit: 'rate_per_10000' }], observations }));

      const sender = await browser.newContext();
      const page = await sender.newPage();
      await page.goto(`${baseURL}/#/data`);
      await page.getByLabel('Import data').setInputFiles(file);
      await page.getByRole('status').filter({ hasText: 'Imported' }).waitFor();
      await page.goto(`${baseURL}/#/compare?areas=E10000034,E08000030&indicator=bench_contacts`);
      await page.getByRole('table', { name: /^Bench contacts/ }).first().waitFor();
      let t = Date.now();
      await page.getByRole('button', { name: 'Share' }).click();
      const linkField = page.getByLabel(/Link to this view with the data/);
      const fileButton = page.getByRole('button', { name: 'Download dashboard file' });
      await fileButton.waitFor();
      const fits = (await linkField.count()) > 0;
      report(`${observations.length} figures: Share → offer ready`, Date.now() - t, 'ms');
      let open: (p: Page) => Promise<void>;
      if (fits) {
        const link = await linkField.inputValue();
        report(`${observations.length} figures: link length`, link.length, 'characters');
        open = async (p) => {
          await p.goto(link);
        };
      } else {
        const [download] = await Promise.all([page.waitForEvent('download'), fileButton.click()]);
        const path = join(dir, `dashboard-${years}.sglens.json`);
        await download.saveAs(path);
        report(`${observations.length} figures: too long for a link; dashboard file`, readFileSync(path).length / 1024, 'KB');
        open = async (p) => {
          await p.goto(`${baseURL}/#/data`);
          await p.getByLabel('Open a dashboard file').setInputFiles(path);
        };
      }
      await sender.close();

      for (const choice of ['View only', 'Save to my library']) {
        const context = await browser.newContext();
        const p = await context.newPage();
        t = Date.now();
        await open(p);
        await p.getByRole('button', { name: choice }).waitFor();
        report(`${observations.length} figures, fresh browser: opened → choice shown`, Date.now() - t, 'ms');
        t = Date.now();
        await p.getByRole('button', { name: choice }).click();
        await p.getByRole('table', { name: /^Bench contacts/ }).first().waitFor();
        report(`${observations.length} figures, fresh browser: ${choice} → table shown`, Date.now() - t, 'ms');
        await context.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
