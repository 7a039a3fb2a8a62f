/**
 * Bytes of an imported document to text: UTF-8 (with or without a byte-order mark)
 * when the bytes are valid UTF-8, otherwise Windows-1252, which is what Word and
 * older council web pages save as (curly quotes and £ in one byte).
 */
export function decodeDocument(bytes: ArrayBuffer): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(new Uint8Array(bytes)), encoding: 'windows-1252' };
  }
}

/** 0x80–0x9F in Windows-1252; the rest of the byte range is Latin-1. Done by hand because some runtimes decode the label as Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
