// Stories of change and research fragments counted beside the outcomes, with the visibility rule
// and filters of their own lists (server/stories, server/fragments), confidential ones left out.
// Stories are dated by the day they were collected; fragments by their source's year, so in a
// month or quarter view they fall in a coarse cell, as year-precision outcomes do. Which kinds are
// counted is the registry's word (server/kinds/registry.ts: the kinds that join `dashboards`).
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import type { CurrentUser } from '../http/types';
import type { OutcomeFilters } from '../outcomes/repository';
import { whereStoryVisible } from '../stories/access';
import { applyFilters as storyFilters } from '../stories/repository';
import { whereFragmentVisible } from '../fragments/access';
import { applyFilters as fragmentFilters } from '../fragments/repository';
import { Bucket, cellSql } from './buckets';
import { kindsJoining, type KindName } from '../kinds/registry';

export type EvidenceKind = 'stories' | 'fragments';
export type Grouping = { by: 'lane-cell'; bucket: Bucket } | { by: 'lane' } | { by: 'country' };
type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

type Spec = {
  table: string; alias: string; goals: { table: string; key: string }; start: string; precision: string; country: string;
  restrict: (qb: Knex.QueryBuilder, db: Db, user: CurrentUser, f: OutcomeFilters) => void;
};

const common = (f: OutcomeFilters) => ({
  orgIds: f.orgIds, programmeIds: f.programmeIds, countries: f.countries, languages: f.languages, from: f.from, to: f.to, sensitivities: f.sensitivities,
});

const SPECS: Record<EvidenceKind, Spec> = {
  stories: {
    table: 'stories as s', alias: 's', goals: { table: 'story_goals', key: 'story_id' }, start: 's.collected_on', precision: "'day'", country: 's.country',
    restrict: (qb, db, user, f) => {
      whereStoryVisible(qb, user, 's');
      storyFilters(qb, db, { ...common(f), harvestIds: f.harvestIds });
    },
  },
  fragments: {
    table: 'fragments as f', alias: 'f', goals: { table: 'fragment_goals', key: 'fragment_id' }, start: "(src.year || '-01-01')", precision: "'year'", country: 'f.country',
    restrict: (qb, db, user, f) => {
      qb.join('sources as src', 'src.id', 'f.source_id');
      whereFragmentVisible(qb, user, 'f');
      fragmentFilters(qb, db, common(f));
    },
  },
};

const OF_KIND = { story: 'stories', fragment: 'fragments' } as const satisfies Partial<Record<KindName, EvidenceKind>>;

/** The kinds counted beside the outcomes: those that join the dashboards. */
export const evidenceKinds = (): EvidenceKind[] =>
  kindsJoining('dashboards').flatMap((k) => (k in OF_KIND ? [OF_KIND[k as keyof typeof OF_KIND]] : []));

/**
 * Counts of one kind, grouped by lane and cell (timeline), by lane (coverage) or by country (map).
 * `lanes` starts a query with the lane_map CTE (server/dashboard/lanes.ts).
 */
export async function countEvidence(
  db: Db, user: CurrentUser, f: OutcomeFilters, kind: EvidenceKind, g: Grouping, lanes?: () => Knex.QueryBuilder,
): Promise<Row[]> {
  const s = SPECS[kind];
  const qb = (g.by === 'country' ? db.queryBuilder() : lanes!()).from(s.table);
  s.restrict(qb, db, user, f);
  // when the caller gave no sensitivity filter, the list rule already applies; confidential never counts
  qb.whereNot(`${s.alias}.sensitivity`, 'confidential');
  if (g.by === 'country') return qb.select({ country: s.country }).count({ n: '*' }).whereNotNull(s.country).groupBy(s.country);
  qb.join(`${s.goals.table} as eg`, `eg.${s.goals.key}`, `${s.alias}.id`).join('lane_map as lm', 'lm.code', 'eg.goal_code');
  if (g.by === 'lane') return qb.select('lm.lane').countDistinct({ n: `${s.alias}.id` }).groupBy('lm.lane');
  const { cell, coarse } = cellSql(g.bucket, s.start, s.precision);
  return qb.select('lm.lane', db.raw(`${cell} as cell`), db.raw(`${coarse} as coarse`)).countDistinct({ n: `${s.alias}.id` })
    .groupBy('lm.lane', 'cell', 'coarse');
}
