// Quantitative indicators (global reference series or a programme's own), the goals they are
// linked to, and their values per period. Also a covering index on outcomes so the dashboards can
// count 100,000 outcomes without reading their long narrative columns.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('indicators', (t) => {
    t.string('id', 36).primary();
    t.string('code', 80).notNullable().unique();
    t.string('name', 300).notNullable();
    t.text('description');
    t.string('unit', 100).notNullable();
    t.string('direction', 10).notNullable(); // increase | decrease: which way is better
    t.text('disaggregations').notNullable().defaultTo('[]'); // JSON list of keys: country, sex, ageBand, free keys
    t.double('baseline_value');
    t.string('baseline_date', 10);
    t.text('baseline_note');
    t.text('targets').notNullable().defaultTo('[]'); // JSON [{value, date, note?}]
    t.text('source');
    t.text('source_url');
    t.text('notes');
    t.integer('iati_measure'); // IATI IndicatorMeasure codelist: 1 unit … 5 qualitative
    t.string('programme_id', 36).references('programmes.id'); // null: a global (reference) indicator
    t.string('organisation_id', 36).references('organisations.id'); // the partner that reports it, if one
    t.string('created_by', 36).references('users.id');
    t.string('created_at', 30).notNullable();
    t.string('updated_at', 30).notNullable();
    t.string('retired_at', 30); // retired, not deleted: values and revisions stay
    t.index(['programme_id']);
    t.index(['organisation_id']);
  });
  await knex.schema.createTable('indicator_goals', (t) => {
    t.string('indicator_id', 36).notNullable().references('indicators.id').onDelete('CASCADE');
    t.string('goal_code', 80).notNullable().references('goals.code');
    t.primary(['indicator_id', 'goal_code']);
    t.index(['goal_code', 'indicator_id']);
  });
  await knex.schema.createTable('indicator_values', (t) => {
    t.string('id', 36).primary();
    t.string('indicator_id', 36).notNullable().references('indicators.id').onDelete('CASCADE');
    t.string('period_start', 10).notNullable();
    t.string('period_end', 10).notNullable();
    t.double('value').notNullable();
    // canonical JSON (sorted keys) so that SQL can group a series by it; {} is the total
    t.string('disaggregation', 1500).notNullable().defaultTo('{}');
    t.string('country', 2); // copied out of the disaggregation for filtering
    t.string('organisation_id', 36).references('organisations.id'); // reporting organisation
    t.text('note');
    t.string('status', 10).notNullable(); // draft | validated
    t.string('created_by', 36).references('users.id');
    t.string('created_at', 30).notNullable();
    t.string('updated_at', 30).notNullable();
    t.unique(['indicator_id', 'disaggregation', 'period_start', 'period_end']);
    // the timeline reads a range of one indicator's values by period end, without the table
    t.index(['indicator_id', 'period_end', 'period_start', 'status', 'organisation_id', 'country', 'disaggregation', 'value'], 'indicator_values_series');
  });
  await knex.schema.alterTable('outcomes', (t) => {
    // led by the date, so a from/to range is read from this index alone (never from the rows)
    t.index(
      ['occurred_start', 'occurred_end', 'occurred_precision', 'organisation_id', 'status', 'sensitivity', 'quadrant', 'change_type', 'positive', 'country', 'id'],
      'outcomes_dashboard',
    );
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('outcomes', (t) => t.dropIndex([], 'outcomes_dashboard'));
  for (const table of ['indicator_values', 'indicator_goals', 'indicators']) await knex.schema.dropTableIfExists(table);
}
