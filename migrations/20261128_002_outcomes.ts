// Outcome statements with their goals, translations, revisions and lifecycle transitions, the
// harvests they belong to, and full-text search (FTS5 on SQLite, tsvector on PostgreSQL).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  const pg = knex.client.config.client === 'pg';
  await knex.schema.createTable('harvests', (t) => {
    t.string('id', 36).primary();
    t.string('programme_id', 36).notNullable().references('programmes.id');
    t.string('title', 300).notNullable();
    t.text('questions');
    t.string('period_start', 10);
    t.string('period_end', 10);
    t.string('status', 20).notNullable().defaultTo('design');
    t.string('created_by', 36).references('users.id');
    t.string('created_at', 30).notNullable();
    t.string('updated_at', 30).notNullable();
    t.string('closed_at', 30);
    t.index(['programme_id']);
  });
  await knex.schema.createTable('outcomes', (t) => {
    // seq gives SQLite a stable rowid for the full-text index (VACUUM renumbers implicit rowids)
    t.increments('seq').primary();
    t.string('id', 36).notNullable().unique();
    t.string('organisation_id', 36).notNullable().references('organisations.id');
    t.string('harvest_id', 36).references('harvests.id');
    t.string('created_by', 36).references('users.id');
    t.string('status', 30).notNullable();
    t.string('social_actor_type', 40).notNullable();
    t.string('social_actor_name', 300); // clear text only when the actor is not an individual
    t.text('social_actor_name_enc'); // an individual's name is personal data
    t.string('change_type', 40).notNullable();
    t.string('quadrant', 40).notNullable();
    t.string('occurred_date', 10).notNullable(); // as precise as known: 2024, 2024-03, 2024-03-12
    t.string('occurred_precision', 5).notNullable();
    t.string('occurred_start', 10).notNullable(); // first day of the known period
    t.string('occurred_end', 10).notNullable(); // last day of the known period
    t.string('country', 2).notNullable();
    t.string('admin_area', 300);
    t.text('coordinates_enc'); // exact coordinates are personal data
    t.boolean('positive').notNullable();
    t.boolean('intended').notNullable();
    t.string('sensitivity', 20).notNullable();
    t.string('language', 35).notNullable();
    t.string('created_at', 30).notNullable();
    t.string('updated_at', 30).notNullable();
    t.string('submitted_at', 30);
    t.string('published_at', 30);
    t.string('retracted_at', 30);
    // long text last: SQLite reads a row's columns in order, so filters never walk through overflow pages
    t.string('title', 300).notNullable();
    t.text('description').notNullable();
    t.text('significance').notNullable();
    t.text('contribution').notNullable();
    t.text('evidence').notNullable().defaultTo('[]'); // JSON; informants' names and contacts encrypted inside
    t.text('search_text').notNullable().defaultTo(''); // folded text of the searchable fields
    t.index(['organisation_id', 'status']);
    t.index(['status', 'sensitivity']);
    // covering index: lists and counts over 100,000 outcomes filter and count without touching rows
    t.index(['organisation_id', 'status', 'sensitivity', 'country', 'occurred_start', 'occurred_end', 'change_type', 'quadrant',
      'positive', 'intended', 'language', 'harvest_id', 'updated_at', 'seq', 'id'], 'outcomes_filter');
    t.index(['occurred_start']);
    t.index(['country']);
    t.index(['harvest_id']);
    t.index(['updated_at']);
  });
  await knex.schema.createTable('outcome_goals', (t) => {
    t.string('outcome_id', 36).notNullable().references('outcomes.id').onDelete('CASCADE');
    t.string('goal_code', 80).notNullable().references('goals.code');
    t.boolean('is_primary').notNullable().defaultTo(false);
    t.primary(['outcome_id', 'goal_code']);
    t.index(['goal_code', 'outcome_id']);
  });
  await knex.schema.createTable('outcome_translations', (t) => {
    t.string('id', 36).primary();
    t.string('outcome_id', 36).notNullable().references('outcomes.id').onDelete('CASCADE');
    t.string('language', 35).notNullable();
    t.string('title', 300).notNullable();
    t.text('description');
    t.text('significance');
    t.text('contribution');
    t.text('translated_by_enc');
    t.string('created_by', 36).references('users.id');
    t.string('created_at', 30).notNullable();
    t.unique(['outcome_id', 'language']);
  });
  await knex.schema.createTable('revisions', (t) => {
    t.bigIncrements('id');
    t.string('entity_type', 30).notNullable();
    t.string('entity_id', 36).notNullable();
    t.string('at', 30).notNullable();
    t.string('actor_id', 36);
    t.string('action', 30).notNullable();
    t.text('changes').notNullable(); // JSON [{field, old, new}], personal values in stored (encrypted) form
    t.index(['entity_type', 'entity_id']);
  });
  await knex.schema.createTable('transitions', (t) => {
    t.bigIncrements('id');
    t.string('entity_type', 30).notNullable();
    t.string('entity_id', 36).notNullable();
    t.string('from_status', 30);
    t.string('to_status', 30).notNullable();
    t.string('actor_id', 36);
    t.text('comment');
    t.string('at', 30).notNullable();
    t.index(['entity_type', 'entity_id']);
  });
  if (pg) {
    await knex.raw(`ALTER TABLE outcomes ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED`);
    await knex.raw('CREATE INDEX outcomes_search_tsv ON outcomes USING GIN (search_tsv)');
  } else {
    await knex.raw(`CREATE VIRTUAL TABLE outcomes_fts USING fts5(search_text, content='outcomes', content_rowid='seq', tokenize='unicode61 remove_diacritics 2')`);
    await knex.raw(`CREATE TRIGGER outcomes_fts_ai AFTER INSERT ON outcomes BEGIN
      INSERT INTO outcomes_fts(rowid, search_text) VALUES (new.seq, new.search_text); END`);
    await knex.raw(`CREATE TRIGGER outcomes_fts_ad AFTER DELETE ON outcomes BEGIN
      INSERT INTO outcomes_fts(outcomes_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text); END`);
    await knex.raw(`CREATE TRIGGER outcomes_fts_au AFTER UPDATE OF search_text ON outcomes BEGIN
      INSERT INTO outcomes_fts(outcomes_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
      INSERT INTO outcomes_fts(rowid, search_text) VALUES (new.seq, new.search_text); END`);
  }
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client !== 'pg') {
    for (const trg of ['outcomes_fts_ai', 'outcomes_fts_ad', 'outcomes_fts_au']) await knex.raw(`DROP TRIGGER IF EXISTS ${trg}`);
    await knex.raw('DROP TABLE IF EXISTS outcomes_fts');
  }
  for (const table of ['transitions', 'revisions', 'outcome_translations', 'outcome_goals', 'outcomes', 'harvests']) {
    await knex.schema.dropTableIfExists(table);
  }
}
