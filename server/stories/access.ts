// Who sees which story, per DESIGN.md's table, as one SQL condition (lists, counts, search) and
// the same rule in code (single records). Beyond its organisation and its programmes' evaluators,
// a story travels only when it is published, `public`, and its storyteller's consent allows it.
import type { Knex } from 'knex';
import type { CurrentUser } from '../http/types';
import { allowsSharing, whereConsentShares } from '../domain/consent';
import { isReviewer, seesPersonalData, type Reader } from '../domain/readers';

type Visible = { organisation_id: string; status: string; sensitivity: string; consent_level: string | null };

const SHARED = (qb: Knex.QueryBuilder, a: string) =>
  whereConsentShares(qb.where(`${a}.status`, 'published').where(`${a}.sensitivity`, 'public'), a);

/** Restricts a query on stories (alias `a`) to what the reader may see. */
export function whereStoryVisible(qb: Knex.QueryBuilder, user: Reader, a = 's'): Knex.QueryBuilder {
  if ('view' in user || user.role === 'donor') return SHARED(qb, a).whereIn(`${a}.organisation_id`, user.programmeOrgIds);
  switch (user.role) {
    case 'admin':
      return qb;
    case 'partner':
      return qb.where((w) => w.where(`${a}.organisation_id`, user.organisationId)
        .orWhere((peer) => SHARED(peer, a).whereIn(`${a}.organisation_id`, user.programmeOrgIds)));
    case 'evaluator':
      return qb.where((w) => w.where(`${a}.organisation_id`, user.organisationId)
        .orWhere((prog) => prog.whereIn(`${a}.organisation_id`, user.programmeOrgIds).whereNot(`${a}.status`, 'draft')));
  }
}

export function isShared(s: Omit<Visible, 'organisation_id'>): boolean {
  return s.status === 'published' && s.sensitivity === 'public' && allowsSharing(s.consent_level);
}

export function canSeeStory(user: CurrentUser, s: Visible): boolean {
  const shared = isShared(s) && user.programmeOrgIds.includes(s.organisation_id);
  switch (user.role) {
    case 'admin':
      return true;
    case 'partner':
      return s.organisation_id === user.organisationId || shared;
    case 'evaluator':
      return s.organisation_id === user.organisationId || (user.programmeOrgIds.includes(s.organisation_id) && s.status !== 'draft');
    case 'donor':
      return shared;
  }
}

// Stories belong to partner organisations, like outcomes: the same people see personal data
// and review them.
export { isReviewer, seesPersonalData };
