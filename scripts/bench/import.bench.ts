/**
 * Import benchmark: a 1,000,000-row, 7-column tidy CSV of EES shape (~70 MB) is
 * generated in the temp folder and imported through the Data view's labelled
 * input, as a user would. Prints the parse-only ceiling (the same reader, same
 * browser, nothing else), the import time, their ratio, rows/s, peak JS heap
 * (main thread and import worker, sampled through CDP), the time the Compare
 * table takes to show the imported indicator, and a naive baseline (PapaParse
 * with headers, then Dexie bulkPut of one object per row) on 100,000 rows.
 *
 * The naive baseline runs alone on a blank page of the app's origin. It used to run on
 * the app's Data page in a fresh browser context, where the app was at the same time
 * loading its own bundled figures into IndexedDB and its service worker was precaching:
 * the baseline's writes queued behind them, which made it look several times slower
 * than it is (see docs/benchmarks.md).
 */
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { build } from 'vite';
import type { BenchContext } from './run';

const ROWS = 1_000_000;
const BASELINE_ROWS = 100_000;
const YEARS = Array.from({ length: 13 }, (_, i) => 2013 + i);

interface Bundle {
  areas: { code: string; name: string; level: string }[];
}

/** time_period, time_identifier, geographic_level, new_la_code, la_name, characteristic, Referrals_rate */
export async function generate(path: string, rows: number, root: string): Promise<void> {
  const bundle = JSON.parse(readFileSync(join(root, 'data', 'bundle.json'), 'utf8')) as Bundle;
  const las = bundle.areas.filter((a) => a.level === 'local_authority');
  const out = createWriteStream(path);
  out.write('time_period,time_identifier,geographic_level,new_la_code,la_name,characteristic,Referrals_rate\n');
  let written = 0;
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  let buf = '';
  for (let c = 0; written < rows; c++) {
    const characteristic = c === 0 ? 'Total' : `Group ${c}`;
    for (const y of YEARS) {
      for (const la of las) {
        if (written >= rows) break;
        const r = rand();
        const value = r < 0.02 ? 'c' : r < 0.025 ? 'x' : r < 0.03 ? 'low' : (200 + rand() * 600).toFixed(1);
        const name = la.name.includes(',') ? `"${la.name}"` : la.name;
        buf += `${y},Reporting year,Local authority,${la.code},${name},${characteristic},${value}\n`;
        written++;
        if (buf.length > 1 << 20) {
          if (!out.write(buf)) await new Promise<void>((res) => out.once('drain', () => res()));
          buf = '';
        }
      }
    }
  }
  out.write(buf);
  await new Promise<void>((res) => out.end(() => res()));
}

let filesDir: string | undefined;

/**
 * The generated file of `rows` rows, made once per bench process in a temp folder that
 * is removed when the process exits: every run of every module reads the same bytes.
 */
export async function benchFile(rows: number, root: string): Promise<string> {
  if (!filesDir) {
    const dir = mkdtempSync(join(tmpdir(), 'lens-bench-'));
    filesDir = dir;
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  const path = join(filesDir, rows === ROWS ? 'bench-ees-1m.csv' : `bench-ees-${rows}.csv`);
  if (!existsSync(path)) await generate(path, rows, root);
  return path;
}

/** Waits for the app's ready signal (src/App.svelte): bundled data stored, nothing unfinished. */
export async function appIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.app === 'idle', undefined, { timeout: 300_000 });
}

/**
 * The file's 503 characteristics are breakdowns the mapping step asks about (the total by
 * default). Every value is chosen and the import confirmed the moment the step shows, in the
 * page, so the time measured is the app's and not Playwright's polling; the work is the same
 * 1,000,000 rows and 503 series as before the step asked.
 */
export async function chooseEveryBreakdown(page: Page, fileName: string): Promise<void> {
  await page.evaluate((name) => {
    let confirmed = false;
    const observer = new MutationObserver(() => {
      if (confirmed) return;
      const buttons = [...document.querySelectorAll('button')];
      const every = buttons.find((b) => b.textContent?.startsWith('Every value'));
      const go = buttons.find((b) => b.textContent?.trim().startsWith(`Import ${name}`));
      if (!every || !go) return;
      confirmed = true;
      observer.disconnect();
      every.click();
      go.click();
    });
    observer.observe(document.body, { childList: true, subtree: true });
  }, fileName);
}

/** Samples the JS heap of the page and of every worker it starts, through CDP. */
export async function heapSampler(page: Page): Promise<{ stop: () => Promise<number> }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const workers = new Set<string>();
  let nextId = 1;
  const pending = new Map<number, (used: number) => void>();
  cdp.on('Target.attachedToTarget', (e: { sessionId: string; targetInfo: { type: string } }) => {
    if (e.targetInfo.type === 'worker') workers.add(e.sessionId);
  });
  cdp.on('Target.detachedFromTarget', (e: { sessionId: string }) => workers.delete(e.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: { usedSize?: number } };
    if (m.id !== undefined && pending.has(m.id)) {
      pending.get(m.id)!(m.result?.usedSize ?? 0);
      pending.delete(m.id);
    }
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const workerHeap = (sessionId: string) =>
    new Promise<number>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) }).catch(() => resolve(0));
      setTimeout(() => resolve(0), 2000);
    });
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const metrics = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      const main = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
      const inWorkers = (await Promise.all([...workers].map(workerHeap))).reduce((a, b) => a + b, 0);
      peak = Math.max(peak, main + inWorkers);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      await cdp.detach();
      return peak;
    },
  };
}

async function buildParseOnly(root: string, outDir: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'silent',
    root,
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      lib: { entry: join(root, 'scripts', 'bench', 'parse-only-worker.ts'), formats: ['iife'], name: 'parseOnly', fileName: () => 'parse-only.js' },
    },
  });
  return readFileSync(join(outDir, 'parse-only.js'), 'utf8');
}

/** Gives the page a File for a path on disk, through a hidden input of its own. */
async function pageFile(page: Page, path: string, slot: string): Promise<void> {
  await page.evaluate((id) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = id;
    input.hidden = true;
    document.body.append(input);
  }, slot);
  await page.locator(`#${slot}`).setInputFiles(path);
}

export default async function importBench({ root, baseURL, browser, report }: BenchContext): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lens-bench-parse-'));
  try {
    const csv = await benchFile(ROWS, root);
    const small = await benchFile(BASELINE_ROWS, root);
    report('generated file', statSync(csv).size / 1024 / 1024, `MB, ${ROWS.toLocaleString('en-GB')} rows, 7 columns`);
    const parseOnlyCode = await buildParseOnly(root, join(dir, 'parse-only'));

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseURL}/#/data`);
    // The bundled figures are stored before anything is timed, so the import does not compete with them.
    await appIdle(page);

    // Parse only: the same reader in a worker of the same browser, nothing else.
    await pageFile(page, csv, 'bench-file');
    const parseOnly = await page.evaluate(async (code) => {
      const input = document.getElementById('bench-file') as HTMLInputElement;
      const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
      const result = await new Promise<{ rows: number; ms: number }>((resolve, reject) => {
        worker.onmessage = (e: MessageEvent<{ rows: number; ms: number }>) => resolve(e.data);
        worker.onerror = (e) => reject(new Error(e.message));
        worker.postMessage(input.files![0]);
      });
      worker.terminate();
      return result;
    }, parseOnlyCode);
    report('parse only (same reader and parser, same browser; the ceiling)', parseOnly.ms, 'ms');

    // The real import, through the labelled input.
    const sampler = await heapSampler(page);
    // Timed in the page, from the input's change event to the status saying it is done, as
    // parse-only is timed in the page: Playwright's waiting polls at up to 500 ms steps.
    await page.getByLabel('Import data').evaluate((input) => {
      const w = window as unknown as { __importStart?: number; __importEnd?: number };
      input.addEventListener('change', () => void (w.__importStart = performance.now()), { once: true, capture: true });
      new MutationObserver((_, observer) => {
        if (![...document.querySelectorAll('[role="status"]')].some((s) => s.textContent?.includes('Imported bench-ees-1m.csv'))) return;
        w.__importEnd = performance.now();
        observer.disconnect();
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await chooseEveryBreakdown(page, 'bench-ees-1m.csv');
    await page.getByLabel('Import data').setInputFiles(csv);
    await page.getByRole('status').filter({ hasText: 'Imported bench-ees-1m.csv' }).waitFor({ timeout: 300_000 });
    const importMs = (await page.evaluate('window.__importEnd - window.__importStart')) as number;
    const peak = await sampler.stop();
    report('import, file chosen to stored and listed', importMs, 'ms');
    report('import ÷ parse only', importMs / parseOnly.ms, '×');
    report('import rows per second', Math.round(ROWS / (importMs / 1000)), 'rows/s');
    report('peak JS heap during the import (page + worker)', peak / 1024 / 1024, 'MB');
    const phases = await page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('import:')).map((m) => [m.name, m.duration] as const));
    for (const [name, ms] of phases) report(`  ${name}`, ms, 'ms');

    // One chart query: switch Compare to the imported indicator and time until its table shows.
    await page.goto(`${baseURL}/#/compare?areas=E10000034,E08000030,E08000029,E06000019&indicator=cpp_rate&from=2013`);
    await page.getByRole('table', { name: /Children on a child protection plan/ }).waitFor();
    const { chartMs, queries } = await page.evaluate(async () => {
      const select = document.getElementById('indicator-select') as HTMLSelectElement;
      const t = performance.now();
      select.value = 'referral_rate';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      // The trend and the ranking each query the indicator; then one more frame draws them.
      // No named functions here: the bench runs through tsx, whose __name helper does not exist in the page.
      let queries: number[] = [];
      while (queries.length < 2) {
        await new Promise((r) => requestAnimationFrame(r));
        queries = performance
          .getEntriesByType('measure')
          .filter((m) => m.name === 'query: referral_rate')
          .map((m) => m.duration);
      }
      await new Promise((r) => requestAnimationFrame(r));
      return { chartMs: performance.now() - t, queries };
    });
    report('chart query over the imported indicator (IndexedDB read and merge, slowest of the view’s queries)', Math.max(...queries), 'ms');
    report('indicator changed → its charts and tables drawn', chartMs, 'ms');
    await context.close();

    // Naive baseline: PapaParse with headers, one object per row, Dexie bulkPut, alone on
    // a blank page of the same origin (no app loading its own data beside it). Its
    // libraries are added as script tags, which the app's Content Security Policy would
    // forbid, so this page runs without it.
    const baselineContext = await browser.newContext({ bypassCSP: true });
    await baselineContext.route(`${baseURL}/naive-baseline.html`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Naive baseline</title>' }));
    const page2 = await baselineContext.newPage();
    await page2.goto(`${baseURL}/naive-baseline.html`);
    await page2.addScriptTag({ path: join(root, 'node_modules', 'papaparse', 'papaparse.min.js') });
    await page2.addScriptTag({ path: join(root, 'node_modules', 'dexie', 'dist', 'dexie.min.js') });
    await pageFile(page2, small, 'baseline-file');
    const naiveMs = await page2.evaluate(async () => {
      type Row = Record<string, string>;
      const w = window as unknown as {
        Papa: { parse: (t: string, o: object) => { data: Row[] } };
        Dexie: new (name: string) => { version: (n: number) => { stores: (s: object) => void }; table: (n: string) => { bulkPut: (rows: object[]) => Promise<unknown> }; delete: () => Promise<void> };
      };
      const input = document.getElementById('baseline-file') as HTMLInputElement;
      const db = new w.Dexie('naive-bench');
      db.version(1).stores({ obs: '++id, indicatorId, areaCode' });
      const t = performance.now();
      const text = await input.files![0]!.text();
      const rows = w.Papa.parse(text, { header: true, skipEmptyLines: true }).data;
      const objects = rows.map((r) => {
        const v = Number(r.Referrals_rate);
        return { indicatorId: 'referral_rate', areaCode: r.new_la_code, period: Number(r.time_period), value: Number.isNaN(v) ? null : v, status: Number.isNaN(v) ? r.Referrals_rate : null, filter: r.characteristic };
      });
      await db.table('obs').bulkPut(objects);
      const ms = performance.now() - t;
      await db.delete();
      return ms;
    });
    const naiveRate = BASELINE_ROWS / (naiveMs / 1000);
    report('naive baseline, 100,000 rows (Papa with headers + Dexie bulkPut of one object per row)', naiveMs, 'ms');
    report('naive baseline rows per second', Math.round(naiveRate), 'rows/s');
    report('import speed ÷ naive baseline', ROWS / (importMs / 1000) / naiveRate, '×');
    await baselineContext.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
