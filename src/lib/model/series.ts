import { byteToStatus, statusToByte, type StatusCode } from './status';
import type { AreaCode, Observation, Period } from './types';

/**
 * All observations of one indicator from one import, stored column-wise.
 * One IndexedDB record per observation writes ~10k rows/s; a few columnar records
 * write a million rows in well under a second and load a whole chart in one get.
 */
export interface ObservationSeries {
  /** `${importId}:${indicatorId}` */
  id: string;
  importId: string;
  indicatorId: string;
  /** Dictionary of the area codes used; areaIndex points into it. */
  areaCodes: AreaCode[];
  areaIndex: Uint32Array;
  periods: Uint16Array;
  /** NaN where the cell has a status instead of a value. */
  values: Float64Array;
  /** 0 = has a value, otherwise statusToByte(status). */
  statuses: Uint8Array;
  numerators?: Float64Array;
  denominators?: Float64Array;
}

export function seriesId(importId: string, indicatorId: string): string {
  return `${importId}:${indicatorId}`;
}

/** Builds series from observation objects (used for small inputs: bundles, JSON, tests). */
export function seriesFromObservations(importId: string, observations: Omit<Observation, 'importId'>[]): ObservationSeries[] {
  const byIndicator = new Map<string, Omit<Observation, 'importId'>[]>();
  for (const o of observations) {
    const list = byIndicator.get(o.indicatorId) ?? [];
    list.push(o);
    byIndicator.set(o.indicatorId, list);
  }
  const out: ObservationSeries[] = [];
  for (const [indicatorId, list] of byIndicator) {
    const builder = new SeriesBuilder(importId, indicatorId);
    for (const o of list) builder.add(o.areaCode, o.period, o.value, o.status, o.numerator, o.denominator);
    out.push(builder.finish());
  }
  return out;
}

/** Appends observations to growable typed arrays; finish() trims them to length. */
export class SeriesBuilder {
  private codes: AreaCode[] = [];
  private codeIndex = new Map<AreaCode, number>();
  private n = 0;
  private cap: number;
  private area: Uint32Array;
  private period: Uint16Array;
  private value: Float64Array;
  private status: Uint8Array;
  private num: Float64Array | null = null;
  private den: Float64Array | null = null;

  constructor(
    readonly importId: string,
    readonly indicatorId: string,
    capacity = 256,
  ) {
    this.cap = capacity;
    this.area = new Uint32Array(capacity);
    this.period = new Uint16Array(capacity);
    this.value = new Float64Array(capacity);
    this.status = new Uint8Array(capacity);
  }

  get length(): number {
    return this.n;
  }

  add(areaCode: AreaCode, period: Period, value: number | null, status: StatusCode | null, numerator?: number, denominator?: number): void {
    this.push(areaCode, period, value ?? NaN, value === null ? statusToByte(status ?? 'blank') : 0);
    if (numerator !== undefined || denominator !== undefined) {
      const i = this.n - 1;
      this.num ??= new Float64Array(this.cap).fill(NaN);
      this.den ??= new Float64Array(this.cap).fill(NaN);
      this.num[i] = numerator ?? NaN;
      this.den[i] = denominator ?? NaN;
    }
  }

  /**
   * The import worker's fast path: a value, or NaN with a status byte
   * (statusToByte), without allocating per cell.
   */
  push(areaCode: AreaCode, period: Period, value: number, statusByte: number): void {
    if (this.n === this.cap) this.grow();
    let idx = this.codeIndex.get(areaCode);
    if (idx === undefined) {
      idx = this.codes.length;
      this.codes.push(areaCode);
      this.codeIndex.set(areaCode, idx);
    }
    const i = this.n++;
    this.area[i] = idx;
    this.period[i] = period;
    this.value[i] = statusByte === 0 ? value : NaN;
    this.status[i] = statusByte;
  }

  private grow(): void {
    this.cap *= 2;
    this.area = resize(this.area, this.cap);
    this.period = resize(this.period, this.cap);
    this.value = resize(this.value, this.cap);
    this.status = resize(this.status, this.cap);
    if (this.num) this.num = resize(this.num, this.cap, NaN);
    if (this.den) this.den = resize(this.den, this.cap, NaN);
  }

  finish(): ObservationSeries {
    const n = this.n;
    const series: ObservationSeries = {
      id: seriesId(this.importId, this.indicatorId),
      importId: this.importId,
      indicatorId: this.indicatorId,
      areaCodes: this.codes,
      areaIndex: this.area.slice(0, n),
      periods: this.period.slice(0, n),
      values: this.value.slice(0, n),
      statuses: this.status.slice(0, n),
    };
    if (this.num && this.den) {
      series.numerators = this.num.slice(0, n);
      series.denominators = this.den.slice(0, n);
    }
    return series;
  }
}

function resize<T extends Uint32Array | Uint16Array | Float64Array | Uint8Array>(arr: T, cap: number, fill?: number): T {
  const next = new (arr.constructor as new (n: number) => T)(cap);
  if (fill !== undefined) next.fill(fill);
  next.set(arr);
  return next;
}

/** Reads observation i of a series as an object. */
export function observationAt(series: ObservationSeries, i: number): Observation {
  const status = byteToStatus(series.statuses[i]!);
  const obs: Observation = {
    indicatorId: series.indicatorId,
    areaCode: series.areaCodes[series.areaIndex[i]!]!,
    period: series.periods[i]!,
    value: status === null ? series.values[i]! : null,
    status,
    importId: series.importId,
  };
  const num = series.numerators?.[i];
  const den = series.denominators?.[i];
  if (num !== undefined && !Number.isNaN(num)) obs.numerator = num;
  if (den !== undefined && !Number.isNaN(den)) obs.denominator = den;
  return obs;
}

/**
 * Merges series of one indicator into observations, later series overriding
 * earlier ones for the same area and period (imports override the bundle).
 * `areaFilter` keeps only those areas; `from`/`to` bound the periods.
 */
export function mergeSeries(
  seriesInOrder: ObservationSeries[],
  opts: { areaFilter?: ReadonlySet<AreaCode>; from?: Period; to?: Period } = {},
): Observation[] {
  const byKey = new Map<string, Observation>();
  const from = opts.from ?? -Infinity;
  const to = opts.to ?? Infinity;
  for (const s of seriesInOrder) {
    const wanted = opts.areaFilter ? s.areaCodes.map((c) => opts.areaFilter!.has(c)) : null;
    const n = s.periods.length;
    for (let i = 0; i < n; i++) {
      if (wanted && !wanted[s.areaIndex[i]!]) continue;
      const p = s.periods[i]!;
      if (p < from || p > to) continue;
      const obs = observationAt(s, i);
      byKey.set(`${obs.areaCode}|${p}`, obs);
    }
  }
  return [...byKey.values()];
}
