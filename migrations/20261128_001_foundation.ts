// Foundation: organisations, programmes, users, sessions, counters, one-time tokens, goal
// frameworks, typologies and the append-only audit log. Timestamps and dates are ISO-8601 text in
// both databases so that comparisons and JSON output are the same everywhere.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('organisations', (t) => {
    t.string('id', 36).primary();
    t.string('name', 300).notNullable().unique();
    t.string('kind', 20).notNullable(); // partner | evaluator | donor | admin
    t.string('country', 2);
    t.boolean('require_totp').notNullable().defaultTo(false);
    t.string('created_at', 30).notNullable();
    t.string('updated_at', 30).notNullable();
  });
  await knex.schema.createTable('users', (t) => {
    t.string('id', 36).primary();
    t.string('email', 320).notNullable().unique();
    t.text('name_enc').notNullable(); // a person's name is personal data
    t.string('role', 20).notNullable();
    t.string('organisation_id', 36).notNullable().references('organisations.id');
    t.string('language', 10).notNullable().defaultTo('en');
    t.text('password_hash');
    t.string('password_changed_at', 30);
    t.text('totp_secret_enc');
    t.integer('failed_logins').notNullable().defaultTo(0);
    t.string('locked_until', 30);
    t.string('disabled_at', 30);
    t.string('created_at', 30).notNullable();
    t.string('updated_at', 30).notNullable();
    t.index(['organisation_id']);
  });
  await knex.schema.createTable('programmes', (t) => {
    t.string('id', 36).primary();
    t.string('name', 300).notNullable().unique();
    t.text('description');
    t.string('period_start', 10);
    t.string('period_end', 10);
    t.string('iati_identifier', 200);
    t.string('reporting_org_ref', 200);
    t.string('created_at', 30).notNullable();
    t.string('updated_at', 30).notNullable();
  });
  await knex.schema.createTable('programme_partners', (t) => {
    t.string('programme_id', 36).notNullable().references('programmes.id').onDelete('CASCADE');
    t.string('organisation_id', 36).notNullable().references('organisations.id');
    t.primary(['programme_id', 'organisation_id']);
    t.index(['organisation_id']);
  });
  await knex.schema.createTable('programme_members', (t) => {
    // evaluators and donors are assigned to programmes one by one
    t.string('programme_id', 36).notNullable().references('programmes.id').onDelete('CASCADE');
    t.string('user_id', 36).notNullable().references('users.id');
    t.primary(['programme_id', 'user_id']);
    t.index(['user_id']);
  });
  await knex.schema.createTable('sessions', (t) => {
    t.string('id', 64).primary(); // HMAC of the cookie value; the cookie itself is never stored
    t.string('user_id', 36).notNullable().references('users.id');
    t.string('created_at', 30).notNullable();
    t.string('expires_at', 30).notNullable();
    t.index(['user_id']);
  });
  await knex.schema.createTable('rate_limits', (t) => {
    t.string('key', 200).primary();
    t.integer('hits').notNullable();
    t.string('reset_at', 30).notNullable();
  });
  await knex.schema.createTable('tokens', (t) => {
    t.string('id', 64).primary(); // HMAC of the token in the link
    t.string('purpose', 30).notNullable(); // set_password | substantiation
    t.string('user_id', 36).references('users.id');
    t.string('subject_id', 36);
    t.string('created_by', 36);
    t.string('created_at', 30).notNullable();
    t.string('expires_at', 30).notNullable();
    t.string('used_at', 30);
    t.index(['purpose', 'subject_id']);
  });
  await knex.schema.createTable('frameworks', (t) => {
    t.string('id', 80).primary();
    t.string('name', 300).notNullable();
    t.text('names').notNullable().defaultTo('{}'); // {nl?, fr?, ar?}
    t.text('version');
    t.text('source_url');
    t.text('meta').notNullable().defaultTo('{}');
    t.integer('position').notNullable().defaultTo(0);
  });
  await knex.schema.createTable('goals', (t) => {
    t.string('code', 80).primary(); // unique across frameworks
    t.string('framework_id', 80).notNullable().references('frameworks.id');
    t.string('parent_code', 80).references('goals.code');
    t.string('name', 500).notNullable();
    t.text('names').notNullable().defaultTo('{}');
    t.text('description');
    t.integer('position').notNullable();
    t.integer('depth').notNullable();
    t.index(['framework_id']);
    t.index(['parent_code']);
  });
  await knex.schema.createTable('typologies', (t) => {
    t.string('id', 80).primary();
    t.string('name', 300).notNullable();
    t.text('meta').notNullable().defaultTo('{}');
    t.integer('position').notNullable().defaultTo(0);
  });
  await knex.schema.createTable('typology_categories', (t) => {
    t.string('code', 80).primary();
    t.string('typology_id', 80).notNullable().references('typologies.id');
    t.string('name', 300).notNullable();
    t.text('names').notNullable().defaultTo('{}');
    t.text('description');
    t.text('meta').notNullable().defaultTo('{}');
    t.integer('position').notNullable();
  });
  await knex.schema.createTable('audit_log', (t) => {
    t.bigIncrements('id');
    t.string('at', 30).notNullable();
    t.string('actor_id', 36);
    t.string('action', 60).notNullable();
    t.string('entity_type', 40);
    t.string('entity_id', 80);
    t.text('details'); // JSON; personal values only in encrypted form
    t.index(['entity_type', 'entity_id']);
    t.index(['at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'audit_log', 'typology_categories', 'typologies', 'goals', 'frameworks', 'tokens', 'rate_limits',
    'sessions', 'programme_members', 'programme_partners', 'programmes', 'users', 'organisations',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
