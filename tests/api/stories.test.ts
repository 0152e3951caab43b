// Stories of change: recording with consent, translations beside the original, the lifecycle,
// visibility by role, domains of change, selection rounds up the levels, and consent withdrawal.
import { startTestApp, TestApp, Client } from '../helpers/app';
import { everyStoredRow, newHarvest, newStory, ok, publish, storyBody } from '../helpers/stories';
import { moveReviewed } from '../helpers/proof';
import { applyTombstones, listTombstones } from '../../server/consent/erase';

let t: TestApp;
let p1: Client, p2: Client, p3: Client, ev: Client, evB: Client, donor: Client, donorB: Client, admin: Client;
beforeAll(async () => {
  t = await startTestApp();
  [p1, p2, p3, ev, evB, donor, donorB, admin] = await Promise.all((['partner1', 'partner2', 'partner3', 'evaluator', 'evaluatorB', 'donor', 'donorB', 'admin'] as const).map((w) => t.as(w)));
});
afterAll(() => t.close());

const ids = (r: { body: { items: Array<{ id: string }> } }) => r.body.items.map((x) => x.id);

describe('recording a story', () => {
  test('when a partner records a story, then it is a draft of its organisation, with personal data encrypted at rest', async () => {
    const s = await newStory(p1);
    expect(s).toMatchObject({ status: 'draft', organisation: { id: t.world.orgs.p1 }, domain: 'any-other-change', collectedBy: 'Collector Canary', storyteller: { role: 'market gardener', ageBand: '35-44' }, consent: { level: 'anonymous', recordedBy: 'Recorder Canary' }, redacted: false });
    const row = await t.ctx.db('stories').where({ id: s.id }).first();
    expect(JSON.stringify(row)).not.toMatch(/Canary|market gardener/);
    expect(await t.ctx.db('audit_log').where({ entity_id: s.id }).pluck('action')).toEqual(['story.create']);
  });

  test.each([
    ['an unknown goal', { goals: [{ code: 'NOPE', primary: true }] }, 422, '/goals/0/code'],
    ['two primary goals', { goals: [{ code: 'NL-IV-1.1', primary: true }, { code: 'PART', primary: true }] }, 422, '/goals'],
    ['an unknown country', { location: { country: 'XX' } }, 422, '/location/country'],
    ['a domain the harvest does not have', { domain: 'women-in-politics' }, 422, '/domain'],
    ['a name without named consent', { storyteller: { role: 'trader', name: 'Awa Canary' } }, 422, '/storyteller/name'],
    ['a future collection date', { collectedOn: '2999-01-01' }, 422, '/collectedOn'],
    // a draft may lack its storyteller yet (its submission may not), but one given needs a role
    ['a storyteller without a role', { storyteller: { ageBand: '35-44' } }, 400, '/storyteller/role'],
    ['a bad consent level', { consent: { level: 'maybe', method: 'verbal', givenOn: '2025-01-01', recordedBy: 'x' } }, 400, '/consent/level'],
  ])('when the story has %s, then %i naming the field and nothing is written', async (_what, over, status, path) => {
    const before = (await t.ctx.db('stories').count({ n: '*' }))[0].n;
    const r = await p1.post('/api/stories', storyBody(over));
    expect(r.status).toBe(status);
    expect(r.body.code).toBe(status === 422 ? 'unprocessable' : 'validation_failed');
    expect(r.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect((await t.ctx.db('stories').count({ n: '*' }))[0].n).toBe(before);
  });

  test('when consent is named, then the storyteller may be named — but never to a donor', async () => {
    const s = await newStory(p1, { storyteller: { role: 'midwife', name: 'Mariam Canary' }, consent: { level: 'named', method: 'written', givenOn: '2025-02-01', recordedBy: 'R' } });
    expect(s.storyteller).toMatchObject({ name: 'Mariam Canary' });
    await publish('stories', s.id, p1, ev);
    const seen = await ok(donor.get(`/api/stories/${s.id}`));
    expect(seen.redacted).toBe(true);
    expect(JSON.stringify(seen)).not.toMatch(/Canary|midwife/);
  });

  test('when a donor or an evaluator tries to record a story, then 403', async () => {
    expect((await donor.post('/api/stories', storyBody())).status).toBe(403);
    expect((await ev.post('/api/stories', storyBody())).status).toBe(403);
  });
});

describe('lifecycle and visibility', () => {
  test('draft → submitted → published: partner submits, evaluator publishes; wrong role 403, wrong state 409', async () => {
    const s = await newStory(p1);
    expect((await ev.post(`/api/stories/${s.id}/transitions`, { to: 'submitted' })).status).toBe(404); // drafts stay in the organisation
    expect((await p1.post(`/api/stories/${s.id}/transitions`, { to: 'published' })).status).toBe(403);
    expect((await ok(p1.post(`/api/stories/${s.id}/transitions`, { to: 'submitted' }))).status).toBe('submitted');
    const again = await p1.post(`/api/stories/${s.id}/transitions`, { to: 'submitted' });
    expect([again.status, again.body.code]).toEqual([409, 'invalid_transition']);
    expect((await p1.patch(`/api/stories/${s.id}`, { title: 'Too late' })).status).toBe(409);
    expect((await ev.post(`/api/stories/${s.id}/transitions`, { to: 'draft' })).status).toBe(422); // a return needs a comment
    expect((await evB.post(`/api/stories/${s.id}/transitions`, { to: 'published' })).status).toBe(404);
    expect((await ok(moveReviewed(ev, `/api/stories/${s.id}/transitions`, { to: 'published' }))).status).toBe('published');
    expect(await t.ctx.db('transitions').where({ entity_type: 'story', entity_id: s.id }).orderBy('id').pluck('to_status')).toEqual(['draft', 'submitted', 'published']);
  });

  test('who sees what: only published, public stories with consent to share reach donors and other organisations, redacted', async () => {
    const shared = await newStory(p1, { title: 'Shared story Qorivane' });
    const internal = await newStory(p1, { title: 'Internal-only story Qorivane', consent: { level: 'internal_only', method: 'verbal', givenOn: '2025-01-01', recordedBy: 'R' } });
    const noConsent = await newStory(p1, { title: 'Story without consent Qorivane', consent: null });
    const restricted = await newStory(p1, { title: 'Restricted story Qorivane', sensitivity: 'restricted' });
    const draft = await newStory(p1, { title: 'Draft story Qorivane' });
    for (const s of [shared, internal, noConsent, restricted]) await publish('stories', s.id, p1, ev);
    const all = [shared.id, internal.id, noConsent.id, restricted.id];
    const list = async (c: Client) => ids(await c.get('/api/stories?q=Qorivane&pageSize=200'));
    expect((await list(p1)).sort()).toEqual([...all, draft.id].sort());
    expect((await list(ev)).sort()).toEqual(all.sort());
    expect((await list(admin)).sort()).toEqual([...all, draft.id].sort());
    for (const c of [donor, p2]) {
      expect(await list(c)).toEqual([shared.id]);
      for (const hidden of [internal.id, noConsent.id, restricted.id, draft.id]) expect((await c.get(`/api/stories/${hidden}`)).status).toBe(404);
      const seen = await ok(c.get(`/api/stories/${shared.id}`));
      expect(seen).toMatchObject({ redacted: true, storyteller: null, collectedBy: null, consent: { level: 'anonymous' } });
      expect(JSON.stringify(seen)).not.toMatch(/Canary|market gardener/);
    }
    for (const c of [donorB, p3, evB]) expect(await list(c)).toEqual([]);
    expect((await donor.get('/api/stories?q=Qorivane')).body.total).toBe(1);
  });

  test('recording consent later opens a story up; narrowing it closes it at once', async () => {
    const s = await newStory(p1, { title: 'Consent comes later Mbolotsi', consent: null });
    await publish('stories', s.id, p1, ev);
    expect((await donor.get(`/api/stories/${s.id}`)).status).toBe(404);
    const withConsent = await ok(p1.post(`/api/stories/${s.id}/consent`, { level: 'anonymous', method: 'written', givenOn: '2025-03-01', recordedBy: 'Recorder Canary' }));
    expect(withConsent.consent).toMatchObject({ level: 'anonymous', recordedBy: 'Recorder Canary' });
    expect((await donor.get(`/api/stories/${s.id}`)).status).toBe(200);
    await ok(ev.post(`/api/stories/${s.id}/consent`, { level: 'internal_only', method: 'verbal', givenOn: '2025-03-05', recordedBy: 'R' }));
    expect((await donor.get(`/api/stories/${s.id}`)).status).toBe(404);
    expect((await donor.post(`/api/stories/${s.id}/consent`, { level: 'named', method: 'verbal', givenOn: '2025-03-05', recordedBy: 'R' })).status).toBe(403);
    const revs = await ok(p1.get(`/api/stories/${s.id}/revisions`));
    expect(revs.items.map((r: { action: string }) => r.action)).toEqual(['consent', 'consent']);
  });

  test('narrowing consent takes the storyteller\'s name out of the earlier versions too, not only out of the profile', async () => {
    const named = { level: 'named', method: 'written', givenOn: '2025-02-14', recordedBy: 'R' };
    const s = await newStory(p1, { consent: named, storyteller: { role: 'market gardener', name: 'Awa Nametrace' } });
    await ok(p1.patch(`/api/stories/${s.id}`, { storyteller: { role: 'trader', name: 'Awa Nametrace' } }));
    expect(JSON.stringify(await ok(p1.get(`/api/stories/${s.id}/revisions`)))).toMatch(/Nametrace/);
    const narrowed = await ok(p1.post(`/api/stories/${s.id}/consent`, { ...named, level: 'anonymous' }));
    expect(narrowed.storyteller).toEqual({ role: 'trader' });
    const revs = await ok(p1.get(`/api/stories/${s.id}/revisions`));
    expect(revs.items.map((r: { action: string }) => r.action)).toEqual(['update', 'consent']);
    expect(revs.items[0].changes).toEqual(expect.arrayContaining([{ field: 'storyteller', old: { role: 'market gardener' }, new: { role: 'trader' } }]));
    expect(JSON.stringify(revs)).not.toMatch(/Nametrace/);
  });

  test('edits are revisions; personal values in them are encrypted and redacted for others', async () => {
    const s = await newStory(p1);
    await ok(p1.patch(`/api/stories/${s.id}`, { title: 'Women speak at the land committee', collectedBy: 'Other Canary' }));
    const [rev] = (await ok(p1.get(`/api/stories/${s.id}/revisions`))).items;
    expect(rev.changes).toEqual(expect.arrayContaining([{ field: 'title', old: storyBody().title, new: 'Women speak at the land committee' }, { field: 'collectedBy', old: 'Collector Canary', new: 'Other Canary' }]));
    expect(JSON.stringify(await t.ctx.db('revisions').where({ entity_id: s.id }))).not.toMatch(/Canary/);
    await publish('stories', s.id, p1, ev);
    expect(JSON.stringify(await ok(donor.get(`/api/stories/${s.id}/revisions`)))).not.toMatch(/Canary/);
  });
});

describe('translations', () => {
  test('a translation is kept beside the original, never over it; one per language; not the original language', async () => {
    const s = await newStory(p1, { language: 'fr', title: 'Les femmes de Sévaré prennent la parole', story: 'Avant les dialogues, seuls le chef et l’imam parlaient au comité foncier.' });
    const r = await ok(p1.post(`/api/stories/${s.id}/translations`, { language: 'en', title: 'The women of Sévaré speak up', story: 'Before the dialogues, only the chief and the imam spoke.', whySignificant: 'A woman was heard.', translatedBy: 'Translator Canary' }), 201);
    expect(r).toMatchObject({ language: 'fr', title: 'Les femmes de Sévaré prennent la parole' });
    expect(r.translations).toEqual([expect.objectContaining({ language: 'en', title: 'The women of Sévaré speak up', translatedBy: 'Translator Canary' })]);
    expect((await p1.post(`/api/stories/${s.id}/translations`, { language: 'en', title: 'again', story: 'again' })).status).toBe(409);
    expect((await p1.post(`/api/stories/${s.id}/translations`, { language: 'fr', title: 'same', story: 'same' })).status).toBe(422);
    expect(ids(await p1.get('/api/stories?q=dialogues%20imam&language=fr'))).toContain(s.id); // found through either language
    await publish('stories', s.id, p1, ev);
    const seen = await ok(donor.get(`/api/stories/${s.id}`));
    expect(seen.translations).toEqual([expect.objectContaining({ language: 'en', title: 'The women of Sévaré speak up' })]);
    expect(JSON.stringify(seen)).not.toMatch(/Canary/);
  });
});

describe('domains of change', () => {
  test('a harvest always has the two recommended domains; evaluators add more; stories then use them', async () => {
    const h = await newHarvest(t);
    const empty = await ok(p1.get(`/api/harvests/${h}/domains`));
    expect(empty.items.map((d: { code: string }) => d.code)).toEqual(['any-other-change', 'negative-change']);
    expect((await p1.post(`/api/harvests/${h}/domains`, { name: 'Women in local decision-making' })).status).toBe(403);
    const d = await ok(ev.post(`/api/harvests/${h}/domains`, { name: 'Women in local decision-making' }), 201);
    expect(d).toMatchObject({ code: 'women-in-local-decision-making', recommended: false });
    expect((await ev.post(`/api/harvests/${h}/domains`, { code: 'negative-change', name: 'Again' })).status).toBe(409);
    expect((await ok(donor.get(`/api/harvests/${h}/domains`))).total).toBe(3);
    expect((await donorB.get(`/api/harvests/${h}/domains`)).status).toBe(404);
    expect((await evB.post(`/api/harvests/${h}/domains`, { name: 'x' })).status).toBe(404);
    const s = await newStory(p1, { harvestId: h, domain: 'women-in-local-decision-making' });
    expect(s.domain).toBe('women-in-local-decision-making');
    expect((await p3.post('/api/stories', storyBody({ harvestId: h }))).status).toBe(422); // not a harvest of p3's programmes
  });
});

describe('selection rounds', () => {
  let h: string;
  let a: string, b: string, c: string, d: string;
  const round = (over: Record<string, unknown>) => ({
    level: 'partner', domain: 'women-voice', harvestId: h, panel: [{ role: 'women leaders', count: 4 }, { role: 'programme officer' }],
    reasons: 'The panel chose it because the change reaches beyond one family.', ...over,
  });
  beforeAll(async () => {
    h = await newHarvest(t);
    await ok(ev.post(`/api/harvests/${h}/domains`, { code: 'women-voice', name: 'Women’s voice in public life' }), 201);
    [a, b, c, d] = await Promise.all([p1, p1, p2, p2].map(async (who, i) => (await newStory(who, { harvestId: h, domain: 'women-voice', title: `Voice story ${i}` })).id));
    for (const [id, who] of [[a, p1], [b, p1], [c, p2]] as const) await ok(who.post(`/api/stories/${id}/transitions`, { to: 'submitted' }));
    await publish('stories', d, p2, ev); // published stories can be considered too
  });

  test('a partner-level round, then a programme-level round of the stories selected below, each with its reasons', async () => {
    const r1 = await ok(ev.post('/api/selection-rounds', round({ storyIds: [a, b], selectedStoryId: a, scores: [{ storyId: a, votes: 5 }, { storyId: b, votes: 2 }], dissent: 'One member preferred the second story.' })), 201);
    expect(r1).toMatchObject({ level: 'partner', selectedStoryId: a, dissent: 'One member preferred the second story.' });
    await ok(ev.post('/api/selection-rounds', round({ storyIds: [c, d], selectedStoryId: d, reasons: 'Most concrete change.' })), 201);
    const tooHigh = await ev.post('/api/selection-rounds', round({ level: 'programme', storyIds: [a, b], selectedStoryId: a }));
    expect([tooHigh.status, tooHigh.body.code, tooHigh.body.errors[0].path]).toEqual([409, 'conflict', '/storyIds/1']);
    const r3 = await ok(ev.post('/api/selection-rounds', round({ level: 'programme', storyIds: [a, d], selectedStoryId: a, reasons: 'It shows **systemic** change: a council rule, not a favour.' })), 201);
    await ok(ev.post(`/api/selection-rounds/${r3.id}/feedback`, { method: 'meeting with the storytellers in Sévaré', givenOn: '2025-06-01', note: 'We explained why the panel chose this story.' }), 201);
    const path = await ok(p1.get(`/api/stories/${a}/selections`));
    expect(path).toMatchObject({ storyId: a, selectedUpTo: 'programme', total: 2 });
    expect(path.items.map((i: { level: string; selected: boolean; reasons: string }) => [i.level, i.selected, i.reasons])).toEqual([
      ['partner', true, 'The panel chose it because the change reaches beyond one family.'],
      ['programme', true, 'It shows **systemic** change: a council rule, not a favour.'],
    ]);
    expect(path.items[0].votes).toBe(5);
    expect(path.items[1].feedback).toEqual([{ storyId: a, givenOn: '2025-06-01', method: 'meeting with the storytellers in Sévaré', note: 'We explained why the panel chose this story.' }]);
    // the programme round chose p1's submitted story, which p2 may not see: its reasons speak of that
    // story and a round without it would tell that a hidden story won, so p2 is not shown that round
    const other = await ok(p2.get(`/api/stories/${d}/selections`));
    expect(other.items.map((i: { level: string; selected: boolean }) => [i.level, i.selected])).toEqual([['partner', true]]);
    expect((await p2.get(`/api/selection-rounds/${r3.id}`)).status).toBe(404);
    expect((await ok(p2.get('/api/selection-rounds?pageSize=100'))).items.map((x: { id: string }) => x.id)).not.toContain(r3.id);
    expect((await ok(ev.get(`/api/selection-rounds/${r3.id}`))).stories.map((s: { id: string }) => s.id).sort()).toEqual([a, d].sort());
    // the feedback notes are the storytellers' personal data: read by the evaluator, that is recorded; by p1's own people, not
    const feedbackViews = () => t.ctx.db('audit_log').where({ action: 'personal.view', entity_type: 'story' }).whereNull('entity_id')
      .select('actor_id', 'details').then((rows) => rows.filter((x) => (JSON.parse(x.details).ids ?? []).includes(a)));
    const before = (await feedbackViews()).length;
    await ok(p1.get(`/api/stories/${a}/selections`));
    expect(await feedbackViews()).toHaveLength(before);
    await ok(ev.get(`/api/selection-rounds/${r3.id}`));
    await ok(ev.get(`/api/stories/${a}/selections`));
    const seen = (await feedbackViews()).slice(before);
    expect(seen.map((x) => x.actor_id)).toEqual([t.world.users.evaluator, t.world.users.evaluator]);
  });

  test('rounds are recorded by evaluators of the programme, over submitted stories of one domain', async () => {
    expect((await p1.post('/api/selection-rounds', round({ storyIds: [a], selectedStoryId: a }))).status).toBe(403);
    expect((await evB.post('/api/selection-rounds', round({ storyIds: [a], selectedStoryId: a }))).status).toBe(422); // not visible to evaluator B
    const draft = (await newStory(p1, { harvestId: h, domain: 'women-voice' })).id;
    expect((await admin.post('/api/selection-rounds', round({ storyIds: [draft], selectedStoryId: draft }))).status).toBe(409);
    const wrong = await ev.post('/api/selection-rounds', round({ domain: 'negative-change', storyIds: [a], selectedStoryId: a }));
    expect([wrong.status, wrong.body.errors[0].path]).toEqual([422, '/storyIds/0']);
    expect((await ev.post('/api/selection-rounds', round({ storyIds: [a], selectedStoryId: b }))).status).toBe(422);
  });
});

describe('consent withdrawal', () => {
  test('erases the story, its translations, revision values and audit details; leaves a tombstone; nothing stored holds its text', async () => {
    const phrase = 'Zokorotan Canary';
    const s = await newStory(p1, { story: `The well committee of ${phrase} now has three women members.` });
    await ok(p1.patch(`/api/stories/${s.id}`, { title: `Women of ${phrase} join the well committee` }));
    await ok(p1.post(`/api/stories/${s.id}/translations`, { language: 'fr', title: `Les femmes de ${phrase}`, story: `Le comité du puits de ${phrase}.`, translatedBy: 'T' }), 201);
    await ok(p1.post(`/api/stories/${s.id}/transitions`, { to: 'submitted' }));
    expect((await ev.post(`/api/stories/${s.id}/consent/withdraw`, { reason: 'The storyteller fears reprisals.' })).status).toBe(200);
    const tomb = await t.ctx.db('tombstones').where({ entity_id: s.id }).first();
    expect(tomb).toMatchObject({ entity_type: 'story', reason: 'The storyteller fears reprisals.' });
    for (const c of [p1, ev, admin]) {
      expect((await c.get(`/api/stories/${s.id}`)).status).toBe(404);
      expect((await c.get('/api/stories?q=Zokorotan')).body.total).toBe(0);
    }
    expect(await everyStoredRow(t)).not.toMatch(/Zokorotan/i);
    expect(await t.ctx.db('revisions').where({ entity_id: s.id }).pluck('action')).toEqual(['erased', 'erased']);
    expect((await p1.post(`/api/stories/${s.id}/consent/withdraw`, {})).status).toBe(404);
  });

  test('when an older backup brings a withdrawn story back, re-applying the tombstones erases it again', async () => {
    const s = await newStory(p1, { title: 'Story Pelvantori from before the withdrawal' });
    await ok(p1.patch(`/api/stories/${s.id}`, { whySignificant: 'Pelvantori women were heard.' }));
    const db = t.ctx.db;
    const backup = {
      story: await db('stories').where({ id: s.id }).first(), goals: await db('story_goals').where({ story_id: s.id }),
      revisions: await db('revisions').where({ entity_id: s.id }), key: await db('record_keys').where({ entity_id: s.id }).first(),
    };
    const tombstone = await ok(p1.post(`/api/stories/${s.id}/consent/withdraw`, { reason: 'withdrawn' }));
    const carried = await listTombstones(db); // read from the live database before the restore
    await db('tombstones').del(); // the older backup predates the tombstone …
    const { seq: _seq, search_tsv: _tsv, ...row } = backup.story; // both are derived on insert
    await db('stories').insert(row); // … and holds the story and its revisions
    await db('record_keys').insert(backup.key); // the backup holds the story's key too
    await db('story_goals').insert(backup.goals);
    await db('revisions').insert(backup.revisions.map(({ id: _id, ...r }) => r));
    expect((await p1.get(`/api/stories/${s.id}`)).status).toBe(200);
    await applyTombstones(db, t.ctx.config.dataDir, carried);
    expect((await p1.get(`/api/stories/${s.id}`)).status).toBe(404);
    expect((await p1.get('/api/stories?q=Pelvantori')).body.total).toBe(0);
    expect(await everyStoredRow(t)).not.toMatch(/Pelvantori/);
    expect(await db('tombstones').where({ entity_id: s.id }).pluck('id')).toEqual([tombstone.id]);
  });

  test('only the organisation, its evaluators or an admin withdraw; a donor cannot', async () => {
    const s = await newStory(p1);
    await publish('stories', s.id, p1, ev);
    expect((await donor.post(`/api/stories/${s.id}/consent/withdraw`, {})).status).toBe(403);
    expect((await p2.post(`/api/stories/${s.id}/consent/withdraw`, {})).status).toBe(403); // sees it (published), may not withdraw
    expect((await p1.post(`/api/stories/${s.id}/consent/withdraw`, {})).status).toBe(200);
  });
});
