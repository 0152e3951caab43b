// Search across outcomes, stories and fragments, and the two "done when" journeys of issue 5:
// a story from recording to selection, evidence and search; then its withdrawal leaving no trace.
import { startTestApp, TestApp, Client, Person } from '../helpers/app';
import { outcomeBody } from '../helpers/fixtures';
import { everyStoredRow, fragmentBody, newHarvest, newStory, ok, publish, sourceBody } from '../helpers/stories';

let t: TestApp;
let p1: Client, p2: Client, ev: Client, donor: Client, admin: Client;
const EVERYONE: Person[] = ['partner1', 'partner1b', 'partner2', 'partner3', 'evaluator', 'evaluatorB', 'donor', 'donorB', 'admin'];
beforeAll(async () => {
  t = await startTestApp();
  [p1, p2, ev, donor, admin] = await Promise.all((['partner1', 'partner2', 'evaluator', 'donor', 'admin'] as const).map((w) => t.as(w)));
});
afterAll(() => t.close());

type Hit = { kind: string; id: string; title: string; snippet: string };
const search = async (c: Client, query: string) => ok(c.get(`/api/search?${query}`)) as Promise<{ items: Hit[]; total: number; facets: { kind: Record<string, number> } }>;
const published = async (id: string) => { await t.ctx.db('outcomes').where({ id }).update({ status: 'published', published_at: new Date().toISOString() }); return id; };

describe('done when: a story from recording to selection, evidence and search', () => {
  test('recorded with anonymous consent and an English translation; selected at partner and programme level; linked with two fragments; found by search', async () => {
    const h = await newHarvest(t);
    await ok(ev.post(`/api/harvests/${h}/domains`, { code: 'women-mediators', name: 'Women as mediators' }), 201);
    const story = await newStory(p1, {
      harvestId: h, domain: 'women-mediators', language: 'fr', title: 'Les médiatrices de Konna règlent le conflit du bourgoutière',
      story: 'Quand les éleveurs et les pêcheurs se sont disputés le bourgou, le chef a appelé les médiatrices. Elles ont obtenu un calendrier de passage accepté par tous.',
      whySignificant: 'Pour la première fois, des femmes ont réglé un conflit foncier à Konna.',
    });
    await ok(p1.post(`/api/stories/${story.id}/translations`, { language: 'en', title: 'The women mediators of Konna settle the bourgou dispute', story: 'When herders and fishers fought over the bourgou pasture, the chief called the women mediators.', translatedBy: 'Translator Canary' }), 201);
    const rival = await newStory(p2, { harvestId: h, domain: 'women-mediators', title: 'Women mediators in Kassala' });
    const other = await newStory(p1, { harvestId: h, domain: 'women-mediators', title: 'A second mediation story' });
    await publish('stories', story.id, p1, ev);
    for (const [s, who] of [[rival, p2], [other, p1]] as const) await ok(who.post(`/api/stories/${s.id}/transitions`, { to: 'submitted' }));
    const panel = [{ role: 'women mediators', count: 5 }, { role: 'partner staff', count: 2 }];
    await ok(ev.post('/api/selection-rounds', { level: 'partner', domain: 'women-mediators', harvestId: h, panel, storyIds: [story.id, other.id], selectedStoryId: story.id, reasons: 'A durable agreement between two livelihoods.' }), 201);
    await ok(ev.post('/api/selection-rounds', { level: 'partner', domain: 'women-mediators', harvestId: h, panel, storyIds: [rival.id], selectedStoryId: rival.id, reasons: 'The only story of the round.' }), 201);
    await ok(ev.post('/api/selection-rounds', { level: 'programme', domain: 'women-mediators', harvestId: h, panel: [{ role: 'programme committee' }], storyIds: [story.id, rival.id], selectedStoryId: story.id, reasons: 'Women changed a rule everyone follows.' }), 201);
    const path = await ok(donor.get(`/api/stories/${story.id}/selections`));
    expect(path.items.map((i: { level: string; reasons: string }) => [i.level, i.reasons])).toEqual([['partner', 'A durable agreement between two livelihoods.'], ['programme', 'Women changed a rule everyone follows.']]);

    const outcome = await published((await ok(p1.post('/api/outcomes', outcomeBody({ title: 'Konna cercle council recognises the women mediators’ bourgou calendar' })), 201)).id);
    const src = await ok(p1.post('/api/sources', sourceBody({ title: 'Focus group with herders, Konna' })), 201);
    const fragments = [];
    for (const excerpt of ['The bourgou calendar of the mediators is respected by the herders.', 'Since the bourgou agreement, the fishers no longer fear the herds.']) {
      const f = await ok(p1.post('/api/fragments', fragmentBody(src.id, { excerpt })), 201);
      await publish('fragments', f.id, p1, ev);
      fragments.push(f.id);
    }
    await ok(ev.post(`/api/outcomes/${outcome}/evidence-links`, { storyId: story.id, relation: 'supports' }), 201);
    for (const id of fragments) await ok(ev.post(`/api/outcomes/${outcome}/evidence-links`, { fragmentId: id, relation: 'supports' }), 201);
    expect((await ok(donor.get(`/api/outcomes/${outcome}/evidence`))).counts).toMatchObject({ stories: 1, fragments: 2 });

    for (const c of [p1, ev, donor, admin]) {
      const r = await search(c, 'q=bourgou');
      expect(r.facets.kind).toEqual({ outcome: 1, story: 1, fragment: 2 });
      expect(r.items.map((i) => i.kind).sort()).toEqual(['fragment', 'fragment', 'outcome', 'story']);
      expect(r.items.find((i) => i.kind === 'story')).toMatchObject({ id: story.id, title: story.title });
      expect(JSON.stringify(r)).not.toMatch(/Canary/);
    }
  });
});

describe('done when: consent withdrawn, no trace left', () => {
  test('searching a phrase of the withdrawn story returns nothing for every role; no revision or audit entry holds its text', async () => {
    const s = await newStory(p1, { title: 'The Yaltavera water point opens to women', story: 'At the Yaltavera water point the women now keep the key of the pump.' });
    await ok(p1.patch(`/api/stories/${s.id}`, { whySignificant: 'Yaltavera women decide the pump hours.' }));
    await ok(p1.post(`/api/stories/${s.id}/translations`, { language: 'fr', title: 'Le point d’eau de Yaltavera', story: 'Au point d’eau de Yaltavera, les femmes gardent la clé.' }), 201);
    await publish('stories', s.id, p1, ev);
    const outcome = await published((await ok(p1.post('/api/outcomes', outcomeBody()), 201)).id);
    await ok(ev.post(`/api/outcomes/${outcome}/evidence-links`, { storyId: s.id, relation: 'context' }), 201);
    expect((await search(donor, 'q=Yaltavera')).total).toBe(1);

    await ok(p1.post(`/api/stories/${s.id}/consent/withdraw`, { reason: 'Withdrawn by the storyteller' }));
    for (const who of EVERYONE) {
      const c = await t.as(who);
      expect(await search(c, 'q=Yaltavera')).toMatchObject({ items: [], total: 0, facets: { kind: { story: 0 } } });
      expect((await search(c, 'q=water%20point%20key%20pump')).items.map((i) => i.id)).not.toContain(s.id);
      expect((await c.get(`/api/stories/${s.id}`)).status).toBe(404);
    }
    expect((await ok(ev.get(`/api/outcomes/${outcome}/evidence`))).stories).toEqual([]);
    const stored = JSON.stringify(await t.ctx.db('revisions').select('*')) + JSON.stringify(await t.ctx.db('audit_log').select('*'));
    expect(stored).not.toMatch(/Yaltavera/);
    expect(await everyStoredRow(t)).not.toMatch(/Yaltavera/);
    expect(await t.ctx.db('tombstones').where({ entity_type: 'story', entity_id: s.id }).first()).toMatchObject({ reason: 'Withdrawn by the storyteller' });
  });
});

describe('search', () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ids.outcomeFr = (await ok(p1.post('/api/outcomes', outcomeBody({ title: 'Le conseil de Sévaré ouvre la médiation aux femmes', language: 'fr', location: { country: 'ML', adminArea: 'Sévaré' } })), 201)).id;
    ids.storyAr = (await newStory(p1, { title: 'النساء في لجنة المصالحة', story: 'قررت اللجنة المحلية إشراك النساء في المصالحة.', language: 'ar', location: { country: 'SD' } })).id;
    ids.storyFr = (await newStory(p1, { title: 'Les médiatrices de Sévaré', story: 'À Sévaré, les médiatrices siègent désormais au comité.', language: 'fr' })).id;
    const src = await ok(p1.post('/api/sources', sourceBody()), 201);
    ids.fragment = (await ok(p1.post('/api/fragments', fragmentBody(src.id, { excerpt: 'Les médiatrices de Sévaré sont écoutées.', language: 'fr', location: { country: 'ML' } })), 201)).id;
    ids.sharedStory = (await newStory(p1, { title: 'Médiatrices partagées de Sévaré' })).id;
    await publish('stories', ids.sharedStory, p1, ev);
  });

  test('accents folded: Sevare finds Sévaré in every kind; the facet counts each kind', async () => {
    const r = await search(p1, 'q=sevare%20mediatrices');
    expect(r.facets.kind).toEqual({ outcome: 0, story: 2, fragment: 1 });
    expect(r.items.map((i) => i.id).sort()).toEqual([ids.storyFr, ids.fragment, ids.sharedStory].sort());
    expect(r.items.find((i) => i.id === ids.fragment)).toMatchObject({ kind: 'fragment', title: 'Focus group with women traders, Sévaré market, p. 4' });
    const outcome = await search(p1, 'q=SEVARE%20mediation');
    expect(outcome.items.map((i) => i.id)).toContain(ids.outcomeFr);
    expect(outcome.items.find((i) => i.id === ids.outcomeFr)?.snippet).toMatch(/Sévaré/);
  });

  test('Arabic is found with or without hamza and ta marbuta variants', async () => {
    expect((await search(p1, `q=${encodeURIComponent('المصالحه')}`)).items.map((i) => i.id)).toContain(ids.storyAr);
    expect((await search(p1, `q=${encodeURIComponent('اشراك')}`)).items.map((i) => i.id)).toContain(ids.storyAr);
  });

  test('kind narrows the items but the facet still counts every kind; filters apply to all kinds', async () => {
    const r = await search(p1, 'q=sevare%20mediatrices&kind=fragment');
    expect(r.items.map((i) => i.kind)).toEqual(['fragment']);
    expect(r.total).toBe(1);
    expect(r.facets.kind.story).toBeGreaterThan(0);
    expect((await search(p1, 'q=sevare%20mediatrices&language=fr')).items.map((i) => i.id).sort()).toEqual([ids.storyFr, ids.fragment].sort());
    expect((await search(p1, 'country=SD&kind=story,fragment')).items.map((i) => i.id)).toEqual([ids.storyAr]);
    expect((await search(p1, 'q=sevare%20mediatrices&goal=NL-IV-4')).items.map((i) => i.id)).toEqual([ids.fragment]);
  });

  test('visibility: donors and other partners find only what they may see', async () => {
    expect((await search(donor, 'q=sevare%20mediatrices')).items.map((i) => i.id)).toEqual([ids.sharedStory]);
    expect((await search(p2, 'q=sevare%20mediatrices')).total).toBe(1);
    expect((await search(ev, 'q=sevare%20mediatrices')).items.map((i) => i.id)).toEqual([ids.sharedStory]); // the rest are drafts
    expect((await search(await t.as('donorB'), 'q=sevare%20mediatrices')).total).toBe(0);
  });

  test('paging, no usable words, bad parameters', async () => {
    const first = await search(p1, 'q=sevare%20mediatrices&pageSize=1&page=1');
    const second = await search(p1, 'q=sevare%20mediatrices&pageSize=1&page=2');
    expect(first.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect(await search(p1, 'q=%21%21')).toMatchObject({ items: [], total: 0 });
    expect((await p1.get('/api/search?kind=indicator')).status).toBe(400);
    expect((await p1.get('/api/search?from=2024-13')).status).toBe(400);
    expect((await p1.get('/api/search?sort=title')).status).toBe(400);
    expect((await t.anon().get('/api/search?q=x')).status).toBe(401);
  });
});
