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

test('when a French, Arabic or Dutch reader reads the frameworks and typologies, then every framework, goal, typology and category has a name in their language', async () => {
  const c = await t.as('donor');
  const frameworks = (await c.get('/api/frameworks')).body.items as Array<{ id: string; name: string; names: Record<string, string> }>;
  type Node = { code: string; name: string; names: Record<string, string>; children: Node[] };
  const flat = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...flat(n.children)]);
  const missing: string[] = [];
  for (const f of frameworks.filter((x) => x.id !== 'test-fw' && x.id !== 'other-fw')) {
    for (const lang of ['fr', 'ar', 'nl']) if (!f.names[lang]) missing.push(`${f.id} ${lang}`);
    const goals = flat((await c.get(`/api/frameworks/${f.id}/goals`)).body.goals);
    for (const g of goals) for (const lang of ['fr', 'ar', 'nl']) if (!g.names[lang]) missing.push(`${g.code} ${lang}`);
  }
  const typologies = (await c.get('/api/typologies')).body.items as Array<{ id: string; names: Record<string, string>; categories: Array<{ code: string; names: Record<string, string> }> }>;
  for (const ty of typologies) {
    for (const lang of ['fr', 'ar', 'nl']) if (!ty.names[lang]) missing.push(`${ty.id} ${lang}`);
    for (const cat of ty.categories) for (const lang of ['fr', 'ar', 'nl']) if (!cat.names[lang]) missing.push(`${cat.code} ${lang}`);
  }
  expect(missing).toEqual([]);
  const sdg = flat((await c.get('/api/frameworks/sdg-5-16-wps/goals')).body.goals).find((g) => g.code === '5.2')!;
  expect(sdg.names).toEqual({ fr: "Éliminer la violence à l'égard des femmes et des filles", ar: 'القضاء على العنف ضد النساء والفتيات', nl: 'Een einde maken aan geweld tegen vrouwen en meisjes' });
  expect(typologies.find((x) => x.id === 'care-gef')!.categories[0].names.nl).toBe('Handelingsvermogen opbouwen');
});

test('when the map is read, then every NAP focus region has a French, Arabic and Dutch name', async () => {
  const r = await (await t.as('donor')).get('/api/dashboard/map');
  expect(r.status).toBe(200);
  const regions = r.body.regions as Array<{ code: string; names: Record<string, string> }>;
  expect(regions.map((x) => x.code)).toContain('sahel');
  expect(regions.filter((x) => ['fr', 'ar', 'nl'].some((l) => !x.names[l])).map((x) => x.code)).toEqual([]);
  expect(regions.find((x) => x.code === 'horn-of-africa')!.names.ar).toBe('القرن الأفريقي');
});
