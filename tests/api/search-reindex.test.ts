// A new session secret makes a new search key: at start, the blind index of every story and
// fragment is rebuilt with it, so that search over sealed text keeps finding what it found.
import crypto from 'node:crypto';
import { startTestApp, TestApp } from '../helpers/app';
import { fragmentBody, newStory, ok, sourceBody } from '../helpers/stories';
import { reindexBlindSearch } from '../../server/consent/seal';
import { blindTerms } from '../../server/crypto/record-keys';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(() => t.close());

test('after the session secret changes, the index is rebuilt once, and search finds the same records', async () => {
  const p1 = await t.as('partner1');
  const story = await newStory(p1, { story: 'The zanzibarite committee met at dawn.' });
  const source = await ok(p1.post('/api/sources', sourceBody()), 201) as { id: string };
  const fragment = await ok(p1.post('/api/fragments', { ...fragmentBody(source.id), excerpt: 'We called it the zanzibarite agreement.' }), 201) as { id: string };
  const found = async () => ({
    stories: (await ok(p1.get('/api/stories?q=zanzibarite'))).items.map((x: { id: string }) => x.id),
    fragments: (await ok(p1.get('/api/fragments?q=zanzibarite'))).items.map((x: { id: string }) => x.id),
  });
  expect(await found()).toEqual({ stories: [story.id], fragments: [fragment.id] });

  const before = t.ctx.keyring;
  expect(await reindexBlindSearch(t.ctx.db, before)).toBe(0); // the key in use is recorded; nothing to rebuild
  const after = { ...before, searchKey: crypto.randomBytes(32) };
  const tokenOf = (ring: typeof before) => blindTerms(ring, ['zanzibarite'])[0];
  const indexed = async (ring: typeof before) => ({
    stories: (await t.ctx.db('stories').where('search_text', 'like', `%${tokenOf(ring)}%`).pluck('id')) as string[],
    fragments: (await t.ctx.db('fragments').where('search_text', 'like', `%${tokenOf(ring)}%`).pluck('id')) as string[],
  });
  expect(await indexed(after)).toEqual({ stories: [], fragments: [] });

  const total = Number((await t.ctx.db('stories').count({ n: '*' }))[0].n) + Number((await t.ctx.db('fragments').count({ n: '*' }))[0].n);
  expect(await reindexBlindSearch(t.ctx.db, after)).toBe(total);
  expect(await indexed(after)).toEqual({ stories: [story.id], fragments: [fragment.id] });
  expect(await indexed(before)).toEqual({ stories: [], fragments: [] });
  expect(await reindexBlindSearch(t.ctx.db, after)).toBe(0);
  expect(await t.ctx.db('instance_settings').pluck('value')).not.toContain(after.searchKey!.toString('hex'));
});
