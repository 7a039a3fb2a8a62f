import { deflateSync } from 'node:zlib';
import { duringWork, expect, settled, test } from './fixtures';

/**
 * Carried data and documents made to keep the tagger busy (issue 14, item 2): a short
 * link whose one document is "neglect " repeated 230,000 times (1.8 MB, one sentence),
 * and long minutes. The page answers at once with a reason, or shows progress with a
 * Cancel that works.
 */
const envelope = (text: string, view?: string) => ({
  format: 'safeguarding-lens/dashboard',
  version: 1,
  ...(view ? { view } : {}),
  data: {
    format: 'safeguarding-lens/data',
    version: 1,
    documents: [{ id: 'doc-neglect', areaCode: 'E10000034', period: 2021, title: 'Minutes', source: 'minutes.txt', text, hash: 'h-neglect' }],
  },
});

const base64url = (b: Buffer) => b.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

test('a short link carrying 1.8 MB of one repeated word is answered with a reason, and the view is shown', async ({ page }) => {
  const carry = base64url(deflateSync(Buffer.from(JSON.stringify(envelope('neglect '.repeat(230_000))))));
  expect(carry.length).toBeLessThan(16_000);
  // The page is ready once the link is answered: no tagging was started.
  await page.goto(`/#/themes?areas=E10000034&from=2021&to=2021&v=1&carry=${carry}`);
  await expect(page.getByRole('alert')).toContainText('The carried documents hold 1,840,000 characters of text, more than the 200,000 a link may carry');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Close this message' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('opening a dashboard file with a long document shows progress, and Cancel stops it with nothing kept', async ({ page }) => {
  // Filling a temporary database and tagging a megabyte are slow on a busy machine: this bounds the test, it asserts no time.
  test.setTimeout(120_000);
  await page.goto('/#/data');
  const file = JSON.stringify(envelope('Neglect was discussed, and the Board agreed to act. '.repeat(20_000), '#/themes?areas=E10000034&from=2021&to=2021'));
  await page.getByLabel('Open a dashboard file').setInputFiles({ name: 'long.sglens.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await settled(page);
  // The themes worker's script is held back, so the opening cannot finish before Cancel is
  // clicked (it did once on a busy machine): Cancel lands while the temporary database is
  // filled or while the step waits for the tagger, both of which must leave nothing.
  await page.route(/themes\.worker-[\w-]+\.js$/, () => undefined);
  await page.getByRole('button', { name: 'View only' }).click();
  const working = page.getByRole('status').filter({ hasText: 'Opening the view with the carried data' });
  await expect(working).toBeVisible();
  await working.getByRole('button', { name: 'Cancel' }).click();
  await settled(page);
  await expect(page.getByText('Opening the carried data was cancelled: nothing was saved.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'View only' })).toBeEnabled();
  // No temporary database is left behind (the one being filled goes once its step stops), and the library has no new import.
  await expect
    .poll(async () => (await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''))).filter((n) => n.startsWith('safeguarding-lens-viewing-')), { timeout: 60_000 })
    .toEqual([]);
  await page.getByRole('button', { name: 'Don’t use it' }).click();
  await page.goto('/#/data');
  await expect(page.getByRole('table', { name: 'Data held in this browser' })).not.toContainText('long.sglens.json');
});

test('reading long minutes shows progress, and Cancel stops it with nothing stored', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/#/data');
  const text = 'Worcestershire Safeguarding Children Partnership. Neglect was discussed, and the Board agreed to act.\n'.repeat(40_000);
  await page.getByLabel('Import minutes or reports').setInputFiles({ name: 'long-minutes.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  const progress = page.getByRole('status').filter({ hasText: 'Reading long-minutes.txt' });
  await duringWork(progress);
  await expect(progress).toBeVisible();
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel reading long-minutes.txt' }).click();
  await settled(page);
  await expect(page.getByRole('alert')).toHaveText('Reading long-minutes.txt was cancelled. Nothing was stored.');
  await expect(page.getByRole('button', { name: 'Import this document' })).toHaveCount(0);
  // Another file can be read straight away, in a new worker (which compiles the theme patterns again first).
  await page.getByLabel('Import minutes or reports').setInputFiles({ name: 'short.txt', mimeType: 'text/plain', buffer: Buffer.from('Worcestershire Safeguarding Children Partnership minutes, 2021. Neglect was discussed.') });
  await settled(page);
  await expect(page.getByRole('button', { name: 'Import this document' })).toBeVisible();
});
