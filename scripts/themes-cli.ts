/**
 * Tags minutes and reports with the app's own tagger and prints, as JSON, the
 * themes judged present in each file with their evidence sentences.
 *
 *   npm run --silent themes -- FILE...
 *
 * Output: [{ "file", "themes": [{ "id", "sentences", "evidence": [{ "sentence", "start", "end", "weight", "note"? }] }],
 * "priorities": [...] }]. Offsets are into the file's plain text (after HTML or
 * Markdown is reduced to text). Exit code 1 if a file cannot be read.
 */
import { readFileSync } from 'node:fs';
import { errorMessage } from '../src/lib/model/errors';
import { defaultTaxonomy } from '../src/lib/themes/default-taxonomy';
import { documentText, formatOf } from '../src/lib/themes/html-to-text';
import { tagText } from '../src/lib/themes/tagger';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('Usage: npm run --silent themes -- FILE...   (.txt, .html or .md)');
  process.exit(2);
}

const { compiled } = defaultTaxonomy();
const out = [];
let failed = false;
for (const file of files) {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`${file}: cannot be read (${errorMessage(e)})`);
    failed = true;
    continue;
  }
  const text = documentText(raw, formatOf(file) ?? 'txt');
  const result = tagText(compiled, text);
  out.push({
    file,
    themes: result.themes
      .filter((t) => t.present)
      .map((t) => ({
        id: t.id,
        sentences: t.sentences,
        score: t.score,
        evidence: t.evidence.map((e) => ({ sentence: e.text, start: e.start, end: e.end, weight: e.weight, ...(e.note ? { note: e.note } : {}) })),
      })),
    priorities: result.priorities.map((p) => ({ label: p.label, year: p.period, themes: p.themeIds, start: p.start, end: p.end })),
  });
}
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
if (failed) process.exit(1);
