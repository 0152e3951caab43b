// What a harvest report holds, read for its reader (a signed-in user, or the published view of
// the programme when printed from the command line): the harvest and its questions, its
// outcomes (through the outcome list's visibility and redaction) grouped by goal with their
// substantiation (verdict tallies and the evaluator's reasoning — never who substantiated), the
// stories its selection rounds picked with the panels' reasons, and the programme's indicators —
// every reference name (goal, quadrant, domain, indicator and unit) in the reader's language.
// Confidential records are left out of every part, as of every report.
import type { ReaderCtx } from '../domain/readers';
import { loadRow as loadHarvest } from '../harvests/service';
import * as outcomesRepo from '../outcomes/repository';
import { fromRow, Outcome } from '../outcomes/representation';
import { present } from '../outcomes/service';
import { whereStoryVisible } from '../stories/access';
import { fromRow as storyFromRow, Story } from '../stories/representation';
import { openStoryRows } from '../stories/repository';
import { present as presentStory } from '../stories/service';
import { whereIndicatorVisible } from '../indicators/access';
import { latestSummaries } from '../indicators/latest';
import { auditOutcomeViews } from '../outcomes/view-audit';
import { conclusionsOf } from '../outcomes/conclusions';
import { readerLanguage, type Language } from '../reference/language';
import { readerNames, type ReaderNames } from '../reference/names';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type Tally = Record<'description' | 'significance' | 'contribution', Record<string, number>>;
export type ReportOutcome = Outcome & { substantiation: { answers: number; tally: Tally; reasoning: string | null } };
export type Selection = { story: Story; level: string; domain: string; domainName: string; heldOn: string; reasons: string };
/** `levels`: a rubric's scale, each level's label in the reader's language; its values are levels, written by name. */
export type IndicatorProgress = {
  code: string; name: string; unit: string; direction: 'increase' | 'decrease'; levels?: Map<number, string>;
  baseline: { value: number; date: string } | null; target: { value: number; date: string } | null; actual: { value: number; date: string; summed?: boolean } | null;
};
/** A goal of the tree; `order` sorts goals as their frameworks list them (frameworks in their order). */
export type Goal = { code: string; name: string; parent: string | null; depth: number; order: number };

export type ReportData = {
  harvest: { id: string; title: string; status: string; questions: string | null; periodStart: string | null; periodEnd: string | null; domains: string[]; closedAt: string | null };
  programme: { id: string; name: string };
  outcomes: ReportOutcome[];
  goals: Map<string, Goal>;
  selections: Selection[];
  indicators: IndicatorProgress[];
  quadrants: Array<{ code: string; label: string; locus: 'individual' | 'systemic'; formality: 'informal' | 'formal' }>;
  generatedAt: string;
  redacted: boolean;
  /** the reader's language, and the reference names and interface words in it */
  names: ReaderNames;
};

async function outcomesOf(ctx: ReaderCtx, harvestId: string): Promise<ReportOutcome[]> {
  const qb = outcomesRepo.visibleTo(ctx.db, ctx.user);
  const rows = await qb.where('o.harvest_id', harvestId).whereNot('o.sensitivity', 'confidential').orderBy(['o.occurred_start', 'o.seq']).select('o.*', 'org.name as organisation_name');
  const ids = rows.map((r: Row) => r.id);
  const goals = await outcomesRepo.goalsOf(ctx.db, ids);
  const answers = ids.length ? await ctx.db('substantiations').whereIn('outcome_id', ids).whereNotNull('answered_at').select('outcome_id', 'description', 'significance', 'contribution') : [];
  const conclusions = await conclusionsOf(ctx.db, rows);
  return rows.map((r: Row) => {
    const mine = answers.filter((a: Row) => a.outcome_id === r.id);
    const tally = { description: {}, significance: {}, contribution: {} } as Tally;
    for (const a of mine) for (const part of ['description', 'significance', 'contribution'] as const) tally[part][a[part]] = (tally[part][a[part]] ?? 0) + 1;
    const conclusion = conclusions.get(r.id);
    return { ...present(ctx, fromRow(ctx.app.keyring, r, goals.get(r.id) ?? [])), conclusion: conclusion?.status ?? null, substantiation: { answers: mine.length, tally, reasoning: conclusion?.reasoning ?? null } };
  });
}

async function selectionsOf(ctx: ReaderCtx, harvestId: string, names: ReaderNames): Promise<Selection[]> {
  const rounds = await ctx.db('selection_rounds').where({ harvest_id: harvestId }).whereNotNull('selected_story_id').orderBy(['held_on', 'id']);
  if (!rounds.length) return [];
  const qb = ctx.db('stories as s').join('organisations as org', 'org.id', 's.organisation_id');
  whereStoryVisible(qb, ctx.user);
  const rows = await openStoryRows(ctx.db, ctx.app.keyring, await qb.whereIn('s.id', rounds.map((r: Row) => r.selected_story_id)).whereNot('s.sensitivity', 'confidential').select('s.*', 'org.name as organisation_name'));
  const stories = new Map<string, Story>(rows.map((r: Row) => [r.id, presentStory(ctx, storyFromRow(ctx.app.keyring, r, []))]));
  return rounds.filter((r: Row) => stories.has(r.selected_story_id))
    .map((r: Row) => ({ story: stories.get(r.selected_story_id)!, level: r.level, domain: r.domain, domainName: names.domain(r.domain, harvestId), heldOn: r.held_on, reasons: r.reasons }));
}

async function indicatorsOf(ctx: ReaderCtx, programmeId: string, names: ReaderNames): Promise<IndicatorProgress[]> {
  const rows = await whereIndicatorVisible(ctx.db('indicators as i'), ctx.user).where('i.programme_id', programmeId).orderBy('i.code').select('i.*');
  if (!rows.length) return [];
  const latest = await latestSummaries(ctx, rows.map((r: Row) => r.id));
  const rubrics = rows.filter((r: Row) => r.kind === 'rubric').map((r: Row) => r.id);
  const levelRows: Row[] = rubrics.length ? await ctx.db('indicator_levels').whereIn('indicator_id', rubrics).orderBy(['indicator_id', 'level']) : [];
  const levelsOf = (id: string) => new Map(levelRows.filter((l) => l.indicator_id === id)
    .map((l) => [Number(l.level), (JSON.parse(l.labels ?? '{}') as Record<string, string>)[names.lang] || l.label]));
  return rows.map((r: Row) => {
    const targets = JSON.parse(r.targets ?? '[]') as Array<{ value: number; date: string }>;
    const last = latest.get(r.id)?.latest;
    return {
      code: r.code, ...(names.indicator(r.code) ?? { name: r.name, unit: r.unit }), direction: r.direction, ...(r.kind === 'rubric' && { levels: levelsOf(r.id) }),
      baseline: r.baseline_value === null || r.baseline_value === undefined ? null : { value: Number(r.baseline_value), date: r.baseline_date },
      target: targets[targets.length - 1] ?? null, actual: last ? { value: last.value, date: last.periodEnd, ...(last.computed && { summed: true }) } : null,
    };
  });
}

/** The report for this reader, in their language (`?lang=`, else their profile's, else English). */
export async function reportData(ctx: ReaderCtx, harvestId: string, lang: Language = readerLanguage(ctx)): Promise<ReportData> {
  const h = await loadHarvest(ctx, harvestId);
  const names = await readerNames(ctx.db, lang);
  const domainCodes: string[] = await ctx.db('change_domains').where({ harvest_id: h.id }).orderBy(['position', 'code']).pluck('code');
  const domains = domainCodes.map((code) => names.domain(code, h.id));
  const goalRows = await ctx.db('goals as g').join('frameworks as f', 'f.id', 'g.framework_id').select('g.code', 'g.name', 'g.parent_code', 'g.depth', 'g.position', 'f.position as framework_position');
  const goals = new Map<string, Goal>(goalRows.map((g: Row) => [g.code, {
    code: g.code, name: names.goal(g.code), parent: g.parent_code ?? null, depth: Number(g.depth), order: Number(g.framework_position) * 10_000 + Number(g.position),
  }]));
  const outcomes = await outcomesOf(ctx, h.id);
  // the report shows the social actor's name and the place: read from outside their organisation, that is recorded
  await auditOutcomeViews(ctx, outcomes);
  const quadrants = (await ctx.db('typology_categories').where({ typology_id: 'gender-at-work' }).orderBy('position').select('code', 'name', 'meta'))
    .map((c: Row) => ({ code: c.code, label: names.category(c.code), ...(JSON.parse(c.meta ?? '{}') as { locus: 'individual' | 'systemic'; formality: 'informal' | 'formal' }) }));
  return {
    harvest: { id: h.id, title: h.title, status: h.status, questions: h.questions ?? null, periodStart: h.period_start ?? null, periodEnd: h.period_end ?? null, domains, closedAt: h.closed_at ?? null },
    programme: { id: h.programme_id, name: h.programme_name },
    outcomes, goals,
    selections: await selectionsOf(ctx, h.id, names),
    indicators: await indicatorsOf(ctx, h.programme_id, names),
    quadrants,
    generatedAt: new Date().toISOString(),
    redacted: outcomes.some((o) => o.redacted),
    names,
  };
}
