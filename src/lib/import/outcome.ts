/**
 * What the import workers share: the outcome of a piece of work (a value, or the
 * issues that stopped it), progress through a file, and the first look at its bytes.
 */
import { sniffBytes, type Sniffed } from './decode-text';
import type { Issue } from './issues';

export type Outcome<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

export interface Progress {
  rows: number;
  bytes: number;
  totalBytes: number;
}

export const fail = <T>(message: string, row?: number, column?: string): Outcome<T> => ({
  ok: false,
  issues: [{ severity: 'error', message, ...(row !== undefined ? { row } : {}), ...(column !== undefined ? { column } : {}) }],
});

/** What the file is, from its first 64 KB: text (with its encoding), a zip, binary or empty. */
export async function sniff(file: Blob): Promise<Sniffed> {
  return sniffBytes(new Uint8Array(await file.slice(0, 65536).arrayBuffer()));
}

/** Progress at most every 100 ms, and always the last one a caller asks for at the end. */
export function throttle(fn: ((p: Progress) => void) | undefined): (p: Progress) => void {
  let last = 0;
  return (p) => {
    if (!fn) return;
    const now = Date.now();
    if (now - last >= 100 || p.bytes >= p.totalBytes) {
      last = now;
      fn(p);
    }
  };
}
