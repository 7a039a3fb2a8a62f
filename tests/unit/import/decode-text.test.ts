import { describe, expect, it } from 'vitest';
import { ChunkDecoder, sniffBytes } from '../../../src/lib/import/decode-text';

const bytes = (...b: number[]) => Uint8Array.from(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('sniffBytes', () => {
  it.each([
    ['empty', new Uint8Array(0), { kind: 'empty' }],
    ['only a BOM and blank lines', bytes(0xef, 0xbb, 0xbf, 0x0d, 0x0a, 0x20), { kind: 'empty' }],
    ['UTF-8 with a BOM', bytes(0xef, 0xbb, 0xbf, 0x61), { kind: 'text', encoding: 'utf-8', bom: true, decided: true }],
    ['plain ASCII (UTF-8 still a guess)', utf8('a,b\n1,2\n'), { kind: 'text', encoding: 'utf-8', bom: false, decided: false }],
    ['UTF-8 with a £', utf8('cost\n£5\n'), { kind: 'text', encoding: 'utf-8', bom: false, decided: true }],
    ['Windows-1252 with a £ and curly quotes', bytes(0x93, 0x61, 0x94, 0x2c, 0xa3, 0x35), { kind: 'text', encoding: 'windows-1252', bom: false, decided: true }],
    ['an .xlsx (zip)', bytes(0x50, 0x4b, 0x03, 0x04, 0x14), { kind: 'zip' }],
  ])('%s', (_, input, expected) => {
    expect(sniffBytes(input)).toEqual(expected);
  });

  it('calls zero bytes, control characters and old .xls files binary', () => {
    expect(sniffBytes(bytes(0x61, 0x00, 0x62)).kind).toBe('binary');
    expect(sniffBytes(Uint8Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x61))).kind).toBe('binary');
    const xls = sniffBytes(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1));
    expect(xls.kind === 'binary' && xls.reason).toContain('.xls');
  });
});

describe('ChunkDecoder', () => {
  it('keeps a character cut between two chunks whole', () => {
    const all = utf8('Bournemouth, Christchurch and Poole – £3');
    const d = new ChunkDecoder('utf-8', true);
    const cut = all.indexOf(0xe2) + 1;
    expect(d.decode(all.slice(0, cut), false) + d.decode(all.slice(cut), true)).toBe('Bournemouth, Christchurch and Poole – £3');
  });

  it('switches to Windows-1252 when the first non-ASCII byte is not UTF-8, losing nothing before it', () => {
    const d = new ChunkDecoder('utf-8', false);
    expect(d.decode(utf8('a,b\n'), false)).toBe('a,b\n');
    expect(d.decode(bytes(0xa3, 0x35, 0x0a), true)).toBe('£5\n');
    expect(d.encoding).toBe('windows-1252');
  });

  it('reads Excel’s curly quotes, dashes and euro sign as Windows-1252 has them, not as Latin-1 control characters', () => {
    // 0x93 “, 0x94 ”, 0x96 –, 0x80 €: the bytes where Windows-1252 and Latin-1 differ.
    expect(new ChunkDecoder('windows-1252', true).decode(bytes(0x93, 0x61, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35), true)).toBe('“a” – €5');
  });

  it('settles on UTF-8 when the first non-ASCII bytes are UTF-8, and counts unreadable bytes after that', () => {
    const d = new ChunkDecoder('utf-8', false);
    d.decode(utf8('£1\n'), false);
    expect(d.encoding).toBe('utf-8');
    expect(d.decode(bytes(0xa3, 0x0a), true)).toBe('\uFFFD\n');
    expect(d.replaced).toBe(1);
  });

  it('strips a byte-order mark', () => {
    expect(new ChunkDecoder('utf-8', true).decode(bytes(0xef, 0xbb, 0xbf, 0x61), true)).toBe('a');
  });
});
