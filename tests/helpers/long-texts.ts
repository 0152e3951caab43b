// Long narrative texts for the tests of what a search may cost: records of 50,000 characters (the
// longest a description may be) drawn from a vocabulary of invented words and a few common ones,
// copied straight through knex (the FTS triggers on SQLite, the generated tsvector on PostgreSQL
// index them) so that seeding hundreds takes seconds, not minutes. Stories and fragments are sealed
// and blind-indexed as the app stores them (server/crypto/record-keys.ts).
import { randomUUID } from 'node:crypto';
import type { TestApp } from './app';
import { outcomeBody } from './fixtures';
import { fragmentBody, newHarvest, newStory, ok, publish, sourceBody } from './stories';
import { fold } from '../../server/core/fold';
import { sealStoryRow } from '../../server/stories/repository';
import { sealFragmentRow } from '../../server/fragments/repository';

export const LENGTH = 50_000;
const COMMON = ['women', 'the', 'council', 'peace', 'market', 'mediation'];

/** A text of `length` characters; the same seed gives the same text. */
export function longText(seed: number, length = LENGTH): string {
  let x = (seed * 2654435761) % 2 ** 32 || 1;
  const next = () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x; };
  const words: string[] = [];
  let size = 0;
  while (size < length) {
    const r = next();
    const w = r % 5 === 0 ? COMMON[r % COMMON.length] : `${'kmsvrtlpdn'[r % 10]}${'aeiou'[(r >>> 4) % 5]}${'bcdfglmnrs'[(r >>> 8) % 10]}${'aeiou'[(r >>> 12) % 5]}${(r >>> 16) % 40}`;
    words.push(w);
    size += w.length + 1;
  }
  return words.join(' ').slice(0, length);
}

async function multiply(t: TestApp, table: string, id: string, textColumn: string, count: number) {
  const row = await t.ctx.db(table).where({ id }).first();
  delete row.seq;
  delete row.search_tsv;
  for (let start = 0; start < count; start += 20) {
    const batch = await Promise.all(Array.from({ length: Math.min(20, count - start) }, async (_, i) => {
      const text = longText(start + i + table.length * 1000);
      const plain = { ...row, id: randomUUID(), [textColumn]: text, search_text: fold(text) };
      return table === 'stories' ? sealStoryRow(t.ctx.db, t.ctx.keyring, plain.id, plain)
        : table === 'fragments' ? sealFragmentRow(t.ctx.db, t.ctx.keyring, plain.id, plain) : plain;
    }));
    await t.ctx.db(table).insert(batch);
  }
}

/** `count` outcomes, published stories and fragments of partner 1 with long texts. */
export async function seedLongTexts(t: TestApp, count: number): Promise<void> {
  const [p1, ev] = await Promise.all([t.as('partner1'), t.as('evaluator')]);
  const outcome = await ok(p1.post('/api/outcomes', outcomeBody()), 201);
  const story = await newStory(p1, { harvestId: await newHarvest(t) });
  await publish('stories', story.id, p1, ev);
  const src = await ok(p1.post('/api/sources', sourceBody()), 201);
  const fragment = await ok(p1.post('/api/fragments', fragmentBody(src.id)), 201);
  await multiply(t, 'outcomes', outcome.id, 'description', count);
  await multiply(t, 'stories', story.id, 'story', count);
  await multiply(t, 'fragments', fragment.id, 'excerpt', count);
}
