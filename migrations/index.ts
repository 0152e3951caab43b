// The ordered list of migrations. Knex reads them through this source so that the bundled server,
// the CLI and the tests run exactly the same list. Migrations are forward-only once landed:
// never edit one, add the next.
import type { Knex } from 'knex';
import * as m001 from './20261128_001_foundation';
import * as m002 from './20261128_002_outcomes';
import * as m003 from './20261128_003_review';
import * as m004 from './20261128_004_stories';
import * as m005 from './20261128_005_indicators';
import * as m006 from './20261128_006_accounts';
import * as m007 from './20261128_007_interop';
import * as m008 from './20261128_008_evidence_count';
import * as m009 from './20261201_009_fts_secure_delete';
import * as m010 from './20261203_010_evidence_count_parts';
import * as m011 from './20261203_011_session_idle';
import * as m012 from './20261203_012_recovery_codes';
import * as m013 from './20261203_013_record_keys';
import * as m014 from './20261204_014_indicator_totals';
import * as m015 from './20261204_015_instance_settings';
import * as m016 from './20261204_016_rubric_indicators';
import * as m017 from './20261204_017_reference_names';
import * as m018 from './20261204_018_incomplete_drafts';

type Migration = { up: (knex: Knex) => Promise<void>; down: (knex: Knex) => Promise<void> };

const MIGRATIONS: Record<string, Migration> = {
  '20261128_001_foundation': m001,
  '20261128_002_outcomes': m002,
  '20261128_003_review': m003,
  '20261128_004_stories': m004,
  '20261128_005_indicators': m005,
  '20261128_006_accounts': m006,
  '20261128_007_interop': m007,
  '20261128_008_evidence_count': m008,
  '20261201_009_fts_secure_delete': m009,
  '20261203_010_evidence_count_parts': m010,
  '20261203_011_session_idle': m011,
  '20261203_012_recovery_codes': m012,
  '20261203_013_record_keys': m013,
  '20261204_014_indicator_totals': m014,
  '20261204_015_instance_settings': m015,
  '20261204_016_rubric_indicators': m016,
  '20261204_017_reference_names': m017,
  '20261204_018_incomplete_drafts': m018,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(MIGRATIONS),
  getMigrationName: (name) => name,
  getMigration: async (name) => MIGRATIONS[name],
};
