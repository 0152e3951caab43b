// Who sees which outcome, per DESIGN.md's table, as one SQL condition (lists, counts, search,
// aggregates) and the same rule in code (single records). Full view versus redacted view too.
import type { Knex } from 'knex';
import type { Reader } from '../domain/readers';

type Visible = { organisation_id: string; status: string; sensitivity: string };

const PUBLISHED_PUBLIC = (qb: Knex.QueryBuilder, a: string) => qb.where(`${a}.status`, 'published').where(`${a}.sensitivity`, 'public');

/** Restricts a query on outcomes (alias `a`) to what the reader may see. */
export function whereVisible(qb: Knex.QueryBuilder, user: Reader, a = 'o'): Knex.QueryBuilder {
  if ('view' in user || user.role === 'donor') return PUBLISHED_PUBLIC(qb, a).whereIn(`${a}.organisation_id`, user.programmeOrgIds);
  switch (user.role) {
    case 'admin':
      return qb;
    case 'partner':
      return qb.where((w) => w
        .where((own) => own.where(`${a}.organisation_id`, user.organisationId).whereNot(`${a}.status`, 'retracted'))
        .orWhere((peer) => PUBLISHED_PUBLIC(peer, a).whereIn(`${a}.organisation_id`, user.programmeOrgIds)));
    case 'evaluator':
      return qb.where((w) => w
        .where((own) => own.where(`${a}.organisation_id`, user.organisationId).whereNot(`${a}.status`, 'retracted'))
        .orWhere((prog) => prog.whereIn(`${a}.organisation_id`, user.programmeOrgIds).whereNotIn(`${a}.status`, ['draft', 'retracted'])));
  }
}

export function canSee(user: Reader, o: Visible): boolean {
  const publishedPublic = o.status === 'published' && o.sensitivity === 'public' && user.programmeOrgIds.includes(o.organisation_id);
  if ('view' in user || user.role === 'donor') return publishedPublic;
  switch (user.role) {
    case 'admin':
      return true;
    case 'partner':
      return (o.organisation_id === user.organisationId && o.status !== 'retracted') || publishedPublic;
    case 'evaluator':
      return (o.organisation_id === user.organisationId && o.status !== 'retracted')
        || (user.programmeOrgIds.includes(o.organisation_id) && !['draft', 'retracted'].includes(o.status));
  }
}
