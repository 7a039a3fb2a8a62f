import { describe, expect, it } from 'vitest';
import { guessArea, guessContext, guessMeetingDate, guessPeriod, guessTitle, type AreaName } from '../../../src/lib/themes/guess-context';

const AREAS: AreaName[] = [
  { code: 'E06000019', name: 'Herefordshire', aliases: ['Herefordshire, County of', 'Herefordshire'] },
  { code: 'E10000028', name: 'Staffordshire', aliases: ['Staffordshire'] },
  { code: 'E10000023', name: 'North Yorkshire', aliases: ['North Yorkshire'] },
  { code: 'E06000014', name: 'York', aliases: ['York'] },
  { code: 'E06000038', name: 'Reading', aliases: ['Reading'] },
  { code: 'E10000016', name: 'Kent', aliases: ['Kent'] },
];

describe('guessArea', () => {
  it('prefers names in the title and names followed by "Safeguarding" or "Council"', () => {
    const t = 'Staffordshire Safeguarding Children Partnership Annual Report\n\nCllr Kent asked a question. Staffordshire County Council noted the report.';
    expect(guessArea(t, AREAS).map((a) => a.code)).toEqual(['E10000028', 'E10000016']);
  });
  it('takes the longer name over one inside it, and names case-sensitively', () => {
    expect(guessArea('North Yorkshire Safeguarding Children Partnership: reading the report, members agreed.', AREAS).map((a) => a.code)).toEqual(['E10000023']);
  });
  it('finds "County of Herefordshire" through the alias and returns nothing when no area is named', () => {
    expect(guessArea('The County of Herefordshire report', AREAS)[0]?.code).toBe('E06000019');
    expect(guessArea('The Board met.', AREAS)).toEqual([]);
  });
});

describe('guessPeriod', () => {
  it.each([
    ['Walsall Safeguarding Partnership Annual Report 2019-20', 2020],
    ['Herefordshire Safeguarding Children Board (HSCB) Annual Report 2016/17', 2017],
    ['The 2021/22 annual report was presented.', 2022],
    ['Work in 2018-19 built on 2017-18; in 2018-19 caseloads fell.', 2019],
  ])('%s', (t, p) => expect(guessPeriod(t).period).toBe(p));
  it('falls back to the reporting year of the meeting date', () => {
    expect(guessPeriod('Meeting held on 18th March, 2021').period).toBe(2021);
    expect(guessPeriod('Meeting held on 12 September 2017').period).toBe(2018);
    expect(guessPeriod('No year here').period).toBeNull();
  });
});

describe('guessMeetingDate and guessTitle', () => {
  it('reads dates written the council way', () => {
    expect(guessMeetingDate('Overview and Scrutiny Committee\n18th March, 2021\n')).toBe('2021-03-18');
    expect(guessMeetingDate('on 3 May 2022 at 10am')).toBe('2022-05-03');
  });
  it('takes the line that names the report, without boilerplate or attachment icons', () => {
    expect(guessTitle('Agenda item\n\nWorcestershire Safeguarding Children Board Annual Report 2016-17 pdf icon PDF 107 KB\n\nMinutes:')).toBe(
      'Worcestershire Safeguarding Children Board Annual Report 2016-17',
    );
  });
  it('drops agenda numbering from the title', () => {
    expect(guessTitle('Minutes\n\n2. Kirklees Safeguarding Children Partnership - update\n')).toBe('Kirklees Safeguarding Children Partnership - update');
    expect(guessTitle('Item 6. Stockport Safeguarding Children Partnership Annual Report 2022-23')).toBe('Stockport Safeguarding Children Partnership Annual Report 2022-23');
  });

  it('puts it together', () => {
    const g = guessContext('Herefordshire Safeguarding Children Board Annual Report 2016/17\n\nThe chair presented the report.', AREAS);
    expect(g).toMatchObject({ areas: [{ code: 'E06000019' }], period: 2017, periodReason: 'Annual Report 2016/17' });
  });
});
