/**
 * How observation series are laid out in the `series` store (schema version 3 on).
 *
 * An import's series are stored several to a record ("packs" of about
 * PACK_BYTES), not one record per series. Chromium's IndexedDB writes many
 * medium-sized records far more slowly than the same bytes in a few large ones:
 * measured in Chromium 150, 503 records of 30 KB took 0.4–0.9 s to put, and the
 * same 15 MB as 16–63 records took about 0.1 s. EES files with a filter column
 * (`characteristic`) bring hundreds of small series, so one per record made
 * storing cost more than reading the file. A series of PACK_BYTES or more is
 * stored alone; a pack never mixes imports, so undo still deletes by `importId`.
 */
import type { ObservationSeries } from '../model/series';

export interface SeriesPack {
  /**
   * `${importId}#${n}` for packs written since version 3; a pack made from a
   * version-2 record (packOfOne) keeps that record's `${importId}:${indicatorId}`.
   */
  id: string;
  importId: string;
  /** The indicators of `series`, in the same order: a multi-entry index. */
  indicatorIds: string[];
  series: ObservationSeries[];
}

/**
 * An eighth of a megabyte, from measurements in Chromium 150 with the 1M-row benchmark
 * file (503 series): packs of 64 KB stored it in 240–310 ms, 128 KB in 220–230 ms and
 * 256 KB in 170–200 ms; but a chart reads a whole pack to use one series of it, and
 * the first chart query after a reload took 7–24 ms with 128 KB packs (as with one
 * series a record) against 15–65 ms with 256 KB packs.
 */
export const PACK_BYTES = 1 << 17;

/** About what a series takes in IndexedDB (typed arrays by their bytes). */
export function seriesBytes(s: ObservationSeries): number {
  let n = s.areaIndex.byteLength + s.periods.byteLength + s.values.byteLength + s.statuses.byteLength;
  n += (s.numerators?.byteLength ?? 0) + (s.denominators?.byteLength ?? 0);
  for (const c of s.areaCodes) n += c.length;
  return n;
}

/**
 * Packs one import's series, in their order, into records of about `target`
 * bytes each. Every series lands in exactly one pack.
 */
export function packSeries(importId: string, series: readonly ObservationSeries[], target: number = PACK_BYTES): SeriesPack[] {
  const packs: SeriesPack[] = [];
  let open: ObservationSeries[] = [];
  let bytes = 0;
  const close = () => {
    if (!open.length) return;
    packs.push({ id: `${importId}#${packs.length}`, importId, indicatorIds: open.map((s) => s.indicatorId), series: open });
    open = [];
    bytes = 0;
  };
  for (const s of series) {
    open.push(s);
    bytes += seriesBytes(s);
    if (bytes >= target) close();
  }
  close();
  return packs;
}

/** A version-2 series record as a pack of its own, under the same key. */
export function packOfOne(s: ObservationSeries): SeriesPack {
  return { id: s.id, importId: s.importId, indicatorIds: [s.indicatorId], series: [s] };
}

/** The series of packs, all of them or those of one indicator. */
export function unpack(packs: readonly SeriesPack[], indicatorId?: string): ObservationSeries[] {
  const out: ObservationSeries[] = [];
  for (const p of packs) for (const s of p.series) if (indicatorId === undefined || s.indicatorId === indicatorId) out.push(s);
  return out;
}
