import { parseCell, statusToByte } from '../model/status';

/**
 * Reads published cells without allocating: most are plain numbers, which take a
 * quick path; the rest go through parseCell (thousands separators, %, the DfE and
 * GSS symbols). After read(), `status` is 0 for a number, a status byte for a
 * symbol, or -1 when the cell is neither (the caller reports it).
 */
export class CellReader {
  status = 0;

  read(raw: string): number {
    const n = raw.length;
    if (n > 0 && n < 24) {
      const c = raw.charCodeAt(0);
      if (((c >= 48 && c <= 57) || c === 45) && isPlainNumber(raw)) {
        this.status = 0;
        return +raw;
      }
    }
    const cell = parseCell(raw);
    if (cell === null) {
      this.status = -1;
      return NaN;
    }
    if (cell.status === null) {
      this.status = 0;
      return cell.value;
    }
    this.status = statusToByte(cell.status);
    return NaN;
  }
}

/** -12, 3.5, 1e3: digits with at most one point, an optional sign and exponent. */
function isPlainNumber(s: string): boolean {
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  let digits = 0;
  let point = false;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !point) point = true;
    else if ((c === 101 || c === 69) && digits > 0) return /^[-+]?\d+$/.test(s.slice(i + 1));
    else return false;
  }
  return digits > 0;
}
