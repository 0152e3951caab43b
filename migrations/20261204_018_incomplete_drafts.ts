// A draft may be incomplete (DESIGN.md, Lifecycle): an outcome or a story saves with a title at
// least, and what else it needs is checked when it is submitted. The columns of what a draft may
// lack yet lose their NOT NULL; submitted records keep them filled (the completeness rule,
// outcomes#/$defs/outcomeComplete and stories#/$defs/storyComplete, on every move out of draft).
//
// On PostgreSQL that is ALTER COLUMN … DROP NOT NULL. On SQLite, dropping a NOT NULL changes nothing
// on disk, so the table's CREATE statement is edited in place, as SQLite documents for exactly this
// change (https://www.sqlite.org/lang_altertable.html, "otherwise"): rebuilding the tables would drop
// their triggers and the full-text tables that follow them.
import type { Knex } from 'knex';

const RELAXED: Record<string, string[]> = {
  outcomes: [
    'description', 'significance', 'contribution', 'social_actor_type', 'change_type', 'quadrant',
    'occurred_date', 'occurred_precision', 'occurred_start', 'occurred_end', 'country', 'positive', 'intended', 'sensitivity', 'language',
  ],
  stories: ['story', 'why_significant', 'domain', 'collected_on', 'country', 'language', 'sensitivity'],
};

const isSqlite = (knex: Knex) => ['sqlite3', 'better-sqlite3'].includes(knex.client.config.client as string);

/** The CREATE TABLE statement with ` not null` taken from (or, `back`, given to) these columns. */
export function withNotNull(sql: string, columns: string[], back: boolean): string {
  let out = sql;
  for (const c of columns) {
    const column = new RegExp(`(\`${c}\` [a-z]+(?:\\(\\d+\\))?)( not null)?(?=[ ,)])`, 'i');
    if (!column.test(out)) throw new Error(`column ${c} not found in ${sql.slice(0, 60)}…`);
    out = out.replace(column, (_all, def: string) => (back ? `${def} not null` : def));
  }
  return out;
}

async function sqliteSchema(knex: Knex, back: boolean): Promise<void> {
  const [{ schema_version: version }] = await knex.raw('PRAGMA schema_version') as Array<{ schema_version: number }>;
  await knex.raw('PRAGMA writable_schema = ON');
  for (const [table, columns] of Object.entries(RELAXED)) {
    const [{ sql }] = await knex.raw("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]) as Array<{ sql: string }>;
    await knex.raw("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?", [withNotNull(sql, columns, back), table]);
  }
  await knex.raw(`PRAGMA schema_version = ${version + 1}`);
  await knex.raw('PRAGMA writable_schema = OFF');
  const [check] = await knex.raw('PRAGMA integrity_check') as Array<{ integrity_check: string }>;
  if (check.integrity_check !== 'ok') throw new Error(`integrity check after the schema edit: ${check.integrity_check}`);
}

export async function up(knex: Knex): Promise<void> {
  if (isSqlite(knex)) return sqliteSchema(knex, false);
  for (const [table, columns] of Object.entries(RELAXED)) {
    await knex.raw(`ALTER TABLE ${table} ${columns.map((c) => `ALTER COLUMN ${c} DROP NOT NULL`).join(', ')}`);
  }
}

export async function down(knex: Knex): Promise<void> {
  // incomplete drafts cannot go back into NOT NULL columns: they are refused, not filled with made-up values
  for (const [table, columns] of Object.entries(RELAXED)) {
    const [{ n }] = await knex(table).where((w) => { for (const c of columns) w.orWhereNull(c); }).count({ n: '*' });
    if (Number(n)) throw new Error(`${table}: ${Number(n)} incomplete draft(s) would not fit the older schema; complete or remove them first`);
  }
  if (isSqlite(knex)) return sqliteSchema(knex, true);
  for (const [table, columns] of Object.entries(RELAXED)) {
    await knex.raw(`ALTER TABLE ${table} ${columns.map((c) => `ALTER COLUMN ${c} SET NOT NULL`).join(', ')}`);
  }
}
