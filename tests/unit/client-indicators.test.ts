// The indicator screens' own rules: who gets the write controls (the same answer as the server's
// rule, for every role and kind of indicator), the target that applies on a date, and what the
// value-entry grid sends for a row and checks before sending it.
import { mayManage, mayValidate, targetFor } from '../../client/core/indicator-model';
import { mayManage as serverMayManage } from '../../server/indicators/access';
import { isBlank, localRowErrors, toValue, blankRow } from '../../client/views/indicator-grid-rows';
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
