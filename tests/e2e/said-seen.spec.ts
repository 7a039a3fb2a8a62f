/**
 * Said and seen on the area page, on the bundled data. Figures from
 * data/source/c3_factors_identified_at_end_of_assessment_2018_to_2025.csv (Worcestershire
 * 2024-25: domestic abuse concerning the parent 1,772 of 4,693 = 37.8%, parent's mental
 * health 2,203 = 46.9%; England 31.7% and 33.5%; Herefordshire 2023-24 `u`) and
 * LA_Inspection_Outcomes_as_at_31_March_2025.ods (Worcestershire Good, 15 May 2023, after
 * Requires improvement to be good, 17 June 2019; Herefordshire Inadequate, 18 July 2022).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, settled, test } from './fixtures';

const saidSeen = (page: Page, name: string) => page.getByRole('table', { name: `${name}: said and seen, by theme` });
const themeRow = (page: Page, name: string, theme: string) =>
  saidSeen(page, name).getByRole('row').filter({ has: page.getByRole('rowheader', { name: theme, exact: true }) });

test('Worcestershire: the judgements, the assessment-factor shares against England, and domestic abuse seen but not said', async ({ page }) => {
  await page.goto('/#/area/E10000034');
  const latest = page.getByRole('table', { name: /Worcestershire: latest Ofsted judgements \(inspected 15 May 2023/ });
  await expect(latest.getByRole('row', { name: /Overall effectiveness/ })).toContainText('★ Good');
  const history = page.getByRole('table', { name: /Worcestershire: Ofsted inspections and visits since 2018/ });
  await expect(history.getByRole('row', { name: /17 June 2019/ })).toContainText('△ Requires improvement to be good');
  await expect(history.getByRole('row', { name: /3 December 2024/ })).toContainText('Theme: Children in care');

  // The same inspections as a row on the trend timeline, in a symbol and words.
  await expect(page.getByTestId('inspection-markers')).toContainText('★ Good');
  await expect(page.getByTestId('inspection-markers')).toContainText('△ Requires improvement');

  const da = themeRow(page, 'Worcestershire', 'Domestic abuse');
  await expect(da).toContainText('Factor: domestic abuse (parent) %: 37.8% in 2024-25; ▲ significantly higher than England (31.7%)');
  await expect(da).toContainText('Seen but not said.');
  await expect(da).toContainText('Based on the documents held for Worcestershire: none for 2023-24 or 2024-25.');
  const mh = themeRow(page, 'Worcestershire', 'Mental health');
  await expect(mh).toContainText('Factor: mental health (parent) %: 46.9% in 2024-25; ▲ significantly higher than England (33.5%)');
  await expect(themeRow(page, 'Worcestershire', 'Inspection')).toContainText('★ Good (inspected 15 May 2023)');

  // Every year said is a link to its sentence on the Themes page.
  await themeRow(page, 'Worcestershire', 'Early help').getByRole('link', { name: /^2016-17: “Early Help”/ }).click();
  await expect(page).toHaveURL(/#\/themes\?areas=E10000034&from=2017&to=2017&theme=early_help&doc=/);
  await expect(page.getByRole('region', { name: /^Text of Worcestershire/ }).locator('mark')).toContainText('Early Help');
});

test('Walsall: the level and the neighbours’ average chosen on the page reach said and seen, and its wording names them', async ({ page }) => {
  // c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv: Walsall 2024-25, referrals with no further
  // action 249 of 3,355 = 7.4%, England 6.5% (Wilson 95%: 6.56% to 8.34%, above; 99.8%: 6.12% to 8.92%, around).
  await page.goto('/#/area/E08000030');
  const frontDoor = themeRow(page, 'Walsall', 'Front door, MASH and referrals');
  await expect(frontDoor).toContainText('Referrals with no further action %: 7.4% in 2024-25; ▲ significantly higher than England (6.5%)');
  await expect(frontDoor).toContainText('(95% level)');
  await expect(page.getByText(/Significance: the area’s 95% confidence interval/)).toBeVisible();

  await page.getByLabel('Compare with England at').selectOption('99.8');
  await expect(page).toHaveURL(/level=99\.8/);
  await expect(frontDoor).toContainText('Referrals with no further action %: 7.4% in 2024-25; ● similar to England (6.5%)');
  await expect(frontDoor).toContainText('(99.8% level)');
  await expect(frontDoor).not.toContainText('(95% level)');
  await expect(page.getByText(/Significance: the area’s 99\.8% confidence interval/)).toBeVisible();

  // Domestic abuse concerning a parent, 968 of 2,637 = 36.7%: similar to the neighbours’ mean (37.9%), below their median (40.5%).
  const da = themeRow(page, 'Walsall', 'Domestic abuse');
  await expect(da).toContainText('similar to the neighbours’ average (37.9%)');
  await page.getByLabel('Neighbours’ average').selectOption('median');
  await expect(page).toHaveURL(/average=median/);
  await expect(da).toContainText('significantly lower than the neighbours’ median (40.5%)');
});

test('Herefordshire: Inadequate (18 July 2022), and its neglect share against England', async ({ page }) => {
  await page.goto('/#/area/E06000019');
  await expect(page.getByRole('table', { name: /Herefordshire: latest Ofsted judgements \(inspected 18 July 2022/ }).getByRole('row', { name: /Overall effectiveness/ })).toContainText(
    '✕ Inadequate',
  );
  await expect(themeRow(page, 'Herefordshire', 'Inspection')).toContainText('✕ Inadequate (inspected 18 July 2022)');
  // 2024-25: neglect 86 of 1,803 = 4.8%, England 17.6%.
  await expect(themeRow(page, 'Herefordshire', 'Neglect')).toContainText('Factor: neglect %: 4.8% in 2024-25; ▼ significantly lower than England (17.6%)');
});

test('Compare’s summary table gives each authority’s latest Ofsted overall judgement with its date', async ({ page }) => {
  await page.goto('/#/compare?areas=E10000034,E06000019,E08000029,E08000030');
  const table = page.getByRole('table', { name: /chosen areas and benchmarks/ });
  await expect(table.getByRole('columnheader', { name: 'Latest Ofsted overall (date)' })).toBeVisible();
  await expect(table.getByRole('row', { name: /^Worcestershire/ })).toContainText('★ Good (15 May 2023)');
  await expect(table.getByRole('row', { name: /Herefordshire/ })).toContainText('✕ Inadequate (18 July 2022)');
  await expect(table.getByRole('row', { name: /^Solihull/ })).toContainText('✕ Inadequate (31 October 2022)');
  await expect(table.getByRole('row', { name: /^Walsall/ })).toContainText('★ Good (4 October 2021)');
});

test('a document naming domestic abuse a Worcestershire priority for 2024-25 makes its “seen but not said” flag go', async ({ page }) => {
  await page.goto('/#/area/E10000034');
  const da = themeRow(page, 'Worcestershire', 'Domestic abuse');
  await expect(da.getByText('Seen but not said.')).toBeVisible();

  await page.goto('/#/data');
  const text = 'Worcestershire Safeguarding Children Partnership\nMinutes of the Executive, March 2025\n\nThe partnership agreed its priorities for 2024/25:\n\n- Domestic abuse\n- Neglect\n';
  await page.getByLabel('Import minutes or reports').setInputFiles({ name: 'worcs-minutes-2025.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await settled(page);
  await expect(page.getByLabel('Area', { exact: true })).toHaveValue('Worcestershire');
  await page.getByLabel('Reporting year').selectOption('2025');
  await page.getByRole('button', { name: 'Import this document' }).click();
  await settled(page);

  await page.goto('/#/area/E10000034');
  await expect(da.getByRole('link', { name: /^2024-25: “Domestic abuse”/ })).toBeVisible();
  await expect(da.getByText('Seen but not said.')).toHaveCount(0);
  await expect(da).toContainText('Named a priority in 2024-25');
  // Neglect was named too: its flag goes as well.
  await expect(themeRow(page, 'Worcestershire', 'Neglect').getByText('Seen but not said.')).toHaveCount(0);
});

test('said and seen: rows stack on a phone, keep the reading and flags, and axe finds nothing serious', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/#/area/E10000034');
  const da = themeRow(page, 'Worcestershire', 'Domestic abuse');
  await expect(da.getByText('Seen but not said.')).toBeVisible();
  const table = saidSeen(page, 'Worcestershire');
  // Nothing wider than the screen: the rows are cards.
  expect(await table.evaluate((t) => t.scrollWidth)).toBeLessThanOrEqual(390);
  const results = await new AxeBuilder({ page }).include('.said-seen').analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 794, height: 1123 });
  await expect(da.getByText('Seen but not said.')).toBeVisible();
  expect(await table.evaluate((t) => t.scrollWidth <= (t.parentElement?.clientWidth ?? 0) + 1)).toBe(true);
});

test('Themes: said and seen for the chosen areas, and the figures linked to a cell’s theme in its evidence panel', async ({ page }) => {
  await page.goto('/#/themes?areas=E10000034,E06000019&from=2018&to=2021&theme=neglect&area=E10000034');
  const evidence = page.getByRole('region', { name: /^Evidence: Neglect in Worcestershire/ });
  // c3_factors_identified_at_end_of_assessment_2018_to_2025.csv: Worcestershire 2020-21 neglect 876 of 5,176 = 16.9%.
  const neglect = evidence.getByRole('table', { name: 'Factor: neglect %, Worcestershire' });
  await expect(neglect.getByRole('row', { name: /^2020-21/ })).toContainText('16.9%');
  const table = page.getByRole('table', { name: 'Said and seen, by area and theme, 2017-18 to 2020-21' });
  await expect(table.getByRole('rowheader', { name: 'Domestic abuse, Herefordshire' })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'Domestic abuse, Worcestershire' })).toBeVisible();
  // The same file gives Worcestershire's 2020-21 child criminal exploitation as x: said in words, not as a bare letter.
  const criminal = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Criminal exploitation, Worcestershire' }) });
  await expect(criminal.getByRole('listitem').filter({ hasText: 'child criminal exploitation' })).toHaveText(/^Factor: child criminal exploitation %:\s+no figure for 2020-21 \(x: not available\)$/);
  // On a phone the evidence's figure tables scroll in their own box; the page does not scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(neglect).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('Themes: the level chosen on the page reaches said and seen and the evidence’s figures, and the link keeps it', async ({ page }) => {
  await page.goto('/#/themes?areas=E10000034,E06000019&from=2018&to=2021&theme=neglect&area=E10000034');
  const table = page.getByRole('table', { name: 'Said and seen, by area and theme, 2017-18 to 2020-21' });
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Domestic abuse, Worcestershire' }) });
  const evidence = page.getByRole('region', { name: /^Evidence: Neglect in Worcestershire/ });
  await expect(row).toContainText('(95% level)');
  await expect(evidence.getByRole('columnheader', { name: 'Compared with England (95%)' }).first()).toBeVisible();

  await page.getByLabel('Compare with England at').selectOption('99.8');
  await expect(page).toHaveURL(/level=99\.8/);
  await expect(row).toContainText('(99.8% level)');
  await expect(row).not.toContainText('(95% level)');
  await expect(evidence.getByRole('columnheader', { name: 'Compared with England (99.8%)' }).first()).toBeVisible();
  await page.reload();
  await expect(row).toContainText('(99.8% level)');
  await expect(page.getByLabel('Compare with England at')).toHaveValue('99.8');
});

test('a user links an indicator to a theme and unlinks a bundled one; the area page follows, and the choice survives a reload', async ({ page }) => {
  await page.goto('/#/themes?areas=E10000034');
  await page.getByText('How themes are linked to figures').click();
  await page.getByLabel('Theme', { exact: true }).selectOption({ label: 'Early help' });
  await page.getByLabel('Indicator to link').selectOption({ label: 'Re-referrals %' });
  await page.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Re-referrals % is linked to Early help.' })).toBeVisible();
  await page.getByRole('button', { name: 'Unlink Factor: neglect % from Neglect' }).click();
  await expect(page.getByRole('button', { name: 'Link again Factor: neglect % to Neglect' })).toBeVisible();

  await page.goto('/#/area/E10000034');
  await expect(themeRow(page, 'Worcestershire', 'Early help')).toContainText('Re-referrals % (linked by you)');
  await expect(themeRow(page, 'Worcestershire', 'Neglect')).not.toContainText('Factor: neglect %');
  await page.reload();
  await expect(themeRow(page, 'Worcestershire', 'Early help')).toContainText('Re-referrals % (linked by you)');
});
