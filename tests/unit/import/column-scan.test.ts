/**
 * The column scanner lists an EES file's filter values before the reader reads the file
 * with PapaParse; the filter gate then compares the two, so they must agree cell for cell.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ColumnScanner, scanCsvColumns } from '../../../src/lib/import/column-scan';
import { textFile } from './helpers';

const cellText = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r', 'é', '1'), maxLength: 6 });
const encode = (c: string) => (/[",\n\r]/.test(c) || c.startsWith(' ') ? `"${c.replace(/"/g, '""')}"` : c);

/** What PapaParse gives for the chosen columns of the rows `width` wide, the header left out. */
function papa(text: string, newline: '\n' | '\r\n', width: number, columns: number[]): string[][] {
  const rows = Papa.parse<string[]>(text, { delimiter: ',', newline }).data;
  return rows.slice(1).filter((r) => r.length === width).map((r) => columns.map((c) => r[c]!));
}

function scan(text: string, cuts: number[], newline: string, width: number, columns: number[]): string[][] {
  const scanner = new ColumnScanner(',', newline, width, columns);
  const out: string[][] = [];
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const p of points) {
    out.push(...scanner.feed(text.slice(from, p), false));
    from = p;
  }
  out.push(...scanner.feed(text.slice(from), true));
  return out;
}

describe('column scanner', () => {
  it('gives the values PapaParse gives, however the text is cut into chunks', () => {
    fc.assert(
      fc.property(
        // At least two columns: in a file one column wide a blank line is a row, which the readers skip anyway (EES files have three or more).
        fc.integer({ min: 2, max: 5 }),
        fc.array(fc.array(cellText, { minLength: 0, maxLength: 6 }), { maxLength: 12 }),
        fc.array(fc.nat(400), { maxLength: 6 }),
        fc.constantFrom('\n' as const, '\r\n' as const),
        fc.boolean(),
        (width, body, cuts, newline, trailing) => {
          const header = Array.from({ length: width }, (_, i) => `c${i}`);
          // Most rows as wide as the header; some not, as broken rows are.
          const rows = body.map((r, i) => (i % 4 === 3 ? r : Array.from({ length: width }, (_, c) => r[c] ?? '')));
          const text = [header, ...rows].map((r) => r.map(encode).join(',')).join(newline) + (trailing ? newline : '');
          const columns = width > 2 ? [2, 0] : [width - 1];
          expect(scan(text, cuts, newline, width, columns)).toEqual(papa(text, newline, width, columns));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads a file in slices: quoted names with commas, a quoted line break across a slice, no newline at the end', async () => {
    const lines = ['time_period,la_name,characteristic,x'];
    for (let i = 0; i < 300; i++) lines.push(`2025,"Bristol, City of",${i === 150 ? '"Two\nlines"' : `Group ${i % 7}`},${i}`);
    const file = textFile('q.csv', lines.join('\n'));
    const got: string[][] = [];
    for await (const b of scanCsvColumns(file, { encoding: 'utf-8', decided: true, chunkBytes: 97 }, 4, [2, 1])) got.push(...b.rows);
    expect(got).toHaveLength(300);
    expect(got[0]).toEqual(['Group 0', 'Bristol, City of']);
    expect(got[150]).toEqual(['Two\nlines', 'Bristol, City of']);
    expect(got[299]).toEqual(['Group 5', 'Bristol, City of']);
  });

  it('refuses a quote never closed once it runs past the longest row', async () => {
    const file = textFile('bad.csv', `a,b\n"x,${'y'.repeat(3000)}`);
    const read = async () => {
      for await (const b of scanCsvColumns(file, { encoding: 'utf-8', decided: true, chunkBytes: 256, maxRowChars: 1000 }, 2, [0])) void b;
    };
    await expect(read()).rejects.toThrow(/never closed/);
  });
});
