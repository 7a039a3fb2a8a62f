import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspect, parse } from '../../../src/lib/import/pipeline';
import type { ImportPlan } from '../../../src/lib/import/plan';
import { makeXlsx } from '../../fixtures/xlsx';
import { known } from './helpers';

const EES_HEADER = 'time_period,time_identifier,geographic_level,country_code,new_la_code,la_name,Referrals_rate\n';

/** Bytes of every kind: random, text-like, CSV-like, JSON-like, zip-like. */
const anyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 600 }),
  fc.string({ unit: 'binary', maxLength: 400 }).map((s) => new TextEncoder().encode(s)),
  fc.array(fc.array(fc.oneof(fc.constantFrom('', 'c', '[x]', '12.5', '"', '"a,b"', 'Walsall', '2024', 'E10000034', '\r'), fc.string({ maxLength: 6 })), { maxLength: 6 }), { maxLength: 12 }).map((rows) =>
    new TextEncoder().encode(EES_HEADER + rows.map((r) => r.join(',')).join('\n')),
  ),
  fc.string({ maxLength: 200 }).map((s) => new TextEncoder().encode(`{"format":"safeguarding-lens/data","version":1,${s}`)),
  fc.uint8Array({ maxLength: 200 }).map((b) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b])),
);

const plans: ImportPlan[] = [
  { format: 'app_json' },
  { format: 'ees_tidy', ees: { header: EES_HEADER.trim().split(','), filters: [], indicators: [6] } },
  {
    format: 'table',
    mapping: { headerRow: 1, layout: 'long', areaCode: 0, areaName: null, oldLaCode: null, period: 1, fixedPeriod: null, indicator: null, indicatorLabel: null, value: null, figures: [{ column: 2, label: 'x', unit: 'count', polarity: 'neither' }], yearColumns: [], target: null },
  },
  {
    format: 'table',
    mapping: { headerRow: 2, layout: 'wide', areaCode: null, areaName: 0, oldLaCode: null, period: null, fixedPeriod: null, indicator: null, indicatorLabel: null, value: null, figures: [], yearColumns: [{ column: 1, period: 2024 }], target: { kind: 'existing', id: 'cpp_rate' } },
  },
];

describe('any bytes in: rows or issues out, never a throw', () => {
  it('inspect', async () => {
    await fc.assert(
      fc.asyncProperty(anyBytes, async (bytes) => {
        const out = await inspect(new File([bytes], 'f.csv'), known);
        if (out.ok) expect(out.value.plan).toBeDefined();
        else expect(out.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('parse, with any plan', async () => {
    await fc.assert(
      fc.asyncProperty(anyBytes, fc.constantFrom(...plans), async (bytes, plan) => {
        const out = await parse(new File([bytes], 'f.csv'), plan, known, { importId: 'imp', chunkBytes: 64 });
        if (out.ok) expect(out.value.series.every((s) => s.periods.length === s.values.length)).toBe(true);
        else expect(out.issues.every((i) => typeof i.message === 'string' && i.message.length > 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a real workbook with random cells', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null)), { maxLength: 5 }), { maxLength: 8 }), async (rows) => {
        const file = new File([makeXlsx([{ name: 'S', rows }])], 'w.xlsx');
        const ins = await inspect(file, known);
        if (!ins.ok) {
          expect(ins.issues.length).toBeGreaterThan(0);
          return;
        }
        const out = await parse(file, ins.value.plan, known, { importId: 'imp' });
        expect(out.ok || out.issues.length > 0).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
