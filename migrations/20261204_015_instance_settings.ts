// Facts about this instance the server checks at start, e.g. which key the blind search index of
// sealed text was made with (a fingerprint, never the key), so that a new session secret rebuilds it.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('instance_settings', (t) => {
    t.string('name', 60).primary();
    t.text('value').notNullable();
    t.string('updated_at', 30).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('instance_settings');
}
