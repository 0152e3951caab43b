// Accounts and audit: a user's two-factor (TOTP) state beside the encrypted secret of 001 — when
// it was turned on, and the last time step used (a code is accepted once) — and indexes for the
// admin audit view, which filters by actor and action over time.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.string('totp_enabled_at', 30); // null: no two-factor sign-in (a secret may be pending setup)
    t.bigInteger('totp_last_step'); // the 30-second step of the last accepted code
  });
  await knex.schema.alterTable('audit_log', (t) => {
    t.index(['actor_id', 'at'], 'audit_log_actor_at');
    t.index(['action', 'at'], 'audit_log_action_at');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('audit_log', (t) => {
    t.dropIndex(['actor_id', 'at'], 'audit_log_actor_at');
    t.dropIndex(['action', 'at'], 'audit_log_action_at');
  });
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('totp_last_step');
    t.dropColumn('totp_enabled_at');
  });
}
