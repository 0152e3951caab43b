// Migration 016 (rubric indicators) on a database that already holds numbers: every existing
// indicator becomes a number and keeps its values; rolling it back leaves the tables as they were
// before it. The same file runs on SQLite and, with OOGST_TEST_DB=pg, on PostgreSQL.
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { latestMigration } from '../../server/db/knex';
import { freshDatabase } from '../helpers/db';

const MIGRATION = '20261204_016_rubric_indicators';
const PREVIOUS = '20261204_015_instance_settings';

let db: Knex;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  await db.migrate.latest();
});
afterAll(() => close());

const columns = async (table: string) => Object.keys(await db(table).columnInfo()).sort();

test('when 016 runs over existing numbers, then they are numbers with their values, and rolling it back restores the tables before it', async () => {
  // migrations after 016 would land on top: step back to just before it
  while ((await latestMigration(db)) !== MIGRATION) await db.migrate.down();
  await db.migrate.down();
  expect(await latestMigration(db)).toBe(PREVIOUS);
  const indicatorsBefore = await columns('indicators');
  const valuesBefore = await columns('indicator_values');
  expect(await db.schema.hasTable('indicator_levels')).toBe(false);

  const now = new Date().toISOString();
  const id = randomUUID();
  await db('indicators').insert({ id, code: `M-${id.slice(0, 8)}`, name: 'Women in peace committees', unit: 'women', direction: 'increase', created_at: now, updated_at: now });
  await db('indicator_values').insert({ id: randomUUID(), indicator_id: id, period_start: '2023-01-01', period_end: '2023-12-31', value: 12, status: 'validated', created_at: now, updated_at: now });

  await db.migrate.up();
  expect(await latestMigration(db)).toBe(MIGRATION);
  expect(await db('indicators').where({ id }).first('kind')).toEqual({ kind: 'number' });
  expect(await db('indicator_values').where({ indicator_id: id }).select('value', 'reason')).toEqual([{ value: 12, reason: null }]);
  // a rubric's scale and a score's evidence have tables of their own, which go with their indicator
  await db('indicators').where({ id }).update({ kind: 'rubric' });
  await db('indicator_levels').insert([1, 2].map((level) => ({ indicator_id: id, level, label: `L${level}`, descriptor: 'd' })));
  const valueId = (await db('indicator_values').where({ indicator_id: id }).first('id')).id;
  await db('indicator_value_evidence').insert({ value_id: valueId, position: 0, kind: 'outcome', outcome_id: null });
  await db('indicator_values').where({ id: valueId }).del();
  expect(await db('indicator_value_evidence').where({ value_id: valueId }).first()).toBeUndefined();

  await db.migrate.down();
  expect(await latestMigration(db)).toBe(PREVIOUS);
  expect(await columns('indicators')).toEqual(indicatorsBefore);
  expect(await columns('indicator_values')).toEqual(valuesBefore);
  expect(await db.schema.hasTable('indicator_levels')).toBe(false);
  expect(await db.schema.hasTable('indicator_value_evidence')).toBe(false);
  expect(await db('indicators').where({ id }).first('code')).toBeDefined();
  await db.migrate.latest();
});
