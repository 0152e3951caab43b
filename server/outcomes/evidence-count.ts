// How much evidence of an outcome a reader may open (DESIGN.md, "A count is only what the reader
// may see"): the items on the record, its files only for those who receive its personal data,
// and only the linked stories and fragments the reader may open under their own rules
// (whereStoryVisible, whereFragmentVisible). One SQL expression serves the count on the record,
// the evidenceMin/evidenceMax filters and sort=evidence, so the three always agree.
//
// The row keeps the whole count (what an admin sees) and its parts, evidence_link_count and
// evidence_file_count (refreshEvidenceCount): an outcome without links — most of them — costs
// no look at the linked records, and the whole count stays an indexed upper bound for
// evidenceMin, since a reader never sees more than all of it.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import type { CurrentUser } from '../http/types';
import { whereStoryVisible } from '../stories/access';
import { whereFragmentVisible } from '../fragments/access';
import { READER_COUNT } from './representation';

/** `outward`: an export or report, which never counts a confidential record (DESIGN.md). */
export type CountFor = { user: CurrentUser; outward?: boolean };

const inList = (db: Db, column: string, ids: string[]) =>
  (ids.length ? db.raw(`${column} IN (${ids.map(() => '?').join(',')})`, ids).toQuery() : '1 = 0');

/** Whether the reader receives this outcome's files (seesPersonalData, as SQL on alias `a`). */
function filesSeen(db: Db, user: CurrentUser, a: string): string {
  switch (user.role) {
    case 'admin':
      return '1 = 1';
    case 'partner':
      return inList(db, `${a}.organisation_id`, [user.organisationId]);
    case 'evaluator':
      return inList(db, `${a}.organisation_id`, [user.organisationId, ...user.programmeOrgIds]);
    case 'donor':
      return '1 = 0';
  }
}

function linkedSeen(db: Db, r: CountFor, a: string, kind: 'story' | 'fragment'): string {
  const [table, alias] = kind === 'story' ? ['stories', 'es'] : ['fragments', 'ef'];
  const qb = db('evidence_links as el').join(`${table} as ${alias}`, `${alias}.id`, `el.${kind}_id`).whereRaw(`el.outcome_id = ${a}.id`);
  if (kind === 'story') whereStoryVisible(qb, r.user, alias);
  else whereFragmentVisible(qb, r.user, alias);
  if (r.outward) qb.whereNot(`${alias}.sensitivity`, 'confidential');
  return `(${qb.count({ n: '*' }).toQuery()})`;
}

/** The reader's evidence count of outcome `a`, as one SQL expression (bound values inlined). */
export function evidenceCountSql(db: Db, r: CountFor, a = 'o'): string {
  if (r.user.role === 'admin' && !r.outward) return `${a}.evidence_count`;
  const items = `(${a}.evidence_count - ${a}.evidence_link_count - ${a}.evidence_file_count)`;
  const files = `(CASE WHEN ${filesSeen(db, r.user, a)} THEN ${a}.evidence_file_count ELSE 0 END)`;
  const links = `(CASE WHEN ${a}.evidence_link_count = 0 THEN 0 ELSE ${linkedSeen(db, r, a, 'story')} + ${linkedSeen(db, r, a, 'fragment')} END)`;
  return `(${items} + ${files} + ${links})`;
}

export function selectEvidenceCount(db: Db, r: CountFor, a = 'o'): Knex.Raw {
  return db.raw(`${evidenceCountSql(db, r, a)} AS ${READER_COUNT}`);
}

/** evidenceMin/evidenceMax on the reader's count; the whole count bounds it from above (indexed). */
export function whereEvidenceCount(qb: Knex.QueryBuilder, db: Db, r: CountFor, min?: number, max?: number, a = 'o'): Knex.QueryBuilder {
  if (min === undefined && max === undefined) return qb;
  const expr = evidenceCountSql(db, r, a);
  if (min !== undefined) {
    qb.where(`${a}.evidence_count`, '>=', min);
    // inlined, not bound: the expression carries its values already
    if (expr !== `${a}.evidence_count`) qb.whereRaw(`${expr} >= ${Math.trunc(min)}`);
  }
  if (max !== undefined) qb.whereRaw(`${expr} <= ${Math.trunc(max)}`);
  return qb;
}
