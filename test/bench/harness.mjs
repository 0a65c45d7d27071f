// A tiny benchmark harness: named scenarios run several times in real Chromium; the table shows the
// median, min and max, and each scenario's ratio against its baseline measured in the same run.
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * @param {Array<{ name: string, unit: string, samples: number[], baseline?: string, target?: string }>} rows
 */
export function printTable(rows) {
  const byName = new Map(rows.map((r) => [r.name, r]));
  const fmt = (n) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2));
  const table = rows.map((r) => {
    const med = median(r.samples);
    const base = r.baseline ? byName.get(r.baseline) : undefined;
    const ratio = base ? med / median(base.samples) : undefined;
    return {
      scenario: r.name,
      n: r.samples.length,
      median: `${fmt(med)} ${r.unit}`,
      min: `${fmt(Math.min(...r.samples))} ${r.unit}`,
      max: `${fmt(Math.max(...r.samples))} ${r.unit}`,
      'vs baseline': ratio === undefined ? '' : `${ratio.toFixed(2)}× ${r.baseline}`,
      target: r.target ?? '',
    };
  });
  const cols = Object.keys(table[0]);
  const widths = cols.map((c) => Math.max(c.length, ...table.map((row) => String(row[c]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  console.log(line(cols));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of table) console.log(line(cols.map((c) => row[c])));
}
