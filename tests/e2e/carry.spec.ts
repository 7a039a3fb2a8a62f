import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type Page } from '@playwright/test';
import { expect, settled, test, waitsForApp } from './fixtures';
import { storeCounts } from './helpers';

interface BundleArea {
  code: string;
  level: string;
}
const BUNDLE_AREAS = (JSON.parse(readFileSync('data/bundle.json', 'utf8')) as { areas: BundleArea[] }).areas;
const LAS = BUNDLE_AREAS.filter((a) => a.level === 'local_authority').map((a) => a.code);

let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lens-carry-'));
});
test.afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** An app data file with a new indicator: a few areas (small) or every authority over 13 years (too big for a link). */
function dataFile(name: string, big: boolean): string {
  const areas = big ? LAS : ['E10000034', 'E08000030', 'E08000029', 'E06000019', 'X12345678'];
  const years = big ? [2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025] : [2022, 2023, 2024];
  const observations = areas.flatMap((areaCode, i) =>
    years.map((period, j) => (areaCode === 'E06000019' && period === 2024 ? { indicatorId: 'local_contacts', areaCode, period, value: null, status: 'c' } : { indicatorId: 'local_contacts', areaCode, period, value: Math.round(((i * 37 + j * 11) % 97) * 10.37 + 100) / 10 })),
  );
  const file = {
    format: 'safeguarding-lens/data',
    version: 1,
    areas: [{ code: 'X12345678', name: 'Barsetshire', level: 'local_authority', regionCode: 'E12000005', aliases: ['Barsetshire'] }],
    indicators: [{ id: 'local_contacts', label: 'Contacts to the front door', shortLabel: 'Contacts', unit: 'rate_per_10000', polarity: 'neither', definition: 'Contacts per 10,000 children.', source: name, decimals: 1 }],
    observations,
  };
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(file));
  return path;
}

async function importFile(page: Page, path: string, name: string) {
  await page.goto('/#/data');
  await page.getByLabel('Import data').setInputFiles(path);
  await settled(page);
  await expect(page.getByRole('status').filter({ hasText: `Imported ${name}` })).toBeVisible();
}

const VIEW = '/#/compare?areas=E10000034,E08000030,X12345678&indicator=local_contacts&year=2024';

/** Every table of the view, as text, once the trend table has its figures. */
async function tables(page: Page): Promise<string[][][]> {
  const main = page.getByRole('main');
  await expect(main.getByRole('table', { name: /^Contacts to the front door/ }).first()).toBeVisible();
  await expect(main.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Barsetshire', exact: true }) }).first()).toBeVisible();
  return main.getByRole('table').evaluateAll((ts) => ts.map((t) => [...t.querySelectorAll('tr')].map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? ''))));
}

async function freshPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: waitsForApp(await context.newPage()) };
}

test('a link carrying imported data shows the same tables in a fresh browser, viewed only or saved', async ({ page, browser }) => {
  await importFile(page, dataFile('contacts.json', false), 'contacts.json');
  await page.goto(VIEW);
  const sent = await tables(page);

  await page.getByRole('button', { name: 'Share' }).click();
  const panel = page.getByRole('region', { name: 'Share this view' });
  await expect(panel.getByText(/This view uses data you imported \(15 figures for 1 indicator\)/)).toBeVisible();
  await panel.getByLabel(/A note for whoever opens it/).fill('Contacts for the March panel');
  const field = panel.getByLabel(/Link to this view with the data/);
  await expect(field).toHaveValue(/&carry=[A-Za-z0-9_-]+$/);
  const link = await field.inputValue();
  expect(link).toMatch(/#\/compare\?areas=E10000034,E08000030,X12345678&indicator=local_contacts&from=2022&to=2024&year=2024&neighbours=sn2025&map=0&level=95&average=mean&chart=ranked&overdispersion=none&axis=zero&v=1&data=[0-9a-f]{8}&carry=/);
  expect(link.length).toBeLessThanOrEqual(8000);

  const { context, page: other } = await freshPage(browser);
  await other.goto(link);
  const offer = other.getByRole('region', { name: 'This link carries data' });
  await expect(offer).toBeVisible();
  await expect(offer).toContainText('“Contacts for the March panel”');
  await expect(offer).toContainText('Imported from contacts.json');
  await expect(offer.getByRole('listitem')).toHaveText(['15 figures for 1 indicator (Contacts to the front door)', '5 areas']);
  // The view waits for the choice.
  await expect(other.getByRole('main').getByRole('table')).toHaveCount(0);

  await offer.getByRole('button', { name: 'View only' }).click();
  await settled(other);
  await expect(other.getByRole('status').filter({ hasText: 'Viewing data carried by a link, not saved' })).toBeVisible();
  expect(await tables(other)).toEqual(sent);
  expect((await storeCounts(other)).imports).toBe(1);
  await other.getByRole('link', { name: 'Data', exact: true }).click();
  await settled(other);
  await expect(other.getByRole('table', { name: 'Data held in this browser' })).toBeVisible();
  await expect(other.getByRole('rowheader', { name: /Shared link/ })).toHaveCount(0);

  await other.getByRole('button', { name: 'Save to my library' }).click();
  await settled(other);
  await expect(other.getByRole('status').filter({ hasText: 'Saved to your library as “Shared link (Imported from contacts.json)”' })).toBeVisible();
  await expect(other.getByRole('rowheader', { name: 'Shared link (Imported from contacts.json)' })).toBeVisible();
  expect((await storeCounts(other)).imports).toBe(2);
  // The temporary database is gone once the data is saved.
  const names = await other.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  expect(names).toEqual(['safeguarding-lens']);

  // Saved: the plain view shows the figures from the library, and the same link again is recognised.
  await other.goto(VIEW);
  expect(await tables(other)).toEqual(sent);
  await other.goto(link);
  await other.getByRole('region', { name: 'This link carries data' }).getByRole('button', { name: 'Save to my library' }).click();
  await settled(other);
  await expect(other.getByRole('status').filter({ hasText: 'This data is already in your library' })).toBeVisible();
  expect((await storeCounts(other)).imports).toBe(2);
  await context.close();
});

test('data too big for a link goes in a dashboard file that opens the same view in a fresh browser', async ({ page, browser }) => {
  await importFile(page, dataFile('all-contacts.json', true), 'all-contacts.json');
  await page.goto(VIEW);
  const sent = await tables(page);

  await page.getByRole('button', { name: 'Share' }).click();
  const panel = page.getByRole('region', { name: 'Share this view' });
  await expect(panel).toContainText(/The data is too much for a link \([\d,]+ characters; email and chat tools cut links longer\s+than 8,000\)/);
  await expect(panel.getByLabel(/Link to this view with the data/)).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download dashboard file' }).click()]);
  expect(download.suggestedFilename()).toBe('Safeguarding-Lens-compare-local-contacts.sglens.json');
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  const file = JSON.parse(readFileSync(path, 'utf8')) as { format: string; view: string; data: { observations: unknown[] } };
  expect(file.format).toBe('safeguarding-lens/dashboard');
  expect(file.view).toMatch(/^#\/compare\?areas=E10000034,E08000030,X12345678&indicator=local_contacts&from=2013&to=2025&year=2024&neighbours=sn2025&map=0&level=95&average=mean&chart=ranked&overdispersion=none&axis=zero&v=1&data=/);
  // Every authority (the ranking needs them), every year (the view sets no range), nothing else.
  expect(file.data.observations.length).toBe(LAS.length * 13);

  const { context, page: other } = await freshPage(browser);
  await other.goto('/#/data');
  await other.getByLabel('Open a dashboard file').setInputFiles(path);
  const offer = other.getByRole('region', { name: 'This dashboard file carries data' });
  await expect(offer).toContainText('Safeguarding-Lens-compare-local-contacts.sglens.json');
  await expect(offer.getByRole('listitem')).toHaveText([`${(LAS.length * 13).toLocaleString('en-GB')} figures for 1 indicator (Contacts to the front door)`, `${LAS.length + 1} areas`]);
  // The choice is as accessible as the rest of the app.
  const axe = await new AxeBuilder({ page: other }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await offer.getByRole('button', { name: 'View only' }).click();
  await settled(other);
  await expect(other).toHaveURL(/#\/compare\?areas=E10000034,E08000030,X12345678&indicator=local_contacts/);
  expect(await tables(other)).toEqual(sent);
  expect((await storeCounts(other)).imports).toBe(1);
  await context.close();
});

test('a tampered carry parameter gives a message naming what is wrong, and the view from the rest of the link', async ({ page }) => {
  await page.goto('/#/compare?areas=E10000034&indicator=cin_rate&carry=eJyrVkrLz1eyUkpKLFKqBQAd8gQ-broken');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The data carried by this link could not be used.');
  await expect(alert).toContainText('damaged');
  await expect(page.getByRole('table', { name: /^Children in need at 31 March/ }).first()).toBeVisible();

  await page.goto(`/#/compare?areas=E10000034&indicator=cin_rate&carry=${'A'.repeat(20000)}`);
  await expect(page.getByRole('alert')).toContainText('too long');
  await expect(page.getByRole('table', { name: /^Children in need at 31 March/ }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Close this message' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a dashboard file dropped on the data import opens as the shared view, and a data file given as a dashboard is refused by name', async ({ page, browser }) => {
  await importFile(page, dataFile('contacts.json', false), 'contacts.json');
  await page.goto(VIEW);
  const sent = await tables(page);
  await page.getByRole('button', { name: 'Share' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download dashboard file' }).click()]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);

  const { context, page: other } = await freshPage(browser);
  await other.goto('/#/data');
  await other.getByLabel('Import data').setInputFiles(path);
  await other.getByRole('region', { name: 'This dashboard file carries data' }).getByRole('button', { name: 'View only' }).click();
  await settled(other);
  expect(await tables(other)).toEqual(sent);

  await other.goto('/#/data');
  await other.getByLabel('Open a dashboard file').setInputFiles(dataFile('plain.json', false));
  await settled(other);
  await expect(other.getByRole('alert')).toContainText('plain.json: this is a data file, not a dashboard file: import it with “Import data” on the Data page.');
  await context.close();
});

test('in presentation mode the carried-data choice has buttons only, and the view stays read-only', async ({ page, browser }) => {
  await importFile(page, dataFile('contacts.json', false), 'contacts.json');
  await page.goto(VIEW);
  await page.getByRole('button', { name: 'Share' }).click();
  const panel = page.getByRole('region', { name: 'Share this view' });
  await panel.getByRole('checkbox', { name: /presentation mode/ }).check();
  const link = await panel.getByLabel(/Link to this view with the data/).inputValue();
  expect(link).toMatch(/&present=1&carry=/);

  const { context, page: other } = await freshPage(browser);
  await other.goto(link);
  const main = other.getByRole('main');
  await expect(main.getByRole('region', { name: 'This link carries data' })).toBeVisible();
  await expect(main.locator('input, select, textarea')).toHaveCount(0);
  await main.getByRole('button', { name: 'View only' }).click();
  await settled(other);
  await expect(main.getByRole('table', { name: /^Contacts to the front door/ }).first()).toBeVisible();
  await expect(main.locator('input, select, textarea')).toHaveCount(0);
  await context.close();
});

const MINUTES = `Dudley Safeguarding People Partnership Annual Report 2021/22
Minutes:
The Independent Scrutineer presented the annual report. During 2021/22 the Partnership focused on:
- Neglect
- Child exploitation and county lines
Neglect remained the most common reason for a child protection plan, and the Graded Care Profile is now used by health visitors and schools.
Members asked about contacts to the Multi-Agency Safeguarding Hub (MASH), which rose by 14% in the year.
RESOLVED that the report be noted.`;

test('a Themes link carries the imported document and its priorities: the same heatmap and timeline in a fresh browser', async ({ page, browser }) => {
  await page.goto('/#/data');
  await page.getByLabel('Import minutes or reports').setInputFiles({ name: 'dudley-minutes.txt', mimeType: 'text/plain', buffer: Buffer.from(MINUTES) });
  // Reading and tagging run in the themes worker: wait for it, not for a timer.
  await settled(page);
  await expect(page.getByLabel('Area', { exact: true })).toHaveValue('Dudley');
  await page.getByRole('button', { name: 'Import this document' }).click();
  // Storing the document and its themes: wait for the app, not for the default 5 s.
  await settled(page);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();

  await page.goto('/#/themes?areas=E08000027,E10000034&from=2022&to=2022');
  const main = page.getByRole('main');
  const neglect = /^Dudley, Neglect: discussed in 1 of 1 document/;
  await expect(main.getByRole('button', { name: neglect })).toBeVisible();
  const read = (p: Page) => p.getByRole('main').getByRole('table').evaluateAll((ts) => ts.map((t) => t.textContent?.replace(/\s+/g, ' ').trim()));
  const sent = await read(page);

  await page.getByRole('button', { name: 'Share' }).click();
  const panel = page.getByRole('region', { name: 'Share this view' });
  await expect(panel.getByText(/This view uses data you imported \(1 document, 2 priorities\)/)).toBeVisible();
  const link = await panel.getByLabel(/Link to this view with the data/).inputValue();

  const { context, page: other } = await freshPage(browser);
  await other.goto(link);
  const offer = other.getByRole('region', { name: 'This link carries data' });
  await expect(offer.getByRole('listitem')).toHaveText(['1 document', '2 priorities', '1 area']);
  await offer.getByRole('button', { name: 'View only' }).click();
  await settled(other);
  await expect(other.getByRole('main').getByRole('button', { name: neglect })).toBeVisible();
  expect(await read(other)).toEqual(sent);
  await context.close();
});
