/**
 * Whether the page is being printed, for what is laid out differently on paper: tables
 * as cards (fit-table.ts), charts at the normal type (views/presentation.svelte.ts). The
 * browser fires `beforeprint` while the page is still laid out for the screen, and print
 * emulation (a test's `emulateMedia`) comes only through the print media query; both are
 * followed here, once for the page.
 */
const listeners = new Set<(on: boolean) => void>();
let printing: boolean | undefined;

function set(on: boolean): void {
  if (on === printing) return;
  printing = on;
  for (const l of listeners) l(on);
}

/** Calls `fn` with whether the page is printing, now and at each change; returns what stops it. */
export function watchPrinting(fn: (on: boolean) => void): () => void {
  if (printing === undefined) {
    const media = matchMedia('print');
    addEventListener('beforeprint', () => set(true));
    addEventListener('afterprint', () => set(media.matches));
    media.addEventListener('change', () => set(media.matches));
    printing = media.matches;
  }
  listeners.add(fn);
  fn(printing);
  return () => void listeners.delete(fn);
}
