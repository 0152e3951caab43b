// How much evidence an outcome has (its documents, links and informants, linked stories and
// fragments, attached files), kept on the row so lists can sort and filter by it at any size and
// thin evidence shows.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('outcomes', (t) => {
    t.integer('evidence_count').notNullable().defaultTo(0);
    t.index(['evidence_count']);
  });
  const items = knex.client.config.client === 'pg' ? 'json_array_length(evidence::json)' : 'json_array_length(evidence)';
  await knex.raw(`UPDATE outcomes SET evidence_count = ${items}
    + (SELECT count(*) FROM evidence_links l WHERE l.outcome_id = outcomes.id)
    + (SELECT count(*) FROM files f WHERE f.entity_type = 'outcome' AND f.entity_id = outcomes.id)`);
}

// Plain SQL: knex's SQLite dropColumn rebuilds the table, which would drop the full-text triggers.
export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX outcomes_evidence_count_index');
  await knex.raw('ALTER TABLE outcomes DROP COLUMN evidence_count');
}
