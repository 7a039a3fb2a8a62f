/**
 * Which years get a label on a time axis `innerWidth` pixels wide: every `step`th from
 * the first, with the last year always labelled. The last takes the place of the
 * labelled year before it, which would otherwise sit closer than `minSpacing` and
 * overprint it ("2023-24" over "2024-25"), as it did at narrow and print widths.
 */
export function periodTicks(periods: readonly number[], innerWidth: number, minSpacing = 64): number[] {
  const n = periods.length;
  if (n <= 1) return [...periods];
  const fit = Math.max(2, Math.floor(innerWidth / minSpacing));
  const step = Math.ceil(n / fit);
  const picked: number[] = [];
  for (let i = 0; i < n; i += step) picked.push(i);
  if (picked.at(-1) !== n - 1) {
    if (picked.length > 1) picked.pop();
    picked.push(n - 1);
  }
  return picked.map((i) => periods[i]!);
}
