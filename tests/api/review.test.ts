// Issue 4, the review: harvests, the lifecycle as partner, evaluator, donor and a partner of
// another organisation, every illegal transition, the thread, history, notifications, chains and
// the harvest's summary.
import { startTestApp, TestApp, Client } from '../helpers/app';
import { askSubstantiator, Crew, enterAnswer, move, newHarvest, newOutcome, outcomeIn } from '../helpers/review';

let t: TestApp;
let p1: Client, p1b: Client, p2: Client, p3: Client, ev: Client, evB: Client, donor: Client, admin: Client;
let crew: Crew;
beforeAll(async () => {
  t = await startTestApp();
  [p1, p1b, p2, p3, ev, evB, donor, admin] = await Promise.all((['partner1', 'partner1b', 'partner2', 'partner3', 'evaluator', 'evaluatorB', 'donor', 'admin'] as const).map((w) => t.as(w)));
  crew = { partner: p1, evaluator: ev };
});
afterAll(() => t.close());

const STATES = ['draft', 'submitted', 'under_review', 'substantiated', 'partly_substantiated', 'not_substantiated', 'published', 'retracted'];
const LEGAL: Record<string, string[]> = {
  draft: ['submitted'],
  submitted: ['draft', 'under_review', 'retracted'],
  under_review: ['draft', 'substantiated', 'partly_substantiated', 'not_substantiated', 'retracted'],
  substantiated: ['under_review', 'published', 'retracted'],
  partly_substantiated: ['under_review', 'published', 'retracted'],
  not_substantiated: ['under_review', 'published', 'retracted'],
  published: ['under_review', 'retracted'],
  retracted: [],
};

describe('harvests', () => {
  test('when the evaluator designs a harvest, then the programme reads it and others get 404', async () => {
    const r = await ev.post('/api/harvests', { programmeId: t.world.programmes.A, title: 'Harvest 2025', questions: '## What changed?', periodStart: '2025-01-01', periodEnd: '2025-12-31', domains: ['Participation', 'Protection'] });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'design', domains: ['Participation', 'Protection'], programme: { id: t.world.programmes.A }, total: 0 });
    for (const c of [p1, p2, donor, admin]) expect((await c.get(`/api/harvests/${r.body.id}`)).status).toBe(200);
    for (const c of [p3, evB]) expect((await c.get(`/api/harvests/${r.body.id}`)).status).toBe(404);
    expect((await p3.get('/api/harvests')).body.items.map((h: { id: string }) => h.id)).not.toContain(r.body.id);
    expect((await evB.patch(`/api/harvests/${r.body.id}`, { title: 'mine' })).status).toBe(404);
  });

  test('when someone other than an evaluator of the programme writes, then 403 or 422', async () => {
    const h = await newHarvest(t, ev);
    const partner = await p1.patch(`/api/harvests/${h.id}`, { title: 'x' });
    expect({ status: partner.status, code: partner.body.code }).toEqual({ status: 403, code: 'forbidden' });
    expect((await donor.post('/api/harvests', { programmeId: t.world.programmes.A, title: 'x' })).status).toBe(403);
    const other = await evB.post('/api/harvests', { programmeId: t.world.programmes.A, title: 'x' });
    expect({ status: other.status, code: other.body.code }).toEqual({ status: 422, code: 'unprocessable' });
    const period = await ev.post('/api/harvests', { programmeId: t.world.programmes.A, title: 'x', periodStart: '2025-06-01', periodEnd: '2025-01-01' });
    expect(period.status).toBe(422);
    expect(period.body.errors[0].path).toBe('/periodEnd');
  });

  test('status moves one step at a time; a closed harvest stays closed', async () => {
    const h = await newHarvest(t, ev);
    const skip = await ev.patch(`/api/harvests/${h.id}`, { status: 'substantiating' });
    expect({ status: skip.status, code: skip.body.code }).toEqual({ status: 409, code: 'invalid_transition' });
    for (const s of ['collecting', 'substantiating', 'analysing']) expect((await ev.patch(`/api/harvests/${h.id}`, { status: s })).body.status).toBe(s);
    const back = await ev.patch(`/api/harvests/${h.id}`, { status: 'collecting' });
    expect(back.status).toBe(409);
    const closed = await ev.patch(`/api/harvests/${h.id}`, { status: 'closed', title: 'Harvest 2025 (final)' });
    expect(closed.body).toMatchObject({ status: 'closed', title: 'Harvest 2025 (final)', closedAt: expect.any(String) });
    const late = await ev.patch(`/api/harvests/${h.id}`, { title: 'again' });
    expect({ status: late.status, code: late.body.code }).toEqual({ status: 409, code: 'conflict' });
    const moves = await t.ctx.db('transitions').where({ entity_type: 'harvest', entity_id: h.id }).orderBy('id').pluck('to_status');
    expect(moves).toEqual(['design', 'collecting', 'substantiating', 'analysing', 'closed']);
    expect(await t.ctx.db('revisions').where({ entity_type: 'harvest', entity_id: h.id }).count({ n: '*' }).then(([r]) => Number(r.n))).toBe(1);
  });

  test('the partner assigns its draft; the evaluator assigns in any state, as a revision; counts follow visibility', async () => {
    const h = await newHarvest(t, ev);
    const draft = await newOutcome(p1, { harvestId: h.id });
    const submitted = await outcomeIn(crew, 'submitted');
    const published = await outcomeIn(crew, 'published');
    expect((await p1.patch(`/api/outcomes/${submitted}`, { harvestId: h.id })).status).toBe(409);
    for (const id of [submitted, published]) expect((await ev.patch(`/api/outcomes/${id}`, { harvestId: h.id })).status).toBe(200);
    const mixed = await ev.patch(`/api/outcomes/${published}`, { harvestId: h.id, title: 'sneaky' });
    expect(mixed.status).toBe(409);
    const revs = (await ev.get(`/api/outcomes/${published}/revisions`)).body.items;
    expect(revs.at(-1)).toMatchObject({ actor: { id: t.world.users.evaluator }, changes: [{ field: 'harvestId', old: null, new: h.id }] });
    const hB = await newHarvest(t, evB, { programmeId: t.world.programmes.B });
    expect((await ev.patch(`/api/outcomes/${submitted}`, { harvestId: hB.id })).status).toBe(422);
    const seen = async (c: Client) => (await c.get(`/api/harvests/${h.id}`)).body;
    expect(await seen(p1)).toMatchObject({ total: 3, counts: { draft: 1, submitted: 1, published: 1 } });
    expect(await seen(ev)).toMatchObject({ total: 2, counts: { draft: 0, submitted: 1, published: 1 } });
    expect(await seen(donor)).toMatchObject({ total: 1, counts: { published: 1, submitted: 0 } });
    expect((await p1.get(`/api/outcomes?harvest=${h.id}`)).body.total).toBe(3);
    expect(draft.id).toBeTruthy();
  });
});

describe('the lifecycle as partner, evaluator, donor and another organisation', () => {
  test('from draft to published and back for correction', async () => {
    const { id } = await newOutcome(p1);
    const visible = async (c: Client) => (await c.get(`/api/outcomes/${id}`)).status;
    expect([await visible(ev), await visible(donor), await visible(p2)]).toEqual([404, 404, 404]);
    await move(p1, id, 'submitted');
    expect([await visible(ev), await visible(donor), await visible(p2), await visible(evB)]).toEqual([200, 404, 404, 404]);
    const byPartner = await p1.post(`/api/outcomes/${id}/transitions`, { to: 'under_review' });
    expect({ status: byPartner.status, code: byPartner.body.code }).toEqual({ status: 403, code: 'forbidden' });
    expect((await donor.post(`/api/outcomes/${id}/transitions`, { to: 'under_review' })).status).toBe(403);
    await move(ev, id, 'under_review');
    const edit = await ev.patch(`/api/outcomes/${id}`, { title: 'Mopti council opens its committee to four women from Sévaré' });
    expect(edit.status).toBe(200);
    expect((await ev.get(`/api/outcomes/${id}/revisions`)).body.items.at(-1).actor.id).toBe(t.world.users.evaluator);
    expect((await p1.patch(`/api/outcomes/${id}`, { title: 'mine' })).status).toBe(409);
    const early = await ev.post(`/api/outcomes/${id}/transitions`, { to: 'substantiated', comment: 'Looks right' });
    expect({ status: early.status, code: early.body.code }).toEqual({ status: 409, code: 'conflict' });
    const s = await askSubstantiator(ev, id);
    expect((await ev.post(`/api/outcomes/${id}/transitions`, { to: 'substantiated', comment: 'Nobody answered yet' })).status).toBe(409);
    await enterAnswer(ev, id, s.id);
    expect((await ev.post(`/api/outcomes/${id}/transitions`, { to: 'substantiated' })).status).toBe(422); // the reasoning is required
    await move(ev, id, 'substantiated', 'Two council members confirm the decision and the training.');
    expect([await visible(donor), await visible(p2)]).toEqual([404, 404]);
    await move(ev, id, 'published');
    expect([await visible(donor), await visible(p2), await visible(p3), await visible((await t.as('donorB')))]).toEqual([200, 200, 404, 404]);
    expect((await ev.post(`/api/outcomes/${id}/transitions`, { to: 'under_review' })).status).toBe(422);
    await move(ev, id, 'under_review', 'The date of the council session is wrong.');
    expect([await visible(donor), await visible(p2)]).toEqual([404, 404]);
    await move(ev, id, 'retracted', 'Withdrawn at the partner’s request.');
    expect([await visible(p1), await visible(ev), await visible(admin)]).toEqual([404, 404, 200]);
  });

  test('a restricted outcome never reaches the donor, even published', async () => {
    const id = await outcomeIn(crew, 'published', { sensitivity: 'restricted' });
    expect((await donor.get(`/api/outcomes/${id}`)).status).toBe(404);
    expect((await p2.get(`/api/outcomes/${id}`)).status).toBe(404);
    const list = await donor.get('/api/outcomes?pageSize=200');
    expect(list.body.items.map((o: { id: string }) => o.id)).not.toContain(id);
  });

  describe('every illegal transition is 409 invalid_transition, the state unchanged', () => {
    const at: Record<string, string> = {};
    beforeAll(async () => {
      for (const s of STATES) at[s] = await outcomeIn(crew, s);
    });
    const cases = STATES.flatMap((from) => STATES.filter((to) => !LEGAL[from].includes(to)).map((to) => [from, to]));
    test.each(cases)('%s → %s', async (from, to) => {
      const r = await admin.post(`/api/outcomes/${at[from]}/transitions`, { to, comment: 'trying' });
      expect({ status: r.status, code: r.body.code }).toEqual({ status: 409, code: 'invalid_transition' });
      expect((await admin.get(`/api/outcomes/${at[from]}`)).body.status).toBe(from);
    });
  });

  test('roles: a partner makes no review move, an evaluator no submission, another programme sees nothing', async () => {
    const submitted = await outcomeIn(crew, 'submitted');
    for (const to of ['under_review', 'draft', 'retracted']) {
      expect((await p1.post(`/api/outcomes/${submitted}/transitions`, { to, comment: 'x' })).status).toBe(403);
    }
    const draft = await outcomeIn(crew, 'draft');
    expect((await ev.post(`/api/outcomes/${draft}/transitions`, { to: 'submitted' })).status).toBe(404);
    const returned = await outcomeIn(crew, 'under_review');
    await move(ev, returned, 'draft', 'Please add the date.');
    expect((await admin.get(`/api/outcomes/${returned}`)).body.status).toBe('draft');
    expect((await ev.post(`/api/outcomes/${returned}/transitions`, { to: 'submitted' })).status).toBe(404);
    expect((await p1.post(`/api/outcomes/${returned}/transitions`, { to: 'submitted' })).status).toBe(200);
    expect((await evB.post(`/api/outcomes/${returned}/transitions`, { to: 'under_review' })).status).toBe(404);
    expect((await p2.post(`/api/outcomes/${returned}/transitions`, { to: 'under_review' })).status).toBe(404);
  });
});

describe('the thread, history and notifications', () => {
  const kinds = async (c: Client, id: string) => (await c.get('/api/notifications?unread=true&pageSize=200')).body.items
    .filter((n: { outcome: { id: string } }) => n.outcome.id === id).map((n: { kind: string }) => n.kind).sort();

  test('submission tells the evaluator; a return and a comment tell the partners; read marks stick', async () => {
    const id = await outcomeIn(crew, 'submitted');
    expect(await kinds(ev, id)).toEqual(['outcome.submitted']);
    expect(await kinds(evB, id)).toEqual([]);
    const c = await ev.post(`/api/outcomes/${id}/comments`, { body: 'Which session of the council was it?' });
    expect(c.status).toBe(201);
    expect(c.body.author).toMatchObject({ id: t.world.users.evaluator, name: 'Name of evaluator', role: 'evaluator' });
    expect(await kinds(p1, id)).toEqual(['outcome.commented']);
    expect(await kinds(p1b, id)).toEqual(['outcome.commented']);
    expect(await kinds(ev, id)).toEqual(['outcome.submitted']); // not told of its own comment
    await p1.post(`/api/outcomes/${id}/comments`, { body: 'The March session.' });
    expect(await kinds(ev, id)).toEqual(['outcome.commented', 'outcome.submitted']);
    await move(ev, id, 'draft', 'Please add the session date.');
    expect(await kinds(p1b, id)).toEqual(['outcome.commented', 'outcome.commented', 'outcome.returned']);
    const mine = (await p1b.get('/api/notifications?pageSize=200')).body;
    expect(mine.unread).toBeGreaterThanOrEqual(3);
    const first = mine.items[0];
    expect(first.outcome.title).toEqual(expect.any(String));
    const read = await p1b.post(`/api/notifications/${first.id}/read`);
    expect(read.body.readAt).toEqual(expect.any(String));
    expect((await p1b.get('/api/notifications?unread=true&pageSize=200')).body.items.map((n: { id: string }) => n.id)).not.toContain(first.id);
    expect((await p1.post(`/api/notifications/${first.id}/read`)).status).toBe(404);
  });

  test('who may discuss: its organisation and its evaluators; others 403 or 404', async () => {
    const id = await outcomeIn(crew, 'published');
    expect((await p2.post(`/api/outcomes/${id}/comments`, { body: 'Nice' })).status).toBe(403);
    expect((await donor.post(`/api/outcomes/${id}/comments`, { body: 'Nice' })).status).toBe(403);
    expect((await p3.post(`/api/outcomes/${id}/comments`, { body: 'Nice' })).status).toBe(404);
    expect((await p1.post(`/api/outcomes/${id}/comments`, { body: '   ' })).status).toBe(422);
    const draft = await outcomeIn(crew, 'draft');
    expect((await p1.post(`/api/outcomes/${draft}/comments`, { body: 'Note to self' })).status).toBe(201);
    expect(await kinds(ev, draft)).toEqual([]);
  });

  test('history lists transitions and comments in order; outsiders get only the publication, by role, and no thread', async () => {
    const { id } = await newOutcome(p1);
    await p1.post(`/api/outcomes/${id}/comments`, { body: 'Draft ready for a look.' });
    await move(p1, id, 'submitted');
    await move(ev, id, 'under_review');
    await ev.post(`/api/outcomes/${id}/comments`, { body: 'Checking with the council.' });
    const s = await askSubstantiator(ev, id);
    await enterAnswer(ev, id, s.id);
    await move(ev, id, 'substantiated', 'Confirmed by the council clerk.');
    await move(ev, id, 'published');
    const own = (await p1.get(`/api/outcomes/${id}/history`)).body.items;
    expect(own.map((e: { type: string; to?: string }) => e.to ?? e.type)).toEqual(['draft', 'comment', 'submitted', 'under_review', 'comment', 'substantiated', 'published']);
    expect(own[5]).toMatchObject({ comment: 'Confirmed by the council clerk.', actor: { id: t.world.users.evaluator, name: 'Name of evaluator' } });
    await move(ev, id, 'under_review', 'A name must come out.');
    await move(ev, id, 'substantiated', 'Confirmed again.');
    await move(ev, id, 'published');
    for (const c of [donor, p2]) {
      const r = await c.get(`/api/outcomes/${id}/history`);
      expect(r.status).toBe(200);
      expect(r.body.items).toEqual([
        { type: 'transition', at: expect.any(String), from: 'substantiated', to: 'published', comment: null, actor: { role: 'evaluator' } },
        { type: 'transition', at: expect.any(String), from: 'published', to: 'under_review', comment: null, actor: { role: 'evaluator' } },
        { type: 'transition', at: expect.any(String), from: 'substantiated', to: 'published', comment: null, actor: { role: 'evaluator' } },
      ]);
      const thread = await c.get(`/api/outcomes/${id}/comments`);
      expect(thread.status).toBe(403);
      const text = JSON.stringify(r.body) + JSON.stringify(thread.body);
      expect(text).not.toMatch(/Name of|partner1|evaluator@|Checking|Draft ready|A name must/);
      for (const uid of Object.values(t.world.users)) expect(text).not.toContain(uid);
    }
    expect((await p3.get(`/api/outcomes/${id}/history`)).status).toBe(404);
  });

  test('when a published outcome is corrected, outsiders learn when, never what it said before', async () => {
    const { id } = await newOutcome(p1);
    await p1.patch(`/api/outcomes/${id}`, { description: 'Survivor Aminata B. spoke to the council.' });
    await move(p1, id, 'submitted');
    await move(ev, id, 'under_review');
    await ev.patch(`/api/outcomes/${id}`, { description: 'A survivor spoke to the council, with Hawa K.' });
    const s = await askSubstantiator(ev, id);
    await enterAnswer(ev, id, s.id);
    await move(ev, id, 'substantiated', 'Confirmed by the council clerk.');
    await move(ev, id, 'published');
    for (const c of [donor, p2]) expect((await c.get(`/api/outcomes/${id}/revisions`)).body).toEqual({ items: [] });
    await move(ev, id, 'under_review', 'Hawa K. must not be named.');
    await ev.patch(`/api/outcomes/${id}`, { description: 'A survivor spoke to the council.' });
    await move(ev, id, 'substantiated', 'Confirmed again.');
    await move(ev, id, 'published');
    for (const c of [donor, p2]) {
      const r = await c.get(`/api/outcomes/${id}/revisions`);
      expect(r.body.items).toEqual([{ id: expect.any(Number), at: expect.any(String), action: 'correct', actor: { role: 'evaluator' }, changes: [] }]);
      expect(JSON.stringify(r.body)).not.toMatch(/Aminata|Hawa/);
    }
    const own = JSON.stringify((await p1.get(`/api/outcomes/${id}/revisions`)).body);
    expect(own).toContain('Aminata B.');
    expect(own).toContain('Hawa K.');
  });
});

describe('outcome chains', () => {
  test('partners link their own; a cycle, a self-link and a duplicate are refused', async () => {
    const [a, b, c] = [await outcomeIn(crew, 'draft'), await outcomeIn(crew, 'draft'), await outcomeIn(crew, 'draft')];
    const ab = await p1.post(`/api/outcomes/${a}/links`, { targetId: b, relation: 'contributes_to' });
    expect(ab.status).toBe(201);
    expect(ab.body).toMatchObject({ sourceId: a, targetId: b, relation: 'contributes_to' });
    expect((await p1.post(`/api/outcomes/${b}/links`, { targetId: c, relation: 'contributes_to' })).status).toBe(201);
    for (const [from, to] of [[b, a], [c, a]]) {
      const cycle = await p1.post(`/api/outcomes/${from}/links`, { targetId: to, relation: 'contributes_to' });
      expect({ status: cycle.status, code: cycle.body.code }).toEqual({ status: 409, code: 'conflict' });
    }
    expect((await p1.post(`/api/outcomes/${a}/links`, { targetId: a, relation: 'contributes_to' })).status).toBe(422);
    expect((await p1.post(`/api/outcomes/${a}/links`, { targetId: b, relation: 'contributes_to' })).body.code).toBe('already_exists');
    expect((await p1.post(`/api/outcomes/${a}/links`, { targetId: c, relation: 'contributes_to' })).status).toBe(201);
    const chain = (await p1.get(`/api/outcomes/${b}/chain`)).body;
    expect(chain.nodes.map((n: { id: string }) => n.id).sort()).toEqual([a, b, c].sort());
    expect(chain.links).toHaveLength(3);
  });

  test("partners cannot link another organisation's outcome; evaluators link across; donors see the published part", async () => {
    const mine = await outcomeIn(crew, 'published');
    const theirs = await outcomeIn({ partner: p2, evaluator: ev }, 'published');
    const hidden = await outcomeIn(crew, 'under_review');
    expect((await p1.post(`/api/outcomes/${mine}/links`, { targetId: theirs, relation: 'contributes_to' })).status).toBe(403);
    expect((await p2.post(`/api/outcomes/${mine}/links`, { targetId: theirs, relation: 'contributes_to' })).status).toBe(403);
    expect((await donor.post(`/api/outcomes/${mine}/links`, { targetId: theirs, relation: 'contributes_to' })).status).toBe(403);
    expect((await ev.post(`/api/outcomes/${mine}/links`, { targetId: theirs, relation: 'contributes_to' })).status).toBe(201);
    expect((await ev.post(`/api/outcomes/${hidden}/links`, { targetId: mine, relation: 'contributes_to' })).status).toBe(201);
    const seen = (await donor.get(`/api/outcomes/${mine}/chain`)).body;
    expect(seen.nodes.map((n: { id: string }) => n.id).sort()).toEqual([mine, theirs].sort());
    expect(seen.links).toHaveLength(1);
    expect(seen.nodes.every((n: { redacted: boolean }) => n.redacted)).toBe(true);
    expect((await ev.get(`/api/outcomes/${mine}/chain`)).body.nodes).toHaveLength(3);
    expect((await p3.get(`/api/outcomes/${mine}/chain`)).status).toBe(404);
  });

  test('a setback is linked as counteracting (no cycle rule); chains carry conclusions and who may link', async () => {
    const gain = await outcomeIn(crew, 'published');
    const setback = await outcomeIn(crew, 'under_review');
    expect((await p1.post(`/api/outcomes/${setback}/links`, { targetId: gain, relation: 'counteracts' })).status).toBe(201);
    // working against each other both ways is a real pattern, unlike contributing in a circle
    expect((await p1.post(`/api/outcomes/${gain}/links`, { targetId: setback, relation: 'counteracts' })).status).toBe(201);
    expect((await p1.post(`/api/outcomes/${gain}/links`, { targetId: setback, relation: 'undermines' })).body.code).toBe('validation_failed');
    const own = (await p1.get(`/api/outcomes/${gain}/chain`)).body;
    expect(own.canLink).toBe(true);
    expect(own.links.map((l: { relation: string }) => l.relation)).toEqual(['counteracts', 'counteracts']);
    expect(own.nodes.find((n: { id: string }) => n.id === gain).conclusion).toBe('substantiated');
    expect(own.nodes.find((n: { id: string }) => n.id === setback).conclusion).toBeNull();
    const seen = (await donor.get(`/api/outcomes/${gain}/chain`)).body;
    expect({ nodes: seen.nodes.length, links: seen.links.length, canLink: seen.canLink }).toEqual({ nodes: 1, links: 0, canLink: false });
  });

  test('a link is removed by who may make it, and stays in the history and the audit', async () => {
    const [a, b] = [await outcomeIn(crew, 'submitted'), await outcomeIn(crew, 'draft')];
    const theirs = await outcomeIn({ partner: p2, evaluator: ev }, 'published');
    const link = (await p1.post(`/api/outcomes/${a}/links`, { targetId: b, relation: 'contributes_to' })).body;
    const across = (await ev.post(`/api/outcomes/${a}/links`, { targetId: theirs, relation: 'contributes_to' })).body;
    expect((await p2.delete(`/api/outcomes/${b}/links/${link.id}`)).status).toBe(404); // p2 cannot see b
    expect((await p1.delete(`/api/outcomes/${a}/links/${across.id}`)).status).toBe(403); // the other end is not theirs
    expect((await p1.delete(`/api/outcomes/${theirs}/links/${link.id}`)).status).toBe(404); // not a link of that outcome
    expect((await p1.delete(`/api/outcomes/${b}/links/${link.id}`)).status).toBe(204);
    expect((await p1.delete(`/api/outcomes/${b}/links/${link.id}`)).status).toBe(404);
    expect((await p1.get(`/api/outcomes/${a}/chain`)).body.links.map((l: { id: string }) => l.id)).toEqual([across.id]);
    expect((await p1.post(`/api/outcomes/${b}/links`, { targetId: a, relation: 'contributes_to' })).status).toBe(201); // no cycle left
    const trace = await t.ctx.db('revisions').where({ entity_type: 'outcome_link', entity_id: link.id }).orderBy('id').pluck('action');
    expect(trace).toEqual(['create', 'delete']);
    expect(Number((await t.ctx.db('audit_log').where({ action: 'outcome.unlink', entity_id: b }).count({ n: '*' }).first())?.n)).toBe(1);
  });
});

describe('the harvest summary', () => {
  test('per goal × status, change type, quadrant and share substantiated, honouring visibility', async () => {
    const h = await newHarvest(t, ev);
    const inHarvest = { harvestId: h.id };
    await outcomeIn(crew, 'published', { ...inHarvest, goals: [{ code: 'NL-IV-1.3', primary: true }] });
    await outcomeIn(crew, 'partly_substantiated', { ...inHarvest, goals: [{ code: 'NL-IV-1.3', primary: true }], changeType: 'OH-PRACTICE', quadrant: 'GAW-NORMS' });
    await outcomeIn(crew, 'submitted', { ...inHarvest, goals: [{ code: 'NL-IV-2.1', primary: true }] });
    await outcomeIn(crew, 'under_review', { ...inHarvest, sensitivity: 'confidential' });
    await outcomeIn(crew, 'draft', inHarvest);
    const full = (await ev.get(`/api/harvests/${h.id}/summary`)).body;
    expect(full.total).toBe(3); // the draft is not the evaluator's to see; confidential stays out
    expect(full.byGoalAndStatus).toEqual([
      { goal: 'NL-IV-1.3', status: 'partly_substantiated', count: 1 },
      { goal: 'NL-IV-1.3', status: 'published', count: 1 },
      { goal: 'NL-IV-2.1', status: 'submitted', count: 1 },
    ]);
    expect(full.byChangeType).toEqual([{ changeType: 'OH-POLICY', count: 2 }, { changeType: 'OH-PRACTICE', count: 1 }]);
    expect(full.byQuadrant).toEqual([{ quadrant: 'GAW-NORMS', count: 1 }, { quadrant: 'GAW-RULES', count: 2 }]);
    expect(full.substantiationByGoal).toEqual([
      { goal: 'NL-IV-1.3', outcomes: 2, substantiated: 1, partlySubstantiated: 1, notSubstantiated: 0, share: 0.5 },
      { goal: 'NL-IV-2.1', outcomes: 1, substantiated: 0, partlySubstantiated: 0, notSubstantiated: 0, share: 0 },
    ]);
    expect((await p1.get(`/api/harvests/${h.id}/summary`)).body.total).toBe(4);
    const d = (await donor.get(`/api/harvests/${h.id}/summary`)).body;
    expect(d.total).toBe(1);
    expect(d.substantiationByGoal).toEqual([{ goal: 'NL-IV-1.3', outcomes: 1, substantiated: 1, partlySubstantiated: 0, notSubstantiated: 0, share: 1 }]);
    expect((await p3.get(`/api/harvests/${h.id}/summary`)).status).toBe(404);
  });
});
