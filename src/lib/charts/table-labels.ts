/**
 * Which column header labels each cell, for a table laid out as cards (each row a card,
 * each cell under its header's words) when it is wider than its page: a phone, or an
 * A4 sheet. Worked out from the header row the table already has, so a table that
 * gains a column needs no change here.
 */

/** A header or body cell as the table spans it. */
export interface SpannedCell {
  text: string;
  span: number;
}

/** The header of each column, a cell spanning several columns repeated for each. */
export function columnLabels(headers: readonly SpannedCell[]): string[] {
  return headers.flatMap((h) => Array.from({ length: Math.max(1, h.span) }, () => h.text.replace(/\s+/g, ' ').trim()));
}

/**
 * Each cell's label: the header of the columns it spans. A cell across columns headed
 * differently (a note across every year) has no one header, and a cell past the last
 * header none: both get '' rather than a wrong label.
 */
export function cellLabels(cells: readonly Pick<SpannedCell, 'span'>[], labels: readonly string[]): string[] {
  let column = 0;
  return cells.map((c) => {
    const headers = new Set(labels.slice(column, column + Math.max(1, c.span)));
    column += Math.max(1, c.span);
    return headers.size === 1 ? [...headers][0]! : '';
  });
}

/**
 * Whether a table laid out at `tableWidth` overflows a box `boxWidth` wide. Widths are
 * rounded to whole pixels by the browser, so half a pixel either way is not an overflow.
 */
export function overflows(tableWidth: number, boxWidth: number): boolean {
  return tableWidth > boxWidth + 0.5;
}
