import { describe, expect, it } from 'vitest';
import { observationsToCsv } from '../../../src/lib/import/export-csv';
import { inspect, parse } from '../../../src/lib/import/pipeline';
import { mergeSeries } from '../../../src/lib/model/series';
import type { Observation } from '../../../src/lib/model/types';
import { bundle, known } from './helpers';

describe('CSV export', () => {
  const obs: Observation[] = [
    { indicatorId: 'cpp_rate', areaCode: 'E10000034', period: 2025, value: 43.5, status: null, numerator: 522, denominator: 120119, importId: 'bundled' },
    { indicatorId: 'cpp_rate', areaCode: 'E06000019', period: 2025, value: null, status: 'c', importId: 'bundled' },
  ];

  it('writes statuses as the DfE symbol with their meaning', () => {
    const csv = observationsToCsv(obs, bundle.areas, bundle.indicators);
    expect(csv.startsWith('\uFEFFarea_code,area_name,year,indicator,value,status_meaning')).toBe(true);
    expect(csv).toContain('E10000034,Worcestershire,2024-25,cpp_rate,43.5,,522,120119,');
    expect(csv).toContain('E06000019,Herefordshire,2024-25,cpp_rate,c,suppressed to protect confidentiality,,,');
  });

  it('imports back through the generic CSV path with the same figures', async () => {
    const file = new File([observationsToCsv(obs, bundle.areas, bundle.indicators)], 'export.csv');
    const ins = await inspect(file, known);
    if (!ins.ok) throw new Error('inspect failed');
    expect(ins.value.plan).toMatchObject({ format: 'table', mapping: { layout: 'long', areaCode: 0, areaName: 1, period: 2, indicator: 3, value: 4 } });
    const res = await parse(file, ins.value.plan, known, { importId: 'imp' });
    if (!res.ok) throw new Error(JSON.stringify(res.issues));
    expect(mergeSeries(res.value.series).map((o) => [o.indicatorId, o.areaCode, o.period, o.value, o.status])).toEqual([
      ['cpp_rate', 'E10000034', 2025, 43.5, null],
      ['cpp_rate', 'E06000019', 2025, null, 'c'],
    ]);
  });
});
