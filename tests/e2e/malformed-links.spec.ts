import { expect, test } from './fixtures';
import { MALFORMED_LINKS } from '../fixtures/malformed-links';

const HEADING: Record<string, RegExp> = {
  compare: /^Compare/,
  themes: /^Themes/,
  data: /^Data$/,
  // An unknown code, or a known area with a bad setting.
  area: /^(Area not found|Worcestershire)$/,
};

/**
 * Every link in the table opens on a full page load (as from an email): a visible
 * message, the nearest sensible view, no dialog and no script from the link run.
 */
test('malformed links each give a message and a sensible view, and run nothing', async ({ page }) => {
  // Opens every link in the table, each a full page load.
  test.slow();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  for (const link of MALFORMED_LINKS) {
    await test.step(link.name, async () => {
      await page.goto('about:blank');
      await page.goto(`/${link.hash}`);
      await expect(page.getByRole('heading', { level: 2, name: HEADING[link.view] })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: link.message }).first()).toBeVisible();
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), 'no script from the link ran').toBeUndefined();
    });
  }
  expect(dialogs, 'no dialog opened').toEqual([]);
  expect(pageErrors, 'no uncaught errors').toEqual([]);
});
