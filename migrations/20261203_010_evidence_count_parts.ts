// The parts of an outcome's evidence count kept beside it — how many of its links go to stories
// and fragments, how many files it has — so that each reader's count (server/outcomes/
// evidence-count.ts) can take out what that reader may not open: the whole count is what an
// admin sees, and an outcome without links needs no look at the linked records at all.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('outcomes', (t) => {
    t.integer('evidence_link_count').notNullable().defaultTo(0);
    t.integer('evidence_file_count').notNullable().defaultTo(0);
  });
  const items = knex.client.config.client === 'pg' ? 'json_array_length(evidence::json)' : 'json_array_length(evidence)';
  await knex.raw(`UPDATE outcomes SET
    evidence_link_count = (SELECT count(*) FROM evidence_links l WHERE l.outcome_id = outcomes.id),
    evidence_file_count = (SELECT count(*) FROM files f WHERE f.entity_type = 'outcome' AND f.entity_id = outcomes.id)`);
  // links of a withdrawn story or fragment went by cascade without a recount: count again
  await knex.raw(`UPDATE outcomes SET evidence_count = ${items} + evidence_link_count + evidence_file_count`);
}

// Plain SQL: knex's SQLite dropColumn rebuilds the table, which would drop the full-text triggers.
export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE outcomes DROP COLUMN evidence_file_count');
  await knex.raw('ALTER TABLE outcomes DROP COLUMN evidence_link_count');
}
