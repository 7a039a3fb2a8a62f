import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';

const LINK = '/#/compare?areas=E10000034,E08000030,E08000029,E06000019&indicator=cpp_rate&from=2016&to=2025&year=2025';

function rankedTable(page: Page) {
  return page.getByRole('table', { name: /CP plan rate, 2024-25: chosen areas and benchmarks/ });
}
async function rowCells(page: Page, table: ReturnType<typeof rankedTable>, name: string | RegExp): Promise<string[]> {
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
  return (await row.getByRole('cell').allTextContents()).map((c) => c.replace(/\s+/g, ' ').trim());
}

test('the ranked chart table gives value, interval and significance first, then the recent trend, rank with its direction, quartile, change and difference', async ({ page }) => {
  await page.goto(LINK);
  const table = rankedTable(page);
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Rank (1 = highest)' })).toBeVisible();
  // LAIT CPP_rate 2025: Worcestershire 43.5 (2024: 49.8), England 40.6; 522 children of 120,119 (EES d5, ONS).
  // Medway also has 43.5, so the rank is shared.
  expect(await rowCells(page, table, /Worcestershire/)).toEqual([
    '43.5',
    // The verdict and the trend are read next after the value (issue 13).
    '● Similar to England',
    // Fingertips' test on 2020-21 to 2024-25 (38.4, 38.2, 47.8, 49.8, 43.5): tests/e2e/statistics.spec.ts works it through.
    '↑ increasing',
    '39.8 to 47.4',
    'joint 62 of 151',
    'Q3 (second-highest quarter)',
    '−6.3',
    '+2.9',
    // Ofsted's ILACS outcomes as at 31 March 2025: Worcestershire overall Good, inspected 15 May 2023.
    '★ Good (15 May 2023)',
  ]);
  // Walsall 31.6 from 227 of 71,799: its interval lies wholly below England.
  expect((await rowCells(page, table, /Walsall/))[1]).toBe('▼ Significantly lower than England');
  expect((await rowCells(page, table, /^England/))[0]).toBe('40.6');
  await expect(page.getByText(/Intervals: Byar’s method/)).toBeVisible();
});

test('the ranked chart draws every authority with a figure and is driven by keyboard', async ({ page }) => {
  await page.goto(LINK);
  const svg = page.getByTestId('ranked-svg');
  await expect(svg.locator('rect.bar')).toHaveCount(151);
  await expect(svg.locator('rect.bar.chosen')).toHaveCount(4);
  await expect(svg.locator('g.benchmark[data-role="england"]')).toHaveCount(1);
  await expect(svg.locator('g.benchmark[data-role="region"]')).toHaveCount(1);
  await expect(svg.locator('g.benchmark[data-role="neighbours"]')).toHaveCount(1);

  const chart = page.getByRole('application', { name: /every local authority/ });
  await chart.focus();
  const readout = page.locator('#ranked-title').locator('xpath=ancestor::figure').locator('.chart-readout');
  await expect(readout).toHaveText(
    'Worcestershire: 43.5 per 10,000 children; rank joint 62 of 151 (1 = highest); Q3 (second-highest quarter); similar to England',
  );
  await page.keyboard.press('ArrowDown');
  await expect(readout).toContainText('Herefordshire: 40.4 per 10,000 children; rank joint 77 of 151');
  await page.keyboard.press('Home');
  await expect(readout).toContainText('rank 1 of 151');
  await page.keyboard.press('End');
  await expect(readout).toContainText('rank 151 of 151');
});

test('one click adds an authority’s ten statistical neighbours; their average is a benchmark', async ({ page }) => {
  await page.goto(LINK);
  // Mean of the ten 2025-model neighbours' published 2025 rates (LAIT CPP_rate): 35.04.
  const trendTable = page.getByRole('table', { name: /Children on a child protection plan.*2015-16 to 2024-25/ });
  const nbRow = trendTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Neighbours’ average/ }) });
  await expect(nbRow.getByRole('cell').last()).toHaveText('35.0');

  await page.getByRole('button', { name: 'Add Worcestershire’s 10 statistical neighbours' }).click();
  await expect(page).toHaveURL(/areas=E10000034,E08000030,E08000029,E06000019,E06000066,E10000013/);
  await expect(page.getByRole('list', { name: 'Chosen areas' }).getByRole('listitem')).toHaveCount(14);
  await page.getByText('Statistical neighbours of Worcestershire').click();
  await expect(page.getByRole('listitem').filter({ hasText: /^Somerset — very close/ })).toBeVisible();

  await page.getByLabel('Neighbour model').selectOption('sn2021');
  await expect(page).toHaveURL(/neighbours=sn2021/);
  await expect(page.getByRole('listitem').filter({ hasText: /^Warwickshire — extremely close/ })).toBeVisible();
});

test('exports: PNG and SVG of a chart with title and source, CSV of a table, copy', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(LINK);
  const figure = page.locator('#ranked-title').locator('xpath=ancestor::figure');

  const [png] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: /^Download PNG/ }).click()]);
  expect(png.suggestedFilename()).toBe('cp-plan-rate-2024-25-every-local-authority-ranked.png');
  const pngBytes = await readAll(await png.createReadStream());
  expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // The picture is the chart and its header and footer at twice the size, not an empty canvas.
  expect(pngBytes.readUInt32BE(16)).toBeGreaterThan(1000);
  expect(pngBytes.length).toBeGreaterThan(10_000);

  const [svg] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: /^Download SVG/ }).click()]);
  const svgText = (await readAll(await svg.createReadStream())).toString('utf8');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.nodeName,
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      bars: doc.querySelectorAll('rect.bar').length,
    };
  }, svgText);
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe('svg');
  expect(parsed.bars).toBe(151);
  expect(parsed.texts[0]).toBe('CP plan rate, 2024-25: every local authority ranked');
  expect(parsed.texts.join(' ')).toContain('Source: Department for Education');
  expect(parsed.texts.join(' ')).toMatch(/Made with Safeguarding Lens on \d{1,2} \w+ \d{4}/);

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download CSV: CP plan rate, 2024-25: chosen areas/ }).click()]);
  const csvText = (await readAll(await csv.createReadStream())).toString('utf8').replace(/^\uFEFF/, '');
  const lines = csvText.trim().split('\r\n');
  expect(lines[0]).toBe(
    'Area,Value,Compared with England (95%),Recent trend,95% confidence interval,Rank (1 = highest),Quartile (Q4 = highest),Change on 2023-24,Difference from England,Latest Ofsted overall (date),In words',
  );
  expect(lines).toHaveLength(1 + 4 + 3);
  expect(lines[1]).toBe(
    'Worcestershire,43.5,● Similar to England,↑ increasing,39.8 to 47.4,joint 62 of 151,Q3 (second-highest quarter),-6.3,2.9,★ Good (15 May 2023),' +
      // Quoted: the sentence's "10,000" has a comma.
      '"Worcestershire’s CP plan rate (43.5 per 10,000 children) has been increasing over the five years to 2024-25 and is similar to England’s (40.6) in 2024-25 (95% level)."',
  );

  await page.getByRole('button', { name: /^Copy table: CP plan rate, 2024-25: chosen areas/ }).click();
  await expect(page.getByText('Copied 7 rows.', { exact: false })).toBeVisible();
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expect(clip.split('\n')[1]).toBe(
    'Worcestershire\t43.5\t● Similar to England\t↑ increasing\t39.8 to 47.4\tjoint 62 of 151\tQ3 (second-highest quarter)\t-6.3\t2.9\t★ Good (15 May 2023)\t' +
      'Worcestershire’s CP plan rate (43.5 per 10,000 children) has been increasing over the five years to 2024-25 and is similar to England’s (40.6) in 2024-25 (95% level).',
  );
});

test('the map shows the year’s authorities, is keyboard reachable, and has a table', async ({ page }) => {
  await page.goto(LINK);
  await page.getByRole('button', { name: 'Show on a map' }).click();
  await expect(page).toHaveURL(/map=1/);
  const svg = page.getByTestId('map-svg');
  // 2024-25: 153 upper-tier authorities (Cumberland and Westmorland and Furness, not Cumbria).
  await expect(svg.locator('g.areas path')).toHaveCount(153);
  await expect(svg.locator('g.areas path[data-area="E06000063"]')).toHaveCount(1);
  await expect(svg.locator('g.areas path[data-area="E10000006"]')).toHaveCount(0);
  expect((await svg.locator('g.chosen text').allTextContents()).sort()).toEqual(['Herefordshire', 'Solihull', 'Walsall', 'Worcestershire']);

  const map = page.getByRole('application', { name: /2024-25: map of every authority/ });
  await map.focus();
  const readout = page.locator('#map-title').locator('xpath=ancestor::figure').locator('.chart-readout');
  await expect(readout).toContainText('Herefordshire: 40.4 per 10,000 children');
  await page.keyboard.press('ArrowDown');
  await expect(readout).toContainText('Solihull: 36.0');

  await page.getByText(/Table of the map/).click();
  const table = page.getByRole('table', { name: 'CP plan rate, 2024-25, by authority' });
  await expect(table.getByRole('row')).toHaveCount(154);

  // An older year draws the boundaries of its day.
  await page.getByLabel('Year for the ranking').selectOption('2022-23');
  await expect(svg.locator('g.areas path[data-area="E10000006"]')).toHaveCount(1);
});

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(chunks);
}
