/**
 * Ofsted's "Local authority inspection outcomes" spreadsheet, read as published (an
 * .ods file with title rows above each table): every ILACS inspection since 2018 with
 * its judgements, the 2024-25 focused and monitoring visits with their theme, and,
 * from them, the judgements in force at 31 March of each year as ordinal indicators.
 * The latest-judgements sheet is used as a check: the judgements worked out for 31
 * March 2025 must be exactly the ones Ofsted lists.
 */
import { readFileSync } from 'node:fs';
import { readOds } from '../../src/lib/import/ods';
import { inForceAt, JUDGEMENTS, type Inspection, type InspectionKind, type InspectionSet, type JudgementId } from '../../src/lib/model/inspections';
import { OFSTED_JUDGEMENT, parseCategory } from '../../src/lib/model/ordinal';
import type { Indicator } from '../../src/lib/model/types';
import type { Obs } from './types';

export const INSPECTIONS_FILE = 'LA_Inspection_Outcomes_as_at_31_March_2025.ods';

const KINDS: Record<string, InspectionKind> = {
  'ilacs standard inspection': 'standard',
  'ilacs short inspection': 'short',
  'ilacs focused visit': 'focused_visit',
  'la monitoring visit': 'monitoring_visit',
};

const JUDGEMENT_HEADERS: Record<string, JudgementId> = Object.fromEntries(JUDGEMENTS.map((j) => [j.label.toLowerCase(), j.id]));

interface Table {
  sheet: string;
  /** Spreadsheet row number of the header (1-based), for messages. */
  headerRow: number;
  header: string[];
  rows: string[][];
}

/** A sheet's table: the header is the first row naming the area code column, whatever titles sit above it. */
function table(sheets: { name: string; rows: string[][] }[], name: string): Table {
  const sheet = sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`${INSPECTIONS_FILE}: no sheet ${name} (sheets: ${sheets.map((s) => s.name).join(', ')})`);
  const at = sheet.rows.findIndex((r) => r.some((c) => c.trim().toLowerCase() === 'local authority area code'));
  if (at < 0) throw new Error(`${INSPECTIONS_FILE}, sheet ${name}: no header row with “Local authority area code”`);
  const header = sheet.rows[at]!.map((c) => c.trim());
  const rows = sheet.rows.slice(at + 1).filter((r) => r.some((c) => c.trim() !== ''));
  return { sheet: name, headerRow: at + 1, header, rows };
}

function columnOf(t: Table, ...names: string[]): number {
  const i = t.header.findIndex((h) => names.includes(h.toLowerCase()));
  if (i < 0) throw new Error(`${INSPECTIONS_FILE}, sheet ${t.sheet}: no column ${names[0]}`);
  return i;
}

function readEvents(t: Table, codeRemap: Map<string, string>, known: Set<string>): Inspection[] {
  const c = {
    code: columnOf(t, 'local authority area code'),
    name: columnOf(t, 'local authority name'),
    date: columnOf(t, 'inspection date', 'inspection/visit date'),
    published: columnOf(t, 'publication date'),
    kind: columnOf(t, 'inspection type', 'inspection/visit type'),
  };
  const status = t.header.findIndex((h) => h.toLowerCase() === 'local authority status');
  const theme = t.header.findIndex((h) => h.toLowerCase() === 'visit theme');
  const judgementColumns = t.header.flatMap((h, i) => (JUDGEMENT_HEADERS[h.toLowerCase()] ? [[i, JUDGEMENT_HEADERS[h.toLowerCase()]!] as const] : []));
  return t.rows.map((r, k) => {
    const where = `${INSPECTIONS_FILE}, sheet ${t.sheet}, row ${t.headerRow + 1 + k}`;
    const raw = r[c.code]!.trim();
    const areaCode = codeRemap.get(raw) ?? raw;
    if (!known.has(areaCode)) throw new Error(`${where}: area code ${raw} is not a bundled area`);
    const kind = KINDS[r[c.kind]!.trim().toLowerCase()];
    if (!kind) throw new Error(`${where}, column ${t.header[c.kind]}: “${r[c.kind]}” is not a known inspection type`);
    const date = r[c.date]!;
    const published = r[c.published]!;
    if (!/^\d{4}-\d\d-\d\d$/.test(date) || !/^\d{4}-\d\d-\d\d$/.test(published)) throw new Error(`${where}: dates “${date}”, “${published}” are not dates`);
    const judgements: Partial<Record<JudgementId, number>> = {};
    for (const [i, id] of judgementColumns) {
      const text = (r[i] ?? '').trim();
      if (!text) continue;
      const code = parseCategory(OFSTED_JUDGEMENT, text);
      if (code === null) throw new Error(`${where}, column ${t.header[i]}: “${text}” is not an Ofsted judgement`);
      judgements[id] = code;
    }
    const inspection = kind === 'standard' || kind === 'short';
    if (inspection && judgements.overall === undefined) throw new Error(`${where}: an inspection without an overall judgement`);
    const visitTheme = theme >= 0 ? (r[theme] ?? '').trim() : '';
    return {
      id: `${areaCode}|${date}|${kind}`,
      areaCode,
      areaName: r[c.name]!.trim(),
      kind,
      date,
      published,
      ...(inspection ? { judgements } : {}),
      ...(visitTheme ? { theme: visitTheme } : {}),
      ...(status >= 0 && /no longer exists/i.test(r[status] ?? '') ? { abolished: true } : {}),
    };
  });
}

export function ilacsIndicators(vintage: string): Indicator[] {
  return JUDGEMENTS.map((j) => ({
    id: j.indicatorId,
    label: `Ofsted ILACS judgement: ${j.label.charAt(0).toLowerCase()}${j.label.slice(1)}`,
    shortLabel: j.id === 'overall' ? 'Ofsted overall judgement' : `Ofsted: ${j.label.replace(/^The experiences and progress of /, '').replace(/^The impact of leaders.*/, 'leaders’ impact')}`,
    unit: 'ordinal' as const,
    scale: OFSTED_JUDGEMENT,
    polarity: 'higher_is_better' as const,
    definition:
      'The judgement in force at 31 March of the year, as Ofsted counts it: from the latest ILACS standard or short inspection held by 31 March whose report was published by 30 June. ' +
      (j.id === 'children_in_care' ? 'Before January 2023 this judgement covered children in care and care leavers together. ' : '') +
      (j.id === 'care_leavers' ? 'Judged separately since January 2023; earlier inspections show “z” (not applicable). ' : '') +
      'Inspections under earlier frameworks (before 2018) are not included. Ordered categories: shown in words, never averaged.',
    source: 'ofsted_inspections',
    decimals: 0,
    vintage,
    importId: 'bundled',
  }));
}

export function readInspections(path: string, codeRemap: Map<string, string>, known: Set<string>): { set: InspectionSet; obs: Obs[]; years: [number, number] } {
  const { sheets } = readOds(readFileSync(path));
  const cover = sheets.find((s) => s.name === 'Cover');
  const asAt = cover?.rows.find((r) => /^period covered/i.test(r[0] ?? ''))?.[1]?.trim();
  if (!asAt) throw new Error(`${INSPECTIONS_FILE}: the Cover sheet does not say which period it covers`);

  const history = readEvents(table(sheets, 'ILACS_inspection_history'), codeRemap, known);
  const inYear = readEvents(table(sheets, 'In-year_inspections'), codeRemap, known);
  const byId = new Map(history.map((i) => [i.id, i]));
  for (const i of inYear) {
    const held = byId.get(i.id);
    if (held && JSON.stringify(held.judgements) !== JSON.stringify(i.judgements)) throw new Error(`${INSPECTIONS_FILE}: ${i.id} has different judgements in the history and the in-year sheet`);
    if (!held) byId.set(i.id, i);
  }
  const inspections = [...byId.values()].sort((a, b) => a.areaCode.localeCompare(b.areaCode) || a.date.localeCompare(b.date));

  // The check: judgements in force at 31 March of the file's year = Ofsted's own list.
  const latest = table(sheets, 'Inspections_as_at_31_March');
  const lastYear = Number(/31 March (\d{4})/.exec(asAt)?.[1]);
  if (!lastYear) throw new Error(`${INSPECTIONS_FILE}: cannot tell the year from “${asAt}”`);
  for (const [k, r] of latest.rows.entries()) {
    const raw = r[columnOf(latest, 'local authority area code')]!.trim();
    const areaCode = codeRemap.get(raw) ?? raw;
    const date = r[columnOf(latest, 'inspection date')]!;
    const overall = parseCategory(OFSTED_JUDGEMENT, r[columnOf(latest, 'overall effectiveness')] ?? '');
    const worked = inForceAt(inspections, areaCode, lastYear);
    if (!worked || worked.date !== date || worked.judgements?.overall !== overall) {
      throw new Error(`${INSPECTIONS_FILE}, sheet ${latest.sheet}, row ${latest.headerRow + 1 + k}: ${raw} inspected ${date}, but the history gives ${worked?.date ?? 'no inspection'} in force at 31 March ${lastYear}`);
    }
  }

  const firstYear = Math.min(...inspections.map((i) => Number(i.date.slice(0, 4))));
  const obs: Obs[] = [];
  for (const areaCode of new Set(inspections.map((i) => i.areaCode))) {
    for (let period = firstYear; period <= lastYear; period++) {
      const i = inForceAt(inspections, areaCode, period);
      if (!i) continue;
      for (const j of JUDGEMENTS) {
        const code = i.judgements?.[j.id];
        obs.push(code === undefined ? { indicatorId: j.indicatorId, areaCode, period, value: null, status: 'z' } : { indicatorId: j.indicatorId, areaCode, period, value: code, status: null });
      }
    }
  }
  return { set: { source: 'ofsted_inspections', asAt, inspections }, obs, years: [firstYear, lastYear] };
}
