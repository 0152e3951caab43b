// Outcomes for export: the list's filters and visibility (filtersOf, whereVisible, applyFilters),
// in recording order, page by page on `seq` (so records written meanwhile never shift a page),
// each one presented through present() — the same redaction as GET /api/outcomes.
import type { Ctx } from '../http/types';
import * as repo from '../outcomes/repository';
import { selectEvidenceCount } from '../outcomes/evidence-count';
import { filtersOf, present, withConclusions } from '../outcomes/service';
import { fromRow, Outcome } from '../outcomes/representation';
import { applyFts } from '../db/fts';
import { Column, jsonCell, joinCodes } from './cells';
import { ExportKind, PAGE, Query } from './kinds';
import { goalNames, NameColumn, recordNames } from './names';

/** The columns of an outcome that a spreadsheet import reads back (the import template). */
export const OUTCOME_INPUT_COLUMNS: Column<Outcome>[] = [
  { name: 'title', value: (o) => o.title },
  { name: 'description', value: (o) => o.description },
  { name: 'socialActorName', value: (o) => o.socialActor.name ?? null },
  { name: 'socialActorType', value: (o) => o.socialActor.type },
  { name: 'changeType', value: (o) => o.changeType },
  { name: 'quadrant', value: (o) => o.quadrant },
  // a draft may have no date yet (null)
  { name: 'occurredOn', value: (o) => o.occurredOn?.date ?? null },
  { name: 'occurredPrecision', value: (o) => o.occurredOn?.precision ?? null },
  { name: 'country', value: (o) => o.location.country },
  { name: 'adminArea', value: (o) => o.location.adminArea ?? null },
  { name: 'lat', value: (o) => o.location.lat ?? null },
  { name: 'lon', value: (o) => o.location.lon ?? null },
  { name: 'significance', value: (o) => o.significance },
  { name: 'contribution', value: (o) => o.contribution },
  { name: 'positive', value: (o) => o.positive },
  { name: 'intended', value: (o) => o.intended },
  { name: 'sensitivity', value: (o) => o.sensitivity },
  { name: 'language', value: (o) => o.language },
  { name: 'primaryGoal', value: (o) => o.goals.find((g) => g.primary)?.code ?? null },
  { name: 'otherGoals', value: (o) => joinCodes(o.goals.filter((g) => !g.primary).map((g) => g.code)) },
  { name: 'harvestId', value: (o) => o.harvestId },
  { name: 'evidence', value: (o) => jsonCell(o.evidence) },
];

const COLUMNS: Column<Outcome>[] = [
  { name: 'id', value: (o) => o.id },
  { name: 'status', value: (o) => o.status },
  { name: 'organisation', value: (o) => o.organisation.name },
  ...OUTCOME_INPUT_COLUMNS,
  { name: 'evidenceCount', value: (o) => o.evidenceCount },
  { name: 'createdAt', value: (o) => o.createdAt },
  { name: 'updatedAt', value: (o) => o.updatedAt },
  { name: 'submittedAt', value: (o) => o.submittedAt },
  { name: 'publishedAt', value: (o) => o.publishedAt },
];

/** Beside the codes of an outcome, their names in the reader's language (an import reads past them). */
export const OUTCOME_NAME_COLUMNS: NameColumn<Outcome>[] = [
  ...recordNames<Outcome>(),
  { of: 'socialActorType', name: 'socialActorTypeName', value: (o, n) => n.term('actor', o.socialActor.type) },
  { of: 'changeType', name: 'changeTypeName', value: (o, n) => n.category(o.changeType) },
  { of: 'quadrant', name: 'quadrantName', value: (o, n) => n.category(o.quadrant) },
  ...goalNames<Outcome>(),
];

async function* pages(ctx: Ctx, filters: repo.OutcomeFilters): AsyncGenerator<Outcome[]> {
  let after = 0;
  for (;;) {
    const qb = repo.visibleTo(ctx.db, ctx.user);
    // an export is outward: its evidence counts leave confidential stories and fragments out too
    repo.applyFilters(qb, ctx.db, filters, { user: ctx.user, outward: true });
    if (filters.terms?.length) applyFts(qb, ctx.db, 'outcomes', 'o', filters.terms);
    const rows = await qb.whereNot('o.sensitivity', 'confidential').where('o.seq', '>', after)
      .orderBy('o.seq').limit(PAGE).select('o.*', 'org.name as organisation_name', selectEvidenceCount(ctx.db, { user: ctx.user, outward: true }));
    if (!rows.length) return;
    const goals = await repo.goalsOf(ctx.db, rows.map((r) => r.id));
    yield await withConclusions(ctx, rows.map((r) => present(ctx, fromRow(ctx.app.keyring, r, goals.get(r.id) ?? []))));
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].seq;
  }
}

export const outcomesExport: ExportKind<Outcome> = {
  name: 'outcomes', kind: 'outcome',
  sheet: 'outcomes',
  query: 'outcomes#/$defs/listQuery',
  columns: COLUMNS,
  names: OUTCOME_NAME_COLUMNS,
  lists: ['goals', 'categories'],
  async open(ctx: Ctx<unknown, Query>) {
    const filters = await filtersOf(ctx, ctx.query);
    return filters.terms && !filters.terms.length ? (async function* () {})() : pages(ctx, filters);
  },
};
