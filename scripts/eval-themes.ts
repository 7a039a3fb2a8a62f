/**
 * Scores the theme tagger against hand labels and prints precision, recall and F1
 * (micro-averaged over document × theme pairs), with the errors per document and
 * per theme to guide changes to the rules.
 *
 *   npm run eval:themes [-- LABELS.json]
 *
 * LABELS.json maps file names (beside it) to { "themes": [ids…] }; the default is
 * data/seeds/labels.json. Rules should be made general, not fitted to these files:
 * the tagger is also judged on minutes it has never seen.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { defaultTaxonomy } from '../src/lib/themes/default-taxonomy';
import { documentText, formatOf } from '../src/lib/themes/html-to-text';
import { tagText } from '../src/lib/themes/tagger';

const labelsPath = resolve(process.argv[2] ?? join(dirname(new URL(import.meta.url).pathname), '..', 'data', 'seeds', 'labels.json'));
const labels = JSON.parse(readFileSync(labelsPath, 'utf8')) as Record<string, { themes: string[] }>;
const { taxonomy, compiled } = defaultTaxonomy();
const ids = taxonomy.themes.map((t) => t.id);

let tp = 0;
let fp = 0;
let fn = 0;
const perTheme = new Map(ids.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
const lines: string[] = [];
const f1s: number[] = [];

for (const [file, label] of Object.entries(labels)) {
  const raw = readFileSync(join(dirname(labelsPath), file), 'utf8');
  const result = tagText(compiled, documentText(raw, formatOf(file) ?? 'txt'));
  const got = new Set(result.themes.filter((t) => t.present).map((t) => t.id));
  const want = new Set(label.themes);
  const unknown = [...want].filter((id) => !perTheme.has(id));
  if (unknown.length) lines.push(`  ${file}: labels name unknown themes ${unknown.join(', ')}`);
  let dtp = 0;
  for (const id of ids) {
    const g = got.has(id);
    const w = want.has(id);
    const c = perTheme.get(id)!;
    if (g && w) (c.tp++, tp++, dtp++);
    else if (g) (c.fp++, fp++);
    else if (w) (c.fn++, fn++);
  }
  const falsePos = [...got].filter((id) => !want.has(id));
  const falseNeg = [...want].filter((id) => !got.has(id));
  f1s.push((2 * dtp) / (got.size + want.size || 1));
  const why = (id: string) => {
    const t = result.themes.find((x) => x.id === id);
    return t ? `${id} (score ${t.score} of ${result.threshold}: “${t.evidence[0]!.text.slice(0, 70)}…”)` : `${id} (never named)`;
  };
  lines.push(
    `  ${file}: ${result.bodySentences} sentences, threshold ${result.threshold}; ` +
      (falsePos.length || falseNeg.length ? '' : 'all correct') +
      (falsePos.length ? `\n      false positives: ${falsePos.map(why).join('; ')}` : '') +
      (falseNeg.length ? `\n      missed: ${falseNeg.map(why).join('; ')}` : ''),
  );
}

const precision = tp / (tp + fp || 1);
const recall = tp / (tp + fn || 1);
const f1 = (2 * precision * recall) / (precision + recall || 1);
console.log(`Theme tagger against ${labelsPath}`);
console.log('\nPer document:');
console.log(lines.join('\n'));
console.log('\nPer theme (true positives / false positives / missed):');
for (const [id, c] of perTheme) if (c.tp + c.fp + c.fn) console.log(`  ${id.padEnd(22)} ${c.tp} / ${c.fp} / ${c.fn}`);
console.log(`\nDocuments: ${Object.keys(labels).length}; labelled pairs: ${tp + fn}; predicted pairs: ${tp + fp}`);
console.log(`Precision ${precision.toFixed(3)}  Recall ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}  (micro); mean F1 per document ${(f1s.reduce((a, b) => a + b, 0) / (f1s.length || 1)).toFixed(3)}`);
