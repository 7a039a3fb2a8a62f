import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The trend chart names each line in its right margin. On a phone (390px) a councillor
 * must still read which line is which: every name whole (wrapped, never cut), inside
 * the chart, and clear of the other names.
 */
test.use({ viewport: { width: 390, height: 900 } });

interface DrawnLabel {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * The direct labels as drawn: each one's words and its box on the page. A wrapped label's
 * lines are joined by a space, or without one after a hyphen put in to break a word too
 * long for the margin (presentation type on a phone), so the name reads as written.
 */
async function drawnLabels(page: Page, chart = 'trend-svg'): Promise<{ svg: DOMRect; labels: DrawnLabel[] }> {
  return page.getByTestId(chart).evaluate((svg) => ({
    svg: svg.getBoundingClientRect().toJSON() as DOMRect,
    labels: [...svg.querySelectorAll('.direct-label text')].map((t) => {
      const lines = [...t.querySelectorAll('tspan')].map((s) => s.textContent ?? '');
      const box = t.getBoundingClientRect();
      const text = lines.length ? lines.reduce((name, line) => (name.endsWith('-') ? name.slice(0, -1) + line : `${name} ${line}`)) : (t.textContent ?? '');
      return { text, left: box.left, right: box.right, top: box.top, bottom: box.bottom };
    }),
  }));
}

/** Every label inside the SVG, none cut with an ellipsis, no two overlapping. */
function expectWholeAndApart({ svg: box, labels }: { svg: DOMRect; labels: DrawnLabel[] }): void {
  expect(box.width).toBeLessThanOrEqual(390);
  for (const l of labels) {
    expect(l.text, 'a label is never cut with an ellipsis').not.toContain('…');
    expect(l.left, `${l.text} starts inside the chart`).toBeGreaterThanOrEqual(box.left);
    expect(l.right, `${l.text} ends inside the chart`).toBeLessThanOrEqual(box.right);
    expect(l.top, `${l.text} is inside the chart`).toBeGreaterThanOrEqual(box.top);
    expect(l.bottom, `${l.text} is inside the chart`).toBeLessThanOrEqual(box.bottom);
  }
  // No two labels overlap (half a pixel allowed for rounding of the text's boxes).
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const [a, b] = [labels[i]!, labels[j]!];
      const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      expect(overlapX > 0.5 && overlapY > 0.5, `${a.text} and ${b.text} overlap`).toBe(false);
    }
}

const CASES = [
  {
    what: 'four West Midlands partnerships',
    link: '/#/compare?areas=E10000034,E08000030,E08000029,E06000019&indicator=cpp_rate&from=2016&to=2025&year=2025',
    names: ['Worcestershire', 'Walsall', 'Solihull', 'Herefordshire', 'England', 'West Midlands', 'Neighbours’ average'],
  },
  {
    what: 'partnerships with long names',
    link: '/#/compare?areas=E06000058,E06000040,E06000010,E06000061&indicator=cpp_rate&from=2016&to=2025&year=2025',
    names: ['Bournemouth, Christchurch and Poole', 'Windsor and Maidenhead', 'Kingston upon Hull', 'North Northamptonshire', 'England', 'Yorkshire and The Humber', 'Neighbours’ average'],
  },
  {
    // Larger type: more lines to a label, so the chart grows taller to keep them apart.
    what: 'long names in presentation mode',
    link: '/#/compare?areas=E06000058,E06000040,E06000010,E06000061&indicator=cpp_rate&from=2016&to=2025&year=2025&present=1',
    names: ['Bournemouth, Christchurch and Poole', 'Windsor and Maidenhead', 'Kingston upon Hull', 'North Northamptonshire', 'England', 'Yorkshire and The Humber', 'Neighbours’ average'],
  },
];

for (const { what, link, names } of CASES) {
  test(`on a phone, the trend chart names every line whole, inside the chart and apart: ${what}`, async ({ page }) => {
    await page.goto(link);
    const svg = page.getByTestId('trend-svg');
    await expect(svg).toBeVisible();
    await expect.poll(async () => (await drawnLabels(page)).labels.map((l) => l.text)).toEqual(expect.arrayContaining(names));

    expectWholeAndApart(await drawnLabels(page));
  });
}

test('on a phone, the ranking names each benchmark line whole with its value, from the same labels', async ({ page }) => {
  await page.goto(CASES[0]!.link);
  await expect(page.getByTestId('ranked-svg')).toBeVisible();
  const benchmarks = ['England 40.6', 'West Midlands 40.3', 'Neighbours’ average 35.0'];
  await expect.poll(async () => (await drawnLabels(page, 'ranked-svg')).labels.map((l) => l.text)).toEqual(benchmarks);
  expectWholeAndApart(await drawnLabels(page, 'ranked-svg'));
});

test('on a phone, the ranking names each chosen area whole above the bars, inside the chart and apart', async ({ page }) => {
  await page.goto(CASES[1]!.link);
  const svg = page.getByTestId('ranked-svg');
  await expect(svg).toBeVisible();
  const chosen = () =>
    svg.evaluate((el) => ({
      svg: el.getBoundingClientRect().toJSON() as DOMRect,
      labels: [...el.querySelectorAll('.chosen-label text')].map((t) => {
        const box = t.getBoundingClientRect();
        return { text: t.textContent ?? '', left: box.left, right: box.right, top: box.top, bottom: box.bottom };
      }),
    }));
  // Cut to 13 characters before: "Bournemouth, …", "Windsor and M…", "North Northam…".
  await expect.poll(async () => (await chosen()).labels.map((l) => l.text).sort()).toEqual(['Bournemouth, Christchurch and Poole', 'Kingston upon Hull', 'North Northamptonshire', 'Windsor and Maidenhead']);
  expectWholeAndApart(await chosen());
});
