import { startTestApp, TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(() => t.close());

test('NAP1325-IV has 5 goals and 16 sub-goals', async () => {
  const c = await t.as('partner1');
  const r = await c.get('/api/frameworks/nap1325-nl-iv/goals');
  expect(r.status).toBe(200);
  expect(r.body.goals).toHaveLength(5);
  expect(r.body.goals.flatMap((g: { children: unknown[] }) => g.children)).toHaveLength(16);
  expect(r.body.goals[0]).toMatchObject({ code: 'NL-IV-1', name: 'Participation', names: { nl: 'Participatie', fr: 'Participation', ar: 'المشاركة' } });
  // every NAP1325-IV goal has a French, Arabic and Dutch name
  for (const g of [...r.body.goals, ...r.body.goals.flatMap((x: { children: unknown[] }) => x.children)]) {
    expect(Object.keys(g.names).sort()).toEqual(['ar', 'fr', 'nl']);
  }
});

test('all five frameworks and the typologies are loaded', async () => {
  const c = await t.as('donor');
  const f = await c.get('/api/frameworks');
  expect(f.body.items.map((x: { id: string }) => x.id)).toEqual(['nap1325-nl-iv', 'unscr1325', 'giwps-wps-index', 'eu-gap-iii', 'sdg-5-16-wps']);
  const ty = await c.get('/api/typologies');
  const gaw = ty.body.items.find((x: { id: string }) => x.id === 'gender-at-work');
  expect(gaw.categories.map((x: { code: string }) => x.code)).toEqual(['GAW-CONSCIOUSNESS', 'GAW-RESOURCES', 'GAW-NORMS', 'GAW-RULES']);
  expect(gaw.categories[3].names).toEqual({ fr: 'Règles et politiques formelles', ar: 'القواعد والسياسات الرسمية', nl: 'Formele regels en beleid' });
});

test('when an admin imports a framework, then its tree is readable; a clashing code is refused', async () => {
  const admin = await t.as('admin');
  const body = { id: 'test-fw', name: 'Test framework', goals: [{ code: 'TF-1', name: 'One', children: [{ code: 'TF-1.1', name: 'One point one' }] }] };
  const r = await admin.post('/api/frameworks', body);
  expect(r.status).toBe(201);
  expect(r.body.goals[0].children[0].code).toBe('TF-1.1');
  const again = await admin.post('/api/frameworks', body);
  expect(again.status).toBe(201);
  const clash = await admin.post('/api/frameworks', { id: 'other-fw', name: 'Other', goals: [{ code: 'NL-IV-1', name: 'Stolen' }] });
  expect(clash.status).toBe(409);
  expect((await (await t.as('partner1')).post('/api/frameworks', body)).status).toBe(403);
});

test('unknown framework is 404', async () => {
  const r = await (await t.as('partner1')).get('/api/frameworks/nope/goals');
  expect(r.status).toBe(404);
});

test('answers are compressed for slow connections', async () => {
  const c = await t.as('partner1');
  const r = await c.request('GET', '/api/frameworks/sdg-5-16-wps/goals', undefined, { 'accept-encoding': 'gzip' });
  expect(r.status).toBe(200);
  expect(r.headers.get('content-encoding')).toBe('gzip');
});
