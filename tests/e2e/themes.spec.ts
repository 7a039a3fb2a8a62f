import { expect, settled, test } from './fixtures';

/** Minutes of a partnership whose documents are not bundled, written the way councils publish them. */
const MINUTES = `<!doctype html>
<html><head><title>Dudley minutes</title><script>window.hacked = true</script></head>
<body>
<h1>Dudley Safeguarding People Partnership Annual Report 2021/22</h1>
<p>Minutes:</p>
<p>The Independent Scrutineer presented the annual report. During 2021/22 the Partnership focused on:</p>
<ul><li>Neglect</li><li>Child exploitation and county lines</li><li>The voice of the child</li></ul>
<p>Neglect remained the most common reason for a child protection plan, and the Graded Care Profile is now used by health visitors and schools.</p>
<p>Members asked about contacts to the Multi-Agency Safeguarding Hub (MASH), which rose by 14% in the year; the MASH manager explained that most came from the police.</p>
<p>Cllr. Evans asked whether there were concerns about online safety; there were no concerns about domestic abuse raised in the audit.</p>
<p>RESOLVED that the report be noted.</p>
</body></html>`;

test('an imported minutes file is confirmed, tagged, and its themes and evidence shown in the Themes view', async ({ page }) => {
  await page.goto('/#/data');
  await page.getByLabel('Import minutes or reports').setInputFiles({ name: 'dudley-minutes.html', mimeType: 'text/html', buffer: Buffer.from(MINUTES) });
  await settled(page);

  // The area and year are guessed from the text and shown for confirmation.
  await expect(page.getByLabel('Area', { exact: true })).toHaveValue('Dudley');
  await expect(page.getByLabel('Reporting year')).toHaveValue('2022');
  await expect(page.getByText('Guessed from “Annual Report 2021/22”.')).toBeVisible();
  await expect(page.getByText(/themes? found: .*Neglect/)).toBeVisible();
  await page.getByRole('button', { name: 'Import this document' }).click();
  await settled(page);

  await expect(page.getByRole('status').filter({ hasText: 'Imported “' })).toContainText('for Dudley, 2021-22');
  await page.getByRole('link', { name: 'See its themes' }).click();
  await expect(page).toHaveURL(/#\/themes\?areas=E08000027&from=2022&to=2022/);

  // The heatmap's table holds the same cells as buttons; neglect is discussed, domestic abuse only negated.
  await expect(page.getByRole('button', { name: /^Dudley, Domestic abuse: named only in passing/ })).toBeVisible();
  await page.getByRole('button', { name: /^Dudley, Neglect: discussed in 1 of 1 document/ }).click();
  await expect(page).toHaveURL(/theme=neglect&area=E08000027/);
  const evidence = page.getByRole('region', { name: /^Evidence: Neglect in Dudley/ });
  await expect(evidence).toContainText('Dudley Safeguarding People Partnership Annual Report 2021/22');
  await expect(evidence).toContainText('Neglect remained the most common reason for a child protection plan');

  await evidence.getByRole('listitem').filter({ hasText: 'Neglect remained' }).getByRole('button', { name: /Show in the full text/ }).click();
  const text = page.getByRole('region', { name: /^Text of Dudley Safeguarding People/ });
  await expect(text.locator('mark')).toHaveText(/^Neglect remained the most common reason .* health visitors and schools\.$/);
  // The file's script never ran, and its markup is not in the page.
  expect(await page.evaluate(() => (window as unknown as { hacked?: boolean }).hacked)).toBeUndefined();
  await expect(text).not.toContainText('<script');

  // Priorities read from the list, one chip each.
  const timeline = page.getByRole('table', { name: /Priorities stated by each partnership/ });
  // Chips naming the chosen theme (neglect) say so in words as well as with a star.
  await expect(timeline.getByRole('button', { name: 'Names the chosen theme: Neglect', exact: true })).toBeVisible();
  await expect(timeline.getByRole('button', { name: 'Child exploitation and county lines', exact: true })).toBeVisible();

  // The import can be undone whole.
  await page.goto('/#/data');
  await page.getByRole('button', { name: 'Undo import of dudley-minutes.html' }).click();
  await page.goto('/#/themes?areas=E08000027');
  await expect(page.getByText(/No minutes or reports are held for these areas and years. Import them/)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Dudley, Neglect/ })).toHaveCount(0);
});

test('the same minutes saved as text after the web page are one document, not counted twice', async ({ page }) => {
  await page.goto('/#/data');
  const input = page.getByLabel('Import minutes or reports');
  await input.setInputFiles({ name: 'dudley-minutes.html', mimeType: 'text/html', buffer: Buffer.from(MINUTES) });
  await settled(page);
  await page.getByRole('button', { name: 'Import this document' }).click();
  await settled(page);
  await expect(page.getByRole('status').filter({ hasText: 'Imported “' })).toContainText('for Dudley, 2021-22');

  // The words of MINUTES as a council's .txt copy: no markup, bullets as hyphens, Windows line ends.
  const txt = MINUTES.replace(/<(head|script)>[\s\S]*?<\/\1>/g, '')
    .replace(/<li>/g, '- ')
    .replace(/<[^>]+>/g, '\r\n')
    .replace(/(\r\n)+/g, '\r\n');
  await input.setInputFiles({ name: 'dudley-minutes.txt', mimeType: 'text/plain', buffer: Buffer.from(txt) });
  await settled(page);
  await page.getByRole('button', { name: 'Import this document' }).click();
  await settled(page);
  await expect(page.getByText(/dudley-minutes\.txt has already been taken in \(as “.*”\), so it was not imported again\./)).toBeVisible();
  await page.goto('/#/themes?areas=E08000027&from=2022&to=2022&theme=neglect&area=E08000027');
  await expect(page.getByRole('button', { name: /^Dudley, Neglect: discussed in 1 of 1 document/ })).toBeVisible();
});

test('a shared Themes link opens the evidence on a fresh browser, and the heatmap works by keyboard', async ({ page }) => {
  await page.goto('/#/themes?areas=E06000019&theme=home_education&area=E06000019');
  const evidence = page.getByRole('region', { name: /^Evidence: Elective home education in Herefordshire/ });
  await expect(evidence).toContainText('There was also concern regarding safeguarding of children in home education.');
  await expect(evidence).toContainText('Herefordshire Safeguarding Children Board (HSCB) Annual Report 2016/17');

  const chart = page.getByRole('application', { name: /Themes discussed in minutes and reports/ });
  await chart.focus();
  await expect(page.locator('.chart-readout')).toContainText('Herefordshire, Neglect: discussed in 1 of 1 document, 5 sentences');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/theme=cse&area=E06000019/);
  await expect(page.getByRole('region', { name: /^Evidence: Child sexual exploitation in Herefordshire/ })).toContainText('child sexual exploitation and missing children');
});

test('a priority can be edited, and the edit survives a reload', async ({ page }) => {
  await page.goto('/#/themes?areas=E08000030');
  const timeline = page.getByRole('table', { name: /Priorities stated by each partnership/ });
  await timeline.getByRole('button', { name: 'Developing the response to neglect' }).click();
  await expect(page.getByRole('region', { name: /Developing the response to neglect/ })).toContainText('Walsall Safeguarding Partnership Annual Report 2019-20');
  await page.getByLabel('Priority', { exact: true }).fill('Neglect: a whole-family response');
  await page.getByRole('button', { name: 'Save priority' }).click();
  await expect(timeline.getByRole('button', { name: 'Neglect: a whole-family response (edited)' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('table', { name: /Priorities stated/ }).getByRole('button', { name: 'Neglect: a whole-family response (edited)' })).toBeVisible();
});

test('as cards (390 px, print), the priorities timeline leaves out the years with no priority; the wide table keeps every year', async ({ page }) => {
  // The bundled partnerships together span more years than Walsall named priorities in.
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('/#/themes');
  const timeline = page.getByRole('table', { name: /Priorities stated by each partnership/ });
  const walsall = timeline.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Walsall', exact: true }) });
  // Wide: a column for every year, empty or not.
  const years = (await timeline.getByRole('columnheader').count()) - 1;
  expect(years).toBeGreaterThan(2);
  await expect(walsall.getByRole('cell')).toHaveCount(years);
  // As a card: only the two years Walsall named priorities in.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(walsall.getByRole('cell')).toHaveCount(2);
  await expect(walsall.getByRole('cell').first()).toContainText('Developing the response to neglect');
  await page.emulateMedia({ media: 'print' });
  await expect(walsall.getByRole('cell')).toHaveCount(2);
});

test('an area with no priority in the years shown says why, on a screen and as a card: no documents, or none stated one', async ({ page }) => {
  // Dudley: no minutes or reports bundled. Worcestershire in 2020-21: one document (the seeds), no priority read from it.
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('/#/themes?areas=E10000034,E08000027&from=2021&to=2021');
  const timeline = page.getByRole('table', { name: /Priorities stated by each partnership, 2020-21 to 2020-21/ });
  const row = (name: string) => timeline.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  await expect(row('Dudley').getByRole('cell')).toHaveText(['No minutes or reports are held for these years.']);
  await expect(row('Worcestershire').getByRole('cell')).toHaveText(['No priorities stated in the documents held for these years.']);
  // Over years with priorities, Worcestershire's row is its years' cells as before.
  await page.goto('/#/themes?areas=E10000034,E08000027&from=2017&to=2021');
  const wide = page.getByRole('table', { name: /Priorities stated by each partnership, 2016-17 to 2020-21/ });
  await expect(wide.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Worcestershire', exact: true }) }).getByRole('cell')).toHaveCount(5);
  // As a card, the sentence is not put under one year's label.
  await page.setViewportSize({ width: 390, height: 844 });
  const dudley = wide.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Dudley', exact: true }) }).getByRole('cell');
  await expect(dudley).toHaveText(['No minutes or reports are held for these years.']);
  await expect(dudley).toHaveAttribute('data-label', '');
});

test('Compare marks the years a chosen theme was named as a priority, and lists them in words', async ({ page }) => {
  await page.goto('/#/compare?theme=neglect');
  await expect(page.getByLabel('Mark the years a partnership named this theme as a priority')).toHaveValue('neglect');
  const list = page.getByRole('list', { name: 'Years in which Neglect was named as a priority' });
  await expect(list.getByRole('listitem').filter({ hasText: 'Walsall' })).toContainText('2019-20 (“Developing the response to neglect”); 2020-21');
  await expect(list.getByRole('listitem').filter({ hasText: 'Solihull' })).toContainText('2021-22');
  await expect(page.getByTestId('trend-svg').locator('g.theme-marker[data-area="E08000030"]')).toHaveCount(2);

  await page.getByLabel('Mark the years a partnership named this theme as a priority').selectOption({ label: 'Child sexual exploitation' });
  await expect(page).toHaveURL(/theme=cse/);
  await expect(page.getByTestId('trend-svg').locator('g.theme-marker[data-area="E10000034"][data-period="2017"]')).toHaveCount(1);
});

test('minutes chosen with data files under "Import data" go to the minutes import, one confirmation at a time', async ({ page }) => {
  await page.goto('/#/data');
  const table = 'LA\tYear\tLocal contacts\nWorcestershire\t2024\t812\nWalsall\t2024\t655\nSolihull\t2024\t540\n';
  await page.getByLabel('Import data').setInputFiles([
    { name: 'dudley-minutes.html', mimeType: 'text/html', buffer: Buffer.from(MINUTES) },
    { name: 'walsall-minutes.txt', mimeType: 'text/plain', buffer: Buffer.from('Walsall Safeguarding Partnership Annual Report 2019-20\n\nMinutes:\n\nThe chair said neglect remained a priority for the Partnership.\n') },
    { name: 'contacts.txt', mimeType: 'text/plain', buffer: Buffer.from(table) },
  ]);
  await settled(page);

  // The first document waits for its area and year; the second is queued behind it.
  await expect(page.getByLabel('Area', { exact: true })).toHaveValue('Dudley');
  await expect(page.getByText('1 more document waits to be checked: walsall-minutes.txt.')).toBeVisible();
  // The tab-delimited .txt is a table, so the data import takes it (its mapping step asks for the indicator).
  await expect(page.getByText(/dudley-minutes\.html is minutes or a report/)).toBeVisible();
  await expect(page.getByText(/contacts\.txt is minutes or a report/)).toHaveCount(0);

  await page.getByRole('button', { name: 'Import this document' }).click();
  await settled(page);
  await expect(page.getByRole('status').filter({ hasText: 'Imported “' })).toContainText('for Dudley, 2021-22');
  await expect(page.getByLabel('Area', { exact: true })).toHaveValue('Walsall');
  await expect(page.getByLabel('Reporting year')).toHaveValue('2020');
});
