/**
 * The statistical neighbours' average as LAIT shows it: the plain mean of the
 * neighbours' published values (not a pooled rate), over those neighbours that
 * have a figure for the year. `n` says how many that was, so a partial average can
 * be flagged.
 */
export function neighbourAverage(values: readonly (number | null)[]): { mean: number; n: number; of: number } | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return null;
  return { mean: present.reduce((s, v) => s + v, 0) / present.length, n: present.length, of: values.length };
}

/** Change on the previous year; null unless both years have a figure. */
export function changeOnPrevious(value: number | null, previous: number | null | undefined): number | null {
  return value === null || previous === null || previous === undefined ? null : value - previous;
}
