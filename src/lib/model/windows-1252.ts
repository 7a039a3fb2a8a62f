/**
 * Windows-1252 bytes to text: what Excel's "CSV" save and Word write (curly quotes,
 * dashes and £ in one byte). By table rather than `new TextDecoder('windows-1252')`
 * because Node built without full ICU, where the unit tests run, decodes that label
 * as Latin-1 and turns 0x93/0x94 into control characters (measured: bytes 80 93 94
 * come back as U+0080 U+0093 U+0094), while browsers follow the Encoding Standard.
 * One table, so the imports, the documents and the tests agree.
 */

/** 0x80–0x9F; the rest of the byte range is Latin-1. Undefined bytes stay as their C1 code, as browsers do. */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

const CODES = new Uint16Array(256);
for (let b = 0; b < 256; b++) CODES[b] = b >= 0x80 && b <= 0x9f ? HIGH.charCodeAt(b - 0x80) : b;

const UTF16 = new TextDecoder('utf-16le');

export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) units[i] = CODES[bytes[i]!]!;
  return UTF16.decode(units);
}

/** The part of TextDecoder's interface the chunked file reader uses; a single-byte encoding has nothing to carry over. */
export const windows1252Decoder = { decode: (bytes: Uint8Array): string => decodeWindows1252(bytes) };
