import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileTaxonomy, phraseSource, THEME_IDS, validateTaxonomy, type Taxonomy } from '../../../src/lib/themes/taxonomy';

const raw = JSON.parse(readFileSync(new URL('../../../data/themes.json', import.meta.url), 'utf8')) as Taxonomy;

describe('the bundled taxonomy', () => {
  it('is valid and defines exactly the promised theme ids, each with a label and definition', () => {
    expect(validateTaxonomy(raw)).toEqual([]);
    expect(raw.themes.map((t) => t.id).sort()).toEqual([...THEME_IDS].sort());
  });
});

describe('phraseSource', () => {
  const re = (p: string) => {
    const { source, flags } = phraseSource(p);
    return new RegExp(source, flags + 'u');
  };
  it('matches stems, flexible hyphens and spaces, apostrophes of either kind, and whole words only', () => {
    expect(re('neglect*').test('neglectful parenting')).toBe(true);
    expect(re('self-harm').test('self harm')).toBe(true);
    expect(re('self-harm').test('selfharm')).toBe(true);
    expect(re("children's home*").test('children’s homes')).toBe(true);
    expect(re('early help').test('Early\n  Help')).toBe(true);
    expect(re('gang').test('gangmaster')).toBe(false);
    expect(re('audit').test('auditorium')).toBe(false);
  });
  it('takes /…/flags as a regular expression', () => {
    expect(phraseSource('/[Dd]eath of [A-Z]\\w+/')).toEqual({ source: '[Dd]eath of [A-Z]\\w+', flags: '' });
  });
});

describe('validateTaxonomy', () => {
  it('explains what is wrong rather than throwing', () => {
    expect(validateTaxonomy(null)).toEqual(['The theme taxonomy is not a JSON object.']);
    const broken = structuredClone(raw);
    broken.themes = broken.themes.filter((t) => t.id !== 'neglect');
    broken.themes[0]!.rules = [{ phrases: ['(unclosed'] }];
    broken.themes.push({ ...broken.themes[1]!, label: '' });
    const problems = validateTaxonomy(broken);
    expect(problems).toContain('The theme taxonomy has no theme “neglect”.');
    expect(problems.some((p) => p.includes('repeats an id'))).toBe(true);
    expect(problems.some((p) => p.includes('needs a label'))).toBe(true);
  });
  it('asks for true or false in a rule’s "weak" and "name"', () => {
    const broken = structuredClone(raw) as unknown as { themes: { rules: Record<string, unknown>[] }[] };
    broken.themes[0]!.rules = [{ phrases: ['neglect'], name: 'yes' }];
    expect(validateTaxonomy(broken)).toEqual(['Theme 1 (“neglect”), rule 1: “name” must be true or false.']);
  });
  it('compiles a "name" rule so that its matches are marked as names', () => {
    const tax = structuredClone(raw);
    tax.themes[0]!.rules = [{ phrases: ['neglect board'], name: true }];
    expect(compileTaxonomy(tax).themes[0]!.rules[0]!.name).toBe(true);
  });
  it('names the theme whose pattern does not compile', () => {
    const broken = structuredClone(raw);
    broken.themes[0]!.rules = [{ phrases: ['(unclosed'] }];
    expect(() => compileTaxonomy(broken)).toThrow(/Theme “neglect”/);
  });
});
