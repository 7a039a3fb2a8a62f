/**
 * Writes tests/fixtures/db-v1.jsonl: a version-1 database with real content, as
 * the app's backup lines (uncompressed), for the migration tests.
 *
 *   npx tsx scripts/make-db-v1-fixture.ts
 *
 * It holds the bundled data; the DfE referrals file from data/source imported as a
 * user would; a small local table whose unknown area was kept as a custom area;
 * Walsall's annual report (a seed, saved as HTML) imported as a document with its
 * themes and priorities; and the user's priority edits (one changed, one removed,
 * one added). Ids and times are fixed, so a run gives the same bytes every time.
 * The committed file is the record of what version 1 wrote: this script was run at
 * the commit that froze version 1. Run with later code it would write what later
 * code writes, so do not regenerate the fixture; add a fixture for a new version
 * instead.
 */
import 'fake-indexeddb/auto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backupLines } from '../src/lib/db/backup';
import { loadBundle } from '../src/lib/db/bundled';
import { openDatabase, type LensDb } from '../src/lib/db/database';
import { commitImport } from '../src/lib/db/imports';
import { listAreas, listIndicators } from '../src/lib/db/queries';
import { storeDocumentImport } from '../src/lib/db/document-store';
import { removePriority, savePriority } from '../src/lib/db/theme-queries';
import { buildAreaLookup } from '../src/lib/import/area-match';
import { resolveUnknownAreas } from '../src/lib/import/custom-areas';
import { inspect, parse } from '../src/lib/import/pipeline';
import type { ImportPlan, KnownData } from '../src/lib/import/plan';
import type { Bundle } from '../src/lib/model/bundle';
import type { ImportRecord, SourceDocument } from '../src/lib/model/types';
import { analyse } from '../src/lib/themes/analyse';
import { recordsFromResult } from '../src/lib/themes/records';

const root = join(import.meta.dirname, '..');
const OUT = join(root, 'tests', 'fixtures', 'db-v1.jsonl');
// Fixed times, so the fixture says when (in the story it tells) each thing happened.
const at = (day: number) => new Date(Date.UTC(2026, 2, day, 10, 0, 0)).toISOString();

async function known(db: LensDb): Promise<KnownData> {
  const [areas, indicators] = await Promise.all([listAreas(db), listIndicators(db)]);
  return { areas: buildAreaLookup(areas), indicators: indicators.map((i) => ({ id: i.id, label: i.label, shortLabel: i.shortLabel })) };
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Reads a file as the Data view's import does, keeping unknown areas, and commits it. */
async function importFile(db: LensDb, file: File, id: string, importedAt: string, adjust?: (plan: ImportPlan) => ImportPlan): Promise<ImportRecord> {
  const k = await known(db);
  const ins = await inspect(file, k);
  if (!ins.ok) throw new Error(`${file.name}: ${JSON.stringify(ins.issues)}`);
  const plan = adjust ? adjust(ins.value.plan) : ins.value.plan;
  const res = await parse(file, plan, k, { importId: id });
  if (!res.ok) throw new Error(`${file.name}: ${JSON.stringify(res.issues)}`);
  const parsed = res.value;
  const taken = new Set((await listAreas(db)).map((a) => a.code));
  const resolved = resolveUnknownAreas(parsed.series, parsed.unknownAreas, true, taken);
  const bytes = new Uint8Array(await file.arrayBuffer());
  return commitImport(db, {
    record: { id, fileName: file.name, hash: await sha256(bytes), kind: parsed.kind, importedAt, warnings: parsed.warnings.map((w) => w.message) },
    areas: [...parsed.areas, ...resolved.areas],
    indicators: parsed.indicators,
    series: resolved.series,
    documents: parsed.documents,
    priorities: parsed.priorities,
  });
}

async function main(): Promise<void> {
  const db = openDatabase('lens-v1-fixture', { version: 1 });
  await db.delete();
  await db.open();
  if (db.verno !== 1) throw new Error('the fixture must be written by schema version 1');

  const bundle = JSON.parse(readFileSync(join(root, 'data', 'bundle.json'), 'utf8')) as Bundle;
  await loadBundle(db, bundle);
  await db.imports.update('bundled', { importedAt: at(1) });

  const c1 = 'c1_children_in_need_referrals_and_rereferrals_2013_to_2024.csv';
  await importFile(db, new File([readFileSync(join(root, 'data', 'source', c1))], c1), 'import-c1-referrals', at(2));

  // A council's own table, one column per year, naming an area the app does not know
  // ("Barsetshire", kept as a custom area) and a suppressed cell.
  const local = 'Area,2022-23,2023-24,2024-25\nWorcestershire,1012,1130,c\nBarsetshire,340,362,401\nWalsall,1490,1533,1620\n';
  await importFile(db, new File([local], 'local-contacts.csv'), 'import-local-contacts', at(3), (plan) => {
    if (plan.format !== 'table') throw new Error('local-contacts.csv should be read as a table');
    return { ...plan, mapping: { ...plan.mapping, target: { kind: 'new', label: 'Contacts to the front door' } } };
  });

  // Walsall's 2019-20 annual report (seed 002), saved as a web page.
  const seed = readFileSync(join(root, 'data', 'seeds', '002_b572f51729a155e2.txt'), 'utf8');
  const html = `<!doctype html><html><head><title>Walsall annual report</title></head><body>${seed
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('\n')}</body></html>`;
  const areas = (await listAreas(db)).filter((a) => a.level === 'local_authority').map((a) => ({ code: a.code, name: a.name, aliases: a.aliases }));
  const bytes = new TextEncoder().encode(html);
  const analysed = await analyse({ type: 'analyse', id: 1, fileName: 'walsall-annual-report.html', format: 'html', bytes: bytes.buffer, areas });
  const area = analysed.guess.areas[0];
  if (!area || analysed.guess.period == null) throw new Error('the seed’s area and year should be guessed');
  const importId = 'doc-import-walsall';
  const document: SourceDocument = {
    id: `doc-${analysed.hash.slice(0, 16)}`,
    areaCode: area.code,
    period: analysed.guess.period,
    title: analysed.guess.title ?? 'Walsall annual report',
    source: 'walsall-annual-report.html',
    text: analysed.text,
    hash: analysed.hash,
    importId,
  };
  const { mentions, priorities } = recordsFromResult(document, analysed.result);
  await storeDocumentImport(db, {
    record: { id: importId, fileName: 'walsall-annual-report.html', hash: analysed.hash, kind: 'document', importedAt: at(4), counts: { areas: 0, indicators: 0, observations: 0, documents: 1, priorities: priorities.length }, warnings: [] },
    document,
    mentions,
    priorities,
  });

  // The user's priority edits: one bundled priority relabelled, one removed, one added.
  const bundled = await db.priorities.where('importId').equals('bundled').sortBy('id');
  const [first, second] = bundled;
  if (!first || !second) throw new Error('the bundle should have priorities');
  await savePriority(db, { ...first, label: `${first.label} (as the board agreed)` });
  await removePriority(db, second.id);
  await savePriority(db, { id: 'user:fixture-added', areaCode: 'E10000034', period: 2025, label: 'Children’s voice in every plan', themeIds: ['voice_of_child'], importId: 'user' });

  const lines = await backupLines(db, new Date(at(5)));
  writeFileSync(OUT, `${lines.join('\n')}\n`);
  const counts = JSON.parse(lines[0]!) as { tables: Record<string, number> };
  console.log(`Wrote ${OUT}: ${JSON.stringify(counts.tables)}`);
  db.close();
}

await main();
