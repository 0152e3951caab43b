// The client's own rules: an outcome's period by precision (who may make which move is the server's
// `can`, tests/api/can.test.ts), what the form
// checks before asking the server, the dashboards' period rule and buckets, drafts kept on the
// device, and routing.
import { periodOf, type Outcome } from '../../client/core/outcome-model';
import { localErrors } from '../../client/views/outcomes/form';
import { missingIn } from '../../client/core/rules';
import { rulesOf } from '../../server/rules/rules';
import { createAjv, Validator } from '../../server/http/validation';
import { blankOutcome, draftBody, toInput } from '../../client/core/outcome-model';
import { bucketRange, laneMembership } from '../../client/dashboard/data';
import { clearDraft, draftKeys, loadDraft, saveDraft } from '../../client/core/draft-store';
import { match, route } from '../../client/core/router';

const iso = (d: Date) => d.toISOString().slice(0, 10);

describe('periodOf', () => {
  test.each([
    [{ date: '2024-03-18', precision: 'day' as const }, ['2024-03-18', '2024-03-18']],
    [{ date: '2024-02', precision: 'month' as const }, ['2024-02-01', '2024-02-29']],
    [{ date: '2023', precision: 'year' as const }, ['2023-01-01', '2023-12-31']],
  ])('when the date is %o, then it stands for %o', (on, [a, b]) => {
    expect(periodOf(on).map(iso)).toEqual([a, b]);
  });
});

describe('localErrors (the form\u2019s own checks, by the rules the server publishes)', () => {
  // what GET /api/rules answers: the client reads it instead of keeping its own list
  const required = rulesOf(new Validator(createAjv())).completeness.outcome.required;
  test('when the form is empty, then every required field is named by its JSON pointer', () => {
    const paths = localErrors(blankOutcome('en'), required).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/title', '/description', '/socialActor/name', '/changeType', '/occurredOn', '/location/country', '/significance', '/contribution', '/quadrant', '/goals']));
  });
  test('when a month-precision date is a day, then the date is refused', () => {
    const o = { ...blankOutcome('en'), occurredOn: { date: '2024-03-18', precision: 'month' as const } };
    expect(localErrors(o, required).map((e) => e.path)).toContain('/occurredOn/date');
  });
  test('when a draft is saved rather than submitted, then only its title is needed; the form is still checked', () => {
    expect(localErrors(blankOutcome('en')).map((e) => e.path)).toEqual(['/title']);
    const o = { ...blankOutcome('en'), title: 'A title', occurredOn: { date: '2024-03-18', precision: 'month' as const } };
    expect(localErrors(o).map((e) => e.path)).toEqual(['/occurredOn/date']);
  });
  test('missingIn: when a pointer names an absent, null, blank or empty value, then it is missing; under an absent parent too', () => {
    expect(missingIn({ a: '', b: [], c: null, d: { e: ' ' }, f: false, g: 0 }, ['/a', '/b', '/c', '/d/e', '/f', '/g', '/h/i'])).toEqual(['/a', '/b', '/c', '/d/e', '/h/i']);
  });
  test('when a draft is sent, then the codes, date, country and name it lacks are left out, not sent empty; read back, its nulls are the blanks', () => {
    const body = draftBody({ ...blankOutcome('fr'), title: 'A title', location: { country: '', adminArea: 'Mopti' } });
    expect(body).not.toHaveProperty('changeType');
    expect(body).not.toHaveProperty('quadrant');
    expect(body).not.toHaveProperty('occurredOn');
    expect(body.location).toEqual({ adminArea: 'Mopti' });
    expect(body.socialActor).toEqual({ type: 'community' });
    expect(body).toMatchObject({ title: 'A title', language: 'fr', goals: [] });
    const draft = { title: 'A title', description: null, socialActor: { name: null, type: null }, changeType: null, quadrant: null, occurredOn: null,
      location: { country: null }, significance: null, contribution: null, positive: null, intended: null, sensitivity: null, language: null, goals: [], harvestId: null } as unknown as Outcome;
    expect(toInput(draft, 'ar')).toMatchObject({ description: '', socialActor: { name: '', type: 'community' }, changeType: '', occurredOn: { date: '', precision: 'day' }, location: { country: '' }, positive: true, language: 'ar' });
  });
  test('when a link has no address, then its url is named', () => {
    const o = { ...blankOutcome('en'), evidence: [{ kind: 'link' as const, title: 'x' }] };
    expect(localErrors(o).map((e) => e.path)).toContain('/evidence/0/url');
  });
});

describe('the dashboards\u2019 buckets', () => {
  test('bucketRange: when a bucket is a quarter, a month or a year, then it spans it', () => {
    expect(bucketRange('2024-Q2').map(iso)).toEqual(['2024-04-01', '2024-06-30']);
    expect(bucketRange('2024-02').map(iso)).toEqual(['2024-02-01', '2024-02-29']);
    expect(bucketRange('2021').map(iso)).toEqual(['2021-01-01', '2021-12-31']);
  });
  test('laneMembership: when an outcome is tagged to a sub-goal, then it is in its top goal\u2019s lane', () => {
    const lanes = [{ code: 'G1', name: '', children: [{ code: 'G1.1', name: '', children: [] }] }, { code: 'G2', name: '', children: [] }];
    expect(laneMembership(lanes)({ goals: [{ code: 'G1.1' }, { code: 'X' }] })).toEqual(['G1']);
  });
});

describe('drafts kept on the device', () => {
  const store = new Map<string, string>();
  const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k),
    key: (i: number) => [...store.keys()][i] ?? null, get length() { return store.size; }, clear: () => store.clear() } as Storage;
  test('when a draft is kept, then it comes back for the same user only, and is gone once cleared', () => {
    saveDraft('u1', 'outcome:new', { title: 'kept' }, undefined, storage);
    expect(loadDraft<{ title: string }>('u1', 'outcome:new', storage)?.value.title).toBe('kept');
    expect(loadDraft('u2', 'outcome:new', storage)).toBeNull();
    expect(draftKeys('u1', storage)).toEqual(['outcome:new']);
    clearDraft('u1', 'outcome:new', storage);
    expect(loadDraft('u1', 'outcome:new', storage)).toBeNull();
  });
  test('when storage refuses to write, then saving says so instead of failing', () => {
    const full = { ...storage, setItem: () => { throw new Error('quota'); } } as Storage;
    expect(saveDraft('u1', 'k', {}, undefined, full)).toBe(false);
  });
});

test('routing: when a path has parameters, then they are decoded; unknown paths do not match', () => {
  route('/things/:id/edit', 'thing-edit', () => document.createElement('div'));
  expect(match('/things/a%20b/edit')).toMatchObject({ params: { id: 'a b' } });
  expect(match('/things/a/b/edit')).toBeNull();
});
