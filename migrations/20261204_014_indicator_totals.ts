// How an indicator's breakdowns add up to its total ('sum' for counts; 'none' where they do not,
// e.g. shares without a reported denominator) and whether its values are whole numbers. Indicators
// whose unit reads as a share, a rate or a score are set to 'none'; the others keep 'sum', and no
// existing indicator is declared whole (its values were never checked for it).
import type { Knex } from 'knex';

const NOT_ADDITIVE = ['%', 'percent', 'per cent', 'pourcent', 'share', 'rate', 'ratio', 'score', 'index', 'rank'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('indicators', (t) => {
    t.string('aggregation', 10).notNullable().defaultTo('sum');
    t.boolean('whole_numbers').notNullable().defaultTo(false);
  });
  await knex('indicators').where((w) => {
    for (const word of NOT_ADDITIVE) w.orWhereRaw('lower(unit) like ?', [`%${word}%`]);
  }).update({ aggregation: 'none' });
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE indicators DROP COLUMN whole_numbers');
  await knex.raw('ALTER TABLE indicators DROP COLUMN aggregation');
}
