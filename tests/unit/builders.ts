/** Small areas and observations for unit tests of charts and selections. */
import type { Area, Observation } from '../../src/lib/model/types';

export const area = (code: string, name: string, level: Area['level'], regionCode?: string): Area => ({
  code,
  name,
  level,
  ...(regionCode ? { regionCode } : {}),
  aliases: [name],
  importId: 'bundled',
});

/** A CP plan rate; a missing value is suppressed ('c'). */
export const obs = (areaCode: string, period: number, value: number | null, extra: Partial<Observation> = {}): Observation => ({
  indicatorId: 'cpp_rate',
  areaCode,
  period,
  value,
  status: value === null ? 'c' : null,
  importId: 'bundled',
  ...extra,
});
