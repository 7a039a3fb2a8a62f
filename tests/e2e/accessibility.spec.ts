import AxeBuilder from '@axe-core/playwright';
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * axe-core on every view, WCAG 2.0–2.2 A and AA rules: no serious or critical
 * violations. Each view is checked with its tables and panels opened, so that what
 * a click reveals is checked too.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
}

async function openAllDetails(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
}

test('Compare, with its ranking, neighbours and map, has no serious or critical axe violations', async ({ page }) => {
  // axe over every authority's bar, map shape and table row takes about 15 s alone, twice that beside the other tests.
  await page.goto('/#/compare?map=1');
  await expect(page.getByTestId('ranked-svg')).toBeVisible();
  await expect(page.getByTestId('map-svg')).toBeVisible();
  await openAllDetails(page);
  expect(await seriousViolations(page)).toEqual([]);
});

test('the Area profile has no serious or critical axe violations', async ({ page }) => {
  await page.goto('/#/area/E10000034');
  await expect(page.getByTestId('profile-svg')).toBeVisible();
  await openAllDetails(page);
  expect(await seriousViolations(page)).toEqual([]);
});

test('the Data view has no serious or critical axe violations', async ({ page }) => {
  await page.goto('/#/data');
  await expect(page.getByRole('heading', { name: 'Data', exact: true })).toBeVisible();
  await openAllDetails(page);
  expect(await seriousViolations(page)).toEqual([]);
});

test('the Themes view has no serious or critical axe violations', async ({ page }) => {
  await page.goto('/#/themes');
  await expect(page.getByRole('heading', { name: 'Themes and priorities', exact: true })).toBeVisible();
  await openAllDetails(page);
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe('at 375 px wide (a phone)', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  for (const route of ['/#/compare?map=1', '/#/area/E10000034', '/#/data', '/#/themes']) {
    test(`${route} does not scroll sideways, except inside tables and charts`, async ({ page }) => {
      await page.goto(route);
      await expect(page.locator('main h2').first()).toBeVisible();
      if (route.includes('compare')) await expect(page.getByTestId('map-svg')).toBeVisible();
      if (route.includes('area')) await expect(page.getByTestId('profile-svg')).toBeVisible();
      await openAllDetails(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // Every chart fits the screen.
      for (const svg of await page.locator('figure svg[aria-hidden="true"]').all()) {
        const box = await svg.boundingBox();
        if (box) expect(box.x + box.width).toBeLessThanOrEqual(375 + 1);
      }
    });
  }
});
