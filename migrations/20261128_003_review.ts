// Review and substantiation: the discussion thread on a record,
// in-app notifications, substantiation requests and answers (the substantiator's name,
// relationship and contact encrypted, erasable while the verdicts stay) and outcome chains.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('comments', (t) => {
    t.bigIncrements('seq'); // keeps the thread in order when two comments share a millisecond
    t.string('id', 36).notNullable().unique();
    t.string('entity_type', 30).notNullable();
    t.string('entity_id', 36).notNullable();
    t.string('author_id', 36).references('users.id');
    t.text('body').notNullable();
    t.string('created_at', 30).notNullable();
    t.index(['entity_type', 'entity_id']);
  });
  await knex.schema.createTable('notifications', (t) => {
    t.string('id', 36).primary();
    t.string('user_id', 36).notNullable().references('users.id');
    t.string('kind', 40).notNullable(); // outcome.submitted | outcome.returned | outcome.commented | substantiation.answered
    t.string('entity_type', 30).notNullable();
    t.string('entity_id', 36).notNullable();
    t.string('actor_id', 36); // null when the actor has no account (a substantiator)
    t.string('created_at', 30).notNullable();
    t.string('read_at', 30);
    t.index(['user_id', 'read_at']);
  });
  await knex.schema.createTable('substantiations', (t) => {
    t.string('id', 36).primary();
    t.string('outcome_id', 36).notNullable().references('outcomes.id').onDelete('CASCADE');
    t.text('substantiator_enc'); // {name, relationship, contact}: personal data; null once erased
    t.boolean('independent').notNullable();
    t.string('description', 10); // agree | partly | disagree | unknown; null until answered
    t.string('significance', 10);
    t.string('contribution', 10);
    t.text('comments_enc'); // the substantiator's own words may identify them
    t.string('answered_on', 10);
    t.string('answered_at', 30);
    t.string('answered_via', 10); // evaluator | link
    t.string('answered_by', 36).references('users.id'); // the evaluator who entered it
    t.string('created_by', 36).references('users.id');
    t.string('created_at', 30).notNullable();
    t.string('updated_at', 30).notNullable();
    t.string('erased_at', 30);
    t.index(['outcome_id']);
  });
  await knex.schema.createTable('outcome_links', (t) => {
    t.string('id', 36).primary();
    t.string('source_id', 36).notNullable().references('outcomes.id').onDelete('CASCADE');
    t.string('target_id', 36).notNullable().references('outcomes.id').onDelete('CASCADE');
    t.string('relation', 30).notNullable(); // contributes_to
    t.string('created_by', 36).references('users.id');
    t.string('created_at', 30).notNullable();
    t.unique(['source_id', 'target_id', 'relation']);
    t.index(['target_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['outcome_links', 'substantiations', 'notifications', 'comments']) {
    await knex.schema.dropTableIfExists(table);
  }
}
