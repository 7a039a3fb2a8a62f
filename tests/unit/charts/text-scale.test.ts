import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectionMarks } from '../../../src/lib/charts/inspection-marks';
import { estimateTextWidth, labelLanes } from '../../../src/lib/charts/label-lanes';
import { CHART_FONT, CHART_FONT_SMALL, chartText } from '../../../src/lib/charts/text-scale';
import { PRESENT_TEXT_SCALE } from '../../../src/lib/views/presentation.svelte';

describe('chart text at the page’s text scale', () => {
  it('at normal type lays charts out exactly as before: 12px and 11px text, margins and widths unchanged', () => {
    const text = chartText();
    expect([text.size, text.small]).toEqual([CHART_FONT, CHART_FONT_SMALL]);
    expect([52, 150, 16, 58].map(text.fit)).toEqual([52, 150, 16, 58]);
    expect(text.width('Worcestershire')).toBe(estimateTextWidth('Worcestershire', 12));
    expect(text.width('Worcestershire', text.small)).toBe(estimateTextWidth('Worcestershire', 11));
  });

  it('measures at the sizes the stylesheet draws with', () => {
    const css = readFileSync('src/app.css', 'utf8');
    expect(css).toContain(`--chart-font-size: calc(${CHART_FONT}px * var(--text-scale));`);
    expect(css).toContain(`--chart-font-size-small: calc(${CHART_FONT_SMALL}px * var(--text-scale));`);
    expect(css).toContain('font-size: calc(16px * var(--text-scale));');
  });

  it('in presentation mode (20px type) grows the text, the room that holds it and the labels’ widths by the same scale', () => {
    const text = chartText(PRESENT_TEXT_SCALE);
    expect(PRESENT_TEXT_SCALE * 16).toBe(20);
    expect([text.size, text.small]).toEqual([15, 13.75]);
    // Whole pixels: the ranked chart's left margin, its names' lane, the trend's label margin.
    expect([52, 16, 150].map(text.fit)).toEqual([65, 20, 188]);
    expect(text.width('Worcestershire')).toBe(estimateTextWidth('Worcestershire', 15));
    expect(text.width('Worcestershire')).toBeGreaterThan(chartText().width('Worcestershire') * 1.2);
  });

  it('keeps enlarged names apart: two names one lane holds at normal type take two lanes in presentation mode', () => {
    const lanesAt = (scale: number) =>
      labelLanes(
        [100, 210].map((x) => ({ x, width: chartText(scale).width('Worcestershire') })),
        600,
      ).map((l) => l.lane);
    expect(lanesAt(1)).toEqual([0, 0]);
    expect(lanesAt(PRESENT_TEXT_SCALE)).toEqual([0, 1]);
  });

  it('keeps enlarged inspection labels apart in the same way', () => {
    const x = (p: number) => (p - 2016) * 100;
    // Two Good judgements half a year (50 px) apart.
    const two = [
      { date: '2020-03-31', judgement: '★ Good' },
      { date: '2020-10-01', judgement: '★ Good' },
    ];
    expect(inspectionMarks(two, x, 900, chartText()).map((m) => m.lane)).toEqual([0, 0]);
    expect(inspectionMarks(two, x, 900, chartText(PRESENT_TEXT_SCALE)).map((m) => m.lane)).toEqual([0, 1]);
  });
});
