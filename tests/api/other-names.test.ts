// What people name themselves — a theme, a domain of change, an indicator — named in French,
// Arabic and Dutch through the API, kept in the history, and read back in the reader's language:
// the harvest's domains, the import template's code sheets.
import { startTestApp, TestApp, Client } from '../helpers/app';
import { getBytes, xlsxRows } from '../helpers/interop';

let t: TestApp;
let ev: Client, p1: Client, evB: Client;
let harvestId: string;

beforeAll(async () => {
  t = await startTestApp();
  [ev, p1, evB] = await Promise.all((['evaluator', 'partner1', 'evaluatorB'] as const).map((w) => t.as(w)));
  const h = await ev.post('/api/harvests', { programmeId: t.world.programmes.A, title: 'Harvest with its own domains', domains: ['Voice in local councils'] });
  expect(h.status).toBe(201);
  harvestId = h.body.id;
});
afterAll(() => t.close());

describe('themes', () => {
  test('when a theme is added with names in other languages, then it answers them, the blank one left out', async () => {
    const r = await ev.post('/api/themes', { code: 'water-access', name: 'Access to water', names: { fr: 'Accès à l’eau', ar: 'الوصول إلى المياه', nl: '  ' } });
    expect(r.status).toBe(201);
    expect(r.body.names).toEqual({ fr: 'Accès à l’eau', ar: 'الوصول إلى المياه' });
    const listed = (await p1.get('/api/themes')).body.items.find((x: { code: string }) => x.code === 'water-access');
    expect(listed.names).toEqual({ fr: 'Accès à l’eau', ar: 'الوصول إلى المياه' });
  });

  test('when an evaluator names it in Dutch, then the names are replaced and the change is in the history; the same names again change nothing', async () => {
    const r = await ev.patch('/api/themes/water-access', { names: { fr: 'Accès à l’eau', ar: 'الوصول إلى المياه', nl: 'Toegang tot water' } });
    expect(r.status).toBe(200);
    expect(r.body.names).toEqual({ fr: 'Accès à l’eau', ar: 'الوصول إلى المياه', nl: 'Toegang tot water' });
    const revisions = () => t.ctx.db('revisions').where({ entity_type: 'theme', entity_id: 'water-access' });
    const [rev] = await revisions();
    expect(JSON.parse(rev.changes)).toEqual([{ field: 'names', old: { fr: 'Accès à l’eau', ar: 'الوصول إلى المياه' }, new: { fr: 'Accès à l’eau', ar: 'الوصول إلى المياه', nl: 'Toegang tot water' } }]);
    // the same names in another order are the same names
    expect((await ev.patch('/api/themes/water-access', { names: { nl: 'Toegang tot water', ar: 'الوصول إلى المياه', fr: 'Accès à l’eau' } })).status).toBe(200);
    expect(await revisions()).toHaveLength(1);
  });

  test('when a name is not a name (another language, too long), then 400 with its path, and nothing changes', async () => {
    const r = await ev.patch('/api/themes/water-access', { names: { de: 'Wasserzugang' } });
    expect(r.status).toBe(400);
    const long = await ev.patch('/api/themes/water-access', { names: { fr: 'x'.repeat(301) } });
    expect(long.status).toBe(400);
    expect(long.body.errors.map((e: { path: string }) => e.path)).toContain('/names/fr');
    expect((await ev.get('/api/themes')).body.items.find((x: { code: string }) => x.code === 'water-access').names.nl).toBe('Toegang tot water');
  });
});

describe('domains of change', () => {
  const domainsOf = async (c: Client) => (await c.get(`/api/harvests/${harvestId}/domains`)).body.items as Array<{ code: string; names: Record<string, string> }>;

  test("when an evaluator of the programme names a harvest's own domain, then the domain list and the harvest carry the names, and its code stays", async () => {
    const code = (await domainsOf(ev)).find((d) => d.code !== 'any-other-change' && d.code !== 'negative-change')!.code;
    const r = await ev.patch(`/api/harvests/${harvestId}/domains/${code}`, { names: { fr: 'La voix dans les conseils locaux', ar: 'الصوت في المجالس المحلية' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ code, name: 'Voice in local councils', names: { fr: 'La voix dans les conseils locaux', ar: 'الصوت في المجالس المحلية' } });
    expect((await domainsOf(p1)).find((d) => d.code === code)!.names.fr).toBe('La voix dans les conseils locaux');
    const harvest = (await p1.get(`/api/harvests/${harvestId}`)).body;
    expect(harvest.domains).toEqual(['Voice in local councils']); // what the harvest form edits
    expect(harvest.domainList).toEqual([{ code, name: 'Voice in local councils', names: { fr: 'La voix dans les conseils locaux', ar: 'الصوت في المجالس المحلية' } }]);
    const [rev] = await t.ctx.db('revisions').where({ entity_type: 'harvest', entity_id: harvestId, action: 'update_domain' });
    expect(JSON.parse(rev.changes)[0]).toMatchObject({ field: `domains.${code}.names`, old: {} });
    expect(await t.ctx.db('audit_log').where({ action: 'harvest.domain.update', entity_id: harvestId }).first('id')).toBeTruthy();
  });

  test('when the domain is a recommended one, unknown, or the caller is a partner or of another programme, then it is refused and nothing changes', async () => {
    const [mine] = (await domainsOf(ev)).filter((d) => d.code !== 'any-other-change' && d.code !== 'negative-change');
    const recommended = await ev.patch(`/api/harvests/${harvestId}/domains/negative-change`, { names: { fr: 'Changement négatif' } });
    expect([recommended.status, recommended.body.errors[0].code]).toEqual([409, 'recommended']);
    expect((await ev.patch(`/api/harvests/${harvestId}/domains/no-such-domain`, { names: { fr: 'x' } })).status).toBe(404);
    expect((await p1.patch(`/api/harvests/${harvestId}/domains/${mine.code}`, { names: { fr: 'x' } })).status).toBe(403);
    expect((await evB.patch(`/api/harvests/${harvestId}/domains/${mine.code}`, { names: { fr: 'x' } })).status).toBe(404);
    expect((await domainsOf(ev)).find((d) => d.code === mine.code)!.names.fr).toBe('La voix dans les conseils locaux');
  });
});

describe('indicators', () => {
  test('when an indicator is revised with names for its name and unit, then they are kept; a save with the same names records no revision', async () => {
    const made = await ev.post('/api/indicators', { code: 'X-OTHER-NAMES', name: 'Women mediators', unit: 'women', direction: 'increase', programmeId: t.world.programmes.A });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ names: {}, unitNames: {} });
    const r = await ev.patch(`/api/indicators/${made.body.id}`, { names: { fr: 'Femmes médiatrices' }, unitNames: { fr: 'femmes' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ names: { fr: 'Femmes médiatrices' }, unitNames: { fr: 'femmes' } });
    const revisions = () => t.ctx.db('revisions').where({ entity_type: 'indicator', entity_id: made.body.id });
    expect(await revisions()).toHaveLength(1);
    expect((await ev.patch(`/api/indicators/${made.body.id}`, { name: 'Women mediators', names: { fr: 'Femmes médiatrices' } })).status).toBe(200);
    expect(await revisions()).toHaveLength(1);
  });
});

describe('the import template', () => {
  test("when a French partner asks for the template, then its code sheets name the goals and categories in French beside the English", async () => {
    const bytes = (await getBytes(p1, '/api/imports/template.xlsx?kind=outcomes&lang=fr')).bytes;
    const goals = await xlsxRows(bytes, 'goals');
    expect(goals[0]).toEqual(['primaryGoal / otherGoals', 'name', 'framework', 'name (français)']);
    const part = goals.find((g) => g[0] === 'PART')!;
    expect(part[1]).toBe('Participation');
    const categories = await xlsxRows(bytes, 'typologies');
    expect(categories.find((c) => c[0] === 'GAW-RULES')).toEqual(['GAW-RULES', 'Formal rules and policies', 'gender-at-work', 'Règles formelles et politiques']);
    const english = await xlsxRows((await getBytes(p1, '/api/imports/template.xlsx?kind=outcomes')).bytes, 'goals');
    expect(english[0]).toEqual(['primaryGoal / otherGoals', 'name', 'framework']);
  });
});
