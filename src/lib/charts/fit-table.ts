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

/**
 * Lays each box's table out as a table if it fits, as cards if not, with one layout for
 * them all: every box is put back to a table, then all are measured, then those that
 * overflow are switched. Measuring box by box after each switch would make the browser lay
 * the page out again for each (a ranking of 150 rows costs tens of milliseconds a time).
 * Measured and switched in the same task, so the page never paints the overflow.
 */
function fit(list: Iterable<HTMLElement>): void {
  const measured: [HTMLElement, HTMLTableElement][] = [];
  for (const box of list) {
    const table = box.querySelector('table');
    if (!table || !box.isConnected) continue;
    delete box.dataset['layout'];
    measured.push([box, table]);
  }
  const over = measured.filter(([box, table]) => {
    // The width it was fitted at: the resize observer's first report of it is then no change.
    widths.set(box, box.clientWidth);
    return overflows(table.offsetWidth, box.clientWidth);
  });
  for (const [box] of over) box.dataset['layout'] = 'stacked';
}

const pending = new Set<HTMLElement>();
let frame = 0;

/**
 * Fits the box before the next paint, once however many changes come before it: a table
 * drawn and then filled in, or several tables drawn in the same update, are measured
 * together, in the frame's animation callbacks.
 */
function fitSoon(box: HTMLElement): void {
  pending.add(box);
  frame ||= requestAnimationFrame(() => {
    frame = 0;
    const due = [...pending];
    pending.clear();
    fit(due);
  });
}

function setPrinting(on: boolean): void {
  const root = document.documentElement;
  if (on === 'printing' in root.dataset) return;
  if (on) root.dataset['printing'] = '';
  else delete root.dataset['printing'];
  fit(boxes);
}

let printWatched = false;

/** An attachment for the box around a table: labels its cells and fits it, whenever either changes. */
export function fitTable(box: HTMLElement): () => void {
  if (!printWatched) {
    printWatched = true;
    watchPrinting(setPrinting);
  }
  resizes ??= new ResizeObserver((entries) => {
    const changed: HTMLElement[] = [];
    for (const e of entries) {
      // A box changes height when its table turns into cards; only a new width can change the
      // fit (the browser reports fractions of a pixel where the fit measured whole ones).
      const width = e.contentRect.width;
      const before = widths.get(e.target);
      if (before !== undefined && Math.abs(before - width) < 1) continue;
      widths.set(e.target, width);
      changed.push(e.target as HTMLElement);
    }
    // After the layout and before the paint: fitted at once, so the new width never paints an overflow.
    fit(changed);
  });
  const table = box.querySelector('table');
  const changes = new MutationObserver(() => {
    if (table) labelCells(table);
    fitSoon(box);
  });
  if (table) {
    labelCells(table);
    changes.observe(table, { childList: true, subtree: true, characterData: true });
  }
  boxes.add(box);
  resizes.observe(box);
  fitSoon(box);
  return () => {
    boxes.delete(box);
    pending.delete(box);
    resizes?.unobserve(box);
    changes.disconnect();
  };
}
