import { gzipSync } from 'node:zlib';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext } from './run';

/**
 * Initial JavaScript (gzip) and the time until the first chart of a shared link is
 * drawn, on a first visit and on a return visit (served by the service worker).
 *
 * "Initial JavaScript" counts the scripts index.html loads and modulepreloads: what the
 * first view waits for. Chunks loaded later are reported apart: the service worker's
 * registration (virtual:pwa-register and workbox-window) loads once the first view has
 * its data, and the service worker precaches the app and data after that.
 */
const LINE = '[data-testid="trend-svg"] g.series path[d]';

export default async function startup({ root, baseURL, browser, report }: BenchContext): Promise<void> {
  const dist = join(root, 'dist');
  const gz = (file: string) => gzipSync(readFileSync(join(dist, file))).length;
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = new Set(
    [...html.matchAll(/<script[^>]+src="(?:\.?\/)?([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="(?:\.?\/)?([^"]+)"/g)].map((m) => m[1]!),
  );
  report('initial JavaScript (gzip)', [...initial].reduce((n, f) => n + gz(f), 0) / 1024, 'KB');
  const assets = readdirSync(join(dist, 'assets'));
  const later = assets.filter((f) => f.endsWith('.js') && !initial.has(`assets/${f}`));
  report('JavaScript loaded after the first view (gzip)', later.reduce((n, f) => n + gz(join('assets', f)), 0) / 1024, `KB (${later.length} chunks)`);
  for (const part of ['core', 'rest']) {
    const data = assets.find((f) => f.startsWith(`bundle-${part}-`) && f.endsWith('.json'));
    if (data) report(`bundled data, ${part} (gzip)`, gz(join('assets', data)) / 1024, 'KB');
  }
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const precached = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!);
  report('precached by the service worker (gzip)', precached.reduce((n, f) => n + gz(f), 0) / 1024, `KB (${precached.length} files)`);

  // A link as the Share control writes it.
  const vintage = (JSON.parse(readFileSync(join(root, 'data', 'bundle-meta.json'), 'utf8')) as { hash: string }).hash.slice(0, 8);
  const link = `#/compare?areas=E10000034,E08000030,E08000029,E06000019&indicator=cpp_rate&from=2016&to=2025&year=2025&v=1&data=${vintage}`;

  const context = await browser.newContext();
  // The moment the first line of the trend chart is in the page, from the start of the
  // navigation: Playwright's own waiting polls at up to 500 ms steps, too coarse to time it.
  // A line with points (a path with a d attribute), not an empty frame. The bench waits on
  // the page's own promise rather than a locator, whose selector engine Playwright would
  // load into the page in the very window being timed (about 27 ms of main-thread work).
  const firstChartScript = `window.__firstChartDrawn = new Promise((drawn) => new MutationObserver((_, observer) => {
    if (document.querySelector('${LINE}')) {
      window.__firstChart = performance.now();
      performance.mark('bench: first chart');
      observer.disconnect();
      drawn();
    }
  }).observe(document, { childList: true, subtree: true }));`;
  await context.addInitScript(firstChartScript);
  const page = await context.newPage();
  for (const visit of ['first visit', 'return visit (service worker)']) {
    await page.goto(`${baseURL}/${link}`);
    await page.evaluate('window.__firstChartDrawn');
    const firstChart = (await page.evaluate('window.__firstChart')) as number;
    report(`first chart drawn, ${visit} (from navigation start)`, firstChart, 'ms');
    if (visit === 'first visit') for (const [step, ms] of breakdown(firstChart, await page.evaluate(measures), await page.evaluate(pageSteps, [...initial]))) report(`  ${step}`, ms, 'ms');
    // Let the service worker install and precache before the return visit.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.goto('about:blank');
  }
  await context.close();

  // The same first visit again, traced: the page's main-thread CPU time until the first
  // chart. Wall-clock times move with whatever else the 2-core machine runs; the CPU the
  // page itself spends moves much less, so a change's effect shows here first. (Tracing
  // slows the page a little, which is why it is a visit of its own.)
  const traced = await browser.newContext();
  await traced.addInitScript(firstChartScript);
  const tracedPage = await traced.newPage();
  await browser.startTracing(tracedPage, { categories: ['toplevel', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
  await tracedPage.goto(`${baseURL}/${link}`);
  await tracedPage.evaluate('window.__firstChartDrawn');
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  const cpu = mainThreadCpu(trace.traceEvents, (await tracedPage.evaluate('window.__firstChart')) as number);
  if (cpu !== undefined) report('main-thread CPU until the first chart, first visit (traced)', cpu, 'ms');
  await traced.close();
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
}

/**
 * CPU time of the page's main thread from navigation start to the first chart: the thread
 * time of its tasks (a task cut by either end counts in proportion). The page's thread is
 * the one the first-chart mark was made on; `firstChart` (ms from navigation start) places
 * navigation start on the trace's clock.
 */
function mainThreadCpu(events: TraceEvent[], firstChart: number): number | undefined {
  const mark = events.find((e) => e.name === 'bench: first chart');
  if (!mark) return undefined;
  const end = mark.ts;
  const start = end - firstChart * 1000;
  // Chromium names a task RunTask or ThreadControllerImpl::RunTask by version; one nested in another counts once.
  const tasks = events
    .filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X' && /^(ThreadControllerImpl::)?RunTask$/.test(e.name) && e.dur && e.tdur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  let micros = 0;
  let until = -Infinity;
  for (const e of tasks) {
    if (e.ts < until) continue;
    until = e.ts + e.dur!;
    const overlap = Math.min(end, e.ts + e.dur!) - Math.max(start, e.ts);
    if (overlap > 0) micros += (e.tdur! * overlap) / e.dur!;
  }
  return micros / 1000;
}

interface Measure {
  name: string;
  start: number;
  end: number;
}

/** The page's performance measures (bundle steps from db/instance.ts, chart queries from db/queries.ts). Runs in the page. */
function measures(): Measure[] {
  return performance.getEntriesByType('measure').map((m) => ({ name: m.name, start: m.startTime, end: m.startTime + m.duration }));
}

/** When the page's HTML had arrived, and when the last of the scripts index.html loads had (from navigation start). Runs in the page. */
function pageSteps(initial: string[]): { html: number; scripts: number } {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
  const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => initial.some((f) => r.name.endsWith(f)));
  return { html: nav.responseEnd, scripts: Math.max(nav.responseEnd, ...scripts.map((r) => r.responseEnd)) };
}

/**
 * Where the time to the first chart went, in order: the page and its scripts until the
 * app starts (the HTML received, the scripts received, the scripts run), each step of the
 * bundled data, the chart queries after it, and drawing. Steps overlap where the app runs
 * them side by side; each is its own span.
 */
function breakdown(firstChart: number, all: Measure[], page: { html: number; scripts: number }): [string, number][] {
  const steps = all.filter((m) => m.name.startsWith('bundle: ') && m.end <= firstChart);
  const first = steps[0];
  if (!first) return [];
  const out: [string, number][] = [
    ['page and scripts, until the app starts', first.start],
    ['  page: HTML received', page.html],
    ['  page: scripts received, after the HTML', page.scripts - page.html],
    ['  page: scripts run, until the app starts', first.start - page.scripts],
  ];
  for (const m of steps) out.push([m.name, m.end - m.start]);
  // The data the first view waited for: the core held in memory on a first visit (db/core-view.ts), or
  // stored in the library; opening the library may end later than that, beside the queries.
  const stored = steps.filter((m) => m.name === 'bundle: hold core in memory' || m.name.startsWith('bundle: store core'));
  const dataEnd = Math.max(...(stored.length ? stored : steps).map((m) => m.end));
  const queries = all.filter((m) => m.name.startsWith('query: ') && m.end <= firstChart);
  const queryEnd = Math.max(dataEnd, ...queries.map((m) => m.end));
  out.push(['queries, after the data (to the last chart query answered)', queryEnd - dataEnd]);
  out.push(['drawing, after the last query', firstChart - queryEnd]);
  return out;
}
