// Stories of change (Most Significant Change) with consent, translations and selection rounds;
// domains of change per harvest; research sources, fragments and the themes codebook; evidence
// files; links from outcomes to stories and fragments; and tombstones of withdrawn records.
// Full-text search as for outcomes: FTS5 on SQLite (keyed on seq), a generated tsvector on PostgreSQL.
import type { Knex } from 'knex';

type Fts = { table: string; column: string };
const FTS: Fts[] = [{ table: 'stories', column: 'search_text' }, { table: 'fragments', column: 'search_text' }];

/** Consent of a storyteller or speaker: level and how it was given in clear (visibility needs them). */
function consentColumns(t: Knex.CreateTableBuilder): void {
  t.string('consent_level', 20); // named | anonymous | internal_only; none recorded = internal only
  t.string('consent_method', 20); // written | verbal | recorded
  t.string('consent_given_on', 10);
  t.text('consent_recorded_by_enc'); // who recorded it is personal data
}

function goalTable(t: Knex.CreateTableBuilder, table: string, column: string): void {
  t.string(column, 36).notNullable().references(`${table}.id`).onDelete('CASCADE');
  t.string('goal_code', 80).notNullable().references('goals.code');
  t.boolean('is_primary').notNullable().defaultTo(false);
  t.primary([column, 'goal_code']);
  t.index(['goal_code', column]);
}

export async function up(knex: Knex): Promise<void> {
  const pg = knex.client.config.client === 'pg';
  await knex.schema.createTable('change_domains', (t) => {
    t.string('id', 36).primary();
    t.string('harvest_id', 36).notNullable().references('harvests.id').onDelete('CASCADE');
    t.string('code', 80).notNullable();
    t.string('name', 300).notNullable();
    t.text('description');
    t.integer('position').notNullable().defaultTo(0);
    t.string('created_by', 36).references('users.id');
    t.string('created_at', 30).notNullable();
    t.unique(['harvest_id', 'code']);
  });
  await knex.schema.createTable('stories', (t) => {
    t.increments('seq').primary(); // a stable rowid for the SQLite full-text index
    t.string('id', 36).notNullable().unique();
    t.string('organisation_id', 36).notNullable().references('organisations.id');
    t.string('harvest_id', 36).references('harvests.id');
    t.string('created_by', 36).references('users.id');
    t.string('status', 20).notNullable();
    t.string('title', 300).notNullable();
    t.text('story').notNullable();
    t.text('why_significant').notNullable();
    t.string('domain', 80).notNullable();
    t.text('collected_by_enc'); // personal data
    t.string('collected_on', 10).notNullable();
    t.string('country', 2).notNullable();
    t.string('admin_area', 300);
    t.string('language', 35).notNullable();
    t.text('storyteller_enc'); // the pseudonymous profile (and a name under named consent): personal data
    consentColumns(t);
    t.string('sensitivity', 20).notNullable();
    t.text('search_text').notNullable().defaultTo('');
    t.string('created_at', 30).notNullable();
    t.string('updated_at', 30).notNullable();
    t.string('submitted_at', 30);
    t.string('published_at', 30);
    t.index(['organisation_id', 'status']);
    t.index(['status', 'sensitivity', 'consent_level']);
    t.index(['domain']);
    t.index(['harvest_id']);
    t.index(['collected_on']);
    t.index(['updated_at']);
  });
  await knex.schema.createTable('story_goals', (t) => goalTable(t, 'stories', 'story_id'));
  await knex.schema.createTable('story_translations', (t) => {
    t.string('id', 36).primary();
    t.string('story_id', 36).notNullable().references('stories.id').onDelete('CASCADE');
    t.string('language', 35).notNullable();
    t.string('title', 300).notNullable();
    t.text('story').notNullable();
    t.text('why_significant');
    t.text('translated_by_enc');
    t.string('created_by', 36).references('users.id');
    t.string('created_at', 30).notNullable();
    t.unique(['story_id', 'language']);
  });
  await knex.schema.createTable('selection_rounds', (t) => {
    t.string('id', 36).primary();
    t.string('level', 20).notNullable(); // partner | country | programme | donor
    t.string('domain', 80).notNullable();
    t.string('harvest_id', 36).references('harvests.id');
    t.text('panel').notNullable(); // JSON [{role, count?}]: roles only, never names
    t.string('selected_story_id', 36); // no foreign key: a withdrawn story leaves the round's reasons
    t.text('reasons').notNullable();
    t.text('dissent');
    t.string('held_on', 10).notNullable();
    t.string('recorded_by', 36).references('users.id');
    t.string('created_at', 30).notNullable();
    t.index(['domain', 'level']);
  });
  await knex.schema.createTable('selection_round_stories', (t) => {
    t.string('round_id', 36).notNullable().references('selection_rounds.id').onDelete('CASCADE');
    t.string('story_id', 36).notNullable().references('stories.id').onDelete('CASCADE');
    t.boolean('selected').notNullable().defaultTo(false);
    t.integer('votes');
    t.float('score');
    t.primary(['round_id', 'story_id']);
    t.index(['story_id']);
  });
  await knex.schema.createTable('selection_feedback', (t) => {
    t.string('id', 36).primary();
    t.string('round_id', 36).notNullable().references('selection_rounds.id').onDelete('CASCADE');
    t.string('story_id', 36).references('stories.id').onDelete('CASCADE');
    t.string('given_on', 10).notNullable();
    t.string('method', 300).notNullable();
    t.text('note').notNullable();
    t.string('recorded_by', 36).references('users.id');
    t.string('created_at', 30).notNullable();
    t.index(['round_id']);
  });
  await knex.schema.createTable('themes', (t) => {
    t.string('code', 80).primary();
    t.string('name', 300).notNullable();
    t.text('description');
    t.string('parent_code', 80).references('themes.code');
    t.string('created_by', 36).references('users.id');
    t.string('created_at', 30).notNullable();
    t.string('updated_at', 30).notNullable();
  });
  await knex.schema.createTable('sources', (t) => {
    t.string('id', 36).primary();
    t.string('organisation_id', 36).notNullable().references('organisations.id');
    t.string('programme_id', 36).notNullable().references('programmes.id');
    t.string('title', 300).notNullable();
    t.string('author', 300);
    t.integer('year').notNullable();
    t.string('type', 20).notNullable(); // interview | focus_group | report | survey_answer | media | other
    t.string('url', 2000); // a URL or a DOI
    t.string('confidentiality', 20).notNullable(); // public | internal
    t.string('created_by', 36).references('users.id');
    t.string('created_at', 30).notNullable();
    t.string('updated_at', 30).notNullable();
    t.index(['programme_id']);
    t.index(['organisation_id']);
  });
  await knex.schema.createTable('fragments', (t) => {
    t.increments('seq').primary();
    t.string('id', 36).notNullable().unique();
    t.string('source_id', 36).notNullable().references('sources.id');
    t.string('organisation_id', 36).notNullable().references('organisations.id');
    t.string('programme_id', 36).notNullable().references('programmes.id');
    t.string('created_by', 36).references('users.id');
    t.string('status', 20).notNullable();
    t.text('excerpt').notNullable();
    t.string('locator', 300);
    t.boolean('has_speaker').notNullable().defaultTo(false);
    t.text('speaker_enc'); // the speaker's pseudonymous profile: personal data
    consentColumns(t);
    t.string('language', 35).notNullable();
    t.string('country', 2);
    t.string('admin_area', 300);
    t.string('sensitivity', 20).notNullable();
    t.text('search_text').notNullable().defaultTo('');
    t.string('created_at', 30).notNullable();
    t.string('updated_at', 30).notNullable();
    t.string('submitted_at', 30);
    t.string('published_at', 30);
    t.index(['organisation_id', 'status']);
    t.index(['programme_id', 'status']);
    t.index(['source_id']);
    t.index(['updated_at']);
  });
  await knex.schema.createTable('fragment_goals', (t) => goalTable(t, 'fragments', 'fragment_id'));
  await knex.schema.createTable('fragment_themes', (t) => {
    t.string('fragment_id', 36).notNullable().references('fragments.id').onDelete('CASCADE');
    t.string('theme_code', 80).notNullable().references('themes.code');
    t.primary(['fragment_id', 'theme_code']);
    t.index(['theme_code']);
  });
  await knex.schema.createTable('files', (t) => {
    t.string('id', 36).primary();
    t.string('organisation_id', 36).notNullable().references('organisations.id');
    t.string('entity_type', 20).notNullable(); // outcome | story | fragment
    t.string('entity_id', 36).notNullable();
    t.string('kind', 20).notNullable(); // document | image | audio
    t.string('content_type', 120).notNullable(); // as detected from the content, never as sent
    t.string('extension', 10).notNullable();
    t.integer('size').notNullable();
    t.text('name_enc'); // the uploaded file name may name people
    t.string('title', 300);
    t.string('created_by', 36).references('users.id');
    t.string('created_at', 30).notNullable();
    t.index(['entity_type', 'entity_id']);
  });
  await knex.schema.createTable('evidence_links', (t) => {
    t.string('id', 36).primary();
    t.string('outcome_id', 36).notNullable().references('outcomes.id').onDelete('CASCADE');
    t.string('story_id', 36).references('stories.id').onDelete('CASCADE');
    t.string('fragment_id', 36).references('fragments.id').onDelete('CASCADE');
    t.string('relation', 20).notNullable(); // supports | contradicts | context
    t.text('note');
    t.string('created_by', 36).references('users.id');
    t.string('created_at', 30).notNullable();
    t.unique(['outcome_id', 'story_id']);
    t.unique(['outcome_id', 'fragment_id']);
    t.index(['story_id']);
    t.index(['fragment_id']);
  });
  await knex.schema.createTable('tombstones', (t) => {
    // what consent withdrawal leaves: which record, when, why. A restore of an older backup
    // re-applies these (server/consent/erase.ts applyTombstones), so nothing erased comes back.
    t.string('id', 36).primary();
    t.string('entity_type', 20).notNullable();
    t.string('entity_id', 36).notNullable();
    t.string('withdrawn_at', 30).notNullable();
    t.text('reason');
    t.unique(['entity_type', 'entity_id']);
  });
  for (const f of FTS) await (pg ? pgSearch(knex, f) : sqliteSearch(knex, f));
}

async function pgSearch(knex: Knex, { table, column }: Fts): Promise<void> {
  await knex.raw(`ALTER TABLE ${table} ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', ${column})) STORED`);
  await knex.raw(`CREATE INDEX ${table}_search_tsv ON ${table} USING GIN (search_tsv)`);
}

async function sqliteSearch(knex: Knex, { table, column }: Fts): Promise<void> {
  const fts = `${table}_fts`;
  await knex.raw(`CREATE VIRTUAL TABLE ${fts} USING fts5(${column}, content='${table}', content_rowid='seq', tokenize='unicode61 remove_diacritics 2')`);
  await knex.raw(`CREATE TRIGGER ${fts}_ai AFTER INSERT ON ${table} BEGIN
    INSERT INTO ${fts}(rowid, ${column}) VALUES (new.seq, new.${column}); END`);
  await knex.raw(`CREATE TRIGGER ${fts}_ad AFTER DELETE ON ${table} BEGIN
    INSERT INTO ${fts}(${fts}, rowid, ${column}) VALUES ('delete', old.seq, old.${column}); END`);
  await knex.raw(`CREATE TRIGGER ${fts}_au AFTER UPDATE OF ${column} ON ${table} BEGIN
    INSERT INTO ${fts}(${fts}, rowid, ${column}) VALUES ('delete', old.seq, old.${column});
    INSERT INTO ${fts}(rowid, ${column}) VALUES (new.seq, new.${column}); END`);
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client !== 'pg') {
    for (const { table } of FTS) {
      for (const s of ['ai', 'ad', 'au']) await knex.raw(`DROP TRIGGER IF EXISTS ${table}_fts_${s}`);
      await knex.raw(`DROP TABLE IF EXISTS ${table}_fts`);
    }
  }
  for (const table of [
    'tombstones', 'evidence_links', 'files', 'fragment_themes', 'fragment_goals', 'fragments', 'sources', 'themes',
    'selection_feedback', 'selection_round_stories', 'selection_rounds', 'story_translations', 'story_goals', 'stories',
    'change_domains',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
