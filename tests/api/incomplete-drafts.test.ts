// A draft may be incomplete (DESIGN.md, Lifecycle): an outcome or a story saves with a title at
// least; its submission checks completeness and answers 422 `incomplete`, one entry in `errors` per
// missing element. What a draft lacks is answered as null, stays out of what others read, and can
// be filled in edit by edit; the rule itself is published for the client (GET /api/rules).
import { startTestApp, TestApp, Client } from '../helpers/app';
import { outcomeBody } from '../helpers/fixtures';
import { storyBody } from '../helpers/stories';

let t: TestApp;
let p1: Client, p2: Client, ev: Client, donor: Client;
beforeAll(async () => {
  t = await startTestApp();
  [p1, p2, ev, donor] = await Promise.all((['partner1', 'partner2', 'evaluator', 'donor'] as const).map((w) => t.as(w)));
});
afterAll(() => t.close());

const OUTCOME_MISSING = ['/description', '/socialActor/name', '/socialActor/type', '/changeType', '/quadrant', '/occurredOn', '/location/country', '/significance', '/contribution', '/positive', '/intended', '/sensitivity', '/language', '/goals'];
const pathsOf = (r: { body: { errors: Array<{ path: string }> } }) => r.body.errors.map((e) => e.path).sort();

describe('outcomes', () => {
  test('when a partner saves a draft with only a title, then it is kept, with what it lacks as null and what it needs listed', async () => {
    const r = await p1.post('/api/outcomes', { title: 'The council heard the women of Sévaré' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      status: 'draft', title: 'The council heard the women of Sévaré', description: null, changeType: null, quadrant: null, occurredOn: null,
      socialActor: { name: null, type: null }, location: { country: null }, positive: null, intended: null, sensitivity: null, language: null, goals: [],
      can: { edit: true, transitions: [{ to: 'submitted', comment: false }] },
    });
    expect([...r.body.missing].sort()).toEqual([...OUTCOME_MISSING].sort());
    expect((await p1.get(`/api/outcomes/${r.body.id}`)).body.title).toBe('The council heard the women of Sévaré');
    expect((await p1.get('/api/outcomes?status=draft&pageSize=200')).body.items.some((o: { id: string }) => o.id === r.body.id)).toBe(true);
  });

  test('when it is submitted, then 422 incomplete names each missing element, and it stays a draft', async () => {
    const { body: draft } = await p1.post('/api/outcomes', { title: 'A draft to be submitted too soon', description: 'The council opened its meetings to women.', socialActor: { name: 'Village council of Sévaré' } });
    const r = await p1.post(`/api/outcomes/${draft.id}/transitions`, { to: 'submitted' });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('incomplete');
    expect(pathsOf(r)).toEqual(OUTCOME_MISSING.filter((p) => !['/description', '/socialActor/name'].includes(p)).sort());
    expect(r.body.errors.every((e: { code: string }) => e.code === 'missing')).toBe(true);
    expect((await p1.get(`/api/outcomes/${draft.id}`)).body.status).toBe('draft');
    expect(await t.ctx.db('transitions').where({ entity_id: draft.id, to_status: 'submitted' }).first()).toBeUndefined();
  });

  test('when the rest is filled in, edit by edit, then it submits; an empty narrative is missing too', async () => {
    const { body: draft } = await p1.post('/api/outcomes', { title: 'Filled in over two visits' });
    const { title: _title, description: _d, ...rest } = outcomeBody();
    expect((await p1.patch(`/api/outcomes/${draft.id}`, rest)).status).toBe(200);
    const empty = await p1.patch(`/api/outcomes/${draft.id}`, { description: '' });
    expect(empty.status).toBe(200);
    expect(empty.body.missing).toEqual(['/description']);
    const early = await p1.post(`/api/outcomes/${draft.id}/transitions`, { to: 'submitted' });
    expect([early.status, early.body.code, pathsOf(early)]).toEqual([422, 'incomplete', ['/description']]);
    expect((await p1.patch(`/api/outcomes/${draft.id}`, { description: 'The council opened its meetings to women.' })).body.missing).toEqual([]);
    expect((await p1.post(`/api/outcomes/${draft.id}/transitions`, { to: 'submitted' })).status).toBe(200);
    // once submitted it stays complete: an evaluator's edit cannot empty it
    expect((await ev.post(`/api/outcomes/${draft.id}/transitions`, { to: 'under_review' })).status).toBe(200);
    const emptied = await ev.patch(`/api/outcomes/${draft.id}`, { description: '' });
    expect([emptied.status, emptied.body.code, pathsOf(emptied)]).toEqual([422, 'incomplete', ['/description']]);
  });

  test("when a draft's actor has a name but no type yet, then the name is sealed as a person's would be, and others never read it", async () => {
    const { body: draft } = await p1.post('/api/outcomes', { title: 'An actor not yet typed', socialActor: { name: 'Aminata Traoré' } });
    const row = await t.ctx.db('outcomes').where({ id: draft.id }).first();
    expect(row.social_actor_name).toBeNull();
    expect(row.social_actor_name_enc).toBeTruthy();
    expect(JSON.stringify(row)).not.toContain('Aminata');
    expect((await p1.get(`/api/outcomes/${draft.id}`)).body.socialActor).toEqual({ name: 'Aminata Traoré', type: null });
    for (const c of [p2, donor]) expect((await c.get(`/api/outcomes/${draft.id}`)).status).toBe(404);
  });

  test('the rule is published as data: the completeness of each kind and the moves of its lifecycle', async () => {
    const r = await p1.get('/api/rules');
    expect(r.status).toBe(200);
    expect(r.body.completeness.outcome.required).toEqual(expect.arrayContaining(['/title', '/description', '/socialActor/name', '/socialActor/type', '/location/country', '/goals']));
    expect(r.body.completeness.story.required).toEqual(expect.arrayContaining(['/title', '/story', '/domain', '/location/country']));
    expect(r.body.lifecycles.outcome.submitted).toMatchObject({ from: ['draft'] });
    expect(r.body.lifecycles.story.published.from).toEqual(['submitted']);
  });
});

describe('stories', () => {
  test('when a partner saves a story with only a title, then it is kept; its submission names what is missing', async () => {
    const r = await p1.post('/api/stories', { title: 'What the widows of Sévaré told us' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'draft', story: null, domain: null, location: { country: null }, goals: [], sensitivity: null });
    const submit = await p1.post(`/api/stories/${r.body.id}/transitions`, { to: 'submitted' });
    expect([submit.status, submit.body.code]).toEqual([422, 'incomplete']);
    expect(pathsOf(submit)).toEqual(['/collectedBy', '/collectedOn', '/domain', '/goals', '/language', '/location/country', '/sensitivity', '/story', '/storyteller', '/whySignificant']);
    const { title: _title, consent: _consent, ...rest } = storyBody(); // consent has its own route
    expect((await p1.patch(`/api/stories/${r.body.id}`, rest)).status).toBe(200);
    expect((await p1.post(`/api/stories/${r.body.id}/transitions`, { to: 'submitted' })).status).toBe(200);
  });
});

describe('every read takes an incomplete draft in its stride', () => {
  test('when a partner has drafts with only a title in a harvest, then lists, search, exports, dashboards, chains and the harvest report answer, and name nothing they lack', async () => {
    const harvest = await ev.post('/api/harvests', { programmeId: t.world.programmes.A, title: 'Harvest with early drafts' });
    const outcome = (await p1.post('/api/outcomes', { title: 'Zebrafinch draft outcome', harvestId: harvest.body.id })).body;
    const story = (await p1.post('/api/stories', { title: 'Zebrafinch draft story', harvestId: harvest.body.id })).body;
    expect([outcome.status, story.status]).toEqual(['draft', 'draft']);
    const reads = [
      '/api/outcomes?pageSize=200', '/api/outcomes?q=zebrafinch', '/api/outcomes?sort=occurredOn', '/api/stories?pageSize=200', '/api/stories?q=zebrafinch',
      '/api/search?q=zebrafinch', '/api/exports/outcomes.csv', '/api/exports/outcomes.json', '/api/exports/outcomes.xlsx', '/api/exports/stories.csv',
      '/api/dashboard/timeline', '/api/dashboard/timeline?bucket=year', '/api/dashboard/transformation', '/api/dashboard/coverage', '/api/dashboard/map', '/api/dashboard/pathways',
      `/api/outcomes/${outcome.id}/chain`, `/api/harvests/${harvest.body.id}`,
    ];
    for (const path of reads) {
      const r = await p1.get(path);
      expect([path, r.status]).toEqual([path, 200]);
      expect([path, r.text.includes('"null"') || /\bundefined\b|NaN|Invalid Date/.test(r.text)]).toEqual([path, false]);
    }
    // a sensitivity not chosen yet is read as the strictest: out of exports, like a confidential record
    const exported = () => p1.get('/api/exports/outcomes.csv').then((r) => r.text.split(/\r?\n/).filter((l) => l.includes('Zebrafinch')));
    expect(await exported()).toEqual([]);
    await p1.patch(`/api/outcomes/${outcome.id}`, { sensitivity: 'restricted' });
    const [line] = await exported();
    expect(line).toContain('Zebrafinch draft outcome');
    expect(line).not.toMatch(/null|undefined|NaN/);
    for (const path of [`/api/harvests/${harvest.body.id}/report.md`, `/api/harvests/${harvest.body.id}/report.html`]) {
      const r = await ev.get(path);
      expect([path, r.status]).toEqual([path, 200]);
      expect(r.text).not.toMatch(/\bnull\b|\bundefined\b|NaN|Invalid Date/);
    }
  });
});

