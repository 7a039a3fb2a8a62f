import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/lib/themes/analyse';
import { decodeDocument } from '../../../src/lib/themes/decode';

const areas = [{ code: 'E08000027', name: 'Dudley', aliases: ['Dudley'] }];
const bytes = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;

describe('analyse', () => {
  it('decodes, tags and guesses area and year', async () => {
    const r = await analyse({ type: 'analyse', id: 1, fileName: 'm.md', format: 'md', bytes: bytes('# Dudley Safeguarding Children Partnership Annual Report 2022/23\n\nNeglect audits showed better practice in neglect cases.'), areas });
    expect(r.guess).toMatchObject({ areas: [{ code: 'E08000027' }], period: 2023 });
    expect(r.result.themes.find((t) => t.id === 'neglect')?.present).toBe(true);
    expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
  });
  it('gives the same minutes the same hash as .txt, .html and .md: the hash is of the words, not the bytes', async () => {
    const txt = 'Dudley Safeguarding Children Partnership\r\n\r\nThe priorities for 2022/23 were neglect and exploitation.\r\n';
    const html = '<!doctype html><html><body><h1>Dudley Safeguarding Children Partnership</h1><p>The priorities for 2022/23 were <strong>neglect</strong> and exploitation.</p></body></html>';
    const md = '# Dudley Safeguarding Children Partnership\n\nThe priorities for 2022/23 were **neglect** and exploitation.\n';
    const hashes = await Promise.all(
      ([['m.txt', 'txt', txt], ['m.html', 'html', html], ['m.md', 'md', md]] as const).map(async ([fileName, format, s], id) => (await analyse({ type: 'analyse', id, fileName, format, bytes: bytes(s), areas })).hash),
    );
    expect(new Set(hashes).size).toBe(1);
    const other = await analyse({ type: 'analyse', id: 9, fileName: 'o.txt', format: 'txt', bytes: bytes('Dudley Safeguarding Children Partnership. The priorities for 2023/24 were neglect and exploitation.'), areas });
    expect(other.hash).not.toBe(hashes[0]);
  });
  it('refuses binary files and files without text, naming the file', async () => {
    await expect(analyse({ type: 'analyse', id: 2, fileName: 'x.txt', format: 'txt', bytes: new Uint8Array([37, 80, 68, 70, 0, 1, 2]).buffer, areas })).rejects.toThrow(/x\.txt is not a text file/);
    await expect(analyse({ type: 'analyse', id: 3, fileName: 'e.txt', format: 'txt', bytes: bytes('  12 \n'), areas })).rejects.toThrow(/e\.txt has no readable text/);
  });
});

describe('decodeDocument', () => {
  it('reads Windows-1252 when the bytes are not UTF-8', () => {
    expect(decodeDocument(new Uint8Array([0x93, 0x41, 0x94, 0x20, 0xa3, 0x35]).buffer)).toEqual({ text: '“A” £5', encoding: 'windows-1252' });
    expect(decodeDocument(bytes('\uFEFFcafé'))).toEqual({ text: 'café', encoding: 'utf-8' });
  });
});
