// Who read the personal data of outcomes from outside the organisation that recorded them: the
// records and lists (personal-views.ts), and revisions whose changes touched a personal field.
import type { Ctx } from '../http/types';
import type { ReaderCtx } from '../domain/readers';
import { PERSONAL_FIELDS, redactField } from './representation';
import { auditRevisionViews as auditRevisions, auditViews, carriesPersonalData as carries, type PersonalKind, type Shown } from '../audit/personal-views';

export const OUTCOME: PersonalKind = { entityType: 'outcome', fields: PERSONAL_FIELDS, redactField };

export const carriesPersonalData = (o: Shown) => carries(OUTCOME, o);

/** Call with what is about to be sent; `single` for one record, else a list page. */
export const auditOutcomeViews = (ctx: ReaderCtx, shown: Shown[], single = false) => auditViews(ctx, OUTCOME, shown, single);

/** Revisions read in full from outside the organisation, when a change touched a personal field. */
export const auditRevisionViews = (ctx: Ctx, o: Shown, items: Array<{ changes: Array<{ field: string }> }>) => auditRevisions(ctx, OUTCOME, o, items);
