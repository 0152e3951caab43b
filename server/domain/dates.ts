// Dates known to a day, a month or a year. A record keeps its precision; for filtering and
// counting it covers its whole known period [start, end].
export type Precision = 'day' | 'month' | 'year';

const SHAPE: Record<Precision, RegExp> = { year: /^\d{4}$/, month: /^\d{4}-\d{2}$/, day: /^\d{4}-\d{2}-\d{2}$/ };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The period a date of this precision covers, or undefined when the date does not match it. */
export function periodOf(date: string, precision: Precision): { start: string; end: string } | undefined {
  if (!SHAPE[precision]?.test(date)) return undefined;
  const [y, m, d] = date.split('-').map(Number);
  if (y < 1900 || y > 2200) return undefined;
  if (precision === 'year') return { start: `${y}-01-01`, end: `${y}-12-31` };
  if (m < 1 || m > 12) return undefined;
  if (precision === 'month') return { start: `${y}-${pad(m)}-01`, end: `${y}-${pad(m)}-${pad(lastDay(y, m))}` };
  if (d < 1 || d > lastDay(y, m)) return undefined;
  return { start: date, end: date };
}

/** A from/to filter value (2024, 2024-03 or 2024-03-12) as the first or last day it names. */
export function boundOf(value: string, side: 'from' | 'to'): string | undefined {
  const precision: Precision = value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day';
  const p = periodOf(value, precision);
  return p && (side === 'from' ? p.start : p.end);
}
