import { startTestApp, TestApp, Client } from '../helpers/app';
import { outcomeBody } from '../helpers/fixtures';
import { moveReviewed } from '../helpers/proof';

let t: TestApp;
let p1: Client, p2: Client, p3: Client, ev: Client, donor: Client, admin: Client;
beforeAll(async () => {
  t = await startTestApp();
  [p1, p2, p3, ev, donor, admin] = await Promise.all((['partner1', 'partner2', 'partner3', 'evaluator', 'donor', 'admin'] as const).map((w) => t.as(w)));
});
afterAll(() => t.close());

async function newOutcome(c: Client, over: Record<string, unknown> = {}) {
  const r = await c.post('/api/outcomes', outcomeBody(over));
  if (r.status !== 201) throw new Error(`create failed: ${r.status} ${r.text}`);
  return r.body as { id: string; status: string };
}

async function publish(id: string) {
  for (const to of ['submitted', 'under_review', 'substantiated', 'published']) {
    const c = to === 'submitted' ? p1 : ev;
    if (to === 'substantiated') {
      // a conclusion needs at least one substantiation answer
      const s = await ev.post(`/api/outcomes/${id}/substantiations`, { substantiator: { name: 'S', relationship: 'neighbour' }, independent: true });
      await ev.put(`/api/outcomes/${id}/substantiations/${s.body.id}`, { description: 'agree', significance: 'agree', contribution: 'agree', answeredOn: '2025-01-01' });
    }
    const r = await moveReviewed(c, `/api/outcomes/${id}/transitions`, { to, comment: 'ok' });
    if (r.status !== 200) throw new Error(`${to}: ${r.status} ${r.text}`);
  }
}

describe('the partner journey of issue 3', () => {
  test('create, find by text and parent goal, edit, submit, then no more edits; revisions show the edits', async () => {
    const o = await newOutcome(p1);
    expect(o).toMatchObject({ status: 'draft', organisation: { id: t.world.orgs.p1 }, occurredOn: { date: '2024-03', precision: 'month' } });
    expect((await p1.get(`/api/outcomes?q=reconciliation`)).body.items.map((x: { id: string }) => x.id)).toContain(o.id);
    expect((await p1.get(`/api/outcomes?goal=NL-IV-1`)).body.items.map((x: { id: string }) => x.id)).toContain(o.id);
    const edit = await p1.patch(`/api/outcomes/${o.id}`, { title: 'Mopti council opens its reconciliation committee to four women' });
    expect(edit.status).toBe(200);
    expect(edit.body.title).toMatch(/four women/);
    const sub = await p1.post(`/api/outcomes/${o.id}/transitions`, { to: 'submitted' });
    expect(sub.status).toBe(200);
    expect(sub.body.status).toBe('submitted');
    const late = await p1.patch(`/api/outcomes/${o.id}`, { title: 'Too late' });
    expect(late.status).toBe(409);
    const revs = await p1.get(`/api/outcomes/${o.id}/revisions`);
    expect(revs.body.items).toHaveLength(1);
    expect(revs.body.items[0].changes).toEqual([{ field: 'title', old: outcomeBody().title, new: 'Mopti council opens its reconciliation committee to four women' }]);
    expect(revs.body.items[0].actor.id).toBe(t.world.users.partner1);
  });

  test("another organisation's partner cannot see a draft, not even in counts", async () => {
    const o = await newOutcome(p1, { title: 'Secret draft about Kidal negotiations' });
    expect((await p2.get(`/api/outcomes/${o.id}`)).status).toBe(404);
    const list = await p2.get('/api/outcomes?q=Kidal');
    expect(list.body).toMatchObject({ items: [], total: 0 });
    expect((await p2.patch(`/api/outcomes/${o.id}`, { title: 'x' })).status).toBe(404);
    expect((await ev.get(`/api/outcomes/${o.id}`)).status).toBe(404); // evaluators see from submission on
    expect((await donor.get(`/api/outcomes/${o.id}`)).status).toBe(404);
  });

  test('withdrawing a draft hides it from all but admins and keeps it in the audit', async () => {
    const o = await newOutcome(p1);
    expect((await p1.delete(`/api/outcomes/${o.id}`)).status).toBe(204);
    expect((await p1.get(`/api/outcomes/${o.id}`)).status).toBe(404);
    expect((await admin.get(`/api/outcomes/${o.id}`)).body.status).toBe('retracted');
    const audit = await t.ctx.db('audit_log').where({ entity_id: o.id }).pluck('action');
    expect(audit).toEqual(expect.arrayContaining(['outcome.create', 'outcome.retracted']));
  });
});

describe('bad input: 400/422 naming the field, nothing written', () => {
  const count = async () => Number((await t.ctx.db('outcomes').count({ n: '*' }))[0].n);
  test.each([
    ['unknown goal code', { goals: [{ code: 'NL-IV-9.9', primary: true }] }, 422, '/goals/0/code'],
    ['no primary goal', { goals: [{ code: 'NL-IV-1.3' }] }, 422, '/goals'],
    ['two primary goals', { goals: [{ code: 'NL-IV-1.3', primary: true }, { code: 'PART', primary: true }] }, 422, '/goals'],
    ['date finer than its precision', { occurredOn: { date: '2024-03-12', precision: 'month' } }, 422, '/occurredOn/date'],
    ['impossible day', { occurredOn: { date: '2023-02-29', precision: 'day' } }, 422, '/occurredOn/date'],
    ['country that does not exist', { location: { country: 'XX' } }, 422, '/location/country'],
    ['unknown change type', { changeType: 'OH-NOPE' }, 422, '/changeType'],
    ['quadrant from another typology', { quadrant: 'OH-POLICY' }, 422, '/quadrant'],
    ['unknown field', { colour: 'red' }, 400, '/colour'],
    ['missing title', { title: undefined }, 400, '/title'],
    ['title too long', { title: 'x'.repeat(301) }, 400, '/title'],
    ['NUL in text', { description: 'a\u0000b' }, 400, '/description'],
    ['bad actor type', { socialActor: { name: 'x', type: 'alien' } }, 400, '/socialActor/type'],
    ['informant without role', { evidence: [{ kind: 'informant', name: 'A' }] }, 400, '/evidence/0/role'],
  ])('%s', async (_name, over, status, path) => {
    const before = await count();
    const r = await p1.post('/api/outcomes', outcomeBody(over as Record<string, unknown>));
    expect(r.status).toBe(status);
    expect(r.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await count()).toBe(before);
  });

  test("a body that breaks the domain's rules names each by a stable code too", async () => {
    const r = await p1.post('/api/outcomes', outcomeBody({
      goals: [{ code: 'NL-IV-9.9', primary: true }, { code: 'PART', primary: true }], location: { country: 'XX' }, changeType: 'OH-NOPE', quadrant: 'OH-POLICY',
    }));
    expect(r.status).toBe(422);
    const codes = Object.fromEntries((r.body.errors as Array<{ path: string; code: string }>).map((e) => [e.path, e.code]));
    expect(codes).toEqual({ '/goals/0/code': 'unknown_goal', '/goals': 'primary_goal', '/location/country': 'unknown_country', '/changeType': 'unknown_change_type', '/quadrant': 'unknown_quadrant' });
  });

  test('a body that breaks the schema names each rule by a stable code, for the client to word in its language', async () => {
    // a draft may lack what it needs before submission (its title aside): that is not a schema error
    const r = await p1.post('/api/outcomes', outcomeBody({ title: 'x'.repeat(301), description: 'a\u0000b', significance: undefined, colour: 'red' }));
    expect(r.status).toBe(400);
    const codes = Object.fromEntries((r.body.errors as Array<{ path: string; code: string }>).map((e) => [e.path, e.code]));
    expect(codes).toEqual({ '/title': 'maxLength', '/description': 'format.text', '/colour': 'additionalProperties' });
    const untitled = await p1.post('/api/outcomes', { description: 'Only a description' });
    expect(untitled.status).toBe(400);
    expect(untitled.body.errors).toEqual([expect.objectContaining({ path: '/title', code: 'required' })]);
  });

  test('a partner editing another organisation\'s visible outcome gets 403', async () => {
    const o = await newOutcome(p1);
    await publish(o.id);
    expect((await p2.get(`/api/outcomes/${o.id}`)).status).toBe(200);
    const r = await p2.patch(`/api/outcomes/${o.id}`, { title: 'mine now' });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('forbidden');
  });

  test('text is stored exactly as typed', async () => {
    const text = 'Ségou — «femmes» \u200f‏نساء‎ 👩🏿‍⚖️ <b>bold</b> "quotes" \'single\'\r\n\ttab';
    const o = await newOutcome(p1, { description: text });
    expect((await p1.get(`/api/outcomes/${o.id}`)).body.description).toBe(text);
  });
});

describe('find', () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ids.fr = (await newOutcome(p1, { title: 'Le conseil de Sévaré ouvre la médiation aux femmes', description: 'Les chefs coutumiers acceptent des femmes médiatrices.', language: 'fr', occurredOn: { date: '2022', precision: 'year' }, location: { country: 'ML', adminArea: 'Sévaré' }, changeType: 'OH-PRACTICE', quadrant: 'GAW-NORMS', goals: [{ code: 'NL-IV-2.1', primary: true }] })).id;
    ids.ar = (await newOutcome(p1, { title: 'مجلس الحي يعين نساء في لجنة المصالحة', description: 'قررت اللجنة المحلية في الخرطوم إشراك النساء.', language: 'ar', occurredOn: { date: '2023-06-02', precision: 'day' }, location: { country: 'SD', adminArea: 'الخرطوم' }, positive: false, goals: [{ code: 'NL-IV-3.1', primary: true }, { code: 'SDG16' }] })).id;
    ids.year = (await newOutcome(p1, { title: 'Year-only change in Niger', occurredOn: { date: '2024', precision: 'year' }, location: { country: 'NE' } })).id;
    ids.pub = (await newOutcome(p1, { title: 'Published change in Chad', location: { country: 'TD' }, occurredOn: { date: '2021-05-05', precision: 'day' } })).id;
    await publish(ids.pub);
  });
  const found = async (c: Client, query: string) => {
    const r = await c.get(`/api/outcomes?${query}&pageSize=200`);
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(r.body.items.length);
    return r.body.items.map((x: { id: string }) => x.id) as string[];
  };

  test('accents are folded: Sevare finds Sévaré; French words match', async () => {
    expect(await found(p1, 'q=Sevare')).toContain(ids.fr);
    expect(await found(p1, 'q=mediatrices')).toContain(ids.fr);
    expect(await found(p1, 'q=SÉVARÉ%20femmes')).toEqual([ids.fr]);
  });
  test('Arabic text is found, with or without hamza and ta marbuta variants', async () => {
    expect(await found(p1, `q=${encodeURIComponent('المصالحة')}`)).toContain(ids.ar);
    expect(await found(p1, `q=${encodeURIComponent('اشراك')}`)).toContain(ids.ar);
  });
  test('each filter alone', async () => {
    expect(await found(p1, 'country=SD')).toEqual([ids.ar]);
    expect(await found(p1, 'language=fr')).toEqual([ids.fr]);
    expect(await found(p1, 'positive=false')).toEqual([ids.ar]);
    expect(await found(p1, 'changeType=OH-PRACTICE')).toEqual([ids.fr]);
    expect(await found(p1, 'quadrant=GAW-NORMS')).toEqual([ids.fr]);
    expect(await found(p1, 'goal=NL-IV-3')).toEqual([ids.ar]);
    expect(await found(p1, 'goal=SDG16')).toEqual([ids.ar]);
    expect(await found(p1, 'framework=sdg-5-16-wps')).toEqual([ids.ar]);
    expect(await found(p1, 'status=published')).toContain(ids.pub);
    expect(await found(p1, `org=${t.world.orgs.p2}`)).toEqual([]);
    expect(await found(p1, `programme=${t.world.programmes.B}`)).toEqual([]);
    expect(await found(p1, `programme=${t.world.programmes.A}`)).toEqual(expect.arrayContaining([ids.fr, ids.ar, ids.pub]));
  });
  test('from/to match records whose whole known period lies within', async () => {
    expect(await found(p1, 'from=2024-01-01&to=2024-12-31')).toContain(ids.year);
    expect(await found(p1, 'from=2024-01-01&to=2024-06-30')).not.toContain(ids.year);
    expect(await found(p1, 'from=2024-03&to=2024-03')).not.toContain(ids.year);
    expect(await found(p1, 'from=2023&to=2023')).toEqual([ids.ar]);
  });
  test('filters combine (AND across, OR within)', async () => {
    expect(await found(p1, 'country=SD,NE&positive=false')).toEqual([ids.ar]);
    expect(await found(p1, 'country=SD,NE')).toEqual(expect.arrayContaining([ids.ar, ids.year]));
    expect(await found(p1, 'q=conseil&country=SD')).toEqual([]);
    expect(await found(p1, 'goal=NL-IV-2,NL-IV-3&from=2022&to=2022')).toEqual([ids.fr]);
  });
  test('a donor sees only published, public outcomes of their programme, redacted', async () => {
    const seen = await found(donor, 'sort=-updatedAt');
    expect(seen).toContain(ids.pub);
    expect(seen).not.toContain(ids.fr);
    const other = await t.as('donorB');
    expect(await found(other, 'sort=-updatedAt')).not.toContain(ids.pub);
    expect(await found(p3, 'sort=-updatedAt')).not.toContain(ids.pub);
  });
  test('paging and sorting', async () => {
    const r = await p1.get('/api/outcomes?pageSize=2&page=1&sort=occurredOn');
    expect(r.body.items).toHaveLength(2);
    expect(r.body.page).toBe(1);
    expect(r.body.items[0].occurredOn.date <= r.body.items[1].occurredOn.date).toBe(true);
    expect((await p1.get('/api/outcomes?pageSize=201')).status).toBe(400);
    expect((await p1.get('/api/outcomes?sort=password')).status).toBe(400);
    expect((await p1.get('/api/outcomes?from=2024-13')).status).toBe(400);
  });
});

describe('personal data', () => {
  test('an individual actor, coordinates and informants are encrypted at rest and redacted for others', async () => {
    const o = await newOutcome(p1, {
      socialActor: { name: 'Commander Zakaria Canary', type: 'individual' },
      location: { country: 'ML', adminArea: 'Mopti', lat: 14.4843, lon: -4.1827 },
      evidence: [{ kind: 'informant', role: 'Council clerk', name: 'Fatou Canary', contact: '+223 7000 0000',
        consent: { level: 'named', method: 'verbal', givenOn: '2024-03-20', recordedBy: 'Officer Canary' } }],
    });
    const row = await t.ctx.db('outcomes').where({ id: o.id }).first();
    expect(JSON.stringify(row)).not.toMatch(/Canary|14\.4843|7000 0000/);
    const own = (await p1.get(`/api/outcomes/${o.id}`)).body;
    expect(own.socialActor.name).toBe('Commander Zakaria Canary');
    expect(own.location.lat).toBe(14.4843);
    expect(own.evidence[0].name).toBe('Fatou Canary');
    expect(own.evidence[0].consent).toEqual({ level: 'named', method: 'verbal', givenOn: '2024-03-20', recordedBy: 'Officer Canary' });
    await p1.patch(`/api/outcomes/${o.id}`, { evidence: [{ kind: 'informant', role: 'Council clerk', name: 'Awa Canary' }] });
    await publish(o.id);
    for (const c of [donor, p2]) {
      const text = JSON.stringify((await c.get(`/api/outcomes/${o.id}`)).body) + JSON.stringify((await c.get(`/api/outcomes/${o.id}/revisions`)).body)
        + JSON.stringify((await c.get('/api/outcomes?pageSize=200')).body);
      expect(text).not.toMatch(/Canary|14\.4843|7000 0000/);
    }
    const revRows = JSON.stringify(await t.ctx.db('revisions').where({ entity_id: o.id }));
    expect(revRows).not.toMatch(/Canary/);
  });
});

describe('evidence count', () => {
  test('the list sorts and filters by how much evidence an outcome has', async () => {
    const thin = await newOutcome(p1, { title: 'Thin evidence about Kayes', evidence: [] });
    const rich = await newOutcome(p1, { title: 'Rich evidence about Kayes', evidence: [
      { kind: 'document', title: 'Minutes' }, { kind: 'link', title: 'Radio piece', url: 'https://example.org/radio' }, { kind: 'informant', role: 'Clerk' }] });
    const r = await p1.get('/api/outcomes?q=Kayes&sort=evidence');
    expect(r.body.items.map((x: { id: string }) => x.id)).toEqual([thin.id, rich.id]);
    expect(r.body.items.map((x: { evidenceCount: number }) => x.evidenceCount)).toEqual([0, 3]);
    expect((await p1.get('/api/outcomes?q=Kayes&evidenceMax=0')).body.items.map((x: { id: string }) => x.id)).toEqual([thin.id]);
    expect((await p1.get('/api/outcomes?q=Kayes&evidenceMin=2')).body.items.map((x: { id: string }) => x.id)).toEqual([rich.id]);
    await p1.patch(`/api/outcomes/${thin.id}`, { evidence: [{ kind: 'document', title: 'Found the minutes' }] });
    expect((await p1.get(`/api/outcomes/${thin.id}`)).body.evidenceCount).toBe(1);
  });
});

describe('translations', () => {
  test('a translation is kept beside the original', async () => {
    const o = await newOutcome(p1);
    const r = await p1.post(`/api/outcomes/${o.id}/translations`, { language: 'fr', title: 'Le conseil de Mopti ouvre son comité', translatedBy: 'Traductrice Canary' });
    expect(r.status).toBe(201);
    expect(r.body.title).toBe(outcomeBody().title);
    expect(r.body.translations).toEqual([expect.objectContaining({ language: 'fr', title: 'Le conseil de Mopti ouvre son comité', translatedBy: 'Traductrice Canary' })]);
    expect((await p1.post(`/api/outcomes/${o.id}/translations`, { language: 'fr', title: 'again' })).status).toBe(409);
    expect((await p1.post(`/api/outcomes/${o.id}/translations`, { language: 'en', title: 'same' })).status).toBe(422);
    expect((await p1.get(`/api/outcomes?q=comite`)).status).toBe(200);
  });
});

describe('lifecycle', () => {
  test('roles and states: 403 for the wrong role, 409 from the wrong state', async () => {
    const o = await newOutcome(p1);
    expect((await ev.post(`/api/outcomes/${o.id}/transitions`, { to: 'submitted' })).status).toBe(404); // drafts are not visible to evaluators
    expect((await p1.post(`/api/outcomes/${o.id}/transitions`, { to: 'published' })).status).toBe(403);
    expect((await p1.post(`/api/outcomes/${o.id}/transitions`, { to: 'submitted' })).status).toBe(200);
    const again = await p1.post(`/api/outcomes/${o.id}/transitions`, { to: 'submitted' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('invalid_transition');
    expect((await ev.post(`/api/outcomes/${o.id}/transitions`, { to: 'draft' })).status).toBe(422); // a return needs a comment
    expect((await ev.post(`/api/outcomes/${o.id}/transitions`, { to: 'draft', comment: 'Please name the council session' })).body.status).toBe('draft');
    expect((await (await t.as('evaluatorB')).get(`/api/outcomes/${o.id}`)).status).toBe(404);
    expect((await p1.delete(`/api/outcomes/${o.id}`)).status).toBe(204);
  });
});
