/**
 * Which bytes a file holds, and how to turn them into text. Published files come
 * as UTF-8 (with or without a byte-order mark) or as Windows-1252 from Excel's
 * "CSV" save (the £ sign and curly quotes as single bytes).
 */
import { windows1252Decoder } from '../model/windows-1252';

export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export type Sniffed =
  | { kind: 'empty' }
  | { kind: 'zip' }
  | { kind: 'binary'; reason: string }
  | { kind: 'text'; encoding: TextEncoding; bom: boolean; /** False while only ASCII has been seen: the choice can still change. */ decided: boolean };

/** Looks at the first bytes of a file (64 KB is plenty). */
export function sniffBytes(head: Uint8Array): Sniffed {
  if (head.length === 0) return { kind: 'empty' };
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return { kind: 'zip' };
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    return { kind: 'binary', reason: 'it is an old-style Excel workbook (.xls). Save it as .xlsx or as CSV and import that' };
  }
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return textOrEmpty(head, 3, { kind: 'text', encoding: 'utf-8', bom: true, decided: true });
  if (head[0] === 0xff && head[1] === 0xfe) return { kind: 'text', encoding: 'utf-16le', bom: true, decided: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { kind: 'text', encoding: 'utf-16be', bom: true, decided: true };

  let control = 0;
  let high = false;
  for (let i = 0; i < head.length; i++) {
    const b = head[i]!;
    if (b === 0) return { kind: 'binary', reason: 'it is not text (it holds zero bytes): perhaps a spreadsheet, an archive or an image' };
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
    if (b >= 0x80) high = true;
  }
  if (control > Math.max(4, head.length * 0.01)) return { kind: 'binary', reason: 'it is not text: it is full of control characters' };
  if (!high) return textOrEmpty(head, 0, { kind: 'text', encoding: 'utf-8', bom: false, decided: false });
  try {
    // stream: true, so a character cut off at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { kind: 'text', encoding: 'utf-8', bom: false, decided: true };
  } catch {
    return { kind: 'text', encoding: 'windows-1252', bom: false, decided: true };
  }
}

function textOrEmpty(head: Uint8Array, from: number, sniffed: Sniffed): Sniffed {
  for (let i = from; i < head.length; i++) {
    const b = head[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return sniffed;
  }
  return { kind: 'empty' };
}

export function encodingLabel(encoding: TextEncoding, bom: boolean): string {
  const name = { 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16' }[encoding];
  return bom && encoding === 'utf-8' ? `${name} with a byte-order mark` : name;
}

/**
 * Decodes a file chunk by chunk. Characters cut at a chunk boundary are carried
 * over (TextDecoder's stream mode), which PapaParse's own file reader does not do.
 * When the first 64 KB were plain ASCII, UTF-8 is a guess: the first chunk with
 * other bytes settles it, and since everything before was ASCII (the same in both
 * encodings), switching to Windows-1252 then loses nothing.
 */
export class ChunkDecoder {
  private decoder: Pick<TextDecoder, 'decode'>;
  private decided: boolean;
  encoding: TextEncoding;
  /** Bytes that could not be read in the chosen encoding (shown as U+FFFD). */
  replaced = 0;

  constructor(encoding: TextEncoding, decided: boolean) {
    this.encoding = encoding;
    this.decided = decided;
    this.decoder = encoding === 'windows-1252' ? windows1252Decoder : new TextDecoder(encoding, { fatal: !decided });
  }

  decode(bytes: Uint8Array, last: boolean): string {
    const stream = { stream: !last };
    if (!this.decided) {
      try {
        const text = this.decoder.decode(bytes, stream);
        // UTF-8 it is once a character beyond ASCII has come through. Keep this decoder: it may
        // hold the first bytes of a character cut by the slice.
        if (NON_ASCII.test(text)) this.decided = true;
        return text;
      } catch {
        this.decided = true;
        this.encoding = 'windows-1252';
        this.decoder = windows1252Decoder;
        return this.decoder.decode(bytes, stream);
      }
    }
    try {
      const text = this.decoder.decode(bytes, stream);
      if (this.encoding === 'utf-8' && text.includes('\uFFFD')) this.replaced += countReplacement(text);
      return text;
    } catch {
      // The strict UTF-8 decoder met a bad byte later in the file: read on, marking what cannot be read.
      this.decoder = new TextDecoder('utf-8');
      const text = this.decoder.decode(bytes, stream);
      this.replaced += countReplacement(text);
      return text;
    }
  }
}

const NON_ASCII = /[^\x00-\x7f]/;

function countReplacement(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}
