// Records written before consent-bound text was sealed per record (migration 013) are sealed at
// start (server/consent/seal.ts): the story's text, its translation, an evidence-link note, the
// feedback and the revision values end up sealed under the story's key, the search index blind —
// and everything still reads and searches as before. A second run changes nothing.
import { startTestApp, TestApp, Client } from '../helpers/app';
import { newHarvest, newStory, ok } from '../helpers/stories';
import { outcomeBody } from '../helpers/fixtures';
import { fold } from '../../server/core/fold';
import { isSealed } from '../../server/crypto/record-keys';
import { sealLegacyRecords } from '../../server/consent/seal';

let t: TestApp;
let p1: Client;
let ev: Client;
beforeAll(async () => {
  t = await startTestApp();
  [p1, ev] = [await t.as('partner1'), await t.as('evaluator')];
});
afterAll(() => t.close());

/** Puts a story back as an older version stored it: text, notes and revision values in clear, no key. */
async function asBeforeSealing(id: string, text: { story: string; why: string; translation: string; note: string; feedback: string }) {
  const db = t.ctx.db;
  await db('stories').where({ id }).update({ story: text.story, why_significant: text.why, search_text: fold(`${text.story}\n${text.why}\n${text.translation}`) });
  await db('story_translations').where({ story_id: id }).update({ story: text.translation });
  await db('evidence_links').where({ story_id: id }).update({ note: text.note });
  await db('selection_feedback').where({ story_id: id }).update({ note: text.feedback });
  await db('revisions').where({ entity_type: 'story', entity_id: id }).update({ changes: JSON.stringify([{ field: 'story', old: 'Nivorath before', new: text.story }]) });
  await db('record_keys').where({ entity_type: 'story', entity_id: id }).del();
}

test('when an older database starts, then its stories are sealed and still read and searched as before', async () => {
  const h = await newHarvest(t);
  await ok(ev.post(`/api/harvests/${h}/domains`, { code: 'voice', name: 'Voice' }), 201);
  const s = await newStory(p1, { harvestId: h, domain: 'voice' });
  await ok(p1.post(`/api/stories/${s.id}/translations`, { language: 'fr', title: 'Titre', story: 'Texte.' }), 201);
  await ok(p1.patch(`/api/stories/${s.id}`, { story: 'An edit.' }));
  await ok(p1.post(`/api/stories/${s.id}/transitions`, { to: 'submitted' }));
  const o = await ok(p1.post('/api/outcomes', outcomeBody()), 201);
  await ok(p1.post(`/api/outcomes/${o.id}/evidence-links`, { storyId: s.id, relation: 'supports', note: 'A note.' }), 201);
  const round = await ok(ev.post('/api/selection-rounds', { level: 'partner', domain: 'voice', harvestId: h, panel: [{ role: 'elders' }], storyIds: [s.id], selectedStoryId: s.id, reasons: 'It reaches further.' }), 201);
  await ok(ev.post(`/api/selection-rounds/${round.id}/feedback`, { method: 'meeting', givenOn: '2025-06-01', note: 'Told.' }), 201);
  const text = { story: 'Ulvarinde women mediated at the well.', why: 'Because Ulvarinde was heard.', translation: 'Les femmes de Ulvarinde.', note: 'Ulvarinde note.', feedback: 'Ulvarinde was told.' };
  await asBeforeSealing(s.id, text);
  expect((await ok(p1.get('/api/stories?q=ulvar'))).total).toBe(0); // a clear index does not answer blind terms

  const sealedNow = await sealLegacyRecords(t.ctx.db, t.ctx.keyring);
  expect(sealedNow).toBeGreaterThanOrEqual(1);
  const row = await t.ctx.db('stories').where({ id: s.id }).first();
  const stored = JSON.stringify([row, await t.ctx.db('story_translations').where({ story_id: s.id }), await t.ctx.db('evidence_links').where({ story_id: s.id }),
    await t.ctx.db('selection_feedback').where({ story_id: s.id }), await t.ctx.db('revisions').where({ entity_type: 'story', entity_id: s.id })]);
  expect(stored).not.toMatch(/ulvarinde|Nivorath/i);
  expect([isSealed(row.story), isSealed(row.why_significant)]).toEqual([true, true]);

  const story = await ok(p1.get(`/api/stories/${s.id}`));
  expect([story.story, story.whySignificant, story.translations[0].story]).toEqual([text.story, text.why, text.translation]);
  expect((await ok(p1.get(`/api/stories/${s.id}/revisions`))).items.flatMap((r: { changes: Array<{ old: unknown }> }) => r.changes.map((c) => c.old))).toContain('Nivorath before');
  expect((await ok(p1.get(`/api/outcomes/${o.id}/evidence`))).stories[0].note).toBe(text.note);
  expect(JSON.stringify(await ok(ev.get('/api/selection-rounds?pageSize=100')))).toContain(text.feedback);
  expect((await ok(p1.get('/api/stories?q=ulvar'))).items.map((i: { id: string }) => i.id)).toEqual([s.id]);
  expect(await sealLegacyRecords(t.ctx.db, t.ctx.keyring)).toBe(0);
});
