import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defaultTaxonomy } from '../../src/lib/themes/default-taxonomy';
import { tagText } from '../../src/lib/themes/tagger';
import type { BenchContext } from './run';

/** A long annual report made of the seed minutes repeated, about `bytes` long. */
function bigReport(root: string, bytes: number): string {
  const dir = join(root, 'data', 'seeds');
  const seeds = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const s = seeds[i % seeds.length]!;
    parts.push(s);
    n += s.length;
  }
  return parts.join('\n\n');
}

/** Tagger speed in Node, and in the browser from choosing a file to the confirmation step. */
export default async function themes({ root, baseURL, browser, report }: BenchContext): Promise<void> {
  const { compiled } = defaultTaxonomy();
  for (const size of [100_000, 1_000_000]) {
    const text = bigReport(root, size);
    tagText(compiled, text.slice(0, 20_000));
    const t0 = performance.now();
    const r = tagText(compiled, text);
    const ms = performance.now() - t0;
    report(`tag ${(text.length / 1e6).toFixed(1)} MB report in Node (${r.sentences.length} sentences)`, ms, 'ms');
  }

  const text = bigReport(root, 1_000_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseURL}/#/data`);
  await page.getByLabel('Import minutes or reports').waitFor();
  const t0 = Date.now();
  await page.getByLabel('Import minutes or reports').setInputFiles({ name: 'long-report.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.getByRole('button', { name: 'Import this document' }).waitFor({ timeout: 120_000 });
  report('1 MB report: file chosen to confirmation shown, in the browser worker', Date.now() - t0, 'ms');
  const t1 = Date.now();
  await page.getByRole('button', { name: 'Import this document' }).click();
  await page.getByRole('link', { name: 'See its themes' }).waitFor({ timeout: 120_000 });
  report('1 MB report: stored (one transaction)', Date.now() - t1, 'ms');
  await context.close();
}
