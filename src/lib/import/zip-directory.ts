/**
 * What a .zip archive (an .xlsx workbook is one) says it holds, read from its central
 * directory at the end of the file without unpacking anything: so a small file that
 * would unpack to hundreds of megabytes is refused at once, with the real reason,
 * instead of after a minute of inflating.
 */
export interface ZipEntry {
  name: string;
  compressedBytes: number;
  /** As the archive declares it; ZIP64 entries (over 4 GB) are reported as Infinity. */
  unpackedBytes: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** The archive's entries, or null when the bytes are not a readable zip archive. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is 22 bytes plus a comment of at most 65,535.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return null;
    const compressed = view.getUint32(at + 20, true);
    const unpacked = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    out.push({ name, compressedBytes: compressed, unpackedBytes: unpacked === 0xffffffff ? Infinity : unpacked });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}
