/**
 * Keeps a table inside its page. A table narrower than its box stays a table, its
 * columns wrapping as they may; one that would still be wider (a phone at 390 px, a
 * sheet of A4) is laid out as cards: each row a card, each cell under its column's
 * header (`data-label`, from table-labels.ts). Nothing is hidden behind a sideways
 * scroll. The decision is measured, not set by a breakpoint, so it holds for a table of
 * any number of columns and for text in any size (presentation mode, print).
 *
 * Printing: the browser fires `beforeprint` while the page is still laid out for the
 * screen, so the print layout of tables is switched on by `<html data-printing>` (the
 * page width of A4, print type sizes; src/app.css) before measuring, and off again after.
 * Print emulation (a test's `emulateMedia`) comes through the print media query.
 */
import { watchPrinting } from './printing';
import { cellLabels, columnLabels, overflows } from './table-labels';

const boxes = new Set<HTMLElement>();
let resizes: ResizeObserver | undefined;
const widths = new WeakMap<Element, number>();

function labelCells(table: HTMLTableElement): void {
  const headerRow = table.tHead?.rows[table.tHead.rows.length - 1];
  if (!headerRow) return;
  const labels = columnLabels([...headerRow.cells].map((c) => ({ text: c.textContent ?? '', span: c.colSpan })));
  for (const body of [...table.tBodies, ...(table.tFoot ? [table.tFoot] : [])]) {
    for (const row of body.rows) {
      const cells = [...row.cells];
      cellLabels(cells.map((c) => ({ span: c.colSpan })), labels).forEach((label, i) => {
        if (cells[i]!.dataset['label'] !== label) cells[i]!.dataset['label'] = label;
      });
    }
  }
}

/** Lays the box's table out as a table if it fits, as cards if not. */
function fit(box: HTMLElement): void {
  const table = box.querySelector('table');
  if (!table) return;
  // Measured as a table, then switched in the same task: the page never paints the overflow.
  delete box.dataset['layout'];
  if (overflows(table.offsetWidth, box.clientWidth)) box.dataset['layout'] = 'stacked';
}

function setPrinting(on: boolean): void {
  const root = document.documentElement;
  if (on === 'printing' in root.dataset) return;
  if (on) root.dataset['printing'] = '';
  else delete root.dataset['printing'];
  boxes.forEach(fit);
}

let printWatched = false;

/** An attachment for the box around a table: labels its cells and fits it, whenever either changes. */
export function fitTable(box: HTMLElement): () => void {
  if (!printWatched) {
    printWatched = true;
    watchPrinting(setPrinting);
  }
  resizes ??= new ResizeObserver((entries) => {
    for (const e of entries) {
      // A box changes height when its table turns into cards; only a new width can change the fit.
      const width = e.contentRect.width;
      if (widths.get(e.target) === width) continue;
      widths.set(e.target, width);
      fit(e.target as HTMLElement);
    }
  });
  const table = box.querySelector('table');
  const changes = new MutationObserver(() => {
    if (table) labelCells(table);
    fit(box);
  });
  if (table) {
    labelCells(table);
    changes.observe(table, { childList: true, subtree: true, characterData: true });
  }
  boxes.add(box);
  resizes.observe(box);
  fit(box);
  return () => {
    boxes.delete(box);
    resizes?.unobserve(box);
    changes.disconnect();
  };
}
