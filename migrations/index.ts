// The ordered list of migrations. Knex reads them through this source so that the bundled server,
// the CLI and the tests run exactly the same list. Migrations are forward-only once landed:
// never edit one, add the next.
import type { Knex } from 'knex';
import * as m001 from './20261128_001_foundation';
import * as m002 from './20261128_002_outcomes';

type Migration = { up: (knex: Knex) => Promise<void>; down: (knex: Knex) => Promise<void> };

const MIGRATIONS: Record<string, Migration> = {
  '20261128_001_foundation': m001,
  '20261128_002_outcomes': m002,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(MIGRATIONS),
  getMigrationName: (name) => name,
  getMigration: async (name) => MIGRATIONS[name],
};
