/**
 * Reads a few columns of a CSV file without building its rows: how the mapping step
 * lists every value of an EES file's filters before the file is read for real (list-values.ts). Lines
 * without a quote are cut with `indexOf` (native, no string per cell); a line with a
 * quote is read character by character, as PapaParse reads it, and may run on over
 * line breaks inside quotes. About five times faster than PapaParse over the bench's
 * 70 MB file, which matters because this pass runs while the user is choosing in the
 * mapping step, beside the file's hash, and the sooner the lists are whole the better.
 *
 * The values must be the ones PapaParse gives the reader later (the filter gate
 * compares them), so a property test holds this to PapaParse on well-formed CSV.
 */
import { decodedSlices, guessDialect, RowTooLongError, tooFewLinesForDialect, UnclosedQuoteError, type CsvOptions } from './csv-reader';

/**
 * Cuts chunks of CSV text into rows of the chosen columns' values, keeping an
 * unfinished last row for the next chunk. Rows with another number of cells than
 * `width` (blank lines, broken rows) are left out, as the readers leave them out, and
 * so are the first `skip` rows (the header).
 */
export class ColumnScanner {
  private partial = '';
  /** Rows finished, the header and rows left out included. */
  rowsSeen = 0;
  private readonly want: Int32Array;
  // Where the next delimiter, line break and quote are at or after the position read: each only moves forward, so a line without one costs no search to the end of the text.
  private text = '';
  private d = -1;
  private n = -1;
  private q = -1;

  constructor(
    private readonly delimiter: string,
    private readonly newline: string,
    private readonly width: number,
    private readonly columns: readonly number[],
    private readonly skip = 1,
  ) {
    this.want = new Int32Array(width).fill(-1);
    columns.forEach((c, k) => {
      if (c < width) this.want[c] = k;
    });
  }

  /** Text carried over to the next chunk: an unfinished row. */
  get carried(): string {
    return this.partial;
  }

  private nextDelimiter(p: number): number {
    if (this.d < p) this.d = at(this.text.indexOf(this.delimiter, p), this.text);
    return this.d;
  }

  private nextNewline(p: number): number {
    if (this.n < p) this.n = at(this.text.indexOf(this.newline, p), this.text);
    return this.n;
  }

  private nextQuote(p: number): number {
    if (this.q < p) this.q = at(this.text.indexOf('"', p), this.text);
    return this.q;
  }

  private row(values: string[], cells: number, out: string[][]): void {
    if (this.rowsSeen >= this.skip && cells === this.width) out.push(values);
    this.rowsSeen++;
  }

  /** The rows finished in `chunk` (and what was carried before it); `last`: no more text follows. */
  feed(chunk: string, last: boolean): string[][] {
    const text = (this.text = this.partial + chunk);
    this.d = this.n = this.q = -1;
    const { width, want } = this;
    const dl = this.delimiter.length;
    const nl = this.newline.length;
    const out: string[][] = [];
    let pos = 0;
    while (pos < text.length) {
      const lineEnd = this.nextNewline(pos);
      if (lineEnd === text.length && !last) break;
      if (this.nextQuote(pos) >= lineEnd) {
        // No quote on this line: cells end at delimiters.
        const values = new Array<string>(this.columns.length);
        let cell = 0;
        let p = pos;
        for (;;) {
          const end = Math.min(this.nextDelimiter(p), lineEnd);
          if (cell < width && want[cell]! >= 0) values[want[cell]!] = text.slice(p, end);
          cell++;
          if (end === lineEnd) break;
          p = end + dl;
        }
        this.row(values, cell, out);
        pos = lineEnd + nl;
        continue;
      }
      const next = this.quotedRow(pos, last, out);
      if (next < 0) break;
      pos = next;
    }
    this.partial = pos < text.length ? text.slice(pos) : '';
    this.text = '';
    return out;
  }

  /** Reads a row with quotes from `pos`, as PapaParse does; where the next row begins, or -1 when the row is not finished in the text. */
  private quotedRow(pos: number, last: boolean, out: string[][]): number {
    const { text, width, want } = this;
    const values = new Array<string>(this.columns.length);
    let cell = 0;
    let p = pos;
    for (;;) {
      let value = '';
      let q = p;
      if (text.charCodeAt(p) === 34) {
        // A quoted cell: up to the quote not doubled, "" standing for ".
        let from = p + 1;
        for (;;) {
          const j = text.indexOf('"', from);
          if (j === -1 || (j + 1 >= text.length && !last)) return -1;
          if (text.charCodeAt(j + 1) === 34) {
            value += text.slice(from, j + 1);
            from = j + 2;
            continue;
          }
          value += text.slice(from, j);
          q = j + 1;
          break;
        }
      }
      // To the cell's end; after a closing quote, characters before the delimiter (a malformed cell) are kept.
      const end = Math.min(this.nextDelimiter(q), this.nextNewline(q));
      value += text.slice(q, end);
      if (cell < width && want[cell]! >= 0) values[want[cell]!] = value;
      cell++;
      if (end >= text.length) {
        if (!last) return -1;
        this.row(values, cell, out);
        return text.length;
      }
      if (end === this.nextNewline(q)) {
        this.row(values, cell, out);
        return end + this.newline.length;
      }
      p = end + this.delimiter.length;
    }
  }
}

/** indexOf's answer, with "none" as the end of the text. */
const at = (i: number, text: string) => (i === -1 ? text.length : i);

export interface ColumnBatch {
  /** Rows of data (the header left out), each the chosen columns' values in the order asked. */
  rows: string[][];
  bytesRead: number;
  totalBytes: number;
}

/** Streams a CSV file as the values of a few of its columns, in slices as readCsv reads it. */
export async function* scanCsvColumns(blob: Blob, opts: CsvOptions, width: number, columns: readonly number[]): AsyncGenerator<ColumnBatch> {
  const maxRowChars = opts.maxRowChars ?? 4 * 1024 * 1024;
  let scanner: ColumnScanner | null = null;
  let waiting = '';
  for await (const { text, last, bytesRead } of decodedSlices(blob, opts)) {
    let input = text;
    if (!scanner) {
      // As readCsv: the dialect from enough whole lines.
      input = waiting + input;
      if (tooFewLinesForDialect(input, last)) {
        waiting = input;
        continue;
      }
      const dialect = guessDialect(input);
      scanner = new ColumnScanner(dialect.delimiter, dialect.newline, width, columns);
    }
    const rows = scanner.feed(input, last);
    if (scanner.carried.length > maxRowChars) {
      const row = scanner.rowsSeen + 1;
      throw scanner.carried.includes('"') ? new UnclosedQuoteError(row) : new RowTooLongError(row, maxRowChars);
    }
    yield { rows, bytesRead, totalBytes: blob.size };
  }
}
