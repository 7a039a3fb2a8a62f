import { readFileSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { expect, test, waitsForApp } from './fixtures';

const LINK = '/#/compare?areas=E10000034,E08000030&indicator=cin_rate&from=2018&to=2025&year=2024';
const VINTAGE = (JSON.parse(readFileSync('data/bundle-meta.json', 'utf8')) as { hash: string }).hash.slice(0, 8);

async function tableText(page: Page, name: RegExp): Promise<string[][]> {
  const table = page.getByRole('table', { name });
  await expect(table).toBeVisible();
  return table.getByRole('row').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')));
}

test('Share copies a link that opens the same view, with the same figures, in a fresh browser', async ({ page, context, browser, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await page.goto(LINK);
  const before = await tableText(page, /^Children in need at 31 March/);

  await page.getByRole('button', { name: 'Share' }).click();
  const panel = page.getByRole('region', { name: 'Share this view' });
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'Copy link' }).click();
  await expect(panel.getByRole('status')).toHaveText('Link copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await panel.getByLabel('Link to this view').inputValue());
  expect(copied).toBe(`${baseURL}/#/compare?areas=E10000034,E08000030&indicator=cin_rate&from=2018&to=2025&year=2024&neighbours=sn2025&map=0&level=95&average=mean&chart=ranked&overdispersion=none&axis=zero&v=1&data=${VINTAGE}`);
  // A changed link is not the one copied.
  await panel.getByRole('checkbox', { name: /presentation mode/ }).check();
  await expect(panel.getByLabel('Link to this view')).toHaveValue(`${copied}&present=1`);
  await expect(panel.getByRole('status')).toBeEmpty();

  const fresh = await browser.newContext();
  const other = waitsForApp(await fresh.newPage());
  await other.goto(copied);
  expect(await tableText(other, /^Children in need at 31 March/)).toEqual(before);
  await expect(other.getByRole('status')).toHaveCount(0);
  await fresh.close();
});

test('when the browser will not copy, the link is selected in a field to copy by hand', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => ({ writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }) });
  });
  await page.goto(LINK);
  await page.getByRole('button', { name: 'Share' }).click();
  const panel = page.getByRole('region', { name: 'Share this view' });
  await panel.getByRole('button', { name: 'Copy link' }).click();
  await expect(panel.getByRole('status')).toContainText('did not allow copying');
  const field = panel.getByLabel('Link to this view');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue(/#\/compare\?areas=E10000034,E08000030&indicator=cin_rate.*&v=1&data=/);
  const selected = await field.evaluate((el: HTMLInputElement) => el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0));
  expect(selected).toBe(await field.inputValue());
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(page.getByRole('button', { name: 'Share' })).toBeFocused();
});

test('a link made on another edition of the figures says so, until the view is changed', async ({ page }) => {
  await page.goto(`${LINK}&v=1&data=0123abcd`);
  const notice = page.getByRole('status').filter({ hasText: 'different edition of the figures' });
  await expect(notice).toBeVisible();
  await expect(page.getByRole('table', { name: /^Children in need at 31 March/ })).toBeVisible();

  await page.goto(`${LINK}&v=1&data=${VINTAGE}`);
  await expect(page.getByRole('table', { name: /^Children in need at 31 March/ })).toBeVisible();
  await expect(notice).toHaveCount(0);

  await page.goto(`${LINK}&v=1&data=0123abcd`);
  await expect(notice).toBeVisible();
  await page.getByLabel('Year for the ranking').selectOption({ label: '2022-23' });
  await expect(notice).toHaveCount(0);
  await expect(page).not.toHaveURL(/data=/);
});

test('presentation mode: read-only, larger type, and it stays on across views until left', async ({ page }) => {
  await page.goto(LINK);
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('checkbox', { name: /presentation mode/ }).check();
  const link = await page.getByLabel('Link to this view').inputValue();
  expect(link).toMatch(/&present=1$/);

  await page.goto(link);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Compare partnerships' })).toBeVisible();
  await expect(main.getByRole('table', { name: /^Children in need at 31 March/ })).toBeVisible();
  await expect(main.getByRole('figure', { name: /^Children in need at 31 March/ })).toBeVisible();
  // The selection is stated, not offered for change.
  await expect(main.getByText('Worcestershire, Walsall')).toBeVisible();
  await expect(main.getByRole('combobox', { name: 'Add an area' })).toHaveCount(0);
  await expect(main.getByLabel('Indicator')).toHaveCount(0);
  await expect(main.getByRole('button', { name: /Remove/ })).toHaveCount(0);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');

  // Every view keeps presentation mode and offers no form controls.
  for (const name of ['Themes', 'Data', 'Compare']) {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name }).click();
    await expect(page).toHaveURL(/present=1/);
    await expect(main.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await expect(main.locator('input, select, textarea')).toHaveCount(0);
  }
  await page.goto('/#/area/E10000034?present=1');
  await expect(main.getByRole('heading', { name: 'Worcestershire', exact: true })).toBeVisible();
  await expect(main.locator('input, select, textarea')).toHaveCount(0);

  await page.getByRole('button', { name: 'Leave presentation mode' }).click();
  await expect(page).not.toHaveURL(/present=1/);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('16px');
  await page.goBack();
  await expect(page).toHaveURL(/present=1/);
  await expect(page.getByRole('button', { name: 'Leave presentation mode' })).toBeVisible();
});

test('the Present button switches this tab to presentation mode', async ({ page }) => {
  await page.goto(LINK);
  await expect(page.getByRole('combobox', { name: 'Add an area' })).toBeVisible();
  await page.getByRole('button', { name: 'Present' }).click();
  await expect(page).toHaveURL(/present=1/);
  await expect(page.getByRole('combobox', { name: 'Add an area' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
});

test('printing shows the chart, its table and the link, without the app controls', async ({ page }) => {
  await page.goto(`${LINK}&present=1`);
  await expect(page.getByRole('table', { name: /^Children in need at 31 March/ })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Share' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('table', { name: /^Children in need at 31 March/ })).toBeVisible();
  await expect(page.getByTestId('trend-svg')).toBeVisible();
  // Axis numbers as a reader writes them (10, 20 …), not in exponent form (1e+1).
  const ticks = await page.getByTestId('trend-svg').locator('text').allTextContents();
  expect(ticks.filter((t) => /^\d[\d,]*$/.test(t)).length).toBeGreaterThan(2);
  expect(ticks.filter((t) => /\de[+-]\d/.test(t))).toEqual([]);
  await expect(page.getByText(/^Printed from Safeguarding Lens\. This view: http.*#\/compare\?areas=E10000034,E08000030.*&v=1&data=/)).toBeVisible();
});
