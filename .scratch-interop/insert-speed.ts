import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createDb, migrateLatest } from '../server/db/knex';
import { seedReference } from '../seeds/reference';
import { toRow } from '../server/outcomes/representation';
import { syntheticOutcomes } from '../bench/lib';
(async () => {
  const f = '/tmp/oogst-scratch-insert.sqlite';
  for (const x of [f, f + '-wal', f + '-shm']) fs.rmSync(x, { force: true });
  const db = createDb('sqlite://' + f);
  await migrateLatest(db); await seedReference(db);
  const now = new Date().toISOString();
  await db('organisations').insert({ id: 'org', name: 'o', kind: 'partner', created_at: now, updated_at: now });
  if (process.env.CACHE) await db.raw(`PRAGMA cache_size = -${process.env.CACHE}`);
  const ring = { currentKeyId: 'k', keys: { k: Buffer.alloc(32, 1) } };
  let t = performance.now();
  const rows = [...syntheticOutcomes(10000, 7)].map((o) => { const { status: _s, ...input } = o; return { id: randomUUID(), organisation_id: 'org', status: 'draft', ...toRow(ring, input as never), created_at: now, updated_at: now }; });
  console.log('toRow', Math.round(performance.now() - t), 'avg search_text', Math.round(rows.reduce((a, r) => a + r.search_text.length, 0) / rows.length), 'avg desc', Math.round(rows.reduce((a, r) => a + r.description.length, 0) / rows.length));
  for (const size of [300, 100, 500]) {
    t = performance.now();
    await db.transaction(async (trx) => { for (let i = 0; i < rows.length; i += size) await trx('outcomes').insert(rows.slice(i, i + size).map((r) => ({ ...r, id: randomUUID() }))); });
    console.log('insert chunk', size, Math.round(performance.now() - t));
  }
  await db.raw('DROP TRIGGER outcomes_fts_ai');
  t = performance.now();
  await db.transaction(async (trx) => { for (let i = 0; i < rows.length; i += 100) await trx('outcomes').insert(rows.slice(i, i + 100).map((r) => ({ ...r, id: randomUUID() }))); });
  console.log('insert without fts', Math.round(performance.now() - t));
  await db.destroy();
})();
