/**
 * Scores the theme tagger against hand labels and prints precision, recall and F1
 * (micro-averaged over document × theme pairs), with the errors per document and
 * per theme to guide changes to the rules.
 *
 *   npm run eval:themes                   the five seed minutes (data/seeds/labels.json)
 *   npm run eval:themes -- A.json B.json  other label files, each scored alone and with the seeds
 *   add --summary for the scores alone
 *
 * A labels file maps file names (beside it) to { "themes": [ids…] } (other fields
 * are notes for people), as data/seeds/labels.json does. Rules should be made general,
 * not fitted to these files: the tagger is judged on minutes it has never seen. Keep a
 * set of other councils' minutes, labelled before the tagger is run on them, to check
 * a change against (the README says how the rules were checked).
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { defaultTaxonomy } from '../src/lib/themes/default-taxonomy';
import { documentText, formatOf } from '../src/lib/themes/html-to-text';
import { tagText } from '../src/lib/themes/tagger';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const SEEDS = join(root, 'data', 'seeds', 'labels.json');

const args = process.argv.slice(2);
const summaryOnly = args.includes('--summary');
const files = args.filter((a) => !a.startsWith('--'));
const sets: { name: string; path: string }[] = [{ name: 'seeds', path: SEEDS }, ...files.map((f) => ({ name: relative(root, resolve(f)), path: resolve(f) }))];

const { taxonomy, compiled } = defaultTaxonomy();
const ids = taxonomy.themes.map((t) => t.id);

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
interface SetScore {
  total: Counts;
  perTheme: Map<string, Counts>;
  docF1: number[];
  lines: string[];
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
const add = (a: Counts, b: Counts) => ((a.tp += b.tp), (a.fp += b.fp), (a.fn += b.fn));

function scoreSet(labelsPath: string): SetScore {
  const labels = JSON.parse(readFileSync(labelsPath, 'utf8')) as Record<string, { themes: string[] }>;
  const total = zero();
  const perTheme = new Map(ids.map((id) => [id, zero()]));
  const lines: string[] = [];
  const docF1: number[] = [];
  for (const [file, label] of Object.entries(labels)) {
    const raw = readFileSync(join(dirname(labelsPath), file), 'utf8');
    const result = tagText(compiled, documentText(raw, formatOf(file) ?? 'txt'));
    const got = new Set(result.themes.filter((t) => t.present).map((t) => t.id));
    const want = new Set(label.themes);
    const unknown = [...want].filter((id) => !perTheme.has(id));
    if (unknown.length) lines.push(`  ${file}: labels name unknown themes ${unknown.join(', ')}`);
    const doc = zero();
    for (const id of ids) {
      const g = got.has(id);
      const w = want.has(id);
      const c = perTheme.get(id)!;
      if (g && w) (c.tp++, doc.tp++);
      else if (g) (c.fp++, doc.fp++);
      else if (w) (c.fn++, doc.fn++);
    }
    add(total, doc);
    docF1.push((2 * doc.tp) / (got.size + want.size || 1));
    const why = (id: string) => {
      const t = result.themes.find((x) => x.id === id);
      if (!t) return `${id} (never named)`;
      const best = [...t.evidence].sort((a, b) => b.weight - a.weight)[0]!;
      return `${id} (score ${t.score} of ${result.threshold}: “${best.text.slice(0, 80)}…”${best.note ? ` [${best.note}]` : ''})`;
    };
    const falsePos = [...got].filter((id) => !want.has(id));
    const falseNeg = [...want].filter((id) => !got.has(id));
    lines.push(
      `  ${file}: ${result.bodySentences} sentences, threshold ${result.threshold}; ` +
        (falsePos.length || falseNeg.length ? '' : 'all correct') +
        (falsePos.length ? `\n      false positives: ${falsePos.map(why).join('\n                       ')}` : '') +
        (falseNeg.length ? `\n      missed: ${falseNeg.map(why).join('\n              ')}` : ''),
    );
  }
  return { total, perTheme, docF1, lines };
}

function prf(c: Counts) {
  const precision = c.tp / (c.tp + c.fp || 1);
  const recall = c.tp / (c.tp + c.fn || 1);
  const f1 = (2 * precision * recall) / (precision + recall || 1);
  return `Precision ${precision.toFixed(3)}  Recall ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}`;
}

function report(name: string, s: SetScore, detail: boolean) {
  const meanF1 = s.docF1.reduce((a, b) => a + b, 0) / (s.docF1.length || 1);
  console.log(`\n== ${name} ==`);
  if (detail) {
    if (s.lines.length) console.log('Per document:\n' + s.lines.join('\n'));
    console.log('Per theme (true positives / false positives / missed):');
    for (const [id, c] of s.perTheme) if (c.tp + c.fp + c.fn) console.log(`  ${id.padEnd(22)} ${c.tp} / ${c.fp} / ${c.fn}`);
  }
  console.log(`Documents: ${s.docF1.length}; labelled pairs: ${s.total.tp + s.total.fn}; predicted pairs: ${s.total.tp + s.total.fp}`);
  console.log(`${prf(s.total)}  (micro); mean F1 per document ${meanF1.toFixed(3)}`);
}

const scored = sets.map((set) => ({ ...set, score: scoreSet(set.path) }));
console.log(`Theme tagger against ${scored.map((s) => relative(root, s.path) || basename(s.path)).join(', ')}`);
for (const s of scored) report(s.name, s.score, !summaryOnly);
if (scored.length > 1) {
  const all: SetScore = { total: zero(), perTheme: new Map(ids.map((id) => [id, zero()])), docF1: [], lines: [] };
  for (const { score } of scored) {
    add(all.total, score.total);
    for (const [id, c] of score.perTheme) add(all.perTheme.get(id)!, c);
    all.docF1.push(...score.docF1);
  }
  report(`all together (${scored.map((s) => s.name).join(' + ')})`, all, !summaryOnly);
}
