// Quantitative indicators (global reference series or a programme's own), the goals they are
// linked to, and their values per period. And the dashboards' fact table: one row per outcome and
// goal it counts for (each goal it is tagged to, every goal above those, and '@<framework>'), with
// the outcome's filter columns copied in, kept current by triggers on outcomes, outcome_goals,
// transitions and goals. Counting a lane is then one index range scan — no join to the goal tags,
// no DISTINCT — which is what keeps 100,000 outcomes fast. Same SQL on SQLite and PostgreSQL
// except for how a trigger is declared.
import type { Knex } from 'knex';

const CONCLUSIONS = `('substantiated', 'partly_substantiated', 'not_substantiated')`;
const FACT_COLUMNS = `goal_code, cell, status, id, organisation_id, sensitivity, occurred_start, occurred_end, occurred_precision,
  quadrant, change_type, positive, intended, country, language, harvest_id, conclusion`;
const CELL = (o: string) => `CASE WHEN ${o}.occurred_precision = 'year' THEN substr(${o}.occurred_start, 1, 4) ELSE substr(${o}.occurred_start, 1, 7) END`;
/** The fact rows of outcome `o` for the goals `a.ancestor` (a joined goal_ancestors row). */
const FACT_VALUES = `a.ancestor, ${CELL('o')}, o.status, o.id, o.organisation_id, o.sensitivity, o.occurred_start, o.occurred_end, o.occurred_precision,
  o.quadrant, o.change_type, o.positive, o.intended, o.country, o.language, o.harvest_id,
  (SELECT t.to_status FROM transitions t WHERE t.entity_type = 'outcome' AND t.entity_id = o.id AND t.to_status IN ${CONCLUSIONS} ORDER BY t.id DESC LIMIT 1)`;
const OUTCOME_COLUMNS = ['status', 'organisation_id', 'sensitivity', 'occurred_start', 'occurred_end', 'occurred_precision', 'quadrant', 'change_type', 'positive', 'intended', 'country', 'language', 'harvest_id'];

/** Trigger bodies (statements), shared by both databases. */
const BODIES: Array<{ name: string; table: string; event: string; when?: string; body: string[] }> = [
  {
    name: 'goal_ancestors_ai', table: 'goals', event: 'AFTER INSERT', body: [
      `INSERT INTO goal_ancestors (code, ancestor) SELECT new.code, new.code WHERE true ON CONFLICT DO NOTHING`,
      `INSERT INTO goal_ancestors (code, ancestor) SELECT new.code, '@' || new.framework_id WHERE true ON CONFLICT DO NOTHING`,
      `INSERT INTO goal_ancestors (code, ancestor) SELECT new.code, a.ancestor FROM goal_ancestors a WHERE a.code = new.parent_code ON CONFLICT DO NOTHING`,
    ],
  },
  {
    // a goal moved to another parent or framework (rare): rebuild the tree, then the facts below it
    name: 'goal_ancestors_au', table: 'goals', event: 'AFTER UPDATE OF parent_code, framework_id',
    when: 'old.parent_code IS DISTINCT FROM new.parent_code OR old.framework_id IS DISTINCT FROM new.framework_id', body: [
      `DELETE FROM goal_ancestors`,
      `INSERT INTO goal_ancestors (code, ancestor) SELECT code, ancestor FROM goal_ancestry WHERE true ON CONFLICT DO NOTHING`,
      `DELETE FROM outcome_facts WHERE id IN (SELECT g.outcome_id FROM outcome_goals g JOIN goal_ancestors a ON a.code = g.goal_code WHERE a.ancestor = new.code)`,
      `INSERT INTO outcome_facts (${FACT_COLUMNS}) SELECT ${FACT_VALUES} FROM outcome_goals g JOIN goal_ancestors a ON a.code = g.goal_code JOIN outcomes o ON o.id = g.outcome_id
        WHERE g.outcome_id IN (SELECT g2.outcome_id FROM outcome_goals g2 JOIN goal_ancestors a2 ON a2.code = g2.goal_code WHERE a2.ancestor = new.code) ON CONFLICT DO NOTHING`,
    ],
  },
  { name: 'goal_ancestors_ad', table: 'goals', event: 'AFTER DELETE', body: [`DELETE FROM goal_ancestors WHERE code = old.code`] },
  {
    name: 'outcome_facts_tag_ai', table: 'outcome_goals', event: 'AFTER INSERT', body: [
      `INSERT INTO outcome_facts (${FACT_COLUMNS}) SELECT ${FACT_VALUES} FROM outcomes o JOIN goal_ancestors a ON a.code = new.goal_code WHERE o.id = new.outcome_id ON CONFLICT DO NOTHING`,
    ],
  },
  {
    name: 'outcome_facts_tag_ad', table: 'outcome_goals', event: 'AFTER DELETE', body: [
      `DELETE FROM outcome_facts WHERE id = old.outcome_id AND goal_code NOT IN (
        SELECT a.ancestor FROM outcome_goals g JOIN goal_ancestors a ON a.code = g.goal_code WHERE g.outcome_id = old.outcome_id)`,
    ],
  },
  {
    name: 'outcome_facts_au', table: 'outcomes', event: `AFTER UPDATE OF ${OUTCOME_COLUMNS.join(', ')}`, body: [
      `UPDATE outcome_facts SET cell = ${CELL('new')}, ${OUTCOME_COLUMNS.map((c) => `${c} = new.${c}`).join(', ')} WHERE id = new.id`,
    ],
  },
  {
    name: 'outcome_facts_concluded', table: 'transitions', event: 'AFTER INSERT', when: `new.entity_type = 'outcome' AND new.to_status IN ${CONCLUSIONS}`,
    body: [`UPDATE outcome_facts SET conclusion = new.to_status WHERE id = new.entity_id`],
  },
];

async function createTrigger(knex: Knex, pg: boolean, t: (typeof BODIES)[number]): Promise<void> {
  if (!pg) {
    const when = t.when ? ` WHEN ${t.when.replace(/IS DISTINCT FROM/g, 'IS NOT')}` : '';
    await knex.raw(`CREATE TRIGGER ${t.name} ${t.event} ON ${t.table} FOR EACH ROW${when} BEGIN ${t.body.map((s) => `${s};`).join(' ')} END`);
    return;
  }
  await knex.raw(`CREATE FUNCTION ${t.name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${t.body.map((s) => `${s};`).join(' ')} RETURN NULL; END $$`);
  await knex.raw(`CREATE TRIGGER ${t.name} ${t.event} ON ${t.table} FOR EACH ROW${t.when ? ` WHEN (${t.when})` : ''} EXECUTE FUNCTION ${t.name}()`);
}

async function indicatorTables(knex: Knex): Promise<void> {
  await knex.schema.createTable('indicators', (t) => {
    t.string('id', 36).primary();
    t.string('code', 80).notNullable().unique();
    t.string('name', 300).notNullable();
    t.text('description');
    t.string('unit', 100).notNullable();
    t.string('direction', 10).notNullable(); // increase | decrease: which way is better
    t.text('disaggregations').notNullable().defaultTo('[]'); // JSON list of keys: country, sex, ageBand, free keys
    t.double('baseline_value');
    t.string('baseline_date', 10);
    t.text('baseline_note');
    t.text('targets').notNullable().defaultTo('[]'); // JSON [{value, date, note?}]
    t.text('source');
    t.text('source_url');
    t.text('notes');
    t.integer('iati_measure'); // IATI IndicatorMeasure codelist: 1 unit … 5 qualitative
    t.string('programme_id', 36).references('programmes.id'); // null: a global (reference) indicator
    t.string('organisation_id', 36).references('organisations.id'); // the partner that reports it, if one
    t.string('created_by', 36).references('users.id');
    t.string('created_at', 30).notNullable();
    t.string('updated_at', 30).notNullable();
    t.string('retired_at', 30); // retired, not deleted: values and revisions stay
    t.index(['programme_id']);
    t.index(['organisation_id']);
  });
  await knex.schema.createTable('indicator_goals', (t) => {
    t.string('indicator_id', 36).notNullable().references('indicators.id').onDelete('CASCADE');
    t.string('goal_code', 80).notNullable().references('goals.code');
    t.primary(['indicator_id', 'goal_code']);
    t.index(['goal_code', 'indicator_id']);
  });
  await knex.schema.createTable('indicator_values', (t) => {
    t.string('id', 36).primary();
    t.string('indicator_id', 36).notNullable().references('indicators.id').onDelete('CASCADE');
    t.string('period_start', 10).notNullable();
    t.string('period_end', 10).notNullable();
    t.double('value').notNullable();
    // canonical JSON (sorted keys) so that SQL can group a series by it; {} is the total
    t.string('disaggregation', 1500).notNullable().defaultTo('{}');
    t.string('country', 2); // copied out of the disaggregation for filtering
    t.string('organisation_id', 36).references('organisations.id'); // reporting organisation
    t.text('note');
    t.string('status', 10).notNullable(); // draft | validated
    t.string('created_by', 36).references('users.id');
    t.string('created_at', 30).notNullable();
    t.string('updated_at', 30).notNullable();
    t.unique(['indicator_id', 'disaggregation', 'period_start', 'period_end']);
    // the timeline reads a range of one indicator's values by period end, without the table
    t.index(['indicator_id', 'period_end', 'period_start', 'status', 'organisation_id', 'country', 'disaggregation', 'value'], 'indicator_values_series');
  });
}

async function factTables(knex: Knex, pg: boolean): Promise<void> {
  // SQLite: WITHOUT ROWID keeps the rows in key order, so a lane's cells are read in one range
  const rowid = pg ? '' : ' WITHOUT ROWID';
  await knex.raw(`CREATE TABLE goal_ancestors (code varchar(80) NOT NULL, ancestor varchar(81) NOT NULL, PRIMARY KEY (code, ancestor))${rowid}`);
  await knex.raw(`CREATE VIEW goal_ancestry (code, ancestor) AS
    WITH RECURSIVE up(code, ancestor) AS (SELECT code, code FROM goals
      UNION ALL SELECT u.code, g.parent_code FROM up u JOIN goals g ON g.code = u.ancestor WHERE g.parent_code IS NOT NULL)
    SELECT code, ancestor FROM up UNION SELECT code, '@' || framework_id FROM goals`);
  await knex.raw(`CREATE TABLE outcome_facts (
    goal_code varchar(81) NOT NULL, cell varchar(7) NOT NULL, status varchar(30) NOT NULL,
    id varchar(36) NOT NULL REFERENCES outcomes (id) ON DELETE CASCADE,
    organisation_id varchar(36) NOT NULL, sensitivity varchar(20) NOT NULL, occurred_start varchar(10) NOT NULL,
    occurred_end varchar(10) NOT NULL, occurred_precision varchar(5) NOT NULL, quadrant varchar(40) NOT NULL,
    change_type varchar(40) NOT NULL, positive boolean NOT NULL, intended boolean NOT NULL, country varchar(2) NOT NULL,
    language varchar(35) NOT NULL, harvest_id varchar(36), conclusion varchar(30),
    PRIMARY KEY (goal_code, cell, status, id))${rowid}`);
  await knex.raw('CREATE INDEX outcome_facts_outcome ON outcome_facts (id)');
  for (const t of BODIES) await createTrigger(knex, pg, t);
  // facts of the outcomes already there
  await knex.raw(`INSERT INTO goal_ancestors (code, ancestor) SELECT code, ancestor FROM goal_ancestry WHERE true ON CONFLICT DO NOTHING`);
  await knex.raw(`INSERT INTO outcome_facts (${FACT_COLUMNS}) SELECT ${FACT_VALUES}
    FROM outcome_goals g JOIN goal_ancestors a ON a.code = g.goal_code JOIN outcomes o ON o.id = g.outcome_id WHERE true ON CONFLICT DO NOTHING`);
}

/**
 * Stories and fragments (migration 004) keep long text before the columns the dashboards filter
 * on; these indexes hold every column their visibility rules and filters read, so counting them
 * never walks through the text.
 */
async function evidenceIndexes(knex: Knex): Promise<void> {
  await knex.schema.alterTable('stories', (t) => t.index(
    ['collected_on', 'organisation_id', 'status', 'sensitivity', 'consent_level', 'country', 'language', 'harvest_id', 'id'], 'stories_dashboard'));
  await knex.schema.alterTable('fragments', (t) => t.index(
    ['programme_id', 'organisation_id', 'status', 'sensitivity', 'has_speaker', 'consent_level', 'source_id', 'country', 'language', 'id'], 'fragments_dashboard'));
}

export async function up(knex: Knex): Promise<void> {
  await indicatorTables(knex);
  await factTables(knex, knex.client.config.client === 'pg');
  await evidenceIndexes(knex);
}

export async function down(knex: Knex): Promise<void> {
  const pg = knex.client.config.client === 'pg';
  for (const t of BODIES) {
    await knex.raw(pg ? `DROP TRIGGER IF EXISTS ${t.name} ON ${t.table}` : `DROP TRIGGER IF EXISTS ${t.name}`);
    if (pg) await knex.raw(`DROP FUNCTION IF EXISTS ${t.name}()`);
  }
  await knex.schema.alterTable('stories', (t) => t.dropIndex([], 'stories_dashboard'));
  await knex.schema.alterTable('fragments', (t) => t.dropIndex([], 'fragments_dashboard'));
  await knex.raw('DROP VIEW IF EXISTS goal_ancestry');
  for (const table of ['outcome_facts', 'goal_ancestors', 'indicator_values', 'indicator_goals', 'indicators']) await knex.schema.dropTableIfExists(table);
}
