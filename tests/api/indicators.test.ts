// Indicators and their values: who may record and enter what, bulk values all or nothing with
// every bad row named, who sees drafts, progress against baseline and target, and the demo
// reference series (alpha-3 → alpha-2, period labels → dates).
import { startTestApp, TestApp, Client } from '../helpers/app';
import { outcomeBody } from '../helpers/fixtures';
import { periodOfLabel, seedReferenceIndicators } from '../../seeds/demo-reference-indicators';

let t: TestApp;
let p1: Client, p2: Client, ev: Client, evB: Client, donor: Client, donorB: Client, admin: Client;
beforeAll(async () => {
  t = await startTestApp();
  [p1, p2, ev, evB, donor, donorB, admin] = await Promise.all((['partner1', 'partner2', 'evaluator', 'evaluatorB', 'donor', 'donorB', 'admin'] as const).map((w) => t.as(w)));
});
afterAll(() => t.close());

let seq = 0;
const indicatorBody = (over: Record<string, unknown> = {}) => ({
  code: `T-${++seq}`, name: 'Women in local peace committees', unit: 'women', direction: 'increase',
  goals: ['NL-IV-1.1'], disaggregations: ['country', 'sex'], baseline: { value: 10, date: '2021-01-01' },
  targets: [{ value: 30, date: '2024-12-31' }, { value: 50, date: '2026-12-31' }], ...over,
});
async function newIndicator(c: Client, over: Record<string, unknown> = {}) {
  const r = await c.post('/api/indicators', indicatorBody(over));
  if (r.status !== 201) throw new Error(`create failed: ${r.status} ${r.text}`);
  return r.body as { id: string; code: string };
}
const value = (year: number, v: unknown, over: Record<string, unknown> = {}) => ({ periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, value: v, ...over });
const valueCount = async (id: string) => Number((await t.ctx.db('indicator_values').where({ indicator_id: id }).count({ n: '*' }))[0].n);
const paths = (r: { body: { errors: Array<{ path: string }> } }) => r.body.errors.map((e) => e.path);

describe('recording indicators', () => {
  test('global by an admin, a programme\'s by its evaluator, a partner\'s own; donors never', async () => {
    const global = await admin.post('/api/indicators', indicatorBody());
    expect(global.status).toBe(201);
    expect(global.body).toMatchObject({ programme: null, organisation: null, direction: 'increase', baseline: { value: 10, date: '2021-01-01' } });
    const prog = await ev.post('/api/indicators', indicatorBody({ programmeId: t.world.programmes.A }));
    expect(prog.status).toBe(201);
    expect(prog.body.programme.id).toBe(t.world.programmes.A);
    const own = await p1.post('/api/indicators', indicatorBody({ programmeId: t.world.programmes.A }));
    expect(own.status).toBe(201);
    expect(own.body.organisation.id).toBe(t.world.orgs.p1);
    expect((await donor.post('/api/indicators', indicatorBody())).body.code).toBe('forbidden');
  });

  test.each([
    ['an evaluator outside the programme', 'evaluatorB', { programmeId: 'A' }, '/programmeId'],
    ['an evaluator without a programme', 'evaluator', {}, '/programmeId'],
    ['a partner of another programme', 'partner3', { programmeId: 'A' }, '/programmeId'],
    ['an unknown goal', 'admin', { goals: ['NL-IV-9.9'] }, '/goals/0'],
    ['a target before the baseline', 'admin', { targets: [{ value: 5, date: '2020-01-01' }] }, '/targets'],
  ] as const)('when %s, then 422 naming the field', async (_n, who, over, path) => {
    const body = { ...over, ...('programmeId' in over ? { programmeId: t.world.programmes.A } : {}) };
    const r = await (await t.as(who)).post('/api/indicators', indicatorBody(body));
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 422, code: 'unprocessable' });
    expect(paths(r)).toContain(path);
  });

  test('a code is unique (409); "n/a" is not a number (400)', async () => {
    const i = await newIndicator(admin);
    expect((await admin.post('/api/indicators', indicatorBody({ code: i.code }))).status).toBe(409);
    const bad = await admin.post('/api/indicators', indicatorBody({ baseline: { value: 'n/a', date: '2021-01-01' } }));
    expect(bad.status).toBe(400);
    expect(paths(bad)).toContain('/baseline/value');
  });

  test('programme indicators are seen by that programme only; donors get no author', async () => {
    const i = await newIndicator(ev, { programmeId: t.world.programmes.A });
    expect((await evB.get(`/api/indicators/${i.id}`)).status).toBe(404);
    expect((await donorB.get(`/api/indicators/${i.id}`)).status).toBe(404);
    const seen = await donor.get(`/api/indicators/${i.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).not.toHaveProperty('createdBy');
    expect((await ev.get(`/api/indicators/${i.id}`)).body.createdBy).toBe(t.world.users.evaluator);
    expect((await donorB.get('/api/indicators?pageSize=200')).body.items.map((x: { id: string }) => x.id)).not.toContain(i.id);
    expect((await donor.get('/api/indicators?goal=NL-IV-1&pageSize=200')).body.items.map((x: { id: string }) => x.id)).toContain(i.id);
  });

  test('revising writes a revision and an audit entry; others may not; retiring hides it', async () => {
    const i = await newIndicator(p1, { programmeId: t.world.programmes.A });
    expect((await p2.patch(`/api/indicators/${i.id}`, { name: 'mine' })).status).toBe(403);
    const r = await ev.patch(`/api/indicators/${i.id}`, { targets: [{ value: 45, date: '2026-12-31' }] });
    expect(r.status).toBe(200);
    expect(r.body.targets).toEqual([{ value: 45, date: '2026-12-31' }]);
    const revs = await p1.get(`/api/indicators/${i.id}/revisions`);
    expect(revs.body.items[0].changes[0].field).toBe('targets');
    expect(await t.ctx.db('audit_log').where({ entity_id: i.id }).pluck('action')).toEqual(expect.arrayContaining(['indicator.create', 'indicator.update']));
    // a source address and an IATI measure, once set, can be cleared again (null)
    expect((await ev.patch(`/api/indicators/${i.id}`, { sourceUrl: 'https://example.org/survey', iatiMeasure: 1 })).body).toMatchObject({ sourceUrl: 'https://example.org/survey', iatiMeasure: 1 });
    const cleared = await ev.patch(`/api/indicators/${i.id}`, { sourceUrl: null, iatiMeasure: null });
    expect(cleared.status).toBe(200);
    expect([cleared.body.sourceUrl ?? null, cleared.body.iatiMeasure ?? null]).toEqual([null, null]);
    expect((await p1.delete(`/api/indicators/${i.id}`)).status).toBe(204);
    expect((await p1.get(`/api/indicators/${i.id}`)).status).toBe(404);
    expect((await admin.get(`/api/indicators/${i.id}`)).body.retiredAt).toEqual(expect.any(String));
  });
});

describe('entering values', () => {
  test('when one row of a bulk entry is not a number, then 400 naming /1/value and nothing is saved', async () => {
    const i = await newIndicator(admin);
    const r = await admin.post(`/api/indicators/${i.id}/values`, [value(2021, 12), value(2022, 'n/a'), value(2023, 14)]);
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 400, code: 'validation_failed' });
    expect(paths(r)).toEqual(['/1/value']);
    expect(await valueCount(i.id)).toBe(0);
  });

  test('when rows break domain rules, then 422 naming every bad row and field, and nothing is saved', async () => {
    const i = await newIndicator(admin);
    const r = await admin.post(`/api/indicators/${i.id}/values`, [
      value(2021, 12, { disaggregation: { country: 'ML' } }),
      value(2022, 13, { disaggregation: { country: 'XX' } }),
      { periodStart: '2023-12-31', periodEnd: '2023-01-01', value: 14 },
      value(2024, 15, { disaggregation: { district: 'Mopti' } }),
      value(2021, 16, { disaggregation: { country: 'ML' } }),
    ]);
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 422, code: 'unprocessable' });
    expect(paths(r)).toEqual(['/1/disaggregation/country', '/2/periodEnd', '/3/disaggregation/district', '/4']);
    expect(await valueCount(i.id)).toBe(0);
  });

  test('a good batch is saved whole (201); entering it again is a conflict naming each row', async () => {
    const i = await newIndicator(admin);
    const rows = [value(2021, 12), value(2022, 13.5, { disaggregation: { country: 'ML', sex: 'female' }, note: 'survey' }), value(2023, 0)];
    const r = await admin.post(`/api/indicators/${i.id}/values`, rows);
    expect(r.status).toBe(201);
    expect(r.body.total).toBe(3);
    expect(r.body.items[1]).toMatchObject({ value: 13.5, disaggregation: { country: 'ML', sex: 'female' }, status: 'draft', note: 'survey' });
    const again = await admin.post(`/api/indicators/${i.id}/values`, [value(2024, 1), ...rows]);
    expect(again.status).toBe(409);
    expect(paths(again)).toEqual(['/1', '/2', '/3']);
    const one = await admin.post(`/api/indicators/${i.id}/values`, value(2025, 20));
    expect(one.status).toBe(201);
    expect(one.body).toMatchObject({ periodEnd: '2025-12-31', value: 20 });
    expect(await valueCount(i.id)).toBe(4);
  });

  test('admins any indicator, evaluators their programme\'s, partners their own organisation\'s', async () => {
    const global = await newIndicator(admin);
    const progA = await newIndicator(ev, { programmeId: t.world.programmes.A });
    const ownP1 = await newIndicator(p1, { programmeId: t.world.programmes.A });
    const cases: Array<[Client, string, number]> = [
      [admin, progA.id, 201], [ev, progA.id, 201], [ev, ownP1.id, 201], [p1, ownP1.id, 201],
      [ev, global.id, 403], [p1, global.id, 403], [p1, progA.id, 403], [p2, ownP1.id, 403], [evB, progA.id, 404], [donor, progA.id, 403],
    ];
    let year = 2000;
    for (const [c, id, status] of cases) expect((await c.post(`/api/indicators/${id}/values`, [value(++year, 1)])).status).toBe(status);
  });

  test('partners enter drafts only; evaluators validate; drafts stay with the reporter and the evaluators', async () => {
    const i = await newIndicator(p1, { programmeId: t.world.programmes.A });
    const refused = await p1.post(`/api/indicators/${i.id}/values`, [value(2021, 1), value(2022, 2, { status: 'validated' })]);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'forbidden' });
    expect(paths(refused)).toEqual(['/1/status']);
    const made = await p1.post(`/api/indicators/${i.id}/values`, [value(2021, 11), value(2022, 12)]);
    const [a, b] = made.body.items as Array<{ id: string }>;
    const seen = async (c: Client) => (await c.get(`/api/indicators/${i.id}/values`)).body.total;
    expect([await seen(p1), await seen(ev), await seen(p2), await seen(donor)]).toEqual([2, 2, 0, 0]);
    expect((await ev.patch(`/api/indicators/${i.id}/values/${a.id}`, { status: 'validated' })).body.status).toBe('validated');
    expect([await seen(p2), await seen(donor)]).toEqual([1, 1]);
    expect((await donor.get(`/api/indicators/${i.id}/values`)).body.items[0]).not.toHaveProperty('createdBy');
    expect((await p1.patch(`/api/indicators/${i.id}/values/${a.id}`, { value: 99 })).status).toBe(409);
    expect((await p1.patch(`/api/indicators/${i.id}/values/${b.id}`, { status: 'validated' })).status).toBe(403);
    expect((await p1.patch(`/api/indicators/${i.id}/values/${b.id}`, { value: 13 })).body.value).toBe(13);
    const revs = await t.ctx.db('revisions').where({ entity_type: 'indicator_value', entity_id: b.id });
    expect(JSON.parse(revs[0].changes)).toEqual([{ field: 'value', old: 12, new: 13 }]);
    expect((await p1.delete(`/api/indicators/${i.id}/values/${a.id}`)).status).toBe(409);
    expect((await p1.delete(`/api/indicators/${i.id}/values/${b.id}`)).status).toBe(204);
    expect(await seen(p1)).toBe(1);
  });

  test('a breakdown in use cannot be dropped from the indicator', async () => {
    const i = await newIndicator(admin);
    await admin.post(`/api/indicators/${i.id}/values`, [value(2021, 1, { disaggregation: { sex: 'female' } })]);
    const r = await admin.patch(`/api/indicators/${i.id}`, { disaggregations: ['country'] });
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 422, code: 'unprocessable' });
    expect(paths(r)).toEqual(['/disaggregations']);
    expect((await admin.patch(`/api/indicators/${i.id}`, { disaggregations: ['sex'] })).status).toBe(200);
  });

  test('a breakdown value keeps one spelling: "Segou" beside "Ségou" is refused with the spelling in use', async () => {
    const i = await newIndicator(admin, { disaggregations: ['region', 'age'] });
    expect((await admin.post(`/api/indicators/${i.id}/values`, [value(2021, 4, { disaggregation: { region: 'Ségou' } }), value(2021, 3, { disaggregation: { region: 'Mopti' } })])).status).toBe(201);
    const r = await admin.post(`/api/indicators/${i.id}/values`, [
      value(2022, 5, { disaggregation: { region: 'Segou' } }), value(2022, 2, { disaggregation: { region: 'MOPTI' } }),
      value(2022, 1, { disaggregation: { region: 'Kayes' } }), value(2023, 1, { disaggregation: { region: 'kayes ' } }),
      value(2022, 1, { disaggregation: { age: '15-49' } }), value(2023, 1, { disaggregation: { age: '15 49' } }),
    ]);
    expect(r.status).toBe(422);
    expect(r.body.errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`)).toEqual([
      '/0/disaggregation/region spelling', '/1/disaggregation/region spelling', '/3/disaggregation/region spelling', '/5/disaggregation/age spelling',
    ]);
    expect(r.body.errors[0].message).toContain('"Ségou"');
    expect(await valueCount(i.id)).toBe(2);
    // a new place is a new value; correcting the only value that used a spelling is not a clash with itself
    const kayes = await admin.post(`/api/indicators/${i.id}/values`, [value(2022, 1, { disaggregation: { region: 'Kayes' } })]);
    expect(kayes.status).toBe(201);
    expect((await admin.patch(`/api/indicators/${i.id}/values/${kayes.body.items[0].id}`, { disaggregation: { region: 'Kayès' } })).status).toBe(200);
  });

  test('values are filtered by whole period, status and country', async () => {
    const i = await newIndicator(admin);
    await admin.post(`/api/indicators/${i.id}/values`, [value(2021, 1, { disaggregation: { country: 'ML' } }), value(2022, 2), { periodStart: '2022-07-01', periodEnd: '2023-06-30', value: 3 }]);
    const total = async (q: string) => (await admin.get(`/api/indicators/${i.id}/values?${q}`)).body.total;
    expect(await total('from=2022&to=2022')).toBe(1);
    expect(await total('from=2022&to=2023')).toBe(2);
    expect(await total('country=ML')).toBe(1);
    expect(await total('status=validated')).toBe(0);
    expect((await admin.get(`/api/indicators/${i.id}/values?from=2022-13`)).status).toBe(400);
  });
});

describe('progress', () => {
  test('the latest actual against baseline and the target due, with the outcomes of the same goals in that period', async () => {
    const i = await newIndicator(ev, { programmeId: t.world.programmes.A, goals: ['NL-IV-1'] });
    await ev.post(`/api/indicators/${i.id}/values`, [value(2022, 15, { status: 'validated' }), value(2023, 20, { status: 'validated' }), value(2024, 26)]);
    const o = await p1.post('/api/outcomes', outcomeBody({ occurredOn: { date: '2023-05', precision: 'month' } }));
    expect(o.status).toBe(201);
    const mine = await p1.get(`/api/indicators/${i.id}/progress`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ latest: { value: 20, periodEnd: '2023-12-31' }, target: { value: 30, date: '2024-12-31' }, progress: 0.5, achieved: false });
    const own = await ev.get(`/api/indicators/${i.id}/progress`);
    expect(own.body).toMatchObject({ latest: { value: 26, status: 'draft' }, progress: 0.8 });
    expect(mine.body.outcomes.items.map((x: { id: string }) => x.id)).toContain(o.body.id);
    for (const c of [p1, ev, donor]) {
      const p = (await c.get(`/api/indicators/${i.id}/progress`)).body;
      expect(p.outcomes.total).toBe((await c.get(`/api/outcomes?${p.outcomes.query}`)).body.total);
    }
    expect((await donor.get(`/api/indicators/${i.id}/progress`)).body.outcomes.items.map((x: { id: string }) => x.id)).not.toContain(o.body.id);
    expect((await evB.get(`/api/indicators/${i.id}/progress`)).status).toBe(404);
  });
});

test('a breakdown is not measured against the targets of the whole (a share of the way per breakdown said "−47 %")', async () => {
  const i = await newIndicator(ev, { programmeId: t.world.programmes.A, disaggregations: ['sex'] });
  await ev.post(`/api/indicators/${i.id}/values`, [value(2023, 10, { status: 'validated', disaggregation: { sex: 'male' } }), value(2023, 14, { status: 'validated', disaggregation: { sex: 'female' } }), value(2023, 24, { status: 'validated' })]);
  const p = (await ev.get(`/api/indicators/${i.id}/progress`)).body;
  expect(p).toMatchObject({ latest: { value: 24 }, progress: expect.any(Number) });
  const parts = p.series.filter((s: { disaggregation: object }) => Object.keys(s.disaggregation).length);
  expect(parts.map((s: { target: unknown; progress: unknown; achieved: unknown }) => [s.target, s.progress, s.achieved])).toEqual([[null, null, null], [null, null, null]]);
});

describe('totals from breakdowns, as the indicator declares them', () => {
  const byCountry = (year: number, ml: number, ne: number, status = 'validated') => [
    value(year, ml, { disaggregation: { country: 'ML' }, status }), value(year, ne, { disaggregation: { country: 'NE' }, status }),
  ];
  test('a count refuses 19.5, alone or in a batch, and cannot be declared whole while a value is a fraction', async () => {
    const i = await newIndicator(ev, { programmeId: t.world.programmes.A, wholeNumbers: true });
    expect((await ev.get(`/api/indicators/${i.id}`)).body).toMatchObject({ wholeNumbers: true, aggregation: 'sum' });
    const one = await ev.post(`/api/indicators/${i.id}/values`, value(2023, 19.5));
    expect({ status: one.status, errors: one.body.errors }).toEqual({ status: 422, errors: [expect.objectContaining({ path: '/value', code: 'not_whole' })] });
    const batch = await ev.post(`/api/indicators/${i.id}/values`, [value(2022, 19), value(2023, 19.5)]);
    expect(paths(batch)).toEqual(['/1/value']);
    expect(await valueCount(i.id)).toBe(0);
    const share = await newIndicator(ev, { programmeId: t.world.programmes.A, unit: 'percent', aggregation: 'none' });
    expect((await ev.post(`/api/indicators/${share.id}/values`, value(2023, 19.5))).status).toBe(201);
    const declared = await ev.patch(`/api/indicators/${share.id}`, { wholeNumbers: true });
    expect({ status: declared.status, path: paths(declared) }).toEqual({ status: 422, path: ['/wholeNumbers'] });
  });

  test('breakdowns that add up give the total, and progress is measured on it; where they do not, there is none', async () => {
    const counted = await newIndicator(ev, { programmeId: t.world.programmes.A, wholeNumbers: true });
    await ev.post(`/api/indicators/${counted.id}/values`, [...byCountry(2022, 5, 3), ...byCountry(2023, 12, 8)]);
    const p = (await donor.get(`/api/indicators/${counted.id}/progress`)).body;
    // baseline 10, target 30 due 2024: 20 is half way
    expect(p).toMatchObject({ latest: { value: 20, periodEnd: '2023-12-31', status: 'validated', computed: 'sum' }, progress: 0.5, achieved: false, totalCheck: null });
    const listed = (await donor.get(`/api/indicators?code=${counted.code}`)).body.items[0];
    expect(listed.latest).toEqual(p.latest);
    // the line of the indicator page: a total for every period, by the same rule
    expect(p.totals).toEqual([
      { periodStart: '2022-01-01', periodEnd: '2022-12-31', value: 8, draft: false, computed: 'sum' },
      { periodStart: '2023-01-01', periodEnd: '2023-12-31', value: 20, draft: false, computed: 'sum' },
    ]);
    // for one country, its own cell is its total
    expect((await donor.get(`/api/indicators/${counted.id}/progress?country=ML`)).body.totals.map((x: { value: number }) => x.value)).toEqual([5, 12]);
    const shares = await newIndicator(ev, { programmeId: t.world.programmes.A, unit: 'percent', aggregation: 'none' });
    await ev.post(`/api/indicators/${shares.id}/values`, byCountry(2023, 40, 60));
    expect((await donor.get(`/api/indicators/${shares.id}/progress`)).body).toMatchObject({ latest: null, progress: null });
    expect((await donor.get(`/api/indicators?code=${shares.code}`)).body.items[0]).toMatchObject({ latest: null, seriesRange: { count: 2, min: 40, max: 60 } });
  });

  test('a reported total wins over the sum, and a difference is flagged', async () => {
    const i = await newIndicator(ev, { programmeId: t.world.programmes.A });
    await ev.post(`/api/indicators/${i.id}/values`, [...byCountry(2023, 12, 8), value(2023, 25, { status: 'validated' })]);
    const p = (await ev.get(`/api/indicators/${i.id}/progress`)).body;
    expect(p).toMatchObject({ latest: { value: 25 }, totalCheck: { breakdownSum: 20, differs: true } });
    expect(p.totals).toEqual([expect.objectContaining({ value: 25, breakdownSum: 20, differs: true })]);
    expect(p.latest.computed).toBeUndefined();
  });

  test('a breakdown reported for only some of its cells in the latest period gives no total', async () => {
    const i = await newIndicator(ev, { programmeId: t.world.programmes.A });
    await ev.post(`/api/indicators/${i.id}/values`, [...byCountry(2022, 5, 3), value(2023, 9, { disaggregation: { country: 'ML' }, status: 'validated' })]);
    expect((await ev.get(`/api/indicators/${i.id}/progress`)).body).toMatchObject({ latest: null, progress: null });
  });
});

describe('the latest value on a list page', () => {
  test('each item carries the latest headline value, or the range of its series, as its progress says, for each reader', async () => {
    const headline = await newIndicator(ev, { programmeId: t.world.programmes.A });
    await ev.post(`/api/indicators/${headline.id}/values`, [value(2022, 15, { status: 'validated' }), value(2023, 20, { status: 'validated' }), value(2024, 26)]);
    const split = await newIndicator(ev, { programmeId: t.world.programmes.A });
    await ev.post(`/api/indicators/${split.id}/values`, [
      value(2022, 3, { disaggregation: { country: 'ML' }, status: 'validated' }), value(2023, 7, { disaggregation: { country: 'ML' }, status: 'validated' }),
      value(2023, 11, { disaggregation: { country: 'NE' }, status: 'validated' }), value(2024, 40, { disaggregation: { country: 'NE' } }),
    ]);
    const empty = await newIndicator(ev, { programmeId: t.world.programmes.A });
    const codes = [headline, split, empty].map((i) => i.code).join(',');
    const listed = async (c: Client) => {
      const r = await c.get(`/api/indicators?code=${codes}`);
      expect(r.status).toBe(200);
      return new Map((r.body.items as Array<{ id: string; latest: unknown; seriesRange: unknown }>).map((i) => [i.id, i]));
    };
    const asEvaluator = await listed(ev);
    expect(asEvaluator.get(headline.id)).toMatchObject({ latest: { value: 26, periodEnd: '2024-12-31', status: 'draft' }, seriesRange: null });
    expect(asEvaluator.get(split.id)).toMatchObject({ latest: null, seriesRange: { count: 2, min: 7, max: 40 } });
    expect(asEvaluator.get(empty.id)).toMatchObject({ latest: null, seriesRange: null });
    // a donor sees validated values only, in the list as in the progress
    const asDonor = await listed(donor);
    expect(asDonor.get(headline.id)).toMatchObject({ latest: { value: 20, status: 'validated' } });
    expect(asDonor.get(split.id)).toMatchObject({ seriesRange: { count: 2, min: 7, max: 11 } });
    for (const [c, items] of [[ev, asEvaluator], [p1, await listed(p1)], [donor, asDonor]] as const) {
      for (const i of [headline, split, empty]) {
        const p = (await c.get(`/api/indicators/${i.id}/progress`)).body as { latest: unknown; series: Array<{ latest: { value: number } }> };
        expect(items.get(i.id)!.latest).toEqual(p.latest);
        if (!p.latest) expect(items.get(i.id)!.seriesRange).toEqual(p.series.length ? { count: p.series.length, min: Math.min(...p.series.map((s) => s.latest.value)), max: Math.max(...p.series.map((s) => s.latest.value)) } : null);
      }
    }
  });
});

describe('demo reference series', () => {
  test('period labels become start and end dates', () => {
    expect(periodOfLabel('2006')).toEqual({ start: '2006-01-01', end: '2006-12-31' });
    expect(periodOfLabel('2017/18')).toEqual({ start: '2017-01-01', end: '2018-12-31' });
    expect(periodOfLabel('1999/00')).toEqual({ start: '1999-01-01', end: '2000-12-31' });
    expect(periodOfLabel('1990-2000')).toEqual({ start: '1990-01-01', end: '2000-12-31' });
    expect(periodOfLabel('2015-2016')).toEqual({ start: '2015-01-01', end: '2016-12-31' });
    expect(periodOfLabel('n/a')).toBeUndefined();
  });

  test('they load as global indicators with alpha-2 countries, and loading twice changes nothing', async () => {
    await seedReferenceIndicators(t.ctx.db);
    await seedReferenceIndicators(t.ctx.db);
    const parl = (await donor.get('/api/indicators?code=SDG-5.5.1a-PARL')).body.items[0];
    expect(parl).toMatchObject({ programme: null, goals: expect.arrayContaining(['NL-IV-1']), disaggregations: expect.arrayContaining(['country']) });
    const mali = await donor.get(`/api/indicators/${parl.id}/values?country=ML&from=2021&to=2021`);
    expect(mali.body.items).toEqual([expect.objectContaining({ periodStart: '2021-01-01', periodEnd: '2021-12-31', status: 'validated', disaggregation: { country: 'ML' } })]);
    const wpsi = (await donor.get('/api/indicators?code=WPSI-SCORE')).body.items[0];
    const edition = await donor.get(`/api/indicators/${wpsi.id}/values?country=SY&from=2017&to=2018`);
    expect(edition.body.items[0]).toMatchObject({ periodStart: '2017-01-01', periodEnd: '2018-12-31' });
    const gender = (await donor.get('/api/indicators?code=WPS-PA-GENDER')).body.items[0];
    expect((await donor.get(`/api/indicators/${gender.id}/values?from=1990&to=2000`)).body.items[0]).toMatchObject({ value: 11, periodEnd: '2000-12-31' });
    expect(Number((await t.ctx.db('indicators').where({ code: 'SDG-5.5.1a-PARL' }).count({ n: '*' }))[0].n)).toBe(1);
  });
});
