// Interoperability: saved mappings from KoboToolbox/ODK form fields to record fields, spreadsheet
// and form imports (a dry run keeps its parsed rows, encrypted, until the commit), and the keys of
// imported submissions so that importing the same submissions again never duplicates a record.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('import_mappings', (t) => {
    t.string('id', 36).primary();
    t.string('organisation_id', 36).notNullable().references('organisations.id');
    t.string('name', 300).notNullable();
    t.string('kind', 30).notNullable(); // outcomes | stories | indicator-values
    t.text('definition').notNullable(); // JSON {key?, fields: {column: {from|value|template, as?, map?}}}
    t.string('created_by', 36).references('users.id');
    t.string('created_at', 30).notNullable();
    t.string('updated_at', 30).notNullable();
    t.index(['organisation_id']);
  });
  await knex.schema.createTable('imports', (t) => {
    t.string('id', 36).primary();
    t.string('organisation_id', 36).notNullable().references('organisations.id');
    t.string('created_by', 36).references('users.id');
    t.string('kind', 30).notNullable();
    t.string('format', 20).notNullable(); // csv | xlsx | kobo-json | kobo-csv | odk-odata
    t.string('mapping_id', 36); // no foreign key: deleting a mapping leaves the history of its imports
    t.string('filename', 300);
    t.string('status', 20).notNullable(); // validating | validated | refused | committing | committed
    t.integer('total_rows').notNullable().defaultTo(0);
    t.integer('checked_rows').notNullable().defaultTo(0); // progress of the dry run
    t.integer('skipped_rows').notNullable().defaultTo(0); // submissions imported before
    t.integer('error_count').notNullable().defaultTo(0);
    t.text('errors').notNullable().defaultTo('[]'); // JSON [{row, column, path, code, message}], capped
    t.integer('committed_rows');
    t.string('created_at', 30).notNullable();
    t.string('updated_at', 30).notNullable();
    t.string('committed_at', 30);
    t.index(['organisation_id', 'created_at']);
  });
  await knex.schema.createTable('import_chunks', (t) => {
    // the validated rows of a dry run, in chunks, encrypted (they hold personal data); gone at commit
    t.string('import_id', 36).notNullable().references('imports.id').onDelete('CASCADE');
    t.integer('seq').notNullable();
    t.text('rows_enc').notNullable();
    t.primary(['import_id', 'seq']);
  });
  await knex.schema.createTable('import_keys', (t) => {
    // `_uuid` (KoboToolbox) or `__id` (ODK Central) of a submission, per organisation and kind
    t.string('organisation_id', 36).notNullable().references('organisations.id');
    t.string('kind', 30).notNullable();
    t.string('source_key', 200).notNullable();
    t.string('record_id', 36).notNullable();
    t.string('import_id', 36).notNullable();
    t.string('created_at', 30).notNullable();
    t.primary(['organisation_id', 'kind', 'source_key']);
    t.index(['record_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['import_keys', 'import_chunks', 'imports', 'import_mappings']) await knex.schema.dropTableIfExists(table);
}
