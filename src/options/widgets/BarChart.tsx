// A grouped vertical bar chart drawn as plain SVG: no chart library, no canvas, text stays text. The
// picture is hidden from assistive technology and the same numbers are given as a table, which is what a
// screen reader user needs. In right-to-left languages the categories run from the right.
import type { ComponentChild } from 'preact';
import './BarChart.css';

export interface BarSeries {
  name: string;
  values: readonly number[];
}

export interface BarChartProps {
  /** Accessible name and visible caption. */
  title: string;
  categories: readonly string[];
  series: readonly BarSeries[];
  /** Header of the category column in the data table. */
  categoryHeader: string;
  rtl?: boolean;
  /** How values are written on the bars and in the table (e.g. with the page language's digits). */
  format?: (value: number) => string;
  /** Extra content under the caption (a legend is drawn automatically for several series). */
  children?: ComponentChild;
  class?: string;
}

const HEIGHT = 180;
const LABEL_SPACE = 22;
const VALUE_SPACE = 16;
const BAR = 22;
const BAR_GAP = 4;
const GROUP_GAP = 18;

const NICE_STEPS = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];
// A category's label needs about this much width per character at the chart's font size.
const CHAR_WIDTH = 7;

/** Rounds the largest value up to a readable scale top (1, 1.2, 1.5, 2 … 10 × 10^n). */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = NICE_STEPS.find((s) => s * power >= max) ?? 10;
  return step * power;
}

export function BarChart(props: BarChartProps) {
  const { categories, series, rtl = false, format = String } = props;
  const top = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const barsWidth = series.length * BAR + (series.length - 1) * BAR_GAP;
  const longestLabel = Math.max(0, ...categories.map((c) => c.length));
  // Each category gets room for its bars or its label, whichever is wider, so labels never overlap.
  const slot = Math.max(barsWidth, longestLabel * CHAR_WIDTH) + GROUP_GAP;
  const width = Math.max(1, categories.length * slot + GROUP_GAP);
  const plot = HEIGHT - LABEL_SPACE - VALUE_SPACE;
  const groupX = (i: number) => {
    const position = rtl ? categories.length - 1 - i : i;
    return GROUP_GAP + position * slot + (slot - GROUP_GAP - barsWidth) / 2;
  };

  return (
    <figure class={`tn-chart ${props.class ?? ''}`}>
      <figcaption>{props.title}</figcaption>
      {series.length > 1 && (
        <ul class="tn-chart-legend" aria-hidden="true">
          {series.map((s, si) => (
            <li key={s.name}>
              <span class={`tn-chart-swatch tn-series-${si}`} />
              {s.name}
            </li>
          ))}
        </ul>
      )}
      {props.children}
      <div class="tn-chart-scroll">
        <svg
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          aria-hidden="true"
          focusable="false"
        >
          <line class="tn-chart-axis" x1={0} x2={width} y1={HEIGHT - LABEL_SPACE} y2={HEIGHT - LABEL_SPACE} />
          {categories.map((category, ci) => (
            <g key={category}>
              {series.map((s, si) => {
                const value = s.values[ci] ?? 0;
                const h = (value / top) * plot;
                const x = groupX(ci) + (rtl ? series.length - 1 - si : si) * (BAR + BAR_GAP);
                const y = HEIGHT - LABEL_SPACE - h;
                return (
                  <g key={s.name}>
                    <rect class={`tn-series-${si}`} x={x} y={y} width={BAR} height={h} rx={3} />
                    <text class="tn-chart-value" x={x + BAR / 2} y={y - 4} text-anchor="middle">
                      {format(value)}
                    </text>
                  </g>
                );
              })}
              <text class="tn-chart-label" x={groupX(ci) + barsWidth / 2} y={HEIGHT - 6} text-anchor="middle">
                {category}
              </text>
            </g>
          ))}
        </svg>
      </div>
      <table class="tn-visually-hidden">
        <caption>{props.title}</caption>
        <thead>
          <tr>
            <th scope="col">{props.categoryHeader}</th>
            {series.map((s) => (
              <th key={s.name} scope="col">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {categories.map((category, ci) => (
            <tr key={category}>
              <th scope="row">{category}</th>
              {series.map((s) => (
                <td key={s.name}>{format(s.values[ci] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
