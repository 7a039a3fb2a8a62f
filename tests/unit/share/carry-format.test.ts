import fc from 'fast-check';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { carryTitle } from '../../../src/lib/share/carry-scope';
import type { View } from '../../../src/lib/state/url-codec';
import { APP_FORMAT } from '../../../src/lib/import/app-json';
import {
  CARRY_LIMITS,
  DASHBOARD_FORMAT,
  dashboardFileName,
  dashboardFileText,
  encodeCarry,
  fromBase64Url,
  readCarryParam,
  readDashboardFile,
  toBase64Url,
  type DashboardFile,
} from '../../../src/lib/share/carry-format';

const envelope = (over: Partial<DashboardFile['data']> = {}): DashboardFile => ({
  format: DASHBOARD_FORMAT,
  version: 1,
  note: 'For the scrutiny panel',
  data: {
    format: APP_FORMAT,
    version: 1,
    exportedAt: '2026-04-08T10:00:00.000Z',
    description: 'Imported from contacts.csv',
    areas: [{ code: 'X12345678', name: 'Barsetshire', level: 'local_authority', aliases: ['Barsetshire'] }],
    indicators: [{ id: 'local_contacts', label: 'Contacts to the front door', shortLabel: 'Contacts', unit: 'count', polarity: 'neither', definition: '', source: 'contacts.csv', decimals: 0 }],
    observations: [
      { indicatorId: 'local_contacts', areaCode: 'E10000034', period: 2024, value: 5120 },
      { indicatorId: 'local_contacts', areaCode: 'X12345678', period: 2024, value: null, status: 'c' },
      { indicatorId: 'cpp_rate', areaCode: 'E10000034', period: 2026, value: 41.2 },
    ],
    documents: [],
    priorities: [],
    ...over,
  },
});

const packRaw = (text: string) => toBase64Url(new Uint8Array(deflateSync(Buffer.from(text))));

describe('the carry parameter', () => {
  it('reads back what was written, with what it carries counted', async () => {
    const param = await encodeCarry(envelope());
    expect(param).toMatch(/^[A-Za-z0-9_-]+$/);
    const res = await readCarryParam(param);
    if (!res.ok) throw new Error(res.message);
    const c = res.carried;
    expect(c.source).toEqual({ kind: 'link' });
    expect(c.note).toBe('For the scrutiny panel');
    expect(c.description).toBe('Imported from contacts.csv');
    expect(c.counts).toEqual({ areas: 2, indicators: 2, figures: 3, documents: 0, priorities: 0 });
    expect(c.indicatorLabels).toEqual(['Contacts to the front door', 'cpp_rate']);
    expect(c.data.observations[1]).toMatchObject({ areaCode: 'X12345678', value: null, status: 'c' });
    expect(c.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same hash for the same data shared at another time, a different one for other data', async () => {
    const a = await readCarryParam(await encodeCarry(envelope()));
    const b = await readCarryParam(await encodeCarry(envelope({ exportedAt: '2027-01-01T00:00:00.000Z' })));
    const c = await readCarryParam(await encodeCarry(envelope({ description: 'other' })));
    if (!a.ok || !b.ok || !c.ok) throw new Error('unreadable');
    expect(b.carried.hash).toBe(a.carried.hash);
    expect(c.carried.hash).not.toBe(a.carried.hash);
  });

  it('reports a changed or cut-short parameter as damaged', async () => {
    const param = await encodeCarry(envelope());
    const mid = Math.floor(param.length / 2);
    const flipped = param.slice(0, mid) + (param[mid] === 'A' ? 'B' : 'A') + param.slice(mid + 1);
    for (const bad of [flipped, param.slice(0, -6), 'not base64 at all!', '', 'AAAA']) {
      const res = await readCarryParam(bad);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.message).toMatch(/damaged/);
    }
  });

  it('refuses a parameter longer than the limit without reading it', async () => {
    const res = await readCarryParam('A'.repeat(CARRY_LIMITS.carryChars + 1));
    expect(res).toEqual({ ok: false, message: expect.stringMatching(/too long .*16,000/) });
  });

  it('stops unpacking a small parameter that unpacks into too much', async () => {
    const bomb = packRaw(' '.repeat(CARRY_LIMITS.linkJsonBytes + 10));
    expect(bomb.length).toBeLessThan(CARRY_LIMITS.carryChars);
    const res = await readCarryParam(bomb);
    expect(res).toEqual({ ok: false, message: expect.stringMatching(/unpacks to more than 2 MB/) });
  });

  it('names what is wrong with well-packed data that is not usable', async () => {
    const cases: [unknown, RegExp][] = [
      [{ format: 'something/else' }, /not a Safeguarding Lens dashboard/],
      [{ ...envelope().data }, /data file, not a dashboard file/],
      [{ ...envelope(), version: 3 }, /newer version/],
      [{ ...envelope(), version: 'x' }, /no valid "version"/],
      // Wrong types on purpose: what a tampered link could hold.
      [envelope({ observations: [{ indicatorId: 'cpp_rate', areaCode: 'E10000034', period: 'soon' as unknown as number, value: 1 }] }), /observations item 1: “soon” is not a year/],
      [envelope({ observations: [{ indicatorId: 'cpp_rate', areaCode: 'E10000034', period: 2020, value: '<script>' as unknown as number }] }), /not a number/],
      [{ ...envelope(), data: { ...envelope().data, version: 9 } }, /version 9, newer than this app/],
      [envelope({ observations: new Array(CARRY_LIMITS.observations + 1).fill(null) }), /200,001 figures, more than the 200,000/],
      [envelope({ documents: new Array(CARRY_LIMITS.documents + 1).fill(null) }), /101 documents/],
    ];
    for (const [json, message] of cases) {
      const res = await readCarryParam(packRaw(JSON.stringify(json)));
      expect(res.ok, String(message)).toBe(false);
      if (!res.ok) expect(res.message).toMatch(message);
    }
    const notJson = await readCarryParam(packRaw('{"format": "safeguarding-lens/dashboard", '));
    expect(notJson).toEqual({ ok: false, message: expect.stringMatching(/damaged/) });
  });

  it('never throws, whatever the parameter holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (s) => {
        const res = await readCarryParam(s);
        expect(typeof res.ok).toBe('boolean');
        if (!res.ok) expect(res.message.length).toBeGreaterThan(10);
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.base64String({ maxLength: 400 }), async (s) => {
        const res = await readCarryParam(s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
        expect(res.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on any JSON packed properly, and reads only dashboards', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.jsonValue(), async (anything, data) => {
        for (const json of [anything, { format: DASHBOARD_FORMAT, version: 1, data }, { ...envelope(), data: { format: APP_FORMAT, version: 1, observations: data } }]) {
          const res = await readCarryParam(packRaw(JSON.stringify(json)));
          expect(typeof res.ok).toBe('boolean');
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('base64url', () => {
  it('round-trips any bytes and rejects other characters', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
      }),
    );
    expect(fromBase64Url('ab+c')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull();
  });
});

describe('dashboard files', () => {
  const file = (text: string) => new Blob([text], { type: 'application/json' });

  it('reads the view, the note and the data', async () => {
    const text = dashboardFileText({ ...envelope(), view: '#/compare?indicator=local_contacts&v=1&data=d59f6065' });
    const res = await readDashboardFile(file(text), 'compare.sglens.json');
    if (!res.ok) throw new Error(res.message);
    expect(res.carried.source).toEqual({ kind: 'file', name: 'compare.sglens.json' });
    expect(res.carried.view).toBe('#/compare?indicator=local_contacts&v=1&data=d59f6065');
    expect(res.carried.counts.figures).toBe(3);
  });

  it('names the file and what is wrong', async () => {
    const cases: [string, RegExp][] = [
      ['{"format": ', /^x\.sglens\.json: this is not a dashboard file: it is not valid JSON/],
      [JSON.stringify(envelope()), /^x\.sglens\.json: the dashboard does not say which view/],
      [JSON.stringify({ ...envelope(), view: 'javascript:alert(1)' }), /does not say which view/],
      [JSON.stringify({ ...envelope().data }), /data file, not a dashboard file/],
    ];
    for (const [text, message] of cases) {
      const res = await readDashboardFile(file(text), 'x.sglens.json');
      expect(res).toEqual({ ok: false, message: expect.stringMatching(message) });
    }
  });

  it('refuses a file over the size limit without reading it', async () => {
    const big = { size: CARRY_LIMITS.fileBytes + 1, arrayBuffer: () => Promise.reject(new Error('read')) } as unknown as Blob;
    expect(await readDashboardFile(big, 'big.sglens.json')).toEqual({ ok: false, message: expect.stringMatching(/^big\.sglens\.json is 20 MB, more than a dashboard file may be/) });
  });

  it('names files after the view', () => {
    expect(dashboardFileName('Safeguarding Lens compare local_contacts')).toBe('Safeguarding-Lens-compare-local-contacts.sglens.json');
    expect(dashboardFileName('…')).toBe('dashboard.sglens.json');
    // A long title is cut between words, to at most 100 characters.
    expect(dashboardFileName(`Safeguarding Lens compare ${'x'.repeat(73)} y`)).toBe(`Safeguarding-Lens-compare-${'x'.repeat(73)}.sglens.json`);
    expect(dashboardFileName(`Safeguarding Lens compare ${'x'.repeat(70)} yyyy`)).toBe(`Safeguarding-Lens-compare-${'x'.repeat(70)}.sglens.json`);
    expect(dashboardFileName(`Safeguarding Lens compare ${'x'.repeat(69)} yyyy`)).toBe(`Safeguarding-Lens-compare-${'x'.repeat(69)}-yyyy.sglens.json`);
  });

  it('titles a carried breakdown by its measure, filter and value; a measure or a total by its id', () => {
    const rate = { id: 'referral_rate', label: 'Referral rate', shortLabel: 'Referral rate', unit: 'rate_per_10000' as const };
    const age = { id: 'referral_rate__age_10_to_15', label: 'Referral rate (Age 10 to 15)', shortLabel: 'Referral rate (Age 10 to 15)', unit: 'rate_per_10000' as const, breakdown: { of: 'referral_rate', by: 'characteristic', value: 'Age 10 to 15' } };
    const starting = { id: 'rate_per_10000__children_starting', label: 'rate_per_10000 (Children starting)', shortLabel: 'rate_per_10000 (Children starting)', unit: 'rate_per_10000' as const, breakdown: { of: 'rate_per_10000', by: 'population_type', value: 'Children starting' } };
    const compare = (indicator: string, breakdown?: string): View => ({ name: 'compare', areas: ['E10000034'], indicator, ...(breakdown ? { breakdown } : {}) });
    const cases: [View, string][] = [
      [compare('referral_rate', 'age_10_to_15'), 'compare referral_rate — characteristic: Age 10 to 15'],
      // A link naming the breakdown's own id, as links did before `breakdown=`.
      [compare('referral_rate__age_10_to_15'), 'compare referral_rate — characteristic: Age 10 to 15'],
      [compare('referral_rate'), 'compare referral_rate'],
      [compare('local_contacts'), 'compare local_contacts'],
      // A measure without a total shows its first value, so the title names it.
      [compare('rate_per_10000'), 'compare rate_per_10000 — population_type: Children starting'],
      [{ name: 'area', code: 'E10000034', indicator: 'referral_rate', breakdown: 'age_10_to_15' }, 'area E10000034 referral_rate — characteristic: Age 10 to 15'],
      [{ name: 'area', code: 'E10000034' }, 'area E10000034'],
      [{ name: 'themes', areas: ['E10000034'] }, 'themes'],
    ];
    for (const [view, title] of cases) expect(carryTitle(view, [rate, age, starting])).toBe(title);
    expect(dashboardFileName(`Safeguarding Lens ${carryTitle(compare('referral_rate', 'age_10_to_15'), [age])}`)).toBe('Safeguarding-Lens-compare-referral-rate-characteristic-Age-10-to-15.sglens.json');
  });
});

describe('the work a carried link may cause (issue 14, item 2)', () => {
  const doc = (text: string) => ({ id: 'd1', areaCode: 'E10000034', period: 2021, title: 'Minutes', source: 'm.txt', text, hash: 'h' });

  it('refuses a link whose documents hold more text than a real link can, before reading any item', async () => {
    // 1.8 MB of one word deflates to a few kilobytes: a short link that would keep the tagger busy.
    const res = await readCarryParam(await encodeCarry(envelope({ documents: [doc('neglect '.repeat(230_000))] })));
    expect(res.ok).toBe(false);
    expect(!res.ok && res.message).toBe(
      `The carried documents hold 1,840,000 characters of text, more than the ${CARRY_LIMITS.linkDocumentChars.toLocaleString('en-GB')} a link may carry, so they were not read.`,
    );
  });

  it('reads a link with a document of real length', async () => {
    const res = await readCarryParam(await encodeCarry(envelope({ documents: [doc('Neglect remains our priority. '.repeat(100))] })));
    expect(res.ok && res.carried.counts.documents).toBe(1);
  });

  it('allows a dashboard file more, up to its own limit', async () => {
    const text = dashboardFileText({ ...envelope({ documents: [doc('neglect '.repeat(50_000))] }), view: '#/themes' });
    expect((await readDashboardFile(new Blob([text]), 'a.sglens.json')).ok).toBe(true);
  });
});
