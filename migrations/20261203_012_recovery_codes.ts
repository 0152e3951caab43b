// Recovery codes for two-factor sign-in: ten single-use codes given once when two-factor sign-in
// is turned on, for the day the phone is lost. Only each code's HMAC is stored (as for tokens).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('recovery_codes', (t) => {
    t.string('id', 64).primary(); // HMAC of the code
    t.string('user_id', 36).notNullable().references('users.id').onDelete('CASCADE');
    t.string('created_at', 30).notNullable();
    t.string('used_at', 30);
    t.index(['user_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('recovery_codes');
}
