/**
 * Roughly how many bytes records take in IndexedDB: typed arrays by their bytes,
 * text by its length, numbers at eight bytes. Browsers compress and index on top
 * of this, so it is an estimate, good for telling a user which import is large.
 */
export function estimateBytes(v: unknown): number {
  if (typeof v === 'string') return v.length;
  if (typeof v === 'number') return 8;
  if (v === null || typeof v !== 'object') return 1;
  if (ArrayBuffer.isView(v)) return v.byteLength;
  let n = 0;
  if (Array.isArray(v)) for (const x of v) n += estimateBytes(x);
  else for (const [k, x] of Object.entries(v)) n += k.length + estimateBytes(x);
  return n;
}

/** Adds a record's size to its import's total. */
export function addToImport(totals: Map<string, number>, record: { importId?: unknown }): void {
  if (typeof record.importId !== 'string') return;
  totals.set(record.importId, (totals.get(record.importId) ?? 0) + estimateBytes(record));
}
