// Qualitative impact indicators: an indicator is a number (every existing one) or a rubric — an
// ordered scale of levels, each a label and a descriptor, in English with French, Arabic and Dutch
// where given. A rubric is scored per period: the value is the level, with the reason for the score
// and the evidence (outcomes, stories, fragments) it rests on. Evidence rows go with the record
// they name (a story erased on consent withdrawal takes its evidence rows along, as evidence_links).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('indicators', (t) => {
    t.string('kind', 10).notNullable().defaultTo('number'); // number | rubric
  });
  await knex.schema.createTable('indicator_levels', (t) => {
    t.string('indicator_id', 36).notNullable().references('indicators.id').onDelete('CASCADE');
    t.integer('level').notNullable(); // 1 … n, the lowest first
    t.string('label', 300).notNullable(); // English
    t.text('descriptor').notNullable(); // English
    t.text('labels').notNullable().defaultTo('{}'); // {fr?, ar?, nl?}
    t.text('descriptors').notNullable().defaultTo('{}'); // {fr?, ar?, nl?}
    t.primary(['indicator_id', 'level']);
  });
  await knex.schema.alterTable('indicator_values', (t) => {
    t.text('reason'); // a rubric's score: why this level
  });
  await knex.schema.createTable('indicator_value_evidence', (t) => {
    t.string('value_id', 36).notNullable().references('indicator_values.id').onDelete('CASCADE');
    t.integer('position').notNullable(); // the order the scorer gave
    t.string('kind', 10).notNullable(); // outcome | story | fragment
    t.string('outcome_id', 36).references('outcomes.id').onDelete('CASCADE');
    t.string('story_id', 36).references('stories.id').onDelete('CASCADE');
    t.string('fragment_id', 36).references('fragments.id').onDelete('CASCADE');
    t.primary(['value_id', 'position']);
    t.index(['outcome_id']);
    t.index(['story_id']);
    t.index(['fragment_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('indicator_value_evidence');
  await knex.raw('ALTER TABLE indicator_values DROP COLUMN reason');
  await knex.schema.dropTable('indicator_levels');
  await knex.raw('ALTER TABLE indicators DROP COLUMN kind');
}
