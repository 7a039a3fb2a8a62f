import { describe, expect, it } from 'vitest';
import { guessDialect, previewCsv, readCsv, UnclosedQuoteError } from '../../../src/lib/import/csv-reader';

async function readAll(text: string | Uint8Array, chunkBytes: number) {
  const rows: string[][] = [];
  const problems: { row: number; message: string }[] = [];
  const firstRows: number[] = [];
  for await (const b of readCsv(new Blob([text as BlobPart]), { encoding: 'utf-8', decided: false, chunkBytes })) {
    rows.push(...b.rows);
    problems.push(...b.problems);
    firstRows.push(b.firstRow);
  }
  return { rows: rows.filter((r) => !(r.length === 1 && r[0] === '')), problems, firstRows };
}

describe('readCsv', () => {
  const text = 'la_name,value\r\n"Herefordshire, County of",1\r\n"St Helens",2\r\n"Quoted\r\nnewline",3\r\nBournemouth – £,4\r\n';
  const expected = [
    ['la_name', 'value'],
    ['Herefordshire, County of', '1'],
    ['St Helens', '2'],
    ['Quoted\r\nnewline', '3'],
    ['Bournemouth – £', '4'],
  ];

  it('gives the same rows whatever the slice size', async () => {
    for (const size of [1, 2, 3, 7, 16, 64, 1 << 20]) expect((await readAll(text, size)).rows, `slice ${size}`).toEqual(expected);
  });

  it('numbers rows across slices', async () => {
    const many = 'a\n' + Array.from({ length: 100 }, (_, i) => String(i)).join('\n') + '\n';
    const { firstRows, rows } = await readAll(many, 50);
    expect(rows).toHaveLength(101);
    expect(firstRows[0]).toBe(1);
    expect(firstRows.every((r, i) => i === 0 || r > firstRows[i - 1]!)).toBe(true);
  });

  it('reports a quote that is never closed with its row', async () => {
    const { problems } = await readAll('a,b\n1,2\n3,"4\n5,6\n', 1 << 20);
    expect(problems).toEqual([{ row: 3, message: expect.stringContaining('never closed') }]);
  });

  it('stops early on an unclosed quote in a huge file rather than buffering it all', async () => {
    const big = 'a,b\n1,"open\n' + 'x,y\n'.repeat(200_000);
    const gen = readCsv(new Blob([big]), { encoding: 'utf-8', decided: false, chunkBytes: 64 * 1024, maxRowChars: 100_000 });
    await expect(async () => {
      for await (const _ of gen) void _;
    }).rejects.toThrow(UnclosedQuoteError);
  });

  it('guesses semicolons and tabs', () => {
    expect(guessDialect('a;b;c\n1;2;3\n4;5;6\n').delimiter).toBe(';');
    expect(guessDialect('a\tb\r\n1\t2\r\n3\t4\r\n5\t6\r\n').delimiter).toBe('\t');
    expect(guessDialect('a\tb\r\n1\t2\r\n3\t4\r\n').newline).toBe('\r\n');
  });
});

describe('previewCsv', () => {
  it('returns whole rows only', async () => {
    const body = 'a,b\n' + '1,2\n'.repeat(100_000);
    const { rows, complete } = await previewCsv(new Blob([body]), { encoding: 'utf-8', decided: false }, 60);
    expect(complete).toBe(false);
    expect(rows).toHaveLength(60);
    expect(rows.every((r) => r.length === 2)).toBe(true);
  });
});
