// SQLite full-text indexes forget deleted words for real: with FTS5's secure-delete option (SQLite
// 3.42 and later; the bundled one is newer) a delete removes the row's tokens from the index's
// segments at once, instead of adding a "delete" marker that leaves them until a merge. Stored
// in each index's config table, so it holds for every connection. PostgreSQL: nothing to do.
import type { Knex } from 'knex';

const INDEXES = ['outcomes_fts', 'stories_fts', 'fragments_fts'];

async function setSecureDelete(knex: Knex, on: 0 | 1): Promise<void> {
  if (knex.client.config.client === 'pg') return;
  for (const fts of INDEXES) await knex.raw(`INSERT INTO ${fts}(${fts}, rank) VALUES ('secure-delete', ${on})`);
}

export async function up(knex: Knex): Promise<void> {
  await setSecureDelete(knex, 1);
}

export async function down(knex: Knex): Promise<void> {
  await setSecureDelete(knex, 0);
}
