// Text written before consent-bound text was sealed per record (migration 013) is sealed at start:
// a migration has no keys. Each story and fragment still in clear gets its key, its narrative
// sealed, its search index made blind, and the same for its translations, the notes of its
// evidence links and feedback, and the values of its revisions. One transaction per record; what
// is sealed already is left alone, so a start after an interrupted one goes on where it stopped.
// The blind search index is made with a key drawn from the session secret: when that secret
// changes, the index of every story and fragment is rebuilt at start (reindexBlindSearch).
import type { Knex } from 'knex';
import type { Keyring } from '../crypto/fields';
import { blindIndex, isSealed, recordKey, recordKeys, seal, sealNullable, searchKeyFingerprint, unseal, unsealNullable, type SealedKind } from '../crypto/record-keys';
import { nowIso } from '../core/clock';
import { searchTextOf as storySearchText } from '../stories/representation';
import { searchTextOf as fragmentSearchText } from '../fragments/representation';
import { sealRevisions } from '../revisions/log';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const unsealed = (db: Knex, table: string, column: string) => db(table).whereNotNull(column).whereNot(column, 'like', 'sealed:v1:%');

async function sealNotes(trx: Knex, ring: Keyring, kind: SealedKind, id: string, key: Buffer): Promise<void> {
  const column = kind === 'story' ? 'story_id' : 'fragment_id';
  for (const l of await unsealed(trx, 'evidence_links', 'note').where({ [column]: id }).select('id', 'note')) {
    await trx('evidence_links').where({ id: l.id }).update({ note: seal(key, l.note) });
  }
  if (kind === 'story') {
    for (const f of await unsealed(trx, 'selection_feedback', 'note').where({ story_id: id }).select('id', 'note')) {
      await trx('selection_feedback').where({ id: f.id }).update({ note: seal(key, f.note) });
    }
  }
  await sealRevisions(trx, ring, kind, id);
}

async function sealStory(trx: Knex, ring: Keyring, s: Row): Promise<void> {
  const key = await recordKey(trx, ring, 'story', s.id);
  const translations: Row[] = await trx('story_translations').where({ story_id: s.id });
  const plain = translations.filter((t) => !isSealed(t.story));
  for (const t of plain) await trx('story_translations').where({ id: t.id }).update({ story: seal(key, t.story), why_significant: sealNullable(key, t.why_significant) });
  const texts = plain.map((t) => ({ title: t.title as string, story: t.story as string, why_significant: t.why_significant as string | null }));
  const folded = storySearchText({ title: s.title, story: s.story, whySignificant: s.why_significant ?? '', location: { country: s.country, adminArea: s.admin_area ?? undefined } }, texts);
  await trx('stories').where({ id: s.id }).update({ story: seal(key, s.story), why_significant: sealNullable(key, s.why_significant), search_text: blindIndex(ring, folded) });
  await sealNotes(trx, ring, 'story', s.id, key);
}

async function sealFragment(trx: Knex, ring: Keyring, f: Row): Promise<void> {
  const key = await recordKey(trx, ring, 'fragment', f.id);
  const folded = fragmentSearchText({ excerpt: f.excerpt, locator: f.locator, location: f.admin_area ? { country: f.country ?? '', adminArea: f.admin_area } : null }, f.source_title ?? '');
  await trx('fragments').where({ id: f.id }).update({ excerpt: seal(key, f.excerpt), search_text: blindIndex(ring, folded) });
  await sealNotes(trx, ring, 'fragment', f.id, key);
}

/** Seals every story and fragment still in clear; the number sealed. */
export async function sealLegacyRecords(db: Knex, ring: Keyring): Promise<number> {
  let n = 0;
  for (;;) {
    const stories: Row[] = await unsealed(db, 'stories', 'story').limit(100);
    const fragments: Row[] = await unsealed(db, 'fragments as f', 'f.excerpt').join('sources as src', 'src.id', 'f.source_id').select('f.*', 'src.title as source_title').limit(100);
    if (!stories.length && !fragments.length) return n;
    for (const s of stories) await db.transaction((trx) => sealStory(trx, ring, s));
    for (const f of fragments) await db.transaction((trx) => sealFragment(trx, ring, f));
    n += stories.length + fragments.length;
  }
}

const INDEX_KEY = 'blind_index_key';

async function reindexStories(db: Knex, ring: Keyring, rows: Row[]): Promise<void> {
  const keys = await recordKeys(db, ring, 'story', rows.map((s) => s.id));
  for (const s of rows) {
    const key = keys.get(s.id);
    const texts = (await db('story_translations').where({ story_id: s.id }).select('title', 'story', 'why_significant'))
      .map((t: Row) => ({ title: t.title as string, story: unseal(key, t.story), why_significant: unsealNullable(key, t.why_significant) }));
    const folded = storySearchText({ title: s.title, story: unseal(key, s.story), whySignificant: unsealNullable(key, s.why_significant) ?? '', location: { country: s.country, adminArea: s.admin_area ?? undefined } }, texts);
    await db('stories').where({ id: s.id }).update({ search_text: blindIndex(ring, folded) });
  }
}

async function reindexFragments(db: Knex, ring: Keyring, rows: Row[]): Promise<void> {
  const keys = await recordKeys(db, ring, 'fragment', rows.map((f) => f.id));
  for (const f of rows) {
    const excerpt = unseal(keys.get(f.id), f.excerpt);
    const folded = fragmentSearchText({ excerpt, locator: f.locator, location: f.admin_area ? { country: f.country ?? '', adminArea: f.admin_area } : null }, f.source_title ?? '');
    await db('fragments').where({ id: f.id }).update({ search_text: blindIndex(ring, folded) });
  }
}

/** Every story's and fragment's blind index made anew with the ring's search key, 200 records per transaction. */
async function reindexAll(db: Knex, ring: Keyring): Promise<number> {
  let n = 0;
  for (let offset = 0; ; offset += 200) {
    const rows: Row[] = await db('stories').orderBy('id').offset(offset).limit(200).select('id', 'title', 'story', 'why_significant', 'country', 'admin_area');
    if (!rows.length) break;
    await db.transaction((trx) => reindexStories(trx, ring, rows));
    n += rows.length;
  }
  for (let offset = 0; ; offset += 200) {
    const rows: Row[] = await db('fragments as f').join('sources as src', 'src.id', 'f.source_id').orderBy('f.id').offset(offset).limit(200)
      .select('f.id', 'f.excerpt', 'f.locator', 'f.country', 'f.admin_area', 'src.title as source_title');
    if (!rows.length) break;
    await db.transaction((trx) => reindexFragments(trx, ring, rows));
    n += rows.length;
  }
  return n;
}

/**
 * Rebuilds the blind search index of every story and fragment when it was made with another
 * search key (a new session secret); the number of records reindexed. The key in use is recorded
 * (by fingerprint) only once all are done, so an interrupted rebuild starts again at the next start.
 * An instance that never recorded one records the key in use: its index was made with it.
 */
export async function reindexBlindSearch(db: Knex, ring: Keyring): Promise<number> {
  const current = searchKeyFingerprint(ring);
  const stored = await db('instance_settings').where({ name: INDEX_KEY }).first('value');
  if (stored?.value === current) return 0;
  const n = stored ? await reindexAll(db, ring) : 0;
  await db('instance_settings').insert({ name: INDEX_KEY, value: current, updated_at: nowIso() }).onConflict('name').merge();
  return n;
}
