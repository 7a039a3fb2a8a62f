import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { serveDist, type StaticServer } from './support/static-server';

const LINK = '/#/compare?areas=E10000034,E08000030,E08000029,E06000019&indicator=cpp_rate&from=2016&to=2025&year=2025';

/** Waits until a service worker controls the page: it installs on the first visit and takes over from the next load. */
async function untilControlled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Opens a view with a full navigation (not just a hash change), as a person opening the app would. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(path);
}

test('after one visit every view works offline', async ({ page, context }) => {
  await page.goto(LINK);
  await expect(page.getByRole('table', { name: /Children on a child protection plan/ })).toBeVisible();
  await untilControlled(page);

  await context.setOffline(true);
  await open(page, LINK);
  const table = page.getByRole('table', { name: /Children on a child protection plan/ });
  await expect(table).toBeVisible();
  await expect(table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Walsall', exact: true }) })).toContainText('31.6');

  await open(page, '/#/area/E10000034');
  await expect(page.getByRole('heading', { level: 2, name: 'Worcestershire' })).toBeVisible();
  await expect(page.getByRole('table', { name: /^Worcestershire: indicators/ })).toBeVisible();

  await open(page, '/#/themes');
  await expect(page.getByRole('heading', { level: 2, name: /^Themes/ })).toBeVisible();
  await expect(page.getByRole('main').getByRole('table').first()).toBeVisible();

  await open(page, '/#/data');
  await expect(page.getByRole('heading', { level: 2, name: 'Data' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Department for Education');

  // A fresh start of the installed app, offline: start_url is the app's root.
  await open(page, '/');
  await expect(page.getByRole('heading', { name: 'Compare partnerships' })).toBeVisible();
});

test('a new version waits for the user: "A new version is available" and Reload, keeping stored data', async ({ page }) => {
  // Served from a host the test controls, so that it can deploy a new version mid-test.
  const host = await serveDist();
  try {
    await updateFlow(page, host);
  } finally {
    await host.close();
  }
});

async function updateFlow(page: Page, host: StaticServer): Promise<void> {
  await page.goto(`${host.url}${LINK}`);
  await untilControlled(page);

  // Something the user holds in IndexedDB, to be kept across the update.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('safeguarding-lens');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('imports', 'readwrite');
          tx.objectStore('imports').put({
            id: 'e2e-kept',
            fileName: 'kept-across-updates.csv',
            hash: '0',
            kind: 'generic_csv',
            importedAt: '2026-01-01T00:00:00.000Z',
            counts: { areas: 0, indicators: 0, observations: 0, documents: 0, priorities: 0 },
            warnings: [],
          });
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );

  // The next deployment: the same app with a changed service worker script.
  host.redeploy('/sw.js', (body) => `${body}\n// next version\n`);
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });

  const prompt = page.getByRole('status').filter({ hasText: 'A new version of Safeguarding Lens is available.' });
  await expect(prompt).toBeVisible();
  // It waits: the running version stays in control until the user chooses.
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null)).toBe(true);

  const reloaded = page.waitForEvent('load');
  await prompt.getByRole('button', { name: 'Reload' }).click();
  await reloaded;
  await expect(page.getByRole('table', { name: /Children on a child protection plan/ })).toBeVisible();
  await expect(prompt).toHaveCount(0);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();

  await open(page, `${host.url}/#/data`);
  await expect(page.getByRole('rowheader', { name: 'kept-across-updates.csv' })).toBeVisible();
}

test('the web app manifest makes the app installable', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifest = (await (await request.get(href!)).json()) as {
    name: string;
    short_name: string;
    start_url: string;
    display: string;
    theme_color: string;
    icons: { src: string; sizes: string; purpose?: string; type: string }[];
  };
  expect(manifest).toMatchObject({ name: 'Safeguarding Lens', start_url: './', display: 'standalone', theme_color: '#1d4f91' });
  expect(manifest.short_name.length).toBeLessThanOrEqual(12);
  for (const size of ['192x192', '512x512']) expect(manifest.icons.some((i) => i.sizes === size && i.purpose !== 'maskable'), size).toBe(true);
  expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
  for (const icon of manifest.icons) {
    const res = await request.get(new URL(icon.src, new URL(href!, page.url())).href);
    expect(res.ok(), icon.src).toBe(true);
    expect(res.headers()['content-type']).toBe('image/png');
    // The PNG header records the width and height: they must match what the manifest says.
    const png = await res.body();
    expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
  }
});
