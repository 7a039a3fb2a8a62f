import AxeBuilder from '@axe-core/playwright';
import { type Page } from '@playwright/test';
import { expect, settled, test } from './fixtures';

const LINK = '/#/compare?areas=E10000034,E08000030,E08000029,E06000019&indicator=cpp_rate&from=2016&to=2025&year=2025';

function chosenTable(page: Page) {
  return page.getByRole('table', { name: 'CP plan rate, 2024-25: chosen areas on the funnel plot' });
}
async function rowCells(page: Page, name: RegExp): Promise<string[]> {
  const row = chosenTable(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
  return (await row.getByRole('cell').allTextContents()).map((c) => c.replace(/\s+/g, ' ').trim());
}
function note(page: Page) {
  return page.getByRole('note', { name: 'How the funnel plot is drawn' });
}

/** Byar's upper 99.8% limit of an observed count (PHE's technical guidance on confidence intervals). */
function byarUpper998(o: number): number {
  const z = 3.090232306167813;
  return (o + 1) * (1 - 1 / (9 * (o + 1)) + z / (3 * Math.sqrt(o + 1))) ** 3;
}

test('choosing Funnel plot draws every authority against its children and writes the choice to the link', async ({ page }) => {
  await page.goto(LINK);
  await expect(page.getByRole('radio', { name: 'Ranked' })).toBeChecked();
  await page.getByRole('radio', { name: 'Funnel plot' }).check();
  await settled(page);
  expect(page.url()).toContain('chart=funnel');
  await expect(page.getByRole('figure', { name: 'CP plan rate, 2024-25: funnel plot of every local authority' })).toBeVisible();
  await expect(page.getByTestId('funnel-svg')).toBeVisible();
  await expect(page.getByTestId('ranked-svg')).toHaveCount(0);

  // Walsall, 2024-25: LAIT CPP_rate 31.6 (data/source/dfe_lait_bds_long_csc_subset_2016_2025.csv); 227 children on a
  // plan (CPP_Num, same file) of 71,799 aged 0–17 (data/source/ons_mid-year_population_estimates_2012_to_2024.csv, mid-2024);
  // England's CPP_rate 40.6. At England's rate Walsall would have 40.6 / 10,000 × 71,799 = 291.5 children on a plan;
  // the 99.8% upper limit of 227 falls short of that, so Walsall lies below the 99.8% limits.
  const expected = (40.6 / 10_000) * 71_799;
  expect(byarUpper998(227)).toBeLessThan(expected);
  const walsall = await rowCells(page, /Walsall/);
  // The chosen areas first, in a compact table: value, denominator and where each falls, the chart's shape beside the words.
  expect(await chosenTable(page).getByRole('columnheader').allTextContents()).toEqual(['Area', 'Value', 'Children aged 0–17', 'Where it falls against the 95% and 99.8% limits']);
  const all = page.getByText('All 151 local authorities on the funnel plot', { exact: true });
  expect((await chosenTable(page).boundingBox())!.y).toBeLessThan((await all.boundingBox())!.y);
  expect(walsall).toEqual(['31.6', '71,799', '▼ below the 99.8% limits']);
  // Worcestershire 43.5 of 120,119 children: within its 95% limits (its 95% interval, 39.8 to 47.4, holds England's 40.6).
  expect((await rowCells(page, /Worcestershire/)).slice(0, 3)).toEqual(['43.5', '120,119', '○ within the 95% limits']);
  expect((await rowCells(page, /^England/))[0]).toBe('40.6');

  // Back to the ranked chart, and the link says so.
  await page.getByRole('radio', { name: 'Ranked' }).check();
  await settled(page);
  await expect(page.getByTestId('ranked-svg')).toBeVisible();
  expect(page.url()).not.toContain('chart=funnel');
});

test('the note states the method, says when the spread is wider than chance, and names the overdispersion adjustment chosen', async ({ page }) => {
  await page.goto(`${LINK}&chart=funnel`);
  await expect(note(page)).toContainText('Control limits at 95% (dotted) and 99.8% (solid) around England’s value');
  await expect(note(page)).toContainText(/\d+ of 151 authorities lie outside the 99\.8% limits.*consider the overdispersion adjustment/);

  await page.getByLabel('Overdispersion adjustment').selectOption('additive');
  await settled(page);
  expect(page.url()).toContain('overdispersion=additive');
  await expect(note(page)).toContainText('Limits adjusted for overdispersion, additive (random effects), as Spiegelhalter (2005');
  await expect(note(page)).toContainText(/τ² = [\d.]+ × 10⁻\S+ \(a spread between authorities of τ = [\d.]+ per 10,000 children\)/);
  await expect(note(page)).not.toContainText('consider the overdispersion adjustment');

  await page.getByLabel('Overdispersion adjustment').selectOption('multiplicative');
  await settled(page);
  await expect(note(page)).toContainText(/multiplicative.*φ = [\d.]+ \(limits [\d.]+ times as wide\)/);
  // The adjustment widens the limits: fewer authorities lie beyond them.
  await expect(page.getByRole('figure', { name: /funnel plot/ })).toHaveAccessibleDescription(/adjusted for overdispersion \(multiplicative\)/);
});

test('the funnel plot is driven by keyboard, its readout saying where each authority falls', async ({ page }) => {
  await page.goto(`${LINK}&chart=funnel`);
  const chart = page.getByRole('application', { name: /funnel plot of every local authority/ });
  const readout = page.locator('#funnel-title').locator('xpath=ancestor::figure').locator('.chart-readout');
  await chart.focus();
  // The cursor starts on the chosen area with the fewest children: Herefordshire (34,439).
  await expect(readout).toContainText('Herefordshire: 40.4 per 10,000 children; children aged 0–17 34,439; ○ within the 95% limits');
  // The symbol is shown, as in the table, but hidden from screen readers: they hear the words alone, not "white circle".
  await expect(readout).toMatchAriaSnapshot('- paragraph: /^Herefordshire:\\s[^○△▽▲▼]*; children aged 0–17 34,439;\\s+within the 95% limits [^○△▽▲▼]*$/');
  await chart.press('ArrowDown');
  await expect(readout).toContainText('Solihull: 36.0 per 10,000 children; children aged 0–17 49,229');
  await chart.press('ArrowDown');
  await expect(readout).toContainText('Walsall: 31.6 per 10,000 children; children aged 0–17 71,799; ▼ below the 99.8% limits');
  await expect(readout).toMatchAriaSnapshot('- paragraph: /^Walsall:\\s[^○△▽▲▼]*; children aged 0–17 71,799;\\s+below the 99.8% limits [^○△▽▲▼]*$/');
  await chart.press('ArrowRight');
  await expect(readout).not.toContainText('Walsall');
  await chart.press('End');
  // The largest child population has the narrowest limits.
  await expect(readout).toContainText(/limits/);
  const last = await readout.textContent();
  await chart.press('Home');
  await expect(readout).not.toHaveText(last!);
  await expect(page.getByTestId('funnel-svg').locator('.cursor')).toHaveCount(1);
});

test('a count has no funnel plot, and the page says why in its place', async ({ page }) => {
  await page.goto('/#/compare?indicator=cpp_count&chart=funnel');
  await expect(page.getByRole('heading', { name: 'CP plans (number), 2024-25: no funnel plot' })).toBeVisible();
  await expect(page.getByText(/is a count, not a rate or a percentage of a population, so there is no denominator/)).toBeVisible();
  await expect(page.getByTestId('funnel-svg')).toHaveCount(0);
});

test('the funnel plot, its tables and note have no serious or critical axe violations', async ({ page }) => {
  await page.goto(`${LINK}&chart=funnel&overdispersion=additive`);
  await expect(page.getByTestId('funnel-svg')).toBeVisible();
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
  expect(serious).toEqual([]);
});
