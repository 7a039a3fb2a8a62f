/**
 * Files that are zip archives: .xlsx workbooks (read-excel-file), .ods spreadsheets
 * (ods.ts, fflate and saxes) and EES data set zips (ees-zip.ts), each reader loaded
 * by dynamic import only when such a file arrives. Both spreadsheet formats give the
 * same `Workbook`. The archive's own directory is read first, so a zip bomb is
 * refused before anything is unpacked; the cell limit holds for every format.
 */
import type { DataZip } from './ees-zip';
import { IMPORT_LIMITS, limitMessages } from './limits';
import { errorMessage } from '../model/errors';
import type { Workbook } from './xlsx';
import { zipEntries } from './zip-directory';

export type WorkbookFormat = 'xlsx' | 'ods';

export type ArchiveOutcome =
  | { ok: true; kind: 'book'; book: Workbook; format: WorkbookFormat }
  | { ok: true; kind: 'data'; zip: DataZip; others: string[] }
  | { ok: false; message: string };

/** Sheets that describe the workbook rather than hold a table: skipped when choosing where to start. */
const NOTES_SHEET = /^(cover|cover sheet|contents|table of contents|notes?|about|metadata|information|info|definitions?|glossary|readme|read me|guidance|background|index|title)$/i;

export function isNotesSheet(name: string): boolean {
  return NOTES_SHEET.test(name.replace(/[_-]+/g, ' ').trim());
}

// The last workbook read, so that looking at another sheet does not unpack the file again.
let last: { key: string; outcome: ArchiveOutcome } | null = null;

function keyOf(file: Blob): string {
  const f = file as Partial<File>;
  return `${f.name ?? ''}|${file.size}|${f.lastModified ?? ''}`;
}

/** Opens a zip archive: a workbook's sheets, or an EES zip's data CSV with its metadata. */
export async function openArchive(file: Blob, fileName: string): Promise<ArchiveOutcome> {
  const key = keyOf(file);
  if (last && last.key === key) return last.outcome;
  const data = new Uint8Array(await file.arrayBuffer());
  // The sizes the archive declares come first: a zip bomb is refused before any unpacking.
  const entries = zipEntries(data);
  const unpacked = entries ? entries.reduce((sum, e) => sum + e.unpackedBytes, 0) : 0;
  let outcome: ArchiveOutcome;
  if (entries && (await import('./ees-zip')).isDataZip(entries)) {
    if (unpacked > IMPORT_LIMITS.dataZipUnpackedBytes) return { ok: false, message: limitMessages.dataZip(unpacked) };
    const { readDataZip } = await import('./ees-zip');
    const read = readDataZip(data, entries, fileName);
    if (!read.ok) return read;
    outcome = { ok: true, kind: 'data', zip: read.zip, others: read.others };
  } else {
    if (unpacked > IMPORT_LIMITS.workbookUnpackedBytes) return { ok: false, message: limitMessages.workbook(unpacked) };
    const ods = entries?.some((e) => e.name === 'content.xml') && !entries.some((e) => e.name === 'xl/workbook.xml');
    if (ods) {
      try {
        const { readOds } = await import('./ods');
        outcome = { ok: true, kind: 'book', format: 'ods', book: readOds(data, { maxXmlBytes: IMPORT_LIMITS.workbookUnpackedBytes, maxCells: Math.min(IMPORT_LIMITS.cells, 20_000_000) }) };
      } catch (e) {
        return { ok: false, message: `this OpenDocument spreadsheet could not be read: ${errorMessage(e)}` };
      }
    } else {
      try {
        const { readWorkbook } = await import('./xlsx');
        outcome = { ok: true, kind: 'book', format: 'xlsx', book: await readWorkbook(data.buffer) };
      } catch {
        return { ok: false, message: 'this is not a workbook the app can read: .xlsx workbooks (Excel 2007 or later), .ods spreadsheets, CSV files and EES data set zips are taken.' };
      }
    }
  }
  last = { key, outcome };
  return outcome;
}
