import { decodeWindows1252 } from '../model/windows-1252';
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
