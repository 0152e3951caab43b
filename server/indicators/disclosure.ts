// The check before publishing (domain/disclosure.ts), for a rubric's score: once validated, its
// reason is read by donors beside the step line, and it is written from the records it rests on —
// where an informant's or a storyteller's name is one copy away. The reason is searched for the
// personal values of every record it cites (whoever may see them: the reason is read by all), as a
// record's own texts are searched for its own.
import type { Ctx } from '../http/types';
import { Finding, PersonalValue, personalValuesIn, requireReviewed } from '../domain/disclosure';
import * as outcomes from '../outcomes/repository';
import { fromRow as outcomeFromRow } from '../outcomes/representation';
import { outcomePersonalValues } from '../outcomes/disclosure';
import * as stories from '../stories/repository';
import { fromRow as storyFromRow } from '../stories/representation';
import { storyPersonalValues } from '../stories/disclosure';
import * as fragments from '../fragments/repository';
import { fromRow as fragmentFromRow } from '../fragments/representation';
import { fragmentPersonalValues } from '../fragments/disclosure';
import type { EvidenceKind, EvidenceRef, ValueInput } from './representation';

const PLURAL: Record<EvidenceKind, string> = { outcome: 'outcomes', story: 'stories', fragment: 'fragments' };

/** A record's personal values, whoever may see the record; none for one that is gone. */
async function valuesOf(ctx: Ctx, e: EvidenceRef): Promise<PersonalValue[]> {
  switch (e.kind) {
    case 'outcome': {
      const found = await outcomes.findWithGoals(ctx.db, e.id, { user: ctx.user });
      return found ? outcomePersonalValues(ctx, outcomeFromRow(ctx.app.keyring, found.row, found.goals)) : [];
    }
    case 'story': {
      const row = await stories.findRow(ctx.db, ctx.app.keyring, e.id);
      return row ? storyPersonalValues(ctx, storyFromRow(ctx.app.keyring, row, [])) : [];
    }
    case 'fragment': {
      const row = await fragments.findRow(ctx.db, ctx.app.keyring, e.id);
      return row ? fragmentPersonalValues(fragmentFromRow(ctx.app.keyring, row, [], [])) : [];
    }
  }
}

/** What the reason of one score holds of the personal values of the records it cites; `path` is where the score sits in the body. */
export async function scoreFindings(ctx: Ctx, path: string, reason: string | null | undefined, evidence: EvidenceRef[]): Promise<Finding[]> {
  if (!reason?.trim() || !evidence.length) return [];
  const values = (await Promise.all(evidence.map(async (e) => (await valuesOf(ctx, e))
    .map((v) => ({ ...v, source: `/${PLURAL[e.kind]}/${e.id}${v.source}`, what: `${v.what} in the ${e.kind} it rests on` }))))).flat();
  return personalValuesIn([{ path: `${path}/reason`, text: reason }], values);
}

/**
 * Validating a score (or correcting a validated one) goes ahead once each finding in its reason is
 * reviewed: 409 `needs_confirmation` otherwise, as for publishing a record. A draft score is read
 * only by the scorer's colleagues, so it is not checked.
 */
export async function requireReviewedScores(ctx: Ctx, scores: Array<{ path: string; input: ValueInput & { confirmed?: string[] } }>): Promise<void> {
  const findings: Finding[] = [];
  const confirmed: string[] = [];
  for (const { path, input } of scores) {
    if (input.status !== 'validated') continue;
    findings.push(...await scoreFindings(ctx, path, input.reason, input.evidence ?? []));
    confirmed.push(...input.confirmed ?? []);
  }
  requireReviewed(findings, confirmed);
}
