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
import { ChunkDecoder, encodingLabel, type Sniffed } from './decode-text';
import { asksForBreakdowns } from './ees-filters';
import { EesTidyReader, isEesHeader, planEes } from './ees-tidy';
import { guessMapping, isLaitHeader, mappingProblems, TableReader } from './generic-csv';
import { findHeaderRow } from './header-row';
import { IssueList } from './issues';
import { fail, sniff, throttle, type Outcome, type Progress } from './outcome';
import type { ObservationSeries } from '../model/series';
import { concatSeries } from './collect';
import type { Indicator } from '../model/types';
import type { EesMeta } from './ees-zip';
import { IMPORT_LIMITS, limitMessages } from './limits';
import { errorMessage } from '../model/errors';
import type { EesPlan, ImportPlan, Inspection, KnownData, ParsedFile, SheetPlan, TableMapping } from './plan';
import { describeLeftOut, isBlankRow } from './table-rows';
import { isNotesSheet, openArchive } from './workbook';

/** Rows sent to the mapping step: a whole main table (about 200 rows), so what is left out can be counted before reading. */
export const PREVIEW_ROWS = 1000;
const isJson = async (file: Blob, name: string) => /\.json$/i.test(name) || /^\s*[{[]/.test(await file.slice(0, 64).text());

export interface InspectOptions {
  /** The worksheet of a workbook to look at. */
  sheet?: string;
  /** An EES .meta.csv dropped beside the data CSV. */
  metaText?: string;
}

/**
 * A first look: what the file is, its first rows and a guessed plan. An EES CSV's
 * filters are listed from its first rows; `listChoices` (list-values.ts) lists them
 * from every row beside the mapping step.
 */
export async function inspect(file: File, known: KnownData, options: InspectOptions | string = {}): Promise<Outcome<Inspection>> {
  const opts = typeof options === 'string' ? { sheet: options } : options;
  try {
    const s = await sniff(file);
    if (s.kind === 'empty') return fail('the file is empty.');
    if (s.kind === 'binary') return fail(`this file cannot be imported: ${s.reason}.`);
    if (s.kind === 'zip') {
      const archive = await openArchive(file, file.name);
      if (!archive.ok) return fail(archive.message);
      if (archive.kind === 'data') {
        const inner = await inspect(archive.zip.csv, known, archive.zip.meta ? { metaFromZip: archive.zip.meta } as InspectOptions : {});
        if (!inner.ok) return inner;
        const parts = [archive.zip.meta && Object.keys(archive.zip.meta.indicators).length ? 'with its metadata' : 'without a .meta.csv', archive.zip.meta?.guidance ? 'and data guidance' : ''].filter(Boolean).join(' ');
        const doubts = archive.others.length ? [`The zip holds ${archive.others.length + 1} data files; ${archive.zip.csv.name} (the largest) is read. Unzip it to import the others: ${archive.others.join(', ')}.`, ...inner.value.doubts] : inner.value.doubts;
        return { ok: true, value: { ...inner.value, fileName: file.name, size: file.size, description: `EES data set zip (${archive.zip.csv.name}, ${parts}): ${inner.value.description}`, doubts } };
      }
      const { book, format } = archive;
      const sheets = book.sheets.filter((x) => x.rows.some((r) => !isBlankRow(r)));
      if (sheets.length === 0) return fail('the workbook has no sheet with anything in it.');
      const notesSheets = sheets.filter((x) => isNotesSheet(x.name)).map((x) => x.name);
      let chosen = sheets.find((x) => x.name === opts.sheet);
      let table: Outcome<TablePlan> | null = null;
      if (!chosen) {
        // The first sheet that reads as a table of figures by area, past the cover, contents and notes.
        for (const x of sheets) {
          if (notesSheets.includes(x.name)) continue;
          const t = planTable(x.rows, known, file.name, { sheetName: x.name });
          if (t.ok && t.value.doubts.length === 0) {
            chosen = x;
            table = t;
            break;
          }
        }
        chosen ??= sheets.find((x) => !notesSheets.includes(x.name)) ?? sheets[0]!;
      }
      table ??= planTable(chosen.rows, known, file.name, { sheetName: chosen.name });
      if (!table.ok) return table;
      const kind = format === 'ods' ? 'OpenDocument spreadsheet' : 'Excel workbook';
      return {
        ok: true,
        value: {
          ...table.value,
          fileName: file.name,
          size: file.size,
          description: `${kind}, sheet “${chosen.name}”: ${table.value.description}`,
          sheets: sheets.map((x) => x.name),
          sheet: chosen.name,
          notesSheets,
          plan: { ...table.value.plan, sheet: chosen.name } as ImportPlan,
          // The user picks the sheet, so a workbook always gets the mapping step.
          needsMapping: true,
        },
      };
    }
    if (await isJson(file, file.name)) {
      return { ok: true, value: { fileName: file.name, size: file.size, description: 'Safeguarding Lens data file (JSON)', encoding: encodingLabel(s.encoding, s.bom), preview: [], previewComplete: true, plan: { format: 'app_json' }, needsMapping: false, doubts: [] } };
    }
    const head = await previewCsv(file, { encoding: s.encoding, decided: s.decided }, PREVIEW_ROWS);
    if (head.problems.length) return fail(head.problems[0]!.message, head.problems[0]!.row);
    const meta = (opts as { metaFromZip?: EesMeta }).metaFromZip ?? (opts.metaText !== undefined ? await metaOf(opts.metaText) : undefined);
    const table = planTable(head.rows, known, file.name, { complete: head.complete, ...(meta ? { meta } : {}) });
    if (!table.ok) return table;
    return { ok: true, value: { ...table.value, previewComplete: head.complete, fileName: file.name, size: file.size, encoding: encodingLabel(s.encoding, s.bom) } };
  } catch (e) {
    if (e instanceof UnclosedQuoteError || e instanceof RowTooLongError) return fail(e.message, e.row);
    return fail(`the file could not be read (${errorMessage(e)}).`);
  }
}

async function metaOf(text: string): Promise<EesMeta | undefined> {
  const { parseEesMeta } = await import('./ees-zip');
  return parseEesMeta(text) ?? undefined;
}

type TablePlan = Pick<Inspection, 'description' | 'preview' | 'previewComplete' | 'plan' | 'needsMapping' | 'doubts'>;

/** Recognises the layout of a table from its first rows. */
export function planTable(rows: string[][], known: KnownData, fileName: string, opts: { sheetName?: string; meta?: EesMeta; complete?: boolean } = {}): Outcome<TablePlan> {
  const nonBlank = rows.filter((r) => !isBlankRow(r));
  if (nonBlank.length === 0) return fail('the file has no rows with anything in them.');
  const widest = rows.reduce((m, r) => Math.max(m, r.length), 0);
  if (widest > IMPORT_LIMITS.columns) return fail(limitMessages.columns(widest), 1);
  const preview = rows.slice(0, PREVIEW_ROWS).map((r) => r.slice(0, 40));
  const previewComplete = opts.complete ?? rows.length <= PREVIEW_ROWS;
  const first = rows[0]!.map((h) => h.trim());
  if (isEesHeader(first)) {
    // A workbook's rows are the whole sheet; a CSV's are its first rows, whose filters' values list-values.ts then lists from every row.
    const ees = planEes(first, rows.slice(1, 2000), opts.meta, { rows: rows.slice(1), whole: opts.complete ?? true });
    if (ees.indicators.length === 0) return fail('this looks like a DfE Explore Education Statistics file, but no column holds figures.');
    if (ees.indicators.length > IMPORT_LIMITS.indicators) return fail(limitMessages.indicators(ees.indicators.length), 1);
    const plan: ImportPlan = { format: 'ees_tidy', ees, ...(opts.sheetName ? { sheet: opts.sheetName } : {}) };
    // Filters with several values are breakdowns: the user says which to import.
    const needsMapping = asksForBreakdowns(ees.choices ?? [], previewComplete);
    return { ok: true, value: { description: 'DfE Explore Education Statistics tidy CSV', preview, previewComplete, plan, needsMapping, doubts: [] } };
  }
  const headerRow = findHeaderRow(rows);
  const header = rows[headerRow - 1]!;
  const mapping = guessMapping(rows, headerRow, known.areas, fileName, { indicators: known.indicators, ...(opts.sheetName ? { sheetName: opts.sheetName } : {}) });
  if (headerRow === 1 && isLaitHeader(header)) {
    return { ok: true, value: { description: 'DfE Local Authority Interactive Tool (LAIT) extract', preview, previewComplete, plan: { format: 'table', mapping }, needsMapping: false, doubts: [] } };
  }
  const doubts = mappingProblems(mapping, header);
  if (doubts.length > 0) {
    doubts.unshift('This file does not look like figures by area and year. If it is, choose its header row and columns below; otherwise cancel.');
  }
  const layout = mapping.layout === 'wide' ? 'one column per year' : mapping.period === null && mapping.indicator === null ? 'one row per area' : 'one figure per row';
  return { ok: true, value: { description: `table with ${layout}${headerRow > 1 ? `, header in row ${headerRow}` : ''}`, preview, previewComplete, plan: { format: 'table', mapping }, needsMapping: true, doubts } };
}

export interface ParseOptions {
  importId: string;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
  /** Bytes per CSV slice. */
  chunkBytes?: number;
}

type RowReader = EesTidyReader | TableReader;
type FeedPlan = { format: 'ees_tidy'; ees: EesPlan } | { format: 'table'; mapping: TableMapping };

/**
 * Feeds rows of one table (a CSV or a worksheet) to its reader, holding the import's
 * limits: columns per row and cells in all. The table reader is made when the header
 * row arrives, so that its column names come from the file.
 */
class TableFeed {
  reader: RowReader | null;
  private readonly headerRow: number;

  constructor(
    private readonly plan: FeedPlan,
    private readonly resolver: AreaResolver,
    private readonly issues: IssueList,
    private readonly cells: { n: number },
  ) {
    this.reader = plan.format === 'ees_tidy' ? new EesTidyReader(plan.ees, resolver, issues) : null;
    this.headerRow = plan.format === 'ees_tidy' ? 1 : plan.mapping.headerRow;
  }

  take(rows: string[][], firstRow: number): void {
    const issues = this.issues;
    for (const row of rows) {
      if (row.length > IMPORT_LIMITS.columns) {
        issues.error(limitMessages.columns(row.length), firstRow);
        return;
      }
      this.cells.n += row.length;
    }
    if (this.cells.n > IMPORT_LIMITS.cells) {
      issues.error(limitMessages.cells(), firstRow);
      return;
    }
    const headerRow = this.headerRow;
    const skip = Math.max(0, headerRow - firstRow + 1);
    if (!this.reader && this.plan.format === 'table') {
      const header = firstRow <= headerRow ? (rows[headerRow - firstRow] ?? []) : [];
      const problems = mappingProblems(this.plan.mapping, header);
      if (problems.length) {
        issues.error(problems.join(' '), headerRow);
        return;
      }
      this.reader = new TableReader(this.plan.mapping, header, this.resolver, issues);
    }
    this.reader?.addRows(skip ? rows.slice(skip) : rows, firstRow + skip);
  }
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
    const report = throttle(opts.onProgress);
    const cells = { n: 0 };
    const feeds: { feed: TableFeed; sheet?: string }[] = [];
    let encodingNote: string | null = null;
    let kind: ParsedFile['kind'] = plan.format === 'ees_tidy' ? 'ees_csv' : 'generic_csv';
    if (s.kind === 'zip') {
      const archive = await openArchive(file, file.name);
      if (!archive.ok) return fail(archive.message);
      if (archive.kind === 'data') {
        const inner = await parse(archive.zip.csv, plan, known, opts);
        return inner.ok ? { ok: true, value: { ...inner.value, kind: 'ees_csv' } } : inner;
      }
      kind = archive.format;
      const book = archive.book;
      const sheetPlans: { sheet: string | undefined; plan: FeedPlan }[] =
        plan.format === 'sheets' ? plan.sheets.map((x: SheetPlan) => ({ sheet: x.sheet, plan: { format: 'table' as const, mapping: x.mapping } })) : [{ sheet: plan.sheet, plan }];
      const totalRows = sheetPlans.reduce((n, x) => n + (book.sheets.find((b) => b.name === x.sheet) ?? book.sheets[0])!.rows.length, 0);
      let done = 0;
      for (const x of sheetPlans) {
        const sheet = book.sheets.find((b) => b.name === x.sheet) ?? (x.sheet === undefined ? book.sheets[0] : undefined);
        if (!sheet) return fail(`the workbook has no sheet “${x.sheet ?? ''}”.`);
        const feed = new TableFeed(x.plan, resolver, issues, cells);
        feeds.push({ feed, sheet: sheet.name });
        for (let i = 0; i < sheet.rows.length && !issues.full; i += 5000) {
          if (opts.signal?.aborted) return fail('the import was cancelled.');
          feed.take(sheet.rows.slice(i, i + 5000), i + 1);
          done += Math.min(5000, sheet.rows.length - i);
          report({ rows: done, bytes: Math.round((file.size * done) / Math.max(1, totalRows)), totalBytes: file.size });
        }
        if (issues.hasErrors) break;
      }
    } else {
      if (plan.format === 'sheets') return fail('this file has no sheets: it is not a workbook.');
      const feed = new TableFeed(plan, resolver, issues, cells);
      feeds.push({ feed });
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
        feed.take(batch.rows, batch.firstRow);
        rowsSeen += batch.rows.length;
        report({ rows: rowsSeen, bytes: batch.bytesRead, totalBytes: batch.totalBytes });
        if (issues.full || issues.hasErrors) break;
      }
    }
    const readers = feeds.map((f) => f.feed.reader);
    const rows = readers.reduce((n, r) => n + (r?.rows ?? 0), 0);
    if (!issues.hasErrors && rows === 0) issues.error(feeds.length > 1 ? 'no figures were found below the header rows of the chosen sheets.' : 'no figures were found below the header row.');
    if (issues.hasErrors) return { ok: false, issues: issues.list() };

    const seriesById = new Map<string, ObservationSeries>();
    const indicators = new Map<string, Indicator>();
    const leftOut: string[] = [];
    for (const { feed, sheet } of feeds) {
      const r = feed.reader;
      if (!r) continue;
      const got = r.finish(opts.importId, file.name, known);
      for (const x of got.series) {
        const prior = seriesById.get(x.indicatorId);
        seriesById.set(x.indicatorId, prior ? concatSeries(prior, x) : x);
      }
      for (const i of got.indicators) if (!indicators.has(i.id)) indicators.set(i.id, i);
      if (r instanceof TableReader) {
        const said = describeLeftOut(r.counts);
        if (said) leftOut.push(feeds.length > 1 && sheet ? `${sheet}: ${said}` : said);
      }
    }
    const series = [...seriesById.values()];
    if (series.length > IMPORT_LIMITS.indicators) return fail(limitMessages.indicators(series.length));
    const warnings = issues.list();
    for (const l of leftOut.reverse()) warnings.unshift({ severity: 'warning', message: `${l[0]!.toUpperCase()}${l.slice(1)}.` });
    if (encodingNote) warnings.unshift({ severity: 'warning', message: encodingNote });
    return {
      ok: true,
      value: {
        kind,
        rows,
        series,
        indicators: [...indicators.values()],
        areas: [],
        unknownAreas: [...resolver.unknown.values()],
        documents: [],
        priorities: [],
        warnings,
      },
    };
  } catch (e) {
    if (e instanceof UnclosedQuoteError || e instanceof RowTooLongError) return fail(e.message, e.row);
    return fail(`the file could not be read (${errorMessage(e)}).`);
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
