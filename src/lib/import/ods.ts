/**
 * OpenDocument spreadsheets (.ods), as gov.uk publishes its statistics. The zip is
 * read with fflate and the XML with saxes (a conformant streaming parser); this
 * module only knows the spreadsheet's table model: which elements are rows and
 * cells, how they repeat, and where each type of cell keeps its value. It runs in
 * Node (scripts/build-data.ts reads Ofsted's outcomes file with it) and in a worker,
 * and gives the same `Workbook` as the .xlsx reader, so a sheet can go on to the
 * same header-row and mapping steps.
 */
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { Workbook } from './xlsx';

const TABLE = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';
const OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
const TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';

export interface OdsOptions {
  /** Largest content.xml accepted, uncompressed (a small zip can hold a huge file). */
  maxXmlBytes?: number;
  /** Most cells kept in all sheets together, counting repeated ones. */
  maxCells?: number;
}

export class OdsError extends Error {}

function attr(tag: SaxesTagNS, uri: string, local: string): string | undefined {
  for (const a of Object.values(tag.attributes)) if (a.uri === uri && a.local === local) return a.value;
  return undefined;
}

function repeat(tag: SaxesTagNS, local: string): number {
  const n = Number(attr(tag, TABLE, local) ?? '1');
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/**
 * A cell as the text a CSV save would give: numbers in full (office:value, not the
 * formatted text), dates as yyyy-mm-dd, booleans as TRUE/FALSE, text as written.
 */
function typedValue(tag: SaxesTagNS): string | null {
  switch (attr(tag, OFFICE, 'value-type')) {
    case 'float':
    case 'percentage':
    case 'currency':
      return attr(tag, OFFICE, 'value') ?? null;
    case 'date':
      return attr(tag, OFFICE, 'date-value')?.slice(0, 10) ?? null;
    case 'time':
      return attr(tag, OFFICE, 'time-value') ?? null;
    case 'boolean':
      return attr(tag, OFFICE, 'boolean-value') === 'true' ? 'TRUE' : 'FALSE';
    case 'string':
      return attr(tag, OFFICE, 'string-value') ?? null;
    default:
      return null;
  }
}

/** Reads every sheet of an .ods file. Throws OdsError with a plain message when it is not one. */
export function readOds(data: ArrayBuffer | Uint8Array, options: OdsOptions = {}): Workbook {
  const maxXml = options.maxXmlBytes ?? 256 * 1024 * 1024;
  const maxCells = options.maxCells ?? 20_000_000;
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (f.name !== 'content.xml') return false;
        if (f.originalSize > maxXml) throw new OdsError(`Its content.xml unpacks to ${f.originalSize.toLocaleString('en-GB')} bytes, more than the ${maxXml.toLocaleString('en-GB')} this app reads.`);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof OdsError) throw e;
    throw new OdsError('It is not an OpenDocument spreadsheet: it cannot be opened as a zip archive.');
  }
  const xml = files['content.xml'];
  if (!xml) throw new OdsError('It is not an OpenDocument spreadsheet: it has no content.xml.');
  return parseContent(strFromU8(xml), maxCells);
}

/** The sheets of an ODS content.xml. Exported for tests of the table model. */
export function parseContent(xml: string, maxCells = 20_000_000): Workbook {
  const sheets: Workbook['sheets'] = [];
  let sheet: { name: string; rows: string[][] } | null = null;
  let row: string[] | null = null;
  let rowRepeat = 1;
  /** Empty cells seen in this row but not yet kept: only kept if a cell with content follows. */
  let emptyCells = 0;
  /** Empty rows seen but not yet kept: only kept if a row with content follows. */
  let pendingEmpty = 0;
  let cell: { repeat: number; typed: string | null; paragraphs: string[] } | null = null;
  let paragraph: string[] | null = null;
  let skipDepth = 0;
  let cells = 0;

  const count = (n: number) => {
    cells += n;
    if (cells > maxCells) throw new OdsError(`It has more than ${maxCells.toLocaleString('en-GB')} cells.`);
  };

  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => {
    throw new OdsError(`Its content.xml is not well-formed XML (${e.message}).`);
  });
  parser.on('opentag', (tag) => {
    if (skipDepth > 0) {
      skipDepth++;
      return;
    }
    if (tag.uri === OFFICE && tag.local === 'annotation') {
      // A comment attached to a cell: not the cell's value.
      skipDepth = 1;
      return;
    }
    if (tag.uri === TABLE) {
      if (tag.local === 'table' && !sheet) {
        sheet = { name: attr(tag, TABLE, 'name') ?? `Sheet${sheets.length + 1}`, rows: [] };
        pendingEmpty = 0;
      } else if (tag.local === 'table-row' && sheet) {
        row = [];
        emptyCells = 0;
        rowRepeat = repeat(tag, 'number-rows-repeated');
      } else if ((tag.local === 'table-cell' || tag.local === 'covered-table-cell') && row) {
        cell = { repeat: repeat(tag, 'number-columns-repeated'), typed: typedValue(tag), paragraphs: [] };
      }
    } else if (tag.uri === TEXT && cell) {
      if (tag.local === 'p' || tag.local === 'h') paragraph = [];
      else if (paragraph && tag.local === 's') paragraph.push(' '.repeat(Math.min(Number(attr(tag, TEXT, 'c') ?? '1') || 1, 1000)));
      else if (paragraph && tag.local === 'tab') paragraph.push('\t');
      else if (paragraph && tag.local === 'line-break') paragraph.push('\n');
    }
  });
  parser.on('text', (t) => {
    if (skipDepth === 0 && paragraph) paragraph.push(t);
  });
  parser.on('closetag', (tag) => {
    if (skipDepth > 0) {
      skipDepth--;
      return;
    }
    if (tag.uri === TEXT && (tag.local === 'p' || tag.local === 'h') && cell && paragraph) {
      cell.paragraphs.push(paragraph.join(''));
      paragraph = null;
    } else if (tag.uri === TABLE && (tag.local === 'table-cell' || tag.local === 'covered-table-cell') && cell && row) {
      const text = cell.typed ?? cell.paragraphs.join('\n');
      // Trailing empty cells repeat to the sheet's last column (16,384): never spelled out.
      if (text === '') emptyCells += cell.repeat;
      else {
        count(emptyCells + cell.repeat);
        for (let i = 0; i < emptyCells; i++) row.push('');
        for (let i = 0; i < cell.repeat; i++) row.push(text);
        emptyCells = 0;
      }
      cell = null;
    } else if (tag.uri === TABLE && tag.local === 'table-row' && row && sheet) {
      if (row.length === 0) pendingEmpty += rowRepeat;
      else {
        // Empty rows between tables stay (they separate them); those after the last row do not.
        for (let i = 0; i < pendingEmpty; i++) sheet.rows.push([]);
        pendingEmpty = 0;
        count(row.length * rowRepeat);
        for (let i = 0; i < rowRepeat; i++) sheet.rows.push(i === 0 ? row : [...row]);
      }
      row = null;
    } else if (tag.uri === TABLE && tag.local === 'table' && sheet) {
      sheets.push(sheet);
      sheet = null;
    }
  });
  parser.write(xml).close();
  return { sheets };
}
