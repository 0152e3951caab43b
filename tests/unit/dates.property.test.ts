// Dates known to a day, a month or a year (server/domain/dates.ts), checked as properties over
// every calendar date of the supported range, not a handful of examples.
import fc from 'fast-check';
import { boundOf, periodOf, Precision } from '../../server/domain/dates';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** A real calendar day between 1900 and 2200, as y, m, d. */
const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true })
  .map((t) => ({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() }));
const iso = (x: { y: number; m: number; d: number }, p: Precision) =>
  (p === 'year' ? `${x.y}` : p === 'month' ? `${x.y}-${pad(x.m)}` : `${x.y}-${pad(x.m)}-${pad(x.d)}`);
const precision = fc.constantFrom<Precision>('day', 'month', 'year');

test('a day is its own period; a month runs from the 1st to its last day; a year from 1 January to 31 December', () => {
  fc.assert(fc.property(day, (x) => {
    expect(periodOf(iso(x, 'day'), 'day')).toEqual({ start: iso(x, 'day'), end: iso(x, 'day') });
    expect(periodOf(iso(x, 'month'), 'month')).toEqual({ start: `${x.y}-${pad(x.m)}-01`, end: `${x.y}-${pad(x.m)}-${pad(daysIn(x.y, x.m))}` });
    expect(periodOf(iso(x, 'year'), 'year')).toEqual({ start: `${x.y}-01-01`, end: `${x.y}-12-31` });
  }), { numRuns: 1000 });
});

test('periods nest: the day lies in its month, the month in its year', () => {
  fc.assert(fc.property(day, (x) => {
    const [d, m, y] = (['day', 'month', 'year'] as const).map((p) => periodOf(iso(x, p), p)!);
    return y.start <= m.start && m.start <= d.start && d.end <= m.end && m.end <= y.end;
  }), { numRuns: 1000 });
});

test('ISO text order is time order, so the database compares periods as strings', () => {
  fc.assert(fc.property(day, day, (a, b) => {
    const ta = Date.UTC(a.y, a.m - 1, a.d);
    const tb = Date.UTC(b.y, b.m - 1, b.d);
    return Math.sign(ta - tb) === Math.sign(iso(a, 'day').localeCompare(iso(b, 'day')));
  }), { numRuns: 1000 });
});

test('a date must have exactly the shape of its precision', () => {
  fc.assert(fc.property(day, precision, precision, (x, written, claimed) => {
    const p = periodOf(iso(x, written), claimed);
    return written === claimed ? p !== undefined : p === undefined;
  }), { numRuns: 1000 });
});

test('days and months that do not exist, and years out of range, are refused', () => {
  fc.assert(fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 99 }), (y, m, d) => {
    const ok = d <= daysIn(y, m);
    return (periodOf(`${y}-${pad(m)}-${pad(d)}`, 'day') !== undefined) === ok;
  }), { numRuns: 1000 });
  fc.assert(fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 0, max: 99 }), (y, m) =>
    (periodOf(`${y}-${pad(m)}`, 'month') !== undefined) === (m >= 1 && m <= 12)));
  fc.assert(fc.property(fc.integer({ min: 0, max: 9999 }), (y) => (periodOf(pad(y, 4), 'year') !== undefined) === (y >= 1900 && y <= 2200)));
});

test('a from/to bound is the first or last day of the period it names, and from ≤ to', () => {
  fc.assert(fc.property(day, precision, (x, p) => {
    const v = iso(x, p);
    const period = periodOf(v, p)!;
    expect(boundOf(v, 'from')).toBe(period.start);
    expect(boundOf(v, 'to')).toBe(period.end);
    return boundOf(v, 'from')! <= boundOf(v, 'to')!;
  }), { numRuns: 1000 });
});

test('the matching rule: a record matches from=v&to=v exactly when it is as precise as v and lies in it', () => {
  // DESIGN.md: a dated record matches when its whole known period lies within from/to. Said
  // otherwise: the record is at least as precise as v, and its date cut to v's precision is v.
  const rank = { day: 0, month: 1, year: 2 };
  fc.assert(fc.property(day, precision, day, precision, fc.boolean(), (r, rp, f, fp, same) => {
    const record = periodOf(iso(r, rp), rp)!;
    const v = same ? iso(r, fp) : iso(f, fp); // often the record's own period, else anywhere
    const matches = record.start >= boundOf(v, 'from')! && record.end <= boundOf(v, 'to')!;
    return matches === (rank[rp] <= rank[fp] && iso(r, fp) === v);
  }), { numRuns: 3000 });
});

test('anything else is not a bound', () => {
  fc.assert(fc.property(fc.string({ maxLength: 12 }), (s) => {
    const b = boundOf(s, 'from');
    return b === undefined || /^\d{4}-\d{2}-\d{2}$/.test(b);
  }), { numRuns: 2000 });
});
