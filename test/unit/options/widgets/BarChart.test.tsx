import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { BarChart, niceMax } from '../../../../src/options/widgets/BarChart.tsx';

test.each([
  [0, 1],
  [1, 1],
  [7, 8],
  [11, 12],
  [97, 100],
  [1210, 1500],
  [30000, 30000],
  [30001, 40000],
])('niceMax(%d) = %d', (max, top) => {
  expect(niceMax(max)).toBe(top);
});

afterEach(cleanup);

describe('BarChart', () => {
  const props = {
    title: 'Trust over the years',
    categoryHeader: 'Year',
    categories: ['2019', '2020', '2021'],
    series: [
      { name: 'First tests', values: [3, 0, 6] },
      { name: 'First paid', values: [1, 2, 0] },
    ],
  };

  test('draws one bar per value, taller for larger values, and none below the axis', () => {
    const { container } = render(<BarChart {...props} />);
    const heights = [...container.querySelectorAll('rect')].map((r) => Number(r.getAttribute('height')));
    expect(heights).toHaveLength(6);
    // Group by category: [3,1], [0,2], [6,0].
    expect(heights[4]).toBeGreaterThan(heights[0]!);
    expect(heights[0]).toBeGreaterThan(heights[1]!);
    expect(heights[2]).toBe(0);
    expect(heights.every((h) => h >= 0)).toBe(true);
  });

  test('gives the numbers as a table for assistive technology, and hides the picture', () => {
    const { container, getByRole } = render(<BarChart {...props} format={(n) => `#${n}`} />);
    expect(container.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    const table = getByRole('table', { name: 'Trust over the years' });
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ['2019', '#3', '#1'],
      ['2020', '#0', '#2'],
      ['2021', '#6', '#0'],
    ]);
  });

  test('right to left, the first category is drawn on the right', () => {
    const x = (rtl: boolean) => {
      const { container, unmount } = render(<BarChart {...props} rtl={rtl} />);
      const labels = [...container.querySelectorAll('.tn-chart-label')].map((l) =>
        Number(l.getAttribute('x')),
      );
      unmount();
      return labels;
    };
    const ltr = x(false);
    const rtl = x(true);
    expect(ltr[0]).toBeLessThan(ltr[2]!);
    expect(rtl[0]).toBeGreaterThan(rtl[2]!);
  });
});
