// The indicator screens' own rules: who gets the write controls (the same answer as the server's
// rule, for every role and kind of indicator), the target that applies on a date, and what the
// value-entry grid sends for a row and checks before sending it.
import { mayManage, mayValidate, targetFor, type IndicatorValue } from '../../client/core/indicator-model';
import { summedTotal } from '../../server/indicators/latest';
import { totalsByPeriod, type Cell } from '../../server/indicators/totals';
import { mayManage as serverMayManage } from '../../server/indicators/access';
import { isBlank, localRowErrors, toValue, blankRow } from '../../client/views/indicators/grid-rows';
import type { Me } from '../../client/core/session';
import type { CurrentUser } from '../../server/http/types';

const PROG = 'prog-1';
const ORG = 'org-a';
const roles = ['admin', 'evaluator', 'partner', 'donor'] as const;
const scopes = [
  { name: 'a global series', programme: null, organisation: null },
  { name: "the programme's own", programme: { id: PROG, name: 'P' }, organisation: null },
  { name: "the user's organisation's", programme: { id: PROG, name: 'P' }, organisation: { id: ORG, name: 'A' } },
  { name: "another organisation's", programme: { id: PROG, name: 'P' }, organisation: { id: 'org-b', name: 'B' } },
  { name: "another programme's", programme: { id: 'prog-2', name: 'Q' }, organisation: null },
];

const client = (role: Me['role']): Me => ({ id: 'u', email: 'u@x', name: 'U', role, language: 'en', organisation: { id: ORG, name: 'A' }, programmes: [{ id: PROG, name: 'P' }], twoFactor: { enabled: false, required: false } });
const server = (role: Me['role']) => ({ id: 'u', email: 'u@x', role, organisationId: ORG, language: 'en', programmeIds: [PROG] }) as unknown as CurrentUser;

describe('who gets the write controls', () => {
  test.each(roles.flatMap((r) => scopes.map((s) => [r, s.name, s] as const)))('when the %s looks at %s indicator, then the client offers what the server allows', (role, _name, s) => {
    const expected = serverMayManage(server(role), { programme_id: s.programme?.id ?? null, organisation_id: s.organisation?.id ?? null });
    expect(mayManage(client(role), s)).toBe(expected);
  });

  test('when a partner may enter values, then she still may not validate them', () => {
    expect(mayManage(client('partner'), scopes[2])).toBe(true);
    expect(mayValidate(client('partner'), scopes[2])).toBe(false);
    expect(mayValidate(client('evaluator'), scopes[2])).toBe(true);
  });

  test('when nobody is logged in, then nothing may be changed', () => {
    expect(mayManage(null, scopes[0])).toBe(false);
  });
});

describe('targetFor', () => {
  const targets = [{ value: 12, date: '2027-12-31' }, { value: 8, date: '2025-12-31' }];
  test.each([
    ['2024-06-30', 8], ['2025-12-31', 8], ['2026-01-01', 12], ['2030-01-01', 12],
  ])('when the date is %s, then the target that applies is %d', (date, value) => {
    expect(targetFor(targets, date)?.value).toBe(value);
  });
  test('when there are no targets, then none applies', () => {
    expect(targetFor([], '2025-01-01')).toBeNull();
  });
});

describe('a grid row', () => {
  const row = { ...blankRow(), periodStart: '2024-01-01', periodEnd: '2024-06-30', value: '7.5', disaggregation: { country: 'ML' }, note: ' checked ' };

  test('when a row is untouched, then it is blank and not sent', () => {
    expect(isBlank(blankRow())).toBe(true);
    expect(isBlank({ ...blankRow(), disaggregation: { sex: 'female' } })).toBe(false);
  });

  test('when a row is sent, then its value is a number and empty parts are left out', () => {
    expect(toValue(row, false)).toEqual({ periodStart: '2024-01-01', periodEnd: '2024-06-30', value: 7.5, disaggregation: { country: 'ML' }, note: 'checked' });
    expect(toValue({ ...row, disaggregation: {}, note: '' }, true)).toEqual({ periodStart: '2024-01-01', periodEnd: '2024-06-30', value: 7.5, status: 'draft' });
  });

  test('when a row lacks its period or its number, then the browser says so before asking the server', () => {
    expect(localRowErrors(row)).toEqual([]);
    expect(localRowErrors({ ...row, periodEnd: '', value: '' }).map((e) => e.key)).toEqual(['periodEnd', 'value']);
    expect(localRowErrors({ ...row, value: '?' })).toEqual([{ key: 'value', message: 'must be number', code: 'type' }]);
  });

  test('when the period is in the wrong order, then the browser leaves the judgement to the server', () => {
    expect(localRowErrors({ ...row, periodEnd: '2023-12-31' })).toEqual([]);
  });
});

describe('totals from breakdowns (server/indicators/totals.ts)', () => {
  const v = (start: string, value: number, disaggregation: Record<string, string>, status: 'draft' | 'validated' = 'validated') => ({
    id: `${start}${JSON.stringify(disaggregation)}`, indicatorId: 'i', periodStart: start, periodEnd: `${start.slice(0, 4)}-12-31`, value, disaggregation,
    organisation: null, note: null, status, updatedAt: '',
  }) as IndicatorValue;
  const latestPerSeries = (values: IndicatorValue[]) => {
    const by = new Map<string, IndicatorValue>();
    for (const x of values) {
      const key = JSON.stringify(x.disaggregation);
      if (!by.has(key) || by.get(key)!.periodEnd < x.periodEnd) by.set(key, x);
    }
    return [...by.values()].map((x) => ({ disaggregation: x.disaggregation, latest: { periodStart: x.periodStart, periodEnd: x.periodEnd, value: x.value, status: x.status } }));
  };
  const byPeriod = (values: IndicatorValue[]) => {
    const periods = new Map<string, Cell[]>();
    for (const x of values) periods.set(x.periodStart, [...(periods.get(x.periodStart) ?? []), { disaggregation: x.disaggregation, value: x.value, draft: x.status === 'draft' }]);
    return periods;
  };

  test.each([
    ['one breakdown, complete', [v('2022-01-01', 5, { country: 'ML' }), v('2022-01-01', 3, { country: 'NE' }), v('2023-01-01', 12, { country: 'ML' }), v('2023-01-01', 8.5, { country: 'NE' }, 'draft')],
      [{ periodStart: '2022-01-01', value: 8, draft: false }, { periodStart: '2023-01-01', value: 20.5, draft: true }]],
    ['the coarsest of two breakdowns, a total cell left out', [v('2023-01-01', 12, { country: 'ML' }), v('2023-01-01', 8, { country: 'NE' }), v('2023-01-01', 7, { country: 'ML', sex: 'female' }), v('2023-01-01', 99, { country: 'ML', sex: 'total' })],
      [{ periodStart: '2023-01-01', value: 20, draft: false }]],
    ['a period with a cell missing', [v('2022-01-01', 5, { country: 'ML' }), v('2022-01-01', 3, { country: 'NE' }), v('2023-01-01', 9, { country: 'ML' })],
      [{ periodStart: '2022-01-01', value: 8, draft: false }]],
  ] as const)('%s: every period\'s total, and the latest one agrees with it', (_n, values, expected) => {
    const totals = [...totalsByPeriod(byPeriod([...values]), 'sum')].map(([periodStart, t]) => ({ periodStart, value: t.value, draft: t.draft, computed: t.computed }));
    expect(totals).toEqual(expected.map((e) => ({ ...e, computed: 'sum' })));
    // the latest total needs every cell's latest value in one period
    const latest = summedTotal(latestPerSeries([...values]));
    const last = totals[totals.length - 1];
    if (latest) expect({ periodStart: latest.periodStart, value: latest.value }).toEqual({ periodStart: last.periodStart, value: last.value });
    else expect(last.periodStart < [...values].map((x) => x.periodStart).sort().pop()!).toBe(true);
  });

  test('a reported total wins over the sum, and a different sum is flagged; shares are never summed', () => {
    const values = [v('2023-01-01', 21, {}), v('2023-01-01', 12, { country: 'ML' }), v('2023-01-01', 8, { country: 'NE' }), v('2024-01-01', 30, {}), v('2024-01-01', 10, { country: 'ML' })];
    expect(Object.fromEntries(totalsByPeriod(byPeriod(values), 'sum'))).toEqual({
      '2023-01-01': { value: 21, draft: false, breakdownSum: 20, differs: true },
      '2024-01-01': { value: 30, draft: false },
    });
    expect(Object.fromEntries(totalsByPeriod(byPeriod(values.slice(1, 3)), 'none'))).toEqual({});
  });
});
