/**
 * `npm run bench [-- NAME… ] [--runs N]`: builds the app, serves it with `vite preview`,
 * and runs every benchmark module in this folder (`*.bench.ts`), or those whose names
 * contain a NAME, against it in headless Chromium, N times each (default 5, or
 * BENCH_RUNS). Every figure is reported as the median of its runs with the min–max, with
 * the machine's cores and load average when the module started, and written into
 * docs/benchmarks.md (each module's section replaced; the rest of the page kept).
 * Figures are measured here, never asserted in tests.
 *
 * A benchmark module exports `default async function (ctx: BenchContext): Promise<void>`,
 * one run, reporting each figure through `ctx.report`.
 */
import { execSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { median } from 'd3-array';

export interface BenchContext {
  /** Root of the repository. */
  root: string;
  /** URL of the built app under vite preview. */
  baseURL: string;
  browser: Browser;
  /** Which run this is, from 0. */
  run: number;
  /** Records one figure of this run: `name: value unit`. Text values (sizes in words) keep the last run's. */
  report: (name: string, value: number | string, unit?: string) => void;
}

interface Figure {
  unit: string;
  values: number[];
  text?: string;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const port = Number(process.env.BENCH_PORT ?? 4390);
const args = process.argv.slice(2);
const runsArg = args.findIndex((a) => a === '--runs' || a.startsWith('--runs='));
const runs = Number(runsArg === -1 ? (process.env.BENCH_RUNS ?? 5) : args[runsArg]!.includes('=') ? args[runsArg]!.split('=')[1] : args[runsArg + 1]);
const only = args.filter((a, i) => !a.startsWith('--') && !(runsArg !== -1 && i === runsArg + 1));
const DOC = join(root, 'docs', 'benchmarks.md');

async function waitFor(url: string, ms = 60_000): Promise<void> {
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
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number of runs, at least 1');
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
      const name = file.replace('.bench.ts', '');
      const started = { at: new Date(), load: loadavg(), cores: cpus().length };
      console.log(`\n## ${name}: ${runs} run${runs === 1 ? '' : 's'}, ${started.cores} cores, load average ${started.load.map((l) => l.toFixed(2)).join(' ')}`);
      const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: (ctx: BenchContext) => Promise<void> };
      const figures = new Map<string, Figure>();
      for (let run = 0; run < runs; run++) {
        await mod.default({
          root,
          baseURL,
          browser,
          run,
          report: (figure, value, unit = '') => {
            console.log(`  [${run + 1}/${runs}] ${figure}: ${typeof value === 'number' ? round(value) : value}${unit ? ` ${unit}` : ''}`);
            const f = figures.get(figure) ?? { unit, values: [] };
            if (typeof value === 'number') f.values.push(value);
            else f.text = value;
            figures.set(figure, f);
          },
        });
      }
      const section = sectionMarkdown(name, started, runs, figures, browser.version());
      console.log(`\n${section}`);
      writeSection(name, section);
    }
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  }
}

function sectionMarkdown(name: string, started: { at: Date; load: number[]; cores: number }, runs: number, figures: Map<string, Figure>, chromiumVersion: string): string {
  const when = started.at.toISOString().slice(0, 16).replace('T', ' ');
  const lines = [
    `### ${name}`,
    '',
    `${when} UTC · ${runs} run${runs === 1 ? '' : 's'} · ${started.cores} cores, load average ${started.load.map((l) => l.toFixed(2)).join(' / ')} (1 / 5 / 15 min) at the start · Chromium ${chromiumVersion} · Node ${process.versions.node}`,
    '',
    '| figure | median | min–max | unit |',
    '| --- | --- | --- | --- |',
  ];
  for (const [figure, f] of figures) {
    if (!f.values.length) {
      lines.push(`| ${figure} | ${f.text ?? ''} | | |`);
      continue;
    }
    const lo = Math.min(...f.values);
    const hi = Math.max(...f.values);
    lines.push(`| ${figure} | ${round(median(f.values)!)} | ${f.values.length > 1 ? `${round(lo)}–${round(hi)}` : ''} | ${f.unit} |`);
  }
  return lines.join('\n');
}

/** Replaces this module's section of docs/benchmarks.md (or adds it at the end of the figures). */
function writeSection(name: string, section: string): void {
  const text = readFileSync(DOC, 'utf8');
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const block = `${start}\n${section}\n${end}`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  let out: string;
  if (i !== -1 && j > i) out = text.slice(0, i) + block + text.slice(j + end.length);
  else {
    const anchor = '<!-- /bench-figures -->';
    const k = text.indexOf(anchor);
    if (k === -1) throw new Error('docs/benchmarks.md has lost its <!-- /bench-figures --> marker');
    out = `${text.slice(0, k)}${block}\n\n${text.slice(k)}`;
  }
  writeFileSync(DOC, out);
}

function round(n: number): string {
  return Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-GB') : n.toFixed(2);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
