import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from './fixtures';

/**
 * Checks of the built app in dist/ (built before the browser tests run): what the
 * service worker precaches, that index.html holds no inline script or style, and the
 * first view's JavaScript budget.
 */
const dist = 'dist';

function precached(): string[] {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  return [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!);
}

test('the service worker precaches index.html, the app shell and the bundled data', () => {
  expect(existsSync(join(dist, 'sw.js')), 'dist/sw.js').toBe(true);
  const urls = precached();
  expect(urls).toContain('index.html');
  expect(urls).toContain('manifest.webmanifest');

  const assets = readdirSync(join(dist, 'assets'));
  const bundle = assets.filter((f) => /^bundle-.*\.json$/.test(f));
  // The bundled data in two parts (src/lib/model/bundle-parts.ts): both precached, so every view works offline.
  expect(bundle.map((f) => f.replace(/-[^-]+\.json$/, '')).sort(), 'the two hashed parts of the bundled data').toEqual(['bundle-core', 'bundle-rest']);
  for (const part of bundle) expect(urls).toContain(`assets/${part}`);

  // Everything index.html loads, and every emitted script and stylesheet (lazy chunks too).
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]!);
  expect(refs.length, 'index.html refers to its files relatively').toBeGreaterThan(2);
  expect(html, 'no absolute path to a file of the app').not.toMatch(/(?:src|href)="\/[^/]/);
  for (const ref of refs) expect(urls, ref).toContain(ref);
  for (const f of assets.filter((a) => /\.(js|css)$/.test(a))) expect(urls, f).toContain(`assets/${f}`);
  for (const icon of ['icons/icon-192.png', 'icons/icon-512.png', 'icons/maskable-512.png']) expect(urls).toContain(icon);
  expect(new Set(urls).size, 'no file listed twice').toBe(urls.length);
});

test('index.html preloads the core of the bundled data, so it is fetched while the scripts load', () => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const core = readdirSync(join(dist, 'assets')).find((f) => f.startsWith('bundle-core-'));
  expect(html).toContain(`<link rel="preload" href="./assets/${core}" as="fetch" type="application/json" crossorigin />`);
  expect(html.indexOf(`assets/${core}`)).toBeLessThan(html.indexOf('<script'));
});

test('index.html carries the Content Security Policy before any script, and no inline script or style', () => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  expect(csp, 'CSP meta tag').not.toBeNull();
  expect(csp![1]).toContain("script-src 'self'");
  expect(csp![1]).toContain("connect-src 'self'");
  expect(csp![1]).not.toContain('unsafe');
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));

  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) expect(tag, 'every script is a file').toMatch(/\ssrc="/);
  expect(html).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
  expect(html).not.toMatch(/<style\b/);
  expect(html).not.toMatch(/\sstyle="/);
  expect(html).not.toMatch(/\son[a-z]+="/);
});

test('the scripts the first view loads stay within the 100 KB gzip budget (issue 15), counted as the startup bench counts them', () => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = new Set(
    [...html.matchAll(/<script[^>]+src="(?:\.?\/)?([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="(?:\.?\/)?([^"]+)"/g)].map((m) => m[1]!),
  );
  expect(initial.size, 'index.html loads its entry script').toBeGreaterThan(0);
  const bytes = [...initial].reduce((n, f) => n + gzipSync(readFileSync(join(dist, f))).length, 0);
  expect(bytes / 1024, `initial JavaScript, KB gzip (${[...initial].join(', ')})`).toBeLessThanOrEqual(100);
  // One request for the app's own first modules (vite.config.ts, initialGraph), beside the bundler's small runtime.
  expect([...initial].filter((f) => !/rolldown-runtime/.test(f)), 'the first modules come in one file').toHaveLength(1);
  // d3-color (named colours, colour spaces) stays out: no chart interpolates colours (scripts/d3-color-unused.js).
  for (const f of initial) expect(readFileSync(join(dist, f), 'utf8'), f).not.toContain('aliceblue');
});
