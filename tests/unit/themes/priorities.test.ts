import { describe, expect, it } from 'vitest';
import { defaultTaxonomy } from '../../../src/lib/themes/default-taxonomy';
import { extractPriorities, firstYearSpan } from '../../../src/lib/themes/priorities';
import { splitSentences } from '../../../src/lib/themes/sentences';

const { compiled } = defaultTaxonomy();
const read = (t: string) => extractPriorities(compiled, t, splitSentences(t));
const labels = (t: string) => read(t).map((p) => [p.label, p.period]);

describe('extractPriorities', () => {
  it('reads a list introduced by "focused on:" with the year of the intro', () => {
    const t = 'During 2022/23 the Partnership focused on:\n\n·  Neglect\n·  Child exploitation, including county lines\n·  The voice of the child\n\nThe report was noted.';
    expect(labels(t)).toEqual([
      ['Neglect', 2023],
      ['Child exploitation, including county lines', 2023],
      ['The voice of the child', 2023],
    ]);
    expect(read(t)[1]!.themeIds).toEqual(['exploitation', 'criminal_exploitation']);
  });

  it('does not take other lists for priorities', () => {
    expect(read('The following points were discussed:\n·  Neglect\n·  Funding')).toEqual([]);
    expect(read('The subgroups are:\n·  Quality Assurance\n·  Learning and Development')).toEqual([]);
  });

  it('reads an inline list after a colon, splitting the last "and" but not inner ones', () => {
    const t = 'The Board had three key areas of focus for the year: domestic abuse and coercive control, early help, and mental health.';
    expect(labels(t)).toEqual([
      ['domestic abuse and coercive control', null],
      ['early help', null],
      ['mental health', null],
    ]);
  });

  it('reads "priorities for YEAR were …", with "Label; description" pairs', () => {
    const t = 'The anticipated priorities for 2024/25 were Neglect; embedding the graded care profile and Exploitation; a new pathway for adolescents.';
    expect(labels(t)).toEqual([
      ['Neglect; embedding the graded care profile', 2025],
      ['Exploitation; a new pathway for adolescents', 2025],
    ]);
  });

  it('keeps a priority that is a sentence, not a list, whole', () => {
    const t = 'The priorities for 2019-20 are expected to be much the same as this year, with more emphasis on transition to adulthood.';
    expect(labels(t)).toEqual([['much the same as this year, with more emphasis on transition to adulthood', 2020]]);
  });

  it('reads "… is a priority" statements, taking the clause before when the subject is "this"', () => {
    expect(labels('Improving the response to domestic abuse is a key priority for the Partnership.')).toEqual([['Improving the response to domestic abuse', null]]);
    expect(labels('There is little evidence yet of the impact of the Neglect Strategy and this is a recognised priority for 2021-22.')).toEqual([
      ['impact of the Neglect Strategy', 2022],
    ]);
  });

  it('does not repeat a listed priority restated later', () => {
    const t = 'In 2016/17 the Board focused on:\n·  Child sexual exploitation\n·  Early help\n\nWhilst CSE remained a priority, assurance was limited.';
    expect(read(t).map((p) => p.label)).toEqual(['Child sexual exploitation', 'Early help']);
  });

  it('records offsets of each priority in the text', () => {
    const t = 'Our priorities are neglect, exploitation and early help.';
    for (const p of read(t)) expect(t.slice(p.start, p.end)).toBe(p.label);
  });
});

describe('firstYearSpan', () => {
  it.each([
    ['priorities for 2021/22', 2022],
    ['in 2016-17 and 2017-18', 2017],
    ['during 2019–2020', 2020],
    ['in 2021', null],
    ['2019/21', null],
  ])('%s', (s, p) => expect(firstYearSpan(s)).toBe(p));
});

describe('extractPriorities on forms missed on unseen minutes (issue 12, item 10)', () => {
  const offsetsHold = (t: string) => {
    for (const p of read(t)) expect(normalise(t.slice(p.start, p.end))).toBe(p.label);
  };
  const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

  it('a single priority in running text, with a quoted rank', () => {
    const t = 'The Chair told members that the “number one” priority for the partnership in 2023/24 was tackling child exploitation.';
    expect(labels(t)).toEqual([['tackling child exploitation', 2024]]);
    expect(labels("Reducing neglect remained the partnership's top priority.")).toEqual([['Reducing neglect', null]]);
    expect(labels('Members asked for an update on the Strategic Priority of Neglect and on training.')).toEqual([['Neglect', null]]);
    offsetsHold(t);
  });

  it('a heading sentence, then the priorities on lines of their own, with or without bullets', () => {
    const t = 'The Board had agreed the following key strategic priorities for 2024/25:\n\nNeglect\nChild exploitation\nThe voice of the child\n\nMembers noted the report.';
    expect(labels(t)).toEqual([
      ['Neglect', 2025],
      ['Child exploitation', 2025],
      ['The voice of the child', 2025],
    ]);
    expect(labels('The plan set out the following strategic priorities.\n\n• Early help\n• Domestic abuse\n\nThe plan was noted.').map((l) => l[0])).toEqual(['Early help', 'Domestic abuse']);
    offsetsHold(t);
  });

  it('priorities written as outcomes: quoted, or as “that …” clauses', () => {
    const quoted = 'The review agreed two outcomes, “Children feel safe at home and online” and “Partners challenge each other well”.';
    expect(labels(quoted)).toEqual([
      ['Children feel safe at home and online', null],
      ['Partners challenge each other well', null],
    ]);
    const clauses = 'The three priority outcomes for 2021-22 were that babies are safe, that teenagers are protected from exploitation and that families get help early.';
    expect(labels(clauses)).toEqual([
      ['babies are safe', 2022],
      ['teenagers are protected from exploitation', 2022],
      ['families get help early', 2022],
    ]);
    offsetsHold(quoted);
    offsetsHold(clauses);
  });

  it('“priorities … were around; …” does not take “around” for a priority', () => {
    expect(labels('Priorities for the coming year were around; safeguarding in schools, and exploitation.').map((l) => l[0])).toEqual(['safeguarding in schools', 'exploitation']);
  });

  it('stays precise: other lists, quotations and plain mentions are not priorities', () => {
    expect(read('The following points were raised:\n\nNeglect\nFunding\n\nThe Chair thanked officers.')).toEqual([]);
    expect(read('The following actions were agreed.\n\n• Write to the police\n• Report back in March\n\nThe meeting closed.')).toEqual([]);
    expect(read('The Chair quoted the inspectors: “a partnership that knows itself well”.')).toEqual([]);
    expect(read('Members discussed the priorities of the new health board at length.')).toEqual([]);
  });
});
