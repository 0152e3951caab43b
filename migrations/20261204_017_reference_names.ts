// Names of reference lists in French, Arabic and Dutch beside the English one, as frameworks, goals
// and typology categories have had from the start: the typologies themselves, the domains of change
// of a harvest, the themes of the codebook, and indicators (their name, their unit, and the values
// of their breakdowns that are words: {area: {World: {fr, …}}}). JSON text {fr?, ar?, nl?}; empty
// until a seed or an editor gives them, and an empty one reads as English.
import type { Knex } from 'knex';

const NAMED = [
  { table: 'typologies', columns: ['names'] },
  { table: 'change_domains', columns: ['names'] },
  { table: 'themes', columns: ['names'] },
  { table: 'indicators', columns: ['names', 'unit_names', 'breakdown_names'] },
];

export async function up(knex: Knex): Promise<void> {
  for (const { table, columns } of NAMED) {
    await knex.schema.alterTable(table, (t) => {
      for (const c of columns) t.text(c).notNullable().defaultTo('{}');
    });
  }
}

export async function down(knex: Knex): Promise<void> {
  // plain DROP COLUMN: knex would rebuild the SQLite table, and with it lose the indicators' triggers
  for (const { table, columns } of [...NAMED].reverse()) {
    for (const c of [...columns].reverse()) await knex.raw(`ALTER TABLE ${table} DROP COLUMN ${c}`);
  }
}
