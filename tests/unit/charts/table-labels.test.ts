import { describe, expect, it } from 'vitest';
import { cellLabels, columnLabels, overflows } from '../../../src/lib/charts/table-labels';

describe('table-labels', () => {
  it('gives each column its header, a spanning header repeated and white space tidied', () => {
    expect(columnLabels([{ text: 'Area', span: 1 }, { text: ' Value\n ', span: 1 }, { text: 'Years', span: 2 }])).toEqual(['Area', 'Value', 'Years', 'Years']);
  });

  it('labels each cell by the column it starts in, whatever the number of columns', () => {
    const labels = ['Area', 'Value', 'Compared with England', 'Recent trend', '95% confidence interval'];
    expect(cellLabels([1, 1, 1, 1, 1].map((span) => ({ span })), labels)).toEqual(labels);
    // A cell spanning two columns moves the next cell's label on by two; headed differently, the two give it none.
    expect(cellLabels([{ span: 1 }, { span: 2 }, { span: 1 }], labels)).toEqual(['Area', '', 'Recent trend']);
    // Spanning columns under one header (a spanning header), it takes that header.
    expect(cellLabels([{ span: 1 }, { span: 2 }], ['Area', 'Years', 'Years'])).toEqual(['Area', 'Years']);
    // A row longer than its header: the extra cells get no label rather than a wrong one.
    expect(cellLabels([{ span: 1 }, { span: 1 }, { span: 1 }], ['Area', 'Value'])).toEqual(['Area', 'Value', '']);
  });

  it('counts a table as overflowing only past half a pixel of rounding', () => {
    expect(overflows(680.4, 680)).toBe(false);
    expect(overflows(681, 680)).toBe(true);
    expect(overflows(358, 358)).toBe(false);
  });
});
