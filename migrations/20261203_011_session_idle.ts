// When a session was last used, for the idle timeout beside its fixed lifetime (SESSION_IDLE_MINUTES).
// Sessions open before this migration count as used now.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('sessions', (t) => {
    t.string('last_seen_at', 30);
  });
  await knex('sessions').update({ last_seen_at: new Date().toISOString() });
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE sessions DROP COLUMN last_seen_at');
}
