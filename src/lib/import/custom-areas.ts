/**
 * After reading, the user decides what happens to areas the app did not know:
 * keep them as custom areas (codes `X` + eight digits, never mistaken for GSS
 * codes) or leave their rows out. Either way the provisional `?…` codes go.
 */
import { SeriesBuilder, type ObservationSeries } from '../model/series';
import { byteToStatus } from '../model/status';
import type { Area } from '../model/types';
import { UNKNOWN_PREFIX, type UnknownArea } from './area-match';

/** A stable custom code for a name, avoiding codes already taken. */
export function customAreaCode(key: string, taken: ReadonlySet<string>): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  let n = (h >>> 0) % 100_000_000;
  let code = `X${String(n).padStart(8, '0')}`;
  while (taken.has(code)) {
    n = (n + 1) % 100_000_000;
    code = `X${String(n).padStart(8, '0')}`;
  }
  return code;
}

export function resolveUnknownAreas(
  series: ObservationSeries[],
  unknown: UnknownArea[],
  keep: boolean,
  takenCodes: ReadonlySet<string>,
): { series: ObservationSeries[]; areas: Area[]; dropped: number } {
  if (unknown.length === 0) return { series, areas: [], dropped: 0 };
  if (keep) {
    const taken = new Set(takenCodes);
    const codes = new Map<string, string>();
    const areas: Area[] = unknown.map((u) => {
      const code = customAreaCode(u.key, taken);
      taken.add(code);
      codes.set(u.key, code);
      return { code, name: u.name, level: 'local_authority', aliases: [u.name], importId: '' };
    });
    // Only the dictionary of area codes changes: the typed arrays stay as they are.
    return { series: series.map((s) => ({ ...s, areaCodes: s.areaCodes.map((c) => codes.get(c) ?? c) })), areas, dropped: 0 };
  }
  let dropped = 0;
  const out: ObservationSeries[] = [];
  for (const s of series) {
    if (!s.areaCodes.some((c) => c.startsWith(UNKNOWN_PREFIX))) {
      out.push(s);
      continue;
    }
    const b = new SeriesBuilder(s.importId, s.indicatorId, Math.max(1, s.periods.length));
    const hasCounts = s.numerators !== undefined;
    for (let i = 0; i < s.periods.length; i++) {
      const code = s.areaCodes[s.areaIndex[i]!]!;
      if (code.startsWith(UNKNOWN_PREFIX)) {
        dropped++;
        continue;
      }
      if (hasCounts) {
        const status = byteToStatus(s.statuses[i]!);
        const num = s.numerators![i]!;
        const den = s.denominators![i]!;
        b.add(code, s.periods[i]!, status === null ? s.values[i]! : null, status, Number.isNaN(num) ? undefined : num, Number.isNaN(den) ? undefined : den);
      } else {
        b.push(code, s.periods[i]!, s.values[i]!, s.statuses[i]!);
      }
    }
    if (b.length > 0) out.push({ ...b.finish(), id: s.id });
  }
  return { series: out, areas: [], dropped };
}
