// The dashboard aggregates: lane totals equal the outcome list's totals for the same caller,
// year- and month-precision outcomes land in the right cells at every bucket size, indicator
// values sit in the bucket of their period's end, and every aggregate honours visibility
// (confidential records are never counted: equality holds against sensitivity=public,restricted).
import { startTestApp, TestApp, Client } from '../helpers/app';
import { Crew, move, outcomeIn } from '../helpers/review';

let t: TestApp;
let p1: Client, p2: Client, p3: Client, ev: Client, evB: Client, donor: Client, donorB: Client, admin: Client;
let crew1: Crew, crew2: Crew, crew3: Crew;
const ids: Record<string, string> = {};

const at = (date: string) => ({ date, precision: date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day' });
const goals = (...codes: string[]) => codes.map((code, i) => ({ code, primary: i === 0 }));
const LIST_RULE = 'sensitivity=public,restricted';
const NAP = ['NL-IV-1', 'NL-IV-2', 'NL-IV-3', 'NL-IV-4', 'NL-IV-5'];

beforeAll(async () => {
  t = await startTestApp();
  [p1, p2, p3, ev, evB, donor, donorB, admin] = await Promise.all((['partner1', 'partner2', 'partner3', 'evaluator', 'evaluatorB', 'donor', 'donorB', 'admin'] as const).map((w) => t.as(w)));
  crew1 = { partner: p1, evaluator: ev };
  crew2 = { partner: p2, evaluator: ev };
  crew3 = { partner: p3, evaluator: evB };
  const make = async (key: string, crew: Crew, state: string, date: string, over: Record<string, unknown>) => {
    ids[key] = await outcomeIn(crew, state, { occurredOn: at(date), ...over });
  };
  await make('pubLane1', crew1, 'published', '2021-05', { goals: goals('NL-IV-1.3') });
  await make('pubYear', crew1, 'published', '2022', { goals: goals('NL-IV-2.1'), quadrant: 'GAW-NORMS' });
  await make('draft', crew1, 'draft', '2023-03-14', { goals: goals('NL-IV-1.1') });
  await make('restricted', crew1, 'submitted', '2024', { goals: goals('NL-IV-3.1'), sensitivity: 'restricted' });
  await make('review', crew1, 'under_review', '2025-07', { goals: goals('NL-IV-4.2') });
  await make('confidential', crew1, 'published', '2024-02', { goals: goals('NL-IV-1.1'), sensitivity: 'confidential', location: { country: 'ER' } });
  await make('twoSubgoals', crew1, 'published', '2023-08', { goals: goals('NL-IV-1.1', 'NL-IV-1.2'), positive: false, quadrant: 'GAW-CONSCIOUSNESS' });
  await make('p2draft', crew2, 'draft', '2022-06', { goals: goals('NL-IV-1.2'), location: { country: 'SD' } });
  await make('p2pub', crew2, 'published', '2026-01', { goals: goals('NL-IV-5.1'), location: { country: 'SD' } });
  await make('p2subst', crew2, 'substantiated', '2025', { goals: goals('NL-IV-3.2'), location: { country: 'SD' } });
  await make('p3pub', crew3, 'published', '2024-04', { goals: goals('NL-IV-1.3'), location: { country: 'NE' } });
  await make('before', crew1, 'published', '2020-11', { goals: goals('NL-IV-1') });
}, 120_000);
afterAll(() => t.close());

const listTotal = async (c: Client, query: string) => {
  const r = await c.get(`/api/outcomes?${query}&pageSize=1`);
  expect(r.status).toBe(200);
  return r.body.total as number;
};
const timeline = async (c: Client, query: string) => {
  const r = await c.get(`/api/dashboard/timeline?${query}`);
  expect(r.status).toBe(200);
  return r.body;
};
type Cell = { bucket: string; coarse?: boolean; outcomes: number; stories: number; fragments: number; negative: number; byStatus: Record<string, number> };
type Lane = { code: string; total: number; cells: Cell[] };
const sum = (lane: Lane) => lane.cells.reduce((s, c) => s + c.outcomes, 0);

describe('timeline: lane totals equal list totals (Done when)', () => {
  test('NAP1325-IV, 2021–2026, by quarter: partner, evaluator and donor each get their own, equal to the list', async () => {
    const answers: number[][] = [];
    for (const c of [p1, ev, donor]) {
      const tl = await timeline(c, 'framework=nap1325-nl-iv&from=2021&to=2026&bucket=quarter');
      expect(tl.buckets).toHaveLength(24);
      expect([tl.buckets[0], tl.buckets[23]]).toEqual(['2021-Q1', '2026-Q4']);
      expect(tl.goals.map((g: Lane) => g.code)).toEqual(NAP);
      const totals: number[] = [];
      for (const lane of tl.goals as Lane[]) {
        expect(sum(lane)).toBe(lane.total);
        expect(lane.total).toBe(await listTotal(c, `goal=${lane.code}&from=2021&to=2026&${LIST_RULE}`));
        totals.push(lane.total);
      }
      answers.push(totals);
    }
    expect(new Set(answers.map((a) => a.join())).size).toBe(3);
    expect(answers[2]).toEqual([2, 1, 0, 0, 1]); // the donor: published and public only
  });

  test('a confidential outcome is in its owner\'s list but in no aggregate', async () => {
    const lane = (await timeline(p1, 'goal=NL-IV-1&from=2021&to=2026')).goals[0];
    expect(await listTotal(p1, 'goal=NL-IV-1&from=2021&to=2026')).toBe(lane.total + 1);
    const adminLane = (await timeline(admin, 'goal=NL-IV-1&from=2021&to=2026')).goals[0];
    expect(adminLane.total).toBe(await listTotal(admin, `goal=NL-IV-1&from=2021&to=2026&${LIST_RULE}`));
  });

  test('an outcome tagged to two sub-goals counts once in their lane and once in each sub-goal lane', async () => {
    const tl = await timeline(ev, 'goal=NL-IV-1,NL-IV-1.1,NL-IV-1.2&from=2023&to=2023&bucket=year');
    expect(tl.goals.map((g: Lane) => [g.code, g.total])).toEqual([['NL-IV-1', 1], ['NL-IV-1.1', 1], ['NL-IV-1.2', 1]]);
    expect(tl.goals[0].cells[0]).toMatchObject({ bucket: '2023', outcomes: 1, negative: 1, byQuadrant: { 'GAW-CONSCIOUSNESS': 1 }, byStatus: { published: 1 } });
  });

  test('filters narrow lanes and list alike; bad parameters are refused', async () => {
    for (const q of ['country=SD', `programme=${t.world.programmes.A}`, 'status=published', 'quadrant=GAW-NORMS']) {
      const tl = await timeline(ev, `${q}&from=2021&to=2026`);
      for (const lane of tl.goals as Lane[]) expect(lane.total).toBe(await listTotal(ev, `goal=${lane.code}&${q}&from=2021&to=2026&${LIST_RULE}`));
    }
    expect((await ev.get('/api/dashboard/timeline?bucket=week')).status).toBe(400);
    expect((await ev.get('/api/dashboard/timeline?goal=NL-IV-9')).status).toBe(422);
    expect((await ev.get('/api/dashboard/timeline?from=2024&to=2021')).status).toBe(422);
    expect((await ev.get('/api/dashboard/timeline?from=1900&to=2100&bucket=month')).status).toBe(422);
    expect((await t.anon().get('/api/dashboard/timeline')).status).toBe(401);
  });
});

describe('timeline: dates of every precision land in the right cells (Done when)', () => {
  beforeAll(async () => {
    const gt = { location: { country: 'GT' }, goals: goals('NL-IV-2.2') };
    for (const date of ['2024', '2024-05', '2024-12-31']) await outcomeIn(crew1, 'draft', { ...gt, occurredOn: at(date) });
  });
  const cells = async (bucket: string, range = 'from=2024&to=2024') => {
    const tl = await timeline(p1, `goal=NL-IV-2&country=GT&${range}&bucket=${bucket}`);
    const lane: Lane = tl.goals[0];
    expect(lane.total).toBe(await listTotal(p1, `goal=NL-IV-2&country=GT&${range}&${LIST_RULE}`));
    return { buckets: tl.buckets as string[], got: Object.fromEntries(lane.cells.filter((c) => c.outcomes).map((c) => [`${c.bucket}${c.coarse ? '*' : ''}`, c.outcomes])) };
  };

  test('by month: the month, December, and the year-only outcome in a coarse cell labelled 2024 — never January', async () => {
    const { buckets, got } = await cells('month');
    expect(buckets).toHaveLength(12);
    expect(got).toEqual({ '2024-05': 1, '2024-12': 1, '2024*': 1 });
  });
  test('by quarter', async () => {
    expect((await cells('quarter')).got).toEqual({ '2024-Q2': 1, '2024-Q4': 1, '2024*': 1 });
  });
  test('by year: all three in 2024, nothing coarse', async () => {
    expect((await cells('year')).got).toEqual({ 2024: 3 });
  });
  test('a range that cuts the year leaves the year-only outcome out, as the list does', async () => {
    expect((await cells('month', 'from=2024-03&to=2024-12')).got).toEqual({ '2024-05': 1, '2024-12': 1 });
  });
  test('coarse cells carry the flag and a zero regular cell stays in place', async () => {
    const lane: Lane = (await timeline(p1, 'goal=NL-IV-2&country=GT&from=2024&to=2024&bucket=quarter')).goals[0];
    expect(lane.cells.map((c) => c.bucket)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2024']);
    expect(lane.cells[4]).toMatchObject({ coarse: true, outcomes: 1, byStatus: { draft: 1 } });
    expect(lane.cells[0]).not.toHaveProperty('coarse');
  });
});

describe('timeline: indicator values on the same axis', () => {
  test('a value sits in the bucket of its period end; drafts only for who may see them; other programmes never', async () => {
    const ind = await ev.post('/api/indicators', { code: 'DASH-1', name: 'Protection orders issued', unit: 'orders', direction: 'increase', goals: ['NL-IV-3.1'], disaggregations: ['country'], programmeId: t.world.programmes.A });
    expect(ind.status).toBe(201);
    const q = (start: string, end: string, value: number, status = 'validated') => ({ periodStart: start, periodEnd: end, value, status, disaggregation: { country: 'ML' } });
    await ev.post(`/api/indicators/${ind.body.id}/values`, [q('2024-01-01', '2024-03-31', 5), q('2024-04-01', '2024-06-30', 7), q('2024-07-01', '2024-09-30', 9, 'draft')]);
    const series = async (c: Client, bucket: string) => (await timeline(c, `from=2024&to=2024&bucket=${bucket}`)).indicators.find((i: { code: string }) => i.code === 'DASH-1');
    expect((await series(ev, 'quarter')).series).toEqual([{ disaggregation: { country: 'ML' }, values: [{ bucket: '2024-Q1', value: 5 }, { bucket: '2024-Q2', value: 7 }, { bucket: '2024-Q3', value: 9 }] }]);
    expect((await series(ev, 'year')).series[0].values).toEqual([{ bucket: '2024', value: 9 }]);
    expect((await series(donor, 'year')).series[0].values).toEqual([{ bucket: '2024', value: 7 }]);
    expect((await series(donor, 'month')).goals).toEqual(['NL-IV-3']);
    expect(await series(donorB, 'year')).toBeUndefined();
  });
});

describe('timeline: each indicator as a line (its total per bucket), the programme\'s first', () => {
  test('a breakdown that adds up makes the total of each bucket where it is complete; a reported total wins and a different sum is flagged; baseline and targets come along', async () => {
    const ind = await ev.post('/api/indicators', {
      code: 'DASH-SUM', name: 'Women on the committees', unit: 'women', direction: 'increase', goals: ['NL-IV-1.1'], disaggregations: ['country'],
      programmeId: t.world.programmes.A, aggregation: 'sum', wholeNumbers: true,
      baseline: { value: 6, date: '2023-01-01' }, targets: [{ value: 40, date: '2025-12-31' }],
    });
    expect(ind.status).toBe(201);
    const v = (start: string, end: string, value: number, disaggregation: Record<string, string> = {}) => ({ periodStart: start, periodEnd: end, value, status: 'validated', disaggregation });
    expect((await ev.post(`/api/indicators/${ind.body.id}/values`, [
      v('2023-01-01', '2023-06-30', 3, { country: 'ML' }), v('2023-01-01', '2023-06-30', 1, { country: 'NE' }),
      v('2023-07-01', '2023-12-31', 7, { country: 'ML' }), // Niger missing: no total for the half-year
      v('2024-01-01', '2024-06-30', 9, { country: 'ML' }), v('2024-01-01', '2024-06-30', 5, { country: 'NE' }), v('2024-01-01', '2024-06-30', 15),
    ])).status).toBe(201);
    const line = (await timeline(donor, 'from=2023&to=2024&bucket=quarter')).indicators.find((i: { code: string }) => i.code === 'DASH-SUM');
    expect(line).toMatchObject({
      programmeId: t.world.programmes.A, aggregation: 'sum', baseline: { value: 6, date: '2023-01-01' }, targets: [{ value: 40, date: '2025-12-31' }],
      total: [{ bucket: '2023-Q2', value: 4, computed: 'sum' }, { bucket: '2024-Q2', value: 15, differs: true }],
    });
  });

  test('the reader\'s programmes come before the global reference series, which say they belong to none', async () => {
    const global = await admin.post('/api/indicators', { code: 'DASH-GLOBAL', name: 'Seats held by women', unit: 'percent', direction: 'increase', goals: ['NL-IV-1'], aggregation: 'none' });
    expect(global.status).toBe(201);
    const order = (await timeline(donor, 'from=2023&to=2024&bucket=year')).indicators.map((i: { code: string; programmeId: string | null }) => [i.code, i.programmeId !== null]);
    const firstGlobal = order.findIndex(([, own]: [string, boolean]) => !own);
    expect(firstGlobal).toBeGreaterThan(0);
    expect(order.slice(firstGlobal).every(([, own]: [string, boolean]) => !own)).toBe(true);
    expect(order).toContainEqual(['DASH-GLOBAL', false]);
  });

  test('a range read from the data spans whole years, so a year\'s value is not cut off', async () => {
    const tl = await timeline(ev, 'framework=nap1325-nl-iv&bucket=year');
    expect(tl.from).toMatch(/-01-01$/);
    expect(tl.to).toMatch(/-12-31$/);
  });
});

describe('every aggregate honours visibility', () => {
  const range = 'from=2021&to=2026';
  test('transformation: per year and quadrant, totals equal the list per year', async () => {
    for (const c of [p1, p2, ev, donor, donorB]) {
      const r = await c.get(`/api/dashboard/transformation?${range}`);
      expect(r.status).toBe(200);
      expect(r.body.years).toEqual(['2021', '2022', '2023', '2024', '2025', '2026']);
      for (const y of r.body.totals) expect(y.outcomes).toBe(await listTotal(c, `framework=nap1325-nl-iv&from=${y.year}&to=${y.year}&${LIST_RULE}`));
    }
    const chosen = (await ev.get(`/api/dashboard/transformation?goal=NL-IV-1,NL-IV-1.1&${range}`)).body;
    for (const y of chosen.totals) expect(y.outcomes).toBe(await listTotal(ev, `goal=NL-IV-1,NL-IV-1.1&from=${y.year}&to=${y.year}&${LIST_RULE}`));
    expect(chosen.totals.find((y: { year: string }) => y.year === '2023')).toMatchObject({ outcomes: 1, byQuadrant: { 'GAW-CONSCIOUSNESS': 1 } });
    expect(chosen.totals.find((y: { year: string }) => y.year === '2021')).toMatchObject({ outcomes: 1, byQuadrant: { 'GAW-RULES': 1 } });
    const d = (await donor.get(`/api/dashboard/transformation?${range}`)).body;
    // one outcome is no share: its count shows, "too few for a share"
    expect(d.totals.find((y: { year: string }) => y.year === '2022')).toMatchObject({ byQuadrant: { 'GAW-NORMS': 1 }, n: 1, systemic: 1, formal: 0, systemicShare: null, formalShare: null, tooFew: true });
    expect(d.totals.find((y: { year: string }) => y.year === '2025')).toMatchObject({ outcomes: 0, n: 0, systemicShare: null, tooFew: false });
  });

  test('coverage: per goal, its subtree; substantiation from the conclusion; nothing unseen', async () => {
    for (const c of [p1, ev, donor, donorB]) {
      const r = await c.get('/api/dashboard/coverage?framework=nap1325-nl-iv');
      expect(r.status).toBe(200);
      for (const g of r.body.goals) expect(g.outcomes).toBe(await listTotal(c, `goal=${g.code}&${LIST_RULE}`));
    }
    const goal = async (c: Client, code: string) => (await c.get('/api/dashboard/coverage')).body.goals.find((g: { code: string }) => g.code === code);
    expect(await goal(ev, 'NL-IV-3')).toMatchObject({ outcomes: 2, substantiated: 1, pending: 1, substantiatedShare: 1 });
    expect(await goal(donor, 'NL-IV-3')).toMatchObject({ outcomes: 0, substantiatedShare: null });
    expect((await goal(donor, 'NL-IV-1')).children.find((g: { code: string }) => g.code === 'NL-IV-1.3')).toMatchObject({ outcomes: 1, substantiated: 1 });
    expect((await goal(ev, 'NL-IV-3')).indicators).toBeGreaterThanOrEqual(1);
    expect((await goal(donorB, 'NL-IV-3')).indicators).toBe(0);
  });

  test('map: per country and focus region, equal to the list; the confidential one nowhere', async () => {
    for (const c of [p1, p2, ev, donor, donorB, admin]) {
      const r = await c.get(`/api/dashboard/map?${range}`);
      expect(r.status).toBe(200);
      expect(r.body.total).toBe(await listTotal(c, `${range}&${LIST_RULE}`));
      expect(r.body.countries.find((x: { country: string }) => x.country === 'ER')).toBeUndefined();
      const sahel = r.body.regions.find((x: { code: string }) => x.code === 'sahel');
      expect(sahel.outcomes).toBe(await listTotal(c, `${range}&country=${sahel.countries.join(',')}&${LIST_RULE}`));
    }
    const donorMap = (await donor.get(`/api/dashboard/map?${range}`)).body;
    expect(donorMap.countries).toEqual(expect.arrayContaining([expect.objectContaining({ country: 'SD', outcomes: 1 })]));
    expect((await donorB.get(`/api/dashboard/map?${range}`)).body.countries).toEqual([expect.objectContaining({ country: 'NE', outcomes: 1 })]);
  });

  test('pathways: only links whose two ends the caller counts', async () => {
    const link = async (from: string, to: string) => expect((await ev.post(`/api/outcomes/${ids[from]}/links`, { targetId: ids[to], relation: 'contributes_to' })).status).toBe(201);
    await link('pubLane1', 'twoSubgoals');
    await link('twoSubgoals', 'review');
    await link('pubYear', 'confidential');
    const graph = async (c: Client) => (await c.get('/api/dashboard/pathways')).body as { nodes: Array<{ id: string }>; links: Array<{ sourceId: string; targetId: string }> };
    const ev1 = await graph(ev);
    const pairs = (g: typeof ev1) => g.links.map((l) => `${l.sourceId}>${l.targetId}`).sort();
    expect(pairs(ev1)).toEqual([`${ids.pubLane1}>${ids.twoSubgoals}`, `${ids.twoSubgoals}>${ids.review}`].sort());
    expect(ev1.nodes.map((n) => n.id).sort()).toEqual([ids.pubLane1, ids.twoSubgoals, ids.review].sort());
    // each node with the conclusion it stands on, for its colour
    const conclusionOf = (id: string) => (ev1.nodes as Array<{ id: string; conclusion: string | null }>).find((n) => n.id === id)?.conclusion;
    expect([conclusionOf(ids.pubLane1), conclusionOf(ids.review)]).toEqual(['substantiated', null]);
    const d = await graph(donor);
    expect(d.links).toHaveLength(1);
    expect(d.nodes.map((n) => n.id)).not.toContain(ids.review);
    expect((await graph(donorB)).links).toEqual([]);
    expect((await graph(admin)).links).toHaveLength(2);
    expect((await ev.get('/api/dashboard/pathways?goal=NL-IV-4')).body.links).toEqual([]);
  });
});

describe('stories and fragments beside the outcomes', () => {
  const created: Record<string, string> = {};
  beforeAll(async () => {
    const story = await p1.post('/api/stories', {
      title: 'The market women of Sévaré', story: 'Now we sit on the market committee.', whySignificant: 'Before, nobody asked us.',
      domain: 'any-other-change', collectedBy: 'Fatou Canary', collectedOn: '2024-05-10', location: { country: 'BF' }, language: 'fr',
      storyteller: { role: 'trader', ageBand: '25-34', gender: 'female' }, consent: { level: 'anonymous', method: 'verbal', givenOn: '2024-05-10', recordedBy: 'Fatou Canary' },
      goals: [{ code: 'NL-IV-2.2', primary: true }], sensitivity: 'public',
    });
    expect(story.status).toBe(201);
    created.story = story.body.id;
    const source = await p1.post('/api/sources', { title: 'Focus group, Ouahigouya', type: 'focus_group', year: 2024, confidentiality: 'public', programmeId: t.world.programmes.A });
    expect(source.status).toBe(201);
    const fragment = await p1.post('/api/fragments', { sourceId: source.body.id, excerpt: 'The committee now meets with us.', language: 'fr', location: { country: 'BF' }, goals: [{ code: 'NL-IV-2.2', primary: true }], sensitivity: 'public' });
    expect(fragment.status).toBe(201);
    created.fragment = fragment.body.id;
  });
  const lane = async (c: Client, bucket: string) => (await timeline(c, `goal=NL-IV-2&country=BF&from=2024&to=2024&bucket=${bucket}`)).goals[0] as Lane;
  const filled = (l: Lane) => l.cells.filter((c) => c.stories || c.fragments).map((c) => [`${c.bucket}${c.coarse ? '*' : ''}`, c.stories, c.fragments]);

  test('a story by the day it was collected; a fragment by its source year, coarse in a quarter view', async () => {
    expect(filled(await lane(p1, 'quarter'))).toEqual([['2024-Q2', 1, 0], ['2024*', 0, 1]]);
    expect(filled(await lane(p1, 'year'))).toEqual([['2024', 1, 1]]);
  });

  test('drafts count for their organisation only; once published, for the donor too; per goal and per country as well', async () => {
    expect(filled(await lane(donor, 'year'))).toEqual([]);
    expect(filled(await lane(p2, 'year'))).toEqual([]);
    for (const [kind, id] of [['stories', created.story], ['fragments', created.fragment]]) {
      expect((await p1.post(`/api/${kind}/${id}/transitions`, { to: 'submitted' })).status).toBe(200);
      expect((await ev.post(`/api/${kind}/${id}/transitions`, { to: 'published' })).status).toBe(200);
    }
    expect(filled(await lane(donor, 'year'))).toEqual([['2024', 1, 1]]);
    expect(filled(await lane(donorB, 'year'))).toEqual([]);
    const cov = (await donor.get('/api/dashboard/coverage')).body.goals.find((g: { code: string }) => g.code === 'NL-IV-2');
    expect(cov).toMatchObject({ stories: 1, fragments: 1 });
    const bf = (await donor.get('/api/dashboard/map')).body.countries.find((x: { country: string }) => x.country === 'BF');
    expect(bf).toMatchObject({ stories: 1, fragments: 1 });
    expect((await donorB.get('/api/dashboard/map')).body.countries.find((x: { country: string }) => x.country === 'BF')).toBeUndefined();
  });
});

describe('the counts follow the goal tree and every change of an outcome', () => {
  test('a goal moved to another parent takes its outcomes along; edits and transitions show at once', async () => {
    const tree = (moved: boolean) => ({
      id: 'dash-test', name: 'Dashboard test framework',
      goals: [{ code: 'DT-1', name: 'One', children: moved ? [] : [{ code: 'DT-1.1', name: 'Sub' }] }, { code: 'DT-2', name: 'Two', children: moved ? [{ code: 'DT-1.1', name: 'Sub' }] : [] }],
    });
    expect((await admin.post('/api/frameworks', tree(false))).status).toBe(201);
    const id = await outcomeIn(crew1, 'draft', { goals: goals('NL-IV-2.2', 'DT-1.1'), occurredOn: at('2025-02'), location: { country: 'KE' } });
    const totals = async () => (await timeline(p1, 'framework=dash-test&from=2025&to=2025&bucket=year')).goals.map((g: Lane) => g.total);
    expect(await totals()).toEqual([1, 0]);
    expect((await admin.post('/api/frameworks', tree(true))).status).toBe(201);
    expect(await totals()).toEqual([0, 1]);
    expect(await listTotal(p1, 'goal=DT-2&from=2025&to=2025')).toBe(1);
    const edited = await p1.patch(`/api/outcomes/${id}`, { goals: goals('NL-IV-2.2'), occurredOn: at('2024') });
    expect(edited.status).toBe(200);
    expect(await totals()).toEqual([0, 0]);
    const cells = async (c: Client) => (await timeline(c, 'goal=NL-IV-2&country=KE&from=2024&to=2024&bucket=quarter')).goals[0].cells.filter((x: Cell) => x.outcomes);
    expect(await cells(p1)).toEqual([expect.objectContaining({ bucket: '2024', coarse: true, byStatus: { draft: 1 } })]);
    expect(await cells(ev)).toEqual([]);
    expect((await p1.post(`/api/outcomes/${id}/transitions`, { to: 'submitted' })).status).toBe(200);
    expect(await cells(ev)).toEqual([expect.objectContaining({ byStatus: { submitted: 1 } })]);
  });
});

describe('colour by conclusion: what an outcome stands on, for marks and counts alike', () => {
  const ML = { location: { country: 'ML' }, goals: goals('NL-IV-5.2'), occurredOn: at('2026-03') };
  beforeAll(async () => {
    const partly = await outcomeIn(crew1, 'partly_substantiated', ML);
    await move(ev, partly, 'published');
    await outcomeIn(crew1, 'published', ML);
    await outcomeIn(crew1, 'not_substantiated', ML);
    await outcomeIn(crew1, 'under_review', ML);
    const reopened = await outcomeIn(crew1, 'published', ML);
    await move(ev, reopened, 'under_review'); // taken back: no longer concluded
  });
  const listed = async (c: Client) => (await c.get('/api/outcomes?goal=NL-IV-5&country=ML&from=2026&to=2026&pageSize=100')).body.items as Array<{ status: string; conclusion: string | null }>;
  const byConclusion = async (c: Client) => {
    const cells = (await timeline(c, 'goal=NL-IV-5&country=ML&from=2026&to=2026&bucket=year')).goals[0].cells as Array<{ byConclusion: Record<string, number> }>;
    return cells.reduce((all, cell) => { for (const [k, n] of Object.entries(cell.byConclusion)) all[k] = (all[k] ?? 0) + n; return all; }, {} as Record<string, number>);
  };

  test('the list and the outcome carry the conclusion: the state while concluded, the last one once published, null before', async () => {
    const got = (await listed(ev)).map((o) => `${o.status}:${o.conclusion}`).sort();
    expect(got).toEqual(['not_substantiated:not_substantiated', 'published:partly_substantiated', 'published:substantiated', 'under_review:null', 'under_review:null']);
    const one = (await listed(donor)).find((o) => o.conclusion === 'partly_substantiated') as unknown as { id: string };
    expect((await donor.get(`/api/outcomes/${one.id}`)).body.conclusion).toBe('partly_substantiated');
  });

  test('the timeline counts by the same conclusion; a donor has no pending and no state of work in progress', async () => {
    expect(await byConclusion(ev)).toEqual({ partly_substantiated: 1, substantiated: 1, not_substantiated: 1, pending: 2 });
    expect(await byConclusion(donor)).toEqual({ partly_substantiated: 1, substantiated: 1 });
    expect((await listed(donor)).map((o) => o.conclusion).sort()).toEqual(['partly_substantiated', 'substantiated']);
  });

  test('coverage counts the same conclusions; partly is half of a share over the concluded, and work in review stays out of it', async () => {
    const node = async (c: Client) => (await c.get('/api/dashboard/coverage?country=ML&from=2026&to=2026')).body.goals
      .find((g: { code: string }) => g.code === 'NL-IV-5').children.find((g: { code: string }) => g.code === 'NL-IV-5.2');
    expect(await node(ev)).toMatchObject({ outcomes: 5, substantiated: 1, partlySubstantiated: 1, notSubstantiated: 1, pending: 2, substantiatedShare: 0.5 });
    expect(await node(donor)).toMatchObject({ outcomes: 2, substantiated: 1, partlySubstantiated: 1, notSubstantiated: 0, pending: 0, substantiatedShare: 0.75 });
  });
});

// last in the file: these add and change records
describe('transformation periods', () => {
  const range = 'from=2021&to=2026';
  test('transformation: years pooled give periods whose counts are the sums of their years; a share needs five classified outcomes', async () => {
    // the partner's own drafts, which she sees: three in 2021 and two in 2022, too few in either year, enough together
    for (const [date, quadrant] of [['2021-02', 'GAW-RULES'], ['2021-03', 'GAW-NORMS'], ['2021-04', 'GAW-RULES'], ['2022-02', 'GAW-CONSCIOUSNESS'], ['2022-03', 'GAW-RULES']]) {
      await outcomeIn(crew1, 'draft', { occurredOn: at(date), goals: goals('NL-IV-2.2'), quadrant });
    }
    const single = (await p1.get(`/api/dashboard/transformation?${range}`)).body;
    const pooled = await p1.get(`/api/dashboard/transformation?${range}&pool=3`);
    expect(pooled.status).toBe(200);
    expect(pooled.body).toMatchObject({ pool: 3, minForShare: 5 });
    expect(pooled.body.totals.map((p: { year: string; to: string }) => `${p.year}-${p.to}`)).toEqual(['2021-2023', '2024-2026']);
    type Period = { year: string; outcomes: number; n: number; systemic: number; systemicShare: number | null };
    for (const p of pooled.body.totals as Period[]) {
      const part = (single.totals as Period[]).filter((y) => y.year >= p.year && Number(y.year) < Number(p.year) + 3);
      expect(p.outcomes).toBe(part.reduce((a, y) => a + y.outcomes, 0));
      expect(p.systemic).toBe(part.reduce((a, y) => a + y.systemic, 0));
      expect(p.systemicShare).toBe(p.n >= 5 ? Math.round((p.systemic / p.n) * 1000) / 1000 : null);
    }
    expect((pooled.body.totals as Period[]).some((p) => p.systemicShare !== null)).toBe(true);
    for (const bad of ['0', '6', 'all']) expect((await p1.get(`/api/dashboard/transformation?pool=${bad}`)).status).toBe(400);
  });

  test('transformation: an outcome in no quadrant counts as unclassified, outside the shares', async () => {
    const before = (await ev.get(`/api/dashboard/transformation?${range}`)).body.totals;
    const [row] = await t.ctx.db('outcomes').where({ quadrant: 'GAW-NORMS', status: 'published', sensitivity: 'public' }).orderBy('id').limit(1).select('id', 'occurred_date');
    await t.ctx.db('outcomes').where({ id: row.id }).update({ quadrant: 'not-classified' });
    try {
      const after = (await ev.get(`/api/dashboard/transformation?${range}`)).body.totals;
      const year = String(row.occurred_date).slice(0, 4);
      const [b, a] = [before, after].map((ts) => ts.find((y: { year: string }) => y.year === year));
      expect(a).toMatchObject({ outcomes: b.outcomes, unclassified: b.unclassified + 1, n: b.n - 1 });
    } finally {
      await t.ctx.db('outcomes').where({ id: row.id }).update({ quadrant: 'GAW-NORMS' });
    }
  });
});
