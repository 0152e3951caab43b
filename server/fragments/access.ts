// Who sees which research fragment. Fragments belong to a programme through their source (an
// evaluator's own fragments belong to no partner organisation), so "records of their programmes"
// means the fragment's programme. Beyond its organisation and the programme's evaluators, a
// fragment travels only when published, `public`, from a public source, and — when it has a
// speaker — with the speaker's consent to share it. One SQL condition and the same rule in code.
import type { Knex } from 'knex';
import type { CurrentUser } from '../http/types';
import { allowsSharing, SHAREABLE } from '../domain/consent';

export type FragmentScope = {
  organisation_id: string; programme_id: string; status: string; sensitivity: string;
  has_speaker: boolean | number; consent_level: string | null; source_confidentiality: string;
};

function shared(qb: Knex.QueryBuilder, a: string): Knex.QueryBuilder {
  return qb.where(`${a}.status`, 'published').where(`${a}.sensitivity`, 'public')
    .where((c) => c.where(`${a}.has_speaker`, false).orWhereIn(`${a}.consent_level`, SHAREABLE))
    .whereExists((src) => src.select(1).from('sources as vs').whereRaw(`vs.id = ${a}.source_id`).where('vs.confidentiality', 'public'));
}

/** Restricts a query on fragments (alias `a`) to what the user may see. */
export function whereFragmentVisible(qb: Knex.QueryBuilder, user: CurrentUser, a = 'f'): Knex.QueryBuilder {
  switch (user.role) {
    case 'admin':
      return qb;
    case 'partner':
      return qb.where((w) => w.where(`${a}.organisation_id`, user.organisationId)
        .orWhere((peer) => shared(peer, a).whereIn(`${a}.programme_id`, user.programmeIds)));
    case 'evaluator':
      return qb.where((w) => w.where(`${a}.organisation_id`, user.organisationId)
        .orWhere((prog) => prog.whereIn(`${a}.programme_id`, user.programmeIds).whereNot(`${a}.status`, 'draft')));
    case 'donor':
      return shared(qb, a).whereIn(`${a}.programme_id`, user.programmeIds);
  }
}

export function isFragmentShared(f: Omit<FragmentScope, 'organisation_id' | 'programme_id'>): boolean {
  return f.status === 'published' && f.sensitivity === 'public' && f.source_confidentiality === 'public'
    && (!f.has_speaker || allowsSharing(f.consent_level));
}

export function canSeeFragment(user: CurrentUser, f: FragmentScope): boolean {
  const inProgramme = user.programmeIds.includes(f.programme_id);
  switch (user.role) {
    case 'admin':
      return true;
    case 'partner':
      return f.organisation_id === user.organisationId || (inProgramme && isFragmentShared(f));
    case 'evaluator':
      return f.organisation_id === user.organisationId || (inProgramme && f.status !== 'draft');
    case 'donor':
      return inProgramme && isFragmentShared(f);
  }
}

/** Evaluators of the fragment's programme (and admins). */
export const isFragmentReviewer = (user: CurrentUser, programmeId: string) =>
  user.role === 'admin' || (user.role === 'evaluator' && user.programmeIds.includes(programmeId));

/** Whether the user receives the speaker's profile and other personal data of this fragment. */
export const seesFragmentPersonalData = (user: CurrentUser, f: { organisationId: string; programmeId: string }) =>
  user.organisationId === f.organisationId || isFragmentReviewer(user, f.programmeId);
