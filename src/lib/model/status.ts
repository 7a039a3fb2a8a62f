/**
 * DfE and GSS write a symbol instead of a number when a figure is suppressed or
 * missing. We keep the symbol as a status: turning it into 0 would draw a false low.
 */
export const STATUS_CODES = ['c', 'x', 'z', 'low', 'u', ':', '..', '-', 'blank'] as const;
export type StatusCode = (typeof STATUS_CODES)[number];

export const STATUS_MEANING: Record<StatusCode, string> = {
  c: 'suppressed to protect confidentiality',
  x: 'not available',
  z: 'not applicable',
  low: 'rounds to zero, but is not zero',
  u: 'low reliability',
  ':': 'not available',
  '..': 'not available',
  '-': 'not available or suppressed',
  blank: 'no value given',
};

/** Symbol shown in tables: the file's own symbol, and an en dash for empty cells. */
export function statusSymbol(status: StatusCode): string {
  return status === 'blank' ? '–' : status;
}

/** Returns the status a cell denotes, or null when it is not a recognised symbol. */
export function parseStatus(raw: string): StatusCode | null {
  let s = raw.trim();
  if (s === '') return 'blank';
  // GSS style writes the symbol in brackets: [c], [x], [low].
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1).trim();
  s = s.toLowerCase();
  if (s === '') return 'blank';
  return (STATUS_CODES as readonly string[]).includes(s) && s !== 'blank' ? (s as StatusCode) : null;
}

/** Status codes packed into a Uint8Array: 0 means "has a value". */
export function statusToByte(status: StatusCode | null): number {
  return status === null ? 0 : STATUS_CODES.indexOf(status) + 1;
}

export function byteToStatus(byte: number): StatusCode | null {
  return byte === 0 ? null : (STATUS_CODES[byte - 1] ?? null);
}

export type CellValue = { value: number; status: null } | { value: null; status: StatusCode };

/**
 * Reads one published cell: a number (thousands separators and a trailing % allowed)
 * or a status symbol. Returns null when it is neither, so the caller can report it.
 */
export function parseCell(raw: string): CellValue | null {
  const status = parseStatus(raw);
  if (status !== null) return { value: null, status };
  const cleaned = raw.trim().replace(/,/g, '').replace(/%$/, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? { value, status: null } : null;
}
