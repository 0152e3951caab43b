// Counting outcomes per goal from outcome_facts (migration 005): one row per outcome and goal it
// counts for, with the outcome's filter columns and a cell — its month, or its year when the
// date is known only to the year. Named like the columns of outcomes, so the one visibility rule
// and the list filters (scope.ts) apply to it unchanged. Breakdowns that the charts show side by
// side (quadrant, change type, negative) are summed per group rather than grouped on, so a lane's
// scan stays in key order with one row out per lane, cell and status.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import type { CurrentUser } from '../http/types';
import type { OutcomeFilters } from '../outcomes/repository';
import { countable } from './scope';

export type Typology = { quadrants: string[]; changeTypes: string[] };
export type Tally = Record<string, number>;
type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function typologyCodes(db: Db): Promise<Typology> {
  const rows = await db('typology_categories').whereIn('typology_id', ['gender-at-work', 'outcome-harvesting-types']).orderBy('position').select('code', 'typology_id');
  return {
    quadrants: rows.filter((r) => r.typology_id === 'gender-at-work').map((r) => r.code),
    changeTypes: rows.filter((r) => r.typology_id === 'outcome-harvesting-types').map((r) => r.code),
  };
}

/** The countable facts of the given goals (alias `o`), for this caller and these filters. */
export function factsOf(db: Db, user: CurrentUser, f: OutcomeFilters, goals: string[] | Knex.QueryBuilder): Knex.QueryBuilder {
  const qb = db('outcome_facts as o').whereIn('o.goal_code', goals);
  // implied by the from/to rule (a cell is the start's month or year), but it narrows the key range scanned
  if (f.from) qb.where('o.cell', '>=', f.from.slice(0, 4));
  if (f.to) qb.where('o.cell', '<=', f.to.slice(0, 7));
  return countable(qb, db, user, f);
}

/** Per-group sums of each quadrant, change type and negative outcomes (as q0…, c0…, neg). */
export function marginals(db: Db, t: Typology, which: Array<'quadrants' | 'changeTypes' | 'negative'> = ['quadrants', 'changeTypes', 'negative']): Knex.Raw[] {
  const out: Knex.Raw[] = [];
  if (which.includes('quadrants')) t.quadrants.forEach((q, i) => out.push(db.raw(`sum(case when o.quadrant = ? then 1 else 0 end) as q${i}`, [q])));
  if (which.includes('changeTypes')) t.changeTypes.forEach((c, i) => out.push(db.raw(`sum(case when o.change_type = ? then 1 else 0 end) as c${i}`, [c])));
  if (which.includes('negative')) out.push(db.raw('sum(case when o.positive then 0 else 1 end) as neg'));
  return out;
}

/** Adds a row's sums into tallies keyed by code (zeros left out, as in the example shape). */
export function addMarginals(r: Row, t: Typology, into: { byQuadrant?: Tally; byChangeType?: Tally }): void {
  const add = (tally: Tally | undefined, code: string, v: unknown) => {
    const n = Number(v ?? 0);
    if (tally && n) tally[code] = (tally[code] ?? 0) + n;
  };
  t.quadrants.forEach((q, i) => add(into.byQuadrant, q, r[`q${i}`]));
  t.changeTypes.forEach((c, i) => add(into.byChangeType, c, r[`c${i}`]));
}

/** A fact cell ('2024-03', or '2024' for a date known only to the year) and whether it is coarse for the bucket. */
export const isYearCell = (cell: string) => cell.length === 4;
