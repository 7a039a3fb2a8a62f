import { expect, test } from './fixtures';

test('the area profile compares every indicator with England, the region and the neighbours', async ({ page }) => {
  await page.goto('/#/area/E10000034');
  const table = page.getByRole('table', { name: 'Worcestershire: indicators against England' });
  const row = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  const cells = async (name: string) => (await row(name).getByRole('cell').allTextContents()).map((c) => c.replace(/\s+/g, ' ').trim());
  await expect(row('CP plan rate')).toBeVisible();
  // 2024-25, published: LAIT CPP_rate; England 40.6, West Midlands 40.3; the 2025-model neighbours average 35.04.
  // Recent trend 2020-21 to 2024-25: worked through in statistics.spec.ts.
  expect(await cells('CP plan rate')).toEqual(['2024-25', '43.5', '● Similar to England', '↑ increasing', '39.8 to 47.4', 'joint 62 of 151 (1 = highest)', '40.3', '35.0', '40.6', '13.8', '99.1']);
  // Second or later plans: 31.4% of plans started, a percentage with counts (EES d3), so a Wilson interval; lower is better.
  expect((await cells('Second or later CP plans %'))[2]).toBe('▲ Significantly higher than England (worse)');
  // Social workers, 2025 (csww_indicators_2017_to_2025.csv): turnover 12.3%, caseload 14.6; England 11.8 and 15.2.
  expect((await cells('Social worker turnover %')).slice(0, 2)).toEqual(['2024-25', '12.3%']);
  expect(await cells('Social worker caseload')).toEqual(expect.arrayContaining(['14.6', '15.2']));
  // 11 measures of children in need and child protection, 2 of the front door, 5 of the workforce; the 39 assessment factors are read by theme.
  await expect(page.getByTestId('profile-svg').locator('g.spine-row')).toHaveCount(18);
});

test('on a 390 px phone the spine chart names every indicator in full, inside the chart, over its own bar', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/#/area/E10000034');
  const table = page.getByRole('table', { name: 'Worcestershire: indicators against England' });
  await expect(table.getByRole('rowheader', { name: 'Referrals with no further action %', exact: true })).toBeAttached();
  const names = (await table.getByRole('rowheader').allTextContents()).map((n) => n.trim());
  const svg = page.getByTestId('profile-svg');
  const labels = svg.locator('g.spine-row text.ind-label');
  // Each row's name as the table gives it, whole: a column beside the bars cut "Referrals with no f…".
  expect(await labels.allTextContents()).toEqual(names);
  const box = (await svg.boundingBox())!;
  const placed = await labels.evaluateAll((texts) =>
    texts.map((t) => {
      const r = t.getBoundingClientRect();
      const bar = t.parentElement!.querySelector('rect.range')?.getBoundingClientRect();
      return { left: r.left, right: r.right, bottom: r.bottom, barTop: bar?.top ?? Infinity };
    }),
  );
  for (const p of placed) {
    expect(p.left).toBeGreaterThanOrEqual(box.x - 1);
    expect(p.right).toBeLessThanOrEqual(box.x + box.width + 1);
    expect(p.bottom).toBeLessThanOrEqual(p.barTop + 1);
  }
});

test('the spine chart is driven by keyboard and its rows open the trend', async ({ page }) => {
  await page.goto('/#/area/E10000034');
  const chart = page.getByRole('application', { name: /Worcestershire: every indicator against England/ });
  await chart.focus();
  const readout = page.locator('#profile-title').locator('xpath=ancestor::figure').locator('.chart-readout');
  await expect(readout).toContainText('Agency social workers %, 2024-25: Worcestershire 11.1%');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(readout).toContainText('Children in need rate, 2024-25: Worcestershire 302.9 per 10,000 children');
  await page.keyboard.press('ArrowDown');
  await expect(readout).toHaveText(
    'CP plan rate, 2024-25: Worcestershire 43.5 per 10,000 children; similar to England; England 40.6; West Midlands 40.3; neighbours’ average 35.0; authorities range from 13.8 to 99.1',
  );
  await page.getByRole('link', { name: 'Section 47 rate' }).click();
  await expect(page).toHaveURL(/#\/area\/E10000034\?indicator=s47_rate/);
  await expect(page.getByRole('heading', { name: /Section 47 enquiries started in the year/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /Section 47 enquiries.*Worcestershire/ }).getByRole('rowheader', { name: /Neighbours’ average/ })).toBeVisible();
});

test('themes over time: each year’s entries sit under their own year', async ({ page }) => {
  await page.goto('/#/area/E10000034');
  const table = page.getByRole('table', { name: /Worcestershire: CP plan rate, priorities and themes/ });
  const headers = table.getByRole('columnheader');
  const centres: { label: string; x: number }[] = [];
  for (const h of await headers.all()) {
    const box = (await h.boundingBox())!;
    centres.push({ label: (await h.textContent())!.trim(), x: box.x + box.width / 2 });
  }
  expect(centres.map((c) => c.label)).toEqual(['Measure or theme', '2016-17', '2020-21']);
  // Worcestershire's 2016-17 annual report discusses child sexual exploitation (6 sentences); its 2020-21 report once.
  for (const [year, name] of [['2016-17', /Child sexual exploitation, 2016-17: discussed/], ['2020-21', /Child sexual exploitation, 2020-21: discussed/]] as const) {
    const box = (await table.getByRole('link', { name }).boundingBox())!;
    const mid = box.x + box.width / 2;
    const nearest = centres.slice(1).reduce((a, b) => (Math.abs(b.x - mid) < Math.abs(a.x - mid) ? b : a));
    expect(nearest.label, `${year} entry is nearest the ${nearest.label} heading`).toBe(year);
  }
});
