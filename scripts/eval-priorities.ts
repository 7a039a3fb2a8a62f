/**
 * Scores priority extraction against hand labels: `npm run eval:priorities [labels.json …]`.
 * The seeds' labels (data/seeds/labels.json) are always scored; other sets in the same
 * shape (`{ "file": { "priorities": [{ "text", "year" }] } }`, files beside the labels
 * file) are added. A found priority matches a labelled one when either's words contain
 * the other's, or they share most of their content words; each label matches once.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultTaxonomy } from '../src/lib/themes/default-taxonomy';
import { extractPriorities } from '../src/lib/themes/priorities';
import { splitSentences } from '../src/lib/themes/sentences';

type Labels = Record<string, { priorities?: { text: string; year?: string }[] }>;

const STOP = new Set(['the', 'and', 'of', 'to', 'a', 'an', 'in', 'for', 'on', 'with', 'is', 'are', 'be', 'its', 'their', 'our']);
const contentWords = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter((w) => w && !STOP.has(w));

export function samePriority(found: string, label: string): boolean {
  const a = contentWords(found).join(' ');
  const b = contentWords(label).join(' ');
  if (!a || !b) return false;
  if (a.includes(b) || b.includes(a)) return true;
  const sa = new Set(a.split(' '));
  const sb = new Set(b.split(' '));
  const shared = [...sa].filter((w) => sb.has(w)).length;
  return shared / Math.max(sa.size, sb.size) >= 0.6;
}

function score(labelsPath: string): { tp: number; fp: number; fn: number; errors: string[] } {
  const labels = JSON.parse(readFileSync(labelsPath, 'utf8')) as Labels;
  const { compiled } = defaultTaxonomy();
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: string[] = [];
  for (const [file, l] of Object.entries(labels)) {
    const text = readFileSync(join(dirname(labelsPath), file), 'utf8');
    const found = extractPriorities(compiled, text, splitSentences(text)).map((p) => p.label);
    const wanted = (l.priorities ?? []).map((p) => p.text);
    const used = new Set<number>();
    for (const f of found) {
      const k = wanted.findIndex((w, i) => !used.has(i) && samePriority(f, w));
      if (k >= 0) {
        used.add(k);
        tp++;
      } else {
        fp++;
        errors.push(`${file}: found, not labelled: “${f}”`);
      }
    }
    wanted.forEach((w, i) => {
      if (used.has(i)) return;
      fn++;
      errors.push(`${file}: labelled, not found: “${w}”`);
    });
  }
  return { tp, fp, fn, errors };
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const path of [join(root, 'data', 'seeds', 'labels.json'), ...process.argv.slice(2)]) {
  const { tp, fp, fn, errors } = score(path);
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  console.log(`${path}: precision ${p.toFixed(2)} (${tp} of ${tp + fp} found), recall ${r.toFixed(2)} (${tp} of ${tp + fn} labelled)`);
  for (const e of errors) console.log(`  ${e}`);
}
