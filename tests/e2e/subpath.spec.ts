import { expect, settled, test } from './fixtures';

/**
 * A council may host the app under a path of its own site (https://example.gov.uk/lens/).
 * Here every request outside /lens/ fails, and /lens/… is answered by the app's server
 * as if the app sat there, so an absolute asset path (/assets/…) would break the page.
 * The service worker is blocked for this test: requests it made would not be routed.
 */
test.use({ serviceWorkers: 'block' });

test('the app works when served under a subpath', async ({ page, baseURL }) => {
  await page.context().route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (!url.pathname.startsWith('/lens/')) return route.fulfill({ status: 404, body: 'not here' });
    url.pathname = url.pathname.slice('/lens'.length);
    return route.fulfill({ response: await route.fetch({ url: url.toString() }) });
  });
  await page.goto(`${baseURL}/lens/#/compare?areas=E10000034&indicator=cpp_rate&from=2024&to=2025`);
  const table = page.getByRole('table', { name: /^Children on a child protection plan/ });
  await expect(table.getByRole('row').filter({ hasText: 'Worcestershire' }).getByRole('cell')).toHaveText(['49.8', /\d/]);
  // The lazily loaded Data view and the import worker come from under /lens/ too.
  await page.getByRole('link', { name: 'Data', exact: true }).click();
  const csv = 'time_period,time_identifier,geographic_level,new_la_code,la_name,Referrals_rate\n202425,Reporting year,Local authority,E10000034,Worcestershire,512.3\n';
  await page.getByLabel('Import data').setInputFiles({ name: 'subpath.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await settled(page);
  await expect(page.getByRole('status').filter({ hasText: 'Imported subpath.csv' })).toBeVisible();
});
