/**
 * Streams a CSV file as batches of rows: the file is read in slices, decoded with
 * ChunkDecoder and parsed with PapaParse's parser, carrying an unfinished last
 * row over to the next slice (as PapaParse's own streamers do). Memory stays at a
 * few slices whatever the file's size.
 */
import Papa from 'papaparse';
import { ChunkDecoder, type TextEncoding } from './decode-text';

/** PapaParse's core parser (Papa.Parser): its streamers drive it like this, but the typings do not declare it. */
interface CoreParser {
  parse(input: string, baseIndex: number, ignoreLastRow: boolean): { data: string[][]; errors: { code: string; row?: number }[]; meta: { cursor: number } };
}
type CoreParserClass = new (config: { delimiter: string; newline: string }) => CoreParser;
const CoreParserClass = (Papa as unknown as { Parser: CoreParserClass }).Parser;

export interface CsvBatch {
  rows: string[][];
  /** Row number (1-based) of rows[0] in the file. */
  firstRow: number;
  /** Problems PapaParse found in this batch, by row number. */
  problems: { row: number; message: string }[];
  bytesRead: number;
  totalBytes: number;
}

export interface CsvOptions {
  encoding: TextEncoding;
  /** False when the encoding is a guess from plain ASCII (see ChunkDecoder). */
  decided: boolean;
  /** Bytes per slice. */
  chunkBytes?: number;
  /** A row longer than this is refused: a quote never closed, or a file that is not a table. */
  maxRowChars?: number;
}

export interface CsvDialect {
  delimiter: string;
  newline: '\n' | '\r\n' | '\r';
}

/** Guesses the delimiter and line ending from the start of the text. */
export function guessDialect(sample: string): CsvDialect {
  const res = Papa.parse<string[]>(sample.slice(0, 65536), { preview: 30, skipEmptyLines: true });
  const delimiter = res.meta.delimiter || ',';
  const lb = res.meta.linebreak;
  const newline = lb === '\r\n' || lb === '\r' ? lb : '\n';
  return { delimiter, newline };
}

const MESSAGES: Record<string, string> = {
  MissingQuotes: 'a quoted value that starts in this row is never closed (a " is missing)',
  InvalidQuotes: 'a quoted value is followed by other characters before the next comma (a stray ")',
  UndetectableDelimiter: 'the columns are not separated by commas, tabs or semicolons',
};

export class UnclosedQuoteError extends Error {
  constructor(readonly row: number) {
    super(MESSAGES.MissingQuotes);
  }
}

/** A row with no line break for longer than the app reads, and no quote to explain it. */
export class RowTooLongError extends Error {
  constructor(
    readonly row: number,
    maxChars: number,
  ) {
    super(`this row is longer than the ${(maxChars / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB a row may be (it has no line break), so the file was not read as a table`);
  }
}

/**
 * The file's text in slices of `chunkBytes`, each decoded on from the last (a character
 * split between two slices comes whole), for the readers that parse it: readCsv and the
 * column scanner (column-scan.ts). Returns what the decoder learnt of the encoding.
 */
export async function* decodedSlices(blob: Blob, opts: CsvOptions): AsyncGenerator<{ text: string; last: boolean; bytesRead: number }, { encoding: TextEncoding; replaced: number }> {
  const chunkBytes = opts.chunkBytes ?? 4 * 1024 * 1024;
  const decoder = new ChunkDecoder(opts.encoding, opts.decided);
  let offset = 0;
  do {
    const end = Math.min(blob.size, offset + chunkBytes);
    const bytes = new Uint8Array(await blob.slice(offset, end).arrayBuffer());
    offset = end;
    const last = offset >= blob.size;
    yield { text: decoder.decode(bytes, last), last, bytesRead: offset };
  } while (offset < blob.size);
  return { encoding: decoder.encoding, replaced: decoder.replaced };
}

/**
 * Whether the text read so far is too little to guess the dialect from: a slice ending
 * between \r and \n would pass for a file of bare \r, and one line cannot show the
 * delimiter, so the guess waits for enough whole lines (or the end of the file).
 */
export function tooFewLinesForDialect(text: string, last: boolean): boolean {
  return !last && text.length < 65536 && (text.match(/\n|\r(?!$)/g)?.length ?? 0) < 10;
}

export async function* readCsv(blob: Blob, opts: CsvOptions): AsyncGenerator<CsvBatch, { encoding: TextEncoding; replaced: number }> {
  const maxRowChars = opts.maxRowChars ?? 4 * 1024 * 1024;
  const slices = decodedSlices(blob, opts);
  let parser: CoreParser | null = null;
  let partial = '';
  let rowNo = 1;
  for (;;) {
    const slice = await slices.next();
    if (slice.done) return slice.value;
    const { last, bytesRead } = slice.value;
    const input = partial + slice.value.text;
    if (!parser) {
      if (tooFewLinesForDialect(input, last)) {
        partial = input;
        continue;
      }
      parser = new CoreParserClass(guessDialect(input));
    }
    const res = parser.parse(input, 0, !last);
    partial = last ? '' : input.slice(res.meta.cursor);
    if (partial.length > maxRowChars) {
      // Only an opened quote makes a row run on past its line breaks; without one the row is simply too long.
      const row = rowNo + res.data.length;
      throw partial.includes('"') ? new UnclosedQuoteError(row) : new RowTooLongError(row, maxRowChars);
    }
    const problems = res.errors.map((e) => ({ row: rowNo + (e.row ?? 0), message: MESSAGES[e.code] ?? 'this row cannot be read as CSV' }));
    yield { rows: res.data, firstRow: rowNo, problems, bytesRead, totalBytes: blob.size };
    rowNo += res.data.length;
  }
}

/** The first rows of a CSV file, for detection and the mapping step. */
export async function previewCsv(blob: Blob, opts: CsvOptions, maxRows: number): Promise<{ rows: string[][]; complete: boolean; problems: CsvBatch['problems'] }> {
  const rows: string[][] = [];
  const problems: CsvBatch['problems'] = [];
  const head = blob.size > 256 * 1024 ? blob.slice(0, 256 * 1024) : blob;
  const gen = readCsv(head, { ...opts, chunkBytes: 256 * 1024 });
  let seen = 0;
  for await (const batch of gen) {
    seen += batch.rows.length;
    for (const r of batch.rows) if (rows.length < maxRows) rows.push(r);
    problems.push(...batch.problems);
  }
  // The whole file, not just its first rows: a small file can still hold more rows than are kept.
  const complete = head === blob && seen <= maxRows;
  // A cut-off sample ends with a partial row; drop it unless the sample is the whole file.
  if (head !== blob && rows.length > 1 && rows.length < maxRows) rows.pop();
  return { rows, complete, problems: head === blob ? problems : problems.filter((p) => p.row <= rows.length) };
}
