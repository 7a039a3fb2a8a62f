/**
 * Tagging hostile text in Node (issue 14, item 2): 200 KB of one phrase repeated (one
 * "sentence" with no end), 200 KB of unclosed `<!--` read as HTML, and, to compare,
 * 200 KB of normal prose (the seed minutes repeated), each tagged once a run after a
 * warm-up that compiles the taxonomy's patterns; the runner gives the median of its runs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defaultTaxonomy } from '../../src/lib/themes/default-taxonomy';
import { documentText, type DocumentFormat } from '../../src/lib/themes/html-to-text';
import { tagText } from '../../src/lib/themes/tagger';
import type { BenchContext } from './run';

const BYTES = 200_000;

export default async function hostileText({ root, report }: BenchContext): Promise<void> {
  const { compiled } = defaultTaxonomy();
  const dir = join(root, 'data', 'seeds');
  const seeds = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
  let prose = '';
  for (let i = 0; prose.length < BYTES; i++) prose += `${seeds[i % seeds.length]}\n\n`;
  tagText(compiled, prose.slice(0, 20_000));

  const cases: [string, string, DocumentFormat][] = [
    ['200 KB of "neglect " repeated, as text', 'neglect '.repeat(BYTES / 8), 'txt'],
    ['200 KB of "<!--" repeated, as HTML', '<!--'.repeat(BYTES / 4), 'html'],
    [`normal prose (${(prose.length / 1000).toFixed(0)} KB of the seed minutes), as text`, prose, 'txt'],
  ];
  for (const [name, raw, format] of cases) {
    const t0 = performance.now();
    tagText(compiled, documentText(raw, format));
    report(`tag ${name} in Node`, performance.now() - t0, 'ms');
  }
  await Promise.resolve();
}
