// A count is only what the reader may see (DESIGN.md, "What outsiders see and count"): an
// outcome's evidence count, the evidenceMin/evidenceMax filters and sort=evidence count only the
// linked stories and fragments each reader may open.
import { startTestApp, type Client, type TestApp } from '../helpers/app';
import { outcomeBody } from '../helpers/fixtures';
import { newHarvest, newStory, ok, publish } from '../helpers/stories';

let t: TestApp;
let p1: Client, p2: Client, ev: Client, donor: Client, admin: Client;

beforeAll(async () => {
  t = await startTestApp();
  [p1, p2, ev, donor, admin] = await Promise.all((['partner1', 'partner2', 'evaluator', 'donor', 'admin'] as const).map((w) => t.as(w)));
});
afterAll(() => t.close());

/** A published public outcome of p1 with `documents` documents on the record. */
async function publishedOutcome(documents: number): Promise<string> {
  const evidence = Array.from({ length: documents }, (_, i) => ({ kind: 'document', title: `Council minutes, part ${i + 1}` }));
  const o = await ok(p1.post('/api/outcomes', outcomeBody({ evidence })), 201);
  await t.ctx.db('outcomes').where({ id: o.id }).update({ status: 'published', published_at: new Date().toISOString() });
  return o.id as string;
}

const countOf = async (c: Client, id: string) => (await ok(c.get(`/api/outcomes/${id}`))).evidenceCount as number;

describe('evidence counts per reader', () => {
  let linked: string;
  let plain: string;

  beforeAll(async () => {
    // one document, and three linked stories: a draft of p1, a published public one, a submitted confidential one
    linked = await publishedOutcome(1);
    plain = await publishedOutcome(3);
    const draft = await newStory(p1, { title: 'A draft story only p1 sees' });
    const shared = await newStory(p1, { title: 'A published story everyone of the programme sees' });
    await publish('stories', shared.id, p1, ev);
    const confidential = await newStory(p1, { title: 'A confidential story for p1 and its evaluators', sensitivity: 'confidential' });
    await ok(p1.post(`/api/stories/${confidential.id}/transitions`, { to: 'submitted' }));
    for (const s of [draft, shared, confidential]) await ok(p1.post(`/api/outcomes/${linked}/evidence-links`, { storyId: s.id, relation: 'supports' }), 201);
  });

  test('when each reader opens the outcome, then its evidence count counts only the stories that reader may open', async () => {
    expect(await countOf(admin, linked)).toBe(4);
    expect(await countOf(p1, linked)).toBe(4);
    expect(await countOf(ev, linked)).toBe(3); // not p1's draft
    expect(await countOf(p2, linked)).toBe(2); // the published public story only
    expect(await countOf(donor, linked)).toBe(2);
    // the list says the same as the record
    const listed = await ok(donor.get(`/api/outcomes?pageSize=200`));
    expect(listed.items.find((o: { id: string }) => o.id === linked).evidenceCount).toBe(2);
  });

  test('when a reader filters by evidenceMin or evidenceMax, then the filter counts what that reader may open', async () => {
    const has = async (c: Client, q: string) => (await ok(c.get(`/api/outcomes?${q}&pageSize=200`))).items.some((o: { id: string }) => o.id === linked);
    expect(await has(p1, 'evidenceMin=4')).toBe(true);
    expect(await has(ev, 'evidenceMin=4')).toBe(false);
    expect(await has(ev, 'evidenceMin=3')).toBe(true);
    expect(await has(donor, 'evidenceMin=3')).toBe(false);
    expect(await has(p2, 'evidenceMin=3')).toBe(false);
    expect(await has(donor, 'evidenceMax=2')).toBe(true);
    expect(await has(p1, 'evidenceMax=2')).toBe(false);
    // a repeated question (a kept answer on SQLite) is still the reader's own
    expect(await has(donor, 'evidenceMin=3')).toBe(false);
    expect(await has(p1, 'evidenceMin=3')).toBe(true);
  });

  test('when a reader sorts by evidence, then the order follows that reader’s counts', async () => {
    const order = async (c: Client) => (await ok(c.get('/api/outcomes?sort=-evidence&pageSize=200'))).items
      .map((o: { id: string }) => o.id).filter((id: string) => id === linked || id === plain);
    expect(await order(p1)).toEqual([linked, plain]); // 4 before 3
    expect(await order(donor)).toEqual([plain, linked]); // 3 before 2
    expect(await order(p2)).toEqual([plain, linked]);
  });
});

describe('no hidden record in what a reader receives', () => {
  test("when a linked story is one the reader may not open, then the outcome's revisions leave its link out", async () => {
    const o = await ok(p1.post('/api/outcomes', outcomeBody()), 201);
    const draft = await newStory(p1, { title: 'A draft only its organisation opens' });
    await ok(p1.post(`/api/outcomes/${o.id}/evidence-links`, { storyId: draft.id, relation: 'supports' }), 201);
    await ok(p1.post(`/api/outcomes/${o.id}/transitions`, { to: 'submitted' }));
    const linksIn = async (c: Client) => JSON.stringify((await ok(c.get(`/api/outcomes/${o.id}/revisions`))).items.filter((r: { action: string }) => r.action === 'link_evidence'));
    expect(await linksIn(p1)).toContain(draft.id); // its own organisation opens the draft
    expect((await ev.get(`/api/stories/${draft.id}`)).status).toBe(404);
    expect(await linksIn(ev)).toBe('[]');
  });

  test('when the story a selection round chose is withdrawn, then the round says so and the panel’s reasons and dissent go with it', async () => {
    const h = await newHarvest(t);
    await ok(ev.post(`/api/harvests/${h}/domains`, { code: 'women-voice', name: 'Women’s voice in public life' }), 201);
    const [chosen, other] = await Promise.all(['The chosen story', 'The other story'].map((title) => newStory(p1, { harvestId: h, domain: 'women-voice', title })));
    for (const s of [chosen, other]) await ok(p1.post(`/api/stories/${s.id}/transitions`, { to: 'submitted' }));
    const round = await ok(ev.post('/api/selection-rounds', {
      level: 'partner', domain: 'women-voice', harvestId: h, panel: [{ role: 'women leaders' }], storyIds: [chosen.id, other.id], selectedStoryId: chosen.id,
      reasons: 'Because the chosen story tells of the market women at the council.', dissent: 'One member found the market story too close to home.',
    }), 201);
    expect(round).toMatchObject({ selectedWithdrawn: false, reasons: expect.stringContaining('market women') });
    await ok(p1.post(`/api/stories/${chosen.id}/consent/withdraw`, { reason: 'The storyteller asked.' }));
    const after = await ok(ev.get(`/api/selection-rounds/${round.id}`));
    expect(after).toMatchObject({ selectedStoryId: null, selectedWithdrawn: true, reasons: null, dissent: null });
    expect(after.stories.map((s: { id: string }) => s.id)).toEqual([other.id]);
    const row = await t.ctx.db('selection_rounds').where({ id: round.id }).first();
    expect([row.reasons, row.dissent]).toEqual(['', null]);
    const path = await ok(p1.get(`/api/stories/${other.id}/selections`));
    expect(path.items).toEqual([expect.objectContaining({ selectedWithdrawn: true, reasons: null, selected: false })]);
  });
});
