/**
 * The import worker's work, as plain async functions (so tests run them without
 * a worker): inspect() takes a first look at a file and guesses a plan; parse()
 * reads the whole file with a plan into columnar series. Both return issues
 * instead of throwing, and neither touches the database.
 */
import { parseJsonText, validateAppFile } from './app-json';
import { readAppData } from './app-data';
import { AreaResolver } from './area-match';
import { previewCsv, readCsv, RowTooLongError, UnclosedQuoteError } from './csv-reader';
import { ChunkDecoder, encodingLabel, sniffBytes, type Sniffed } from './decode-text';
import { EesTidyReader, isEesHeader, planEes } from './ees-tidy';
import { guessMapping, isLaitHeader, mappingProblems, TableReader } from './generic-csv';
import { findHeaderRow } from './header-row';
import { IssueList, type Issue } from './issues';
import { IMPORT_LIMITS, limitMessages } from './limits';
import { zipEntries } from './zip-directory';
import type { ImportPlan, Inspection, KnownData, ParsedFile } from './plan';

export type Outcome<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

export interface Progress {
  rows: number;
  bytes: number;
  totalBytes: number;
}

const PREVIEW_ROWS = 60;
const fail = <T>(message: string, row?: number, column?: string): Outcome<T> => ({
  ok: false,
  issues: [{ severity: 'error', message, ...(row !== undefined ? { row } : {}), ...(column !== undefined ? { column } : {}) }],
});

async function sniff(file: Blob): Promise<Sniffed> {
  return sniffBytes(new Uint8Array(await file.slice(0, 65536).arrayBuffer()));
}

const isJson = async (file: Blob, name: string) => /\.json$/i.test(name) || /^\s*[{[]/.test(await file.slice(0, 64).text());

/** A first look: what the file is, its first rows and a guessed plan. `sheet` picks a worksheet of a workbook. */
export async function inspect(file: File, known: KnownData, sheet?: string): Promise<Outcome<Inspection>> {
  try {
    const s = await sniff(file);
    if (s.kind === 'empty') return fail('the file is empty.');
    if (s.kind === 'binary') return fail(`this file cannot be imported: ${s.reason}.`);
    if (s.kind === 'zip') {
      const book = await readBook(file);
      if (!book.ok) return book;
      const sheets = book.value.sheets.filter((x) => x.rows.some((r) => r.some((c) => c.trim() !== '')));
      if (sheets.length === 0) return fail('the workbook has no sheet with anything in it.');
      const chosen = sheets.find((x) => x.name === sheet) ?? sheets[0]!;
      const table = planTable(chosen.rows, known, file.name);
      if (!table.ok) return table;
      return {
        ok: true,
        value: {
          ...table.value,
          fileName: file.name,
          size: file.size,
          description: `Excel workbook, sheet “${chosen.name}”: ${table.value.description}`,
          sheets: sheets.map((x) => x.name),
          sheet: chosen.name,
          plan: { ...table.value.plan, sheet: chosen.name } as ImportPlan,
          // The user picks the sheet, so a workbook always gets the mapping step.
          needsMapping: true,
        },
      };
    }
    if (await isJson(file, file.name)) {
      return { ok: true, value: { fileName: file.name, size: file.size, description: 'Safeguarding Lens data file (JSON)', encoding: encodingLabel(s.encoding, s.bom), preview: [], plan: { format: 'app_json' }, needsMapping: false, doubts: [] } };
    }
    const head = await previewCsv(file, { encoding: s.encoding, decided: s.decided }, PREVIEW_ROWS);
    if (head.problems.length) return fail(head.problems[0]!.message, head.problems[0]!.row);
    const table = planTable(head.rows, known, file.name);
    if (!table.ok) return table;
    return { ok: true, value: { ...table.value, fileName: file.name, size: file.size, encoding: encodingLabel(s.encoding, s.bom) } };
  } catch (e) {
    return fail(`the file could not be read (${e instanceof Error ? e.message : String(e)}).`);
  }
}

async function readBook(file: Blob): Promise<Outcome<Awaited<ReturnType<typeof import('./xlsx').readWorkbook>>>> {
  const data = await file.arrayBuffer();
  // The sizes the archive declares come first: a zip bomb is refused before any unpacking.
  const entries = zipEntries(new Uint8Array(data));
  if (entries) {
    const unpacked = entries.reduce((sum, e) => sum + e.unpackedBytes, 0);
    if (unpacked > IMPORT_LIMITS.workbookUnpackedBytes) return fail(limitMessages.workbook(unpacked));
  }
  try {
    const { readWorkbook } = await import('./xlsx');
    return { ok: true, value: await readWorkbook(data) };
  } catch {
    return fail('this is not a workbook the app can read: only .xlsx workbooks (Excel 2007 or later) are taken, or CSV.');
  }
}

type TablePlan = Pick<Inspection, 'description' | 'preview' | 'plan' | 'needsMapping' | 'doubts'>;

/** Recognises the layout of a table from its first rows. */
export function planTable(rows: string[][], known: KnownData, fileName: string): Outcome<TablePlan> {
  const nonBlank = rows.filter((r) => r.some((c) => c.trim() !== ''));
  if (nonBlank.length === 0) return fail('the file has no rows with anything in them.');
  const widest = rows.reduce((m, r) => Math.max(m, r.length), 0);
  if (widest > IMPORT_LIMITS.columns) return fail(limitMessages.columns(widest), 1);
  const preview = rows.slice(0, PREVIEW_ROWS).map((r) => r.slice(0, 40));
  const first = rows[0]!.map((h) => h.trim());
  if (isEesHeader(first)) {
    const ees = planEes(first, rows.slice(1, 2000));
    if (ees.indicators.length === 0) return fail('this looks like a DfE Explore Education Statistics file, but no column holds figures.');
    if (ees.indicators.length > IMPORT_LIMITS.indicators) return fail(limitMessages.indicators(ees.indicators.length), 1);
    return { ok: true, value: { description: 'DfE Explore Education Statistics tidy CSV', preview, plan: { format: 'ees_tidy', ees }, needsMapping: false, doubts: [] } };
  }
  const headerRow = findHeaderRow(rows);
  const header = rows[headerRow - 1]!;
  const mapping = guessMapping(rows, headerRow, known.areas, fileName);
  if (headerRow === 1 && isLaitHeader(header)) {
    return { ok: true, value: { description: 'DfE Local Authority Interactive Tool (LAIT) extract', preview, plan: { format: 'table', mapping }, needsMapping: false, doubts: [] } };
  }
  const doubts = mappingProblems(mapping, header);
  if (doubts.length > 0) {
    doubts.unshift('This file does not look like figures by area and year. If it is, choose its header row and columns below; otherwise cancel.');
  }
  const layout = mapping.layout === 'wide' ? 'one column per year' : 'one figure per row';
  return { ok: true, value: { description: `table with ${layout}${headerRow > 1 ? `, header in row ${headerRow}` : ''}`, preview, plan: { format: 'table', mapping }, needsMapping: true, doubts } };
}

export interface ParseOptions {
  importId: string;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
  /** Bytes per CSV slice. */
  chunkBytes?: number;
}

/** Reads the whole file with a plan. Nothing is written anywhere: the caller commits the result. */
export async function parse(file: File, plan: ImportPlan, known: KnownData, opts: ParseOptions): Promise<Outcome<ParsedFile>> {
  const issues = new IssueList();
  try {
    const s = await sniff(file);
    if (s.kind === 'empty') return fail('the file is empty.');
    if (s.kind === 'binary') return fail(`this file cannot be imported: ${s.reason}.`);
    if (plan.format === 'app_json') {
      if (s.kind !== 'text') return fail('this is not a JSON file.');
      return parseAppJson(file, s, known, opts, issues);
    }
    const resolver = new AreaResolver(known.areas);
    const reader = plan.format === 'ees_tidy' ? new EesTidyReader(plan.ees, resolver, issues) : null;
    let table: TableReader | null = null;
    const headerRow = plan.format === 'ees_tidy' ? 1 : plan.mapping.headerRow;
    const report = throttle(opts.onProgress);

    let cells = 0;
    const take = (rows: string[][], firstRow: number) => {
      for (const row of rows) {
        if (row.length > IMPORT_LIMITS.columns) {
          issues.error(limitMessages.columns(row.length), firstRow);
          return;
        }
        cells += row.length;
      }
      if (cells > IMPORT_LIMITS.cells) {
        issues.error(limitMessages.cells(), firstRow);
        return;
      }
      const skip = Math.max(0, headerRow - firstRow + 1);
      if (reader) reader.addRows(skip ? rows.slice(skip) : rows, firstRow + skip);
      else {
        if (plan.format !== 'table') return;
        if (!table) {
          const header = firstRow <= headerRow ? (rows[headerRow - firstRow] ?? []) : [];
          const problems = mappingProblems(plan.mapping, header);
          if (problems.length) {
            issues.error(problems.join(' '), headerRow);
            return;
          }
          table = new TableReader(plan.mapping, header, resolver, issues);
        }
        table.addRows(skip ? rows.slice(skip) : rows, firstRow + skip);
      }
    };
    let encodingNote: string | null = null;
    if (s.kind === 'zip') {
      const book = await readBook(file);
      if (!book.ok) return book;
      const sheet = book.value.sheets.find((x) => x.name === plan.sheet) ?? book.value.sheets[0];
      if (!sheet) return fail('the workbook has no sheets.');
      for (let i = 0; i < sheet.rows.length && !issues.full; i += 5000) {
        take(sheet.rows.slice(i, i + 5000), i + 1);
        report({ rows: Math.min(i + 5000, sheet.rows.length), bytes: file.size, totalBytes: file.size });
      }
    } else {
      const gen = readCsv(file, { encoding: s.encoding, decided: s.decided, ...(opts.chunkBytes ? { chunkBytes: opts.chunkBytes } : {}) });
      let rowsSeen = 0;
      for (;;) {
        if (opts.signal?.aborted) return fail('the import was cancelled.');
        const next = await gen.next();
        if (next.done) {
          if (next.value.encoding === 'windows-1252') encodingNote = 'The file was read as Windows-1252 (an Excel “CSV” save), not UTF-8.';
          if (next.value.replaced > 0) encodingNote = `${next.value.replaced} characters could not be read as UTF-8 and show as �.`;
          break;
        }
        const batch = next.value;
        for (const p of batch.problems) issues.error(p.message, p.row);
        take(batch.rows, batch.firstRow);
        rowsSeen += batch.rows.length;
        report({ rows: rowsSeen, bytes: batch.bytesRead, totalBytes: batch.totalBytes });
        if (issues.full || issues.hasErrors) break;
      }
    }
    const r = reader ?? (table as TableReader | null);
    if (!issues.hasErrors && (!r || r.rows === 0)) issues.error('no figures were found below the header row.');
    if (issues.hasErrors || !r) return { ok: false, issues: issues.list() };

    const { series, indicators } = r.finish(opts.importId, file.name, known);
    const brought = new Set(series.map((x) => x.indicatorId)).size;
    if (brought > IMPORT_LIMITS.indicators) return fail(limitMessages.indicators(brought));
    const warnings = issues.list();
    if (encodingNote) warnings.unshift({ severity: 'warning', message: encodingNote });
    return {
      ok: true,
      value: {
        kind: s.kind === 'zip' ? 'xlsx' : plan.format === 'ees_tidy' ? 'ees_csv' : 'generic_csv',
        rows: r.rows,
        series,
        indicators,
        areas: [],
        unknownAreas: [...resolver.unknown.values()],
        documents: [],
        priorities: [],
        warnings,
      },
    };
  } catch (e) {
    if (e instanceof UnclosedQuoteError || e instanceof RowTooLongError) return fail(e.message, e.row);
    return fail(`the file could not be read (${e instanceof Error ? e.message : String(e)}).`);
  }
}

async function parseAppJson(file: File, s: Sniffed & { kind: 'text' }, known: KnownData, opts: ParseOptions, issues: IssueList): Promise<Outcome<ParsedFile>> {
  const text = new ChunkDecoder(s.encoding, true).decode(new Uint8Array(await file.arrayBuffer()), true);
  opts.onProgress?.({ rows: 0, bytes: file.size, totalBytes: file.size });
  const json = parseJsonText(text, issues);
  const valid = json === undefined ? null : validateAppFile(json, issues);
  if (!valid || issues.hasErrors) return { ok: false, issues: issues.list() };
  const brought = new Set([...valid.indicators.map((i) => i.id), ...valid.observations.map((o) => o.indicatorId)]).size;
  if (brought > IMPORT_LIMITS.indicators) return fail(limitMessages.indicators(brought));
  const parsed = readAppData(valid, known, opts.importId, issues);
  return parsed ? { ok: true, value: parsed } : { ok: false, issues: issues.list() };
}

/** Progress at most every 100 ms, and always the last one a caller asks for at the end. */
function throttle(fn: ((p: Progress) => void) | undefined): (p: Progress) => void {
  let last = 0;
  return (p) => {
    if (!fn) return;
    const now = Date.now();
    if (now - last >= 100 || p.bytes >= p.totalBytes) {
      last = now;
      fn(p);
    }
  };
}
