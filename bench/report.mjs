// Reads figures (one JSON object a line: figure, values, budget, unit) from stdin
// and prints the `make bench` table: figure, median, min-max, budget, verdict.
import { createInterface } from 'node:readline';

const rows = [];
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.startsWith('{')) { if (line.trim()) console.error(line); continue; }
  rows.push(JSON.parse(line));
}
const fmt = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const table = rows.map(({ figure, values, budget, unit }) => {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const verdict = budget == null ? '' : median <= budget ? 'within' : 'OVER';
  return [figure, `${fmt(median)} ${unit}`, `${fmt(sorted[0])}-${fmt(sorted[sorted.length - 1])}`,
    budget == null ? '' : `${budget} ${unit}`, verdict, String(values.length)];
});
const head = ['figure', 'median', 'min-max', 'budget', 'verdict', 'runs'];
const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of table) console.log(line(r));
// The figures are the result; a figure over its budget is reported, not an error.
const over = table.filter((r) => r[4] === 'OVER').length;
console.log(`\n${table.length} figures, ${over} over budget`);
