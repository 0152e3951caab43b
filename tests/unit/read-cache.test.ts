// Which statements count as writes for the read cache (server/db/read-cache.ts): a read counted as
// a write only costs a recount, a write counted as a read would serve stale results — so anything
// unknown counts as a write.
import { countsAsWrite } from '../../server/db/read-cache';

test.each([
  'select * from `outcomes` where `id` = ?',
  '  SELECT count(*) FROM outcome_facts',
  'PRAGMA data_version',
  'BEGIN;', 'COMMIT;', 'ROLLBACK', 'SAVEPOINT trx2', 'RELEASE trx2',
  'with `lane_map` (`code`, `lane`) as (select `code`, `ancestor` from `goal_ancestors`) select * from lane_map',
  'insert into `rate_limits` (`key`, `hits`) values (?, ?) on conflict (`key`) do update set `hits` = excluded.`hits`',
  'update `sessions` set `last_seen_at` = ?',
  'insert into `audit_log` (`action`) values (?)',
  'delete from "notifications" where "id" = ?',
])('when the statement is %s, then it is not a write to the records', (sql) => {
  expect(countsAsWrite(sql)).toBe(false);
});

test.each([
  'insert into `outcomes` (`id`) values (?)',
  'INSERT OR REPLACE INTO goals (code) VALUES (?)',
  'update "outcomes" set "status" = $1',
  'UPDATE outcomes SET evidence_count = 1',
  'delete from `outcome_goals` where `outcome_id` = ?',
  'replace into themes (code) values (?)',
  'with moved as (select id from outcomes) update outcomes set status = ? where id in (select id from moved)',
  'create table t (a int)', 'drop index x', 'alter table outcomes add column y', 'vacuum', '',
])('when the statement is %s, then it counts as a write', (sql) => {
  expect(countsAsWrite(sql)).toBe(true);
});
