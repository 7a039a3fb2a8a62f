import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LABEL_ROOM, labelMargin, labelSizes, labelsHeight, labelWidth, wrapLabel, wrapLabels } from '../../../src/lib/charts/direct-labels';
import { dodgeLabels } from '../../../src/lib/charts/label-dodge';
import { chartText } from '../../../src/lib/charts/text-scale';

// Ten pixels a character: easy widths to reason about.
const tens = (s: string) => s.length * 10;

describe('wrapLabel', () => {
  it.each([
    // [label, width, lines]
    ['Walsall', 100, ['Walsall']],
    ['Neighbours’ average', 190, ['Neighbours’ average']],
    ['West Midlands', 80, ['West', 'Midlands']],
    ['Bournemouth, Christchurch and Poole', 160, ['Bournemouth,', 'Christchurch and', 'Poole']],
    ['Kingston upon Hull, City of', 120, ['Kingston', 'upon Hull,', 'City of']],
    // A word wider than the room on its own (a margin held to its share) is broken with a hyphen, every letter kept.
    ['Northamptonshire', 60, ['North-', 'ampto-', 'nshire']],
    ['Ab', 5, ['A-', 'b']],
    ['', 100, []],
  ])('%j in %ipx → %j', (label, width, lines) => {
    expect(wrapLabel(label, width, tens)).toEqual(lines);
  });

  it('keeps every word whole and in order, each line within the width, when no word is wider than it', () => {
    const word = fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom('a', 'W', 'i', ',', '’') });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), fc.integer({ min: 120, max: 400 }), (words, width) => {
        const lines = wrapLabel(words.join(' '), width, tens);
        expect(lines.join(' ')).toBe(words.join(' '));
        for (const line of lines) expect(tens(line)).toBeLessThanOrEqual(width);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the trend chart’s label margin', () => {
  const normal = chartText();
  const large = chartText(1.25);
  // A phone's chart (390px viewport less the page's padding) and a laptop's.
  const PHONE = 358;
  const LAPTOP = 1000;

  it('measures labels as drawn: bold, wider than body text', () => {
    expect(labelWidth('Worcestershire', normal)).toBe(115);
    expect(labelWidth('Worcestershire', normal)).toBeGreaterThan(normal.width('Worcestershire'));
  });

  it.each([
    // [labels drawn, narrow, chart width, margin]: bold text at 0.68 em a character (12px) + 12px
    [['England', 'Walsall'], false, LAPTOP, 70],
    [['Worcestershire', 'England'], false, LAPTOP, 127],
    // 20 characters on one line ("Neighbours’ average"), as the chart always held; a longer label wraps within that.
    [['Neighbours’ average', 'England'], false, LAPTOP, 168],
    [['Bournemouth, Christchurch and Poole'], false, LAPTOP, 176],
    [['North Northamptonshire', 'England'], false, LAPTOP, 176],
    // On a phone: 96px unless a word needs more ("Worcestershire", "Christchurch").
    [['Walsall', 'England'], true, PHONE, 70],
    [['Windsor and Maidenhead', 'England'], true, PHONE, 96],
    [['Worcestershire', 'England'], true, PHONE, 127],
    [['Bournemouth, Christchurch and Poole'], true, PHONE, 110],
    // …but never more than 40% of the chart: there the word is broken.
    [['North Northamptonshire'], true, 300, 120],
    // Before the chart is measured, no growth for words.
    [['Worcestershire'], true, 0, 96],
    // No label drawn (every area muted): room for half the last year's tick label.
    [[], false, LAPTOP, 32],
    [[], true, PHONE, 32],
    [['Kent'], false, LAPTOP, 45],
  ])('%j (narrow %s, %ipx wide) → %i px', (labels, narrow, width, px) => {
    expect(labelMargin(labels, normal, narrow, width)).toBe(px);
  });

  it('holds every word of every label whole on any chart from 360px (the longest word, "Northamptonshire", takes 143px), and never takes more than 40% for a word', () => {
    const names = ['Worcestershire', 'Herefordshire', 'West Midlands', 'Neighbours’ average', 'Bournemouth, Christchurch and Poole', 'Windsor and Maidenhead', 'Kingston upon Hull, City of', 'North Northamptonshire', 'Stockton-on-Tees'];
    for (let width = 360; width <= 1600; width += 10) {
      const narrow = width < 520;
      const margin = labelMargin(names, normal, narrow, width);
      expect(margin).toBeLessThanOrEqual(Math.max(normal.fit(narrow ? 96 : 176), Math.floor(width * 0.4)));
      for (const name of names) {
        const lines = wrapLabel(name, margin - LABEL_ROOM, (s) => labelWidth(s, normal));
        expect(lines.join(' ')).toBe(name);
        for (const line of lines) expect(labelWidth(line, normal)).toBeLessThanOrEqual(margin - LABEL_ROOM);
      }
    }
  });

  it('grows with the text in presentation mode, the least margin included', () => {
    expect(labelMargin(['Worcestershire'], large, false, LAPTOP)).toBeGreaterThan(labelMargin(['Worcestershire'], normal, false, LAPTOP) * 1.2);
    expect(labelMargin(['Bournemouth, Christchurch and Poole'], large, false, LAPTOP)).toBe(220);
    expect(labelMargin([], large, false, LAPTOP)).toBe(40);
  });
});

describe('the height wrapped labels need', () => {
  const normal = chartText();
  const large = chartText(1.25);

  it('counts a label of n lines as one gap and n - 1 lines of 13px (at normal type)', () => {
    const lines = wrapLabels(['England', 'West Midlands', 'Bournemouth, Christchurch and Poole'], 110, normal);
    expect(lines).toEqual([['England'], ['West', 'Midlands'], ['Bournemouth,', 'Christchurch', 'and Poole']]);
    expect(labelSizes(lines, 14, normal)).toEqual([14, 27, 40]);
    expect(labelSizes(lines, 18, large)).toEqual([18, 34, 50]);
  });

  it('is what the dodging needs to keep them apart: in that height no two overlap, in less they would', () => {
    const sizes = labelSizes(wrapLabels(['Kingston upon Hull', 'Bournemouth, Christchurch and Poole', 'North Northamptonshire', 'Yorkshire and The Humber', 'England', 'Neighbours’ average'], 120, large), 18, large);
    const targets = sizes.map(() => 50);
    const apart = (hi: number) => {
      const ys = dodgeLabels(targets, 18, 0, hi, sizes);
      const blocks = ys.map((y, i) => [y - sizes[i]! / 2, y + sizes[i]! / 2] as const).sort((a, b) => a[0] - b[0]);
      return blocks.every((b, i) => i === 0 || b[0] >= blocks[i - 1]![1] - 1e-9);
    };
    const need = labelsHeight(sizes, 18);
    expect(apart(need)).toBe(true);
    expect(apart(need - 1)).toBe(false);
    expect(labelsHeight([], 18)).toBe(0);
  });
});
