// Keys per record for consent-bound narrative text (server/crypto/record-keys.ts): a random key
// per story or fragment, wrapped by the keyring. Withdrawing consent deletes the row, so the
// sealed copies the database keeps (dead tuples, WAL) can no longer be opened. Text written
// before this migration is sealed, and its search index made blind, at the next start
// (sealLegacyRecords, server/consent/seal.ts): a migration has no keys.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('record_keys', (t) => {
    t.string('entity_type', 20).notNullable();
    t.string('entity_id', 36).notNullable();
    t.text('key_enc').notNullable();
    t.string('created_at', 30).notNullable();
    t.primary(['entity_type', 'entity_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('record_keys');
}
