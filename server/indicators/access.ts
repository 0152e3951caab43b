// Who sees which indicator and which value, as SQL conditions (lists, timeline, progress) and the
// same rules in code (single records). Global indicators (no programme) are reference series that
// every user may read; a programme's indicators are read by the people of that programme. Values
// are numbers, not personal data, but a draft is not a figure yet: only its reporting
// organisation, the programme's evaluators and admins see drafts; donors see validated values only.
import type { Knex } from 'knex';
import type { CurrentUser } from '../http/types';
import type { Reader } from '../domain/readers';

export type IndicatorScope = { programme_id: string | null; organisation_id: string | null; retired_at?: string | null };
export type ValueScope = { status: string; organisation_id: string | null };

/** Restricts a query on indicators (alias `a`) to the ones the reader may see; retired ones are gone. */
export function whereIndicatorVisible(qb: Knex.QueryBuilder, user: Reader, a = 'i'): Knex.QueryBuilder {
  qb.whereNull(`${a}.retired_at`);
  if (!('view' in user) && user.role === 'admin') return qb;
  return qb.where((w) => w.whereNull(`${a}.programme_id`).orWhereIn(`${a}.programme_id`, user.programmeIds));
}

export function canSeeIndicator(user: CurrentUser, i: IndicatorScope): boolean {
  if (user.role === 'admin') return true;
  return !i.retired_at && (!i.programme_id || user.programmeIds.includes(i.programme_id));
}

/**
 * Who enters values for (and edits) an indicator: admins any; a programme's evaluators that
 * programme's indicators; partners their own organisation's.
 */
export function mayManage(user: CurrentUser, i: IndicatorScope): boolean {
  switch (user.role) {
    case 'admin':
      return true;
    case 'evaluator':
      return !!i.programme_id && user.programmeIds.includes(i.programme_id);
    case 'partner':
      return !!i.organisation_id && i.organisation_id === user.organisationId;
    case 'donor':
      return false;
  }
}

/** Restricts a query on values `v` joined to their indicator `i` to the values the reader may see. */
export function whereValueVisible(qb: Knex.QueryBuilder, user: Reader, v = 'v', i = 'i'): Knex.QueryBuilder {
  if ('view' in user || user.role === 'donor') return qb.where(`${v}.status`, 'validated');
  switch (user.role) {
    case 'admin':
      return qb;
    case 'partner':
      return qb.where((w) => w.where(`${v}.status`, 'validated').orWhere(`${v}.organisation_id`, user.organisationId));
    case 'evaluator':
      return qb.where((w) => w.where(`${v}.status`, 'validated').orWhere(`${v}.organisation_id`, user.organisationId)
        .orWhereIn(`${i}.programme_id`, user.programmeIds));
  }
}

export function canSeeValue(user: CurrentUser, v: ValueScope, i: IndicatorScope): boolean {
  if (user.role === 'admin' || v.status === 'validated') return true;
  if (user.role === 'donor') return false;
  if (v.organisation_id === user.organisationId) return true;
  return user.role === 'evaluator' && !!i.programme_id && user.programmeIds.includes(i.programme_id);
}

/** Whether the user gets the full record (who created it) rather than the redacted view. */
export const seesFullRecord = (user: CurrentUser, i: IndicatorScope) => mayManage(user, i);
