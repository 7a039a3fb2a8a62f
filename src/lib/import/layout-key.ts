/**
 * A table's layout, recognised again next time: the same publication's table for
 * another year has the same headers with other years in them. The key is the header
 * row with digits and footnote marks taken out; a remembered mapping is offered when
 * a row of a new file has the same key. The year itself is never remembered: it is
 * read from the new file's title.
 */
import type { TableMapping } from './plan';

export function layoutKey(header: readonly string[]): string | null {
  const cells = header.map((h) => h.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim());
  while (cells.length && cells[cells.length - 1] === '') cells.pop();
  if (cells.filter((c) => c !== '').length < 2) return null;
  return `${cells.length}|${cells.join('|')}`;
}

/** Every row of the first 40 that could be a remembered header, by key. */
export function layoutKeys(rows: readonly string[][]): { row: number; key: string }[] {
  const out: { row: number; key: string }[] = [];
  for (let i = 0; i < Math.min(rows.length, 40); i++) {
    const key = layoutKey(rows[i]!);
    if (key) out.push({ row: i + 1, key });
  }
  return out;
}

/** A remembered mapping applied to a new file whose header is at `headerRow`, keeping the new file's own year. */
export function applyLayout(remembered: TableMapping, headerRow: number, guess: TableMapping): TableMapping {
  return { ...remembered, headerRow, fixedPeriod: remembered.period === null ? guess.fixedPeriod : null };
}
