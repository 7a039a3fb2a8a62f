/**
 * Work the app has started and not finished: database queries on their first answer,
 * worker jobs, carried data being opened. The shell turns it into the page's ready
 * signal (`<html data-app="idle">`), which browser tests and benchmarks wait on
 * instead of guessing with timers. Plain counting, no DOM: any layer may report work.
 */
let pending = 0;
const listeners = new Set<(pending: number) => void>();

/** Marks work as started; call the returned function once when it ends (further calls do nothing). */
export function beginWork(): () => void {
  pending++;
  notify();
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    pending--;
    notify();
  };
}

/** Counts a promise as work until it settles. */
export function trackWork<T>(work: Promise<T>): Promise<T> {
  const end = beginWork();
  return work.finally(end);
}

/** Calls `fn` with the number of unfinished pieces of work now and on every change; returns the unsubscribe. */
export function onWork(fn: (pending: number) => void): () => void {
  listeners.add(fn);
  fn(pending);
  return () => listeners.delete(fn);
}

function notify(): void {
  for (const fn of listeners) fn(pending);
}
