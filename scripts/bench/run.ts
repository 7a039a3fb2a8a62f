/**
 * `npm run bench`: builds the app, serves it with `vite preview`, and runs every
 * benchmark module in this folder (`*.bench.ts`) against it in headless Chromium.
 * Each prints its own figures. Figures are measured here, never asserted in tests.
 *
 * A benchmark module exports `default async function (ctx: BenchContext): Promise<void>`.
 */
import { spawn, execSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from '@playwright/test';

export interface BenchContext {
  /** Root of the repository. */
  root: string;
  /** URL of the built app under vite preview. */
  baseURL: string;
  browser: Browser;
  /** Prints one figure: `name: value unit`. */
  report: (name: string, value: number | string, unit?: string) => void;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const port = Number(process.env.BENCH_PORT ?? 4390);
const only = process.argv.slice(2);

async function waitFor(url: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not start at ${url}`);
}

async function main(): Promise<void> {
  execSync('npx vite build', { cwd: root, stdio: 'ignore' });
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore', detached: true });
  const baseURL = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  try {
    await waitFor(baseURL);
    const here = dirname(fileURLToPath(import.meta.url));
    const modules = readdirSync(here)
      .filter((f) => f.endsWith('.bench.ts'))
      .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
      .sort();
    for (const file of modules) {
      console.log(`\n## ${file.replace('.bench.ts', '')}`);
      const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: (ctx: BenchContext) => Promise<void> };
      await mod.default({
        root,
        baseURL,
        browser,
        report: (name, value, unit = '') => console.log(`${name}: ${typeof value === 'number' ? round(value) : value}${unit ? ` ${unit}` : ''}`),
      });
    }
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  }
}

function round(n: number): string {
  return Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
