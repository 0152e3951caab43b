// What the IATI file of a programme holds: the programme, and only
// published data — outcomes that are published and `public`, read with the donors' own
// visibility rule and redaction, validated indicator values, and the reports of closed harvests.
import type { Ctx } from '../http/types';
import { publishedView, type PublishedView } from '../domain/readers';
import { notFound, Problem, ProblemPath } from '../http/problem';
import * as outcomesRepo from '../outcomes/repository';
import { fromRow, Outcome, redactOutcome } from '../outcomes/representation';
import { whereValueVisible } from '../indicators/access';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type Goal = { code: string; name: string; parent: string | null };
export type QuantIndicator = {
  id: string; code: string; name: string; unit: string; ascending: boolean; measure: number; goals: string[];
  baseline: { value: number; date: string } | null; targets: Array<{ value: number; date: string }>;
  values: Array<{ periodStart: string; periodEnd: string; value: number }>;
};
export type IatiData = {
  programme: { id: string; name: string; description: string | null; periodStart: string; periodEnd: string | null; iatiIdentifier: string; reportingOrgRef: string; updatedAt: string };
  reportingOrgName: string;
  partners: Array<{ id: string; name: string; country: string | null }>;
  outcomes: Outcome[];
  goals: Map<string, Goal>;
  reports: Array<{ id: string; title: string; closedAt: string }>;
  indicators: QuantIndicator[];
};

async function programmeOf(ctx: Ctx, id: string): Promise<Row> {
  if (ctx.user.role !== 'admin' && !ctx.user.programmeIds.includes(id)) throw notFound('programme');
  const p = await ctx.db('programmes').where({ id }).first();
  if (!p) throw notFound('programme');
  const missing: ProblemPath[] = [];
  if (!p.iati_identifier) missing.push({ path: '/iatiIdentifier', message: 'is needed for IATI' });
  if (!p.reporting_org_ref) missing.push({ path: '/reportingOrgRef', message: 'is needed for IATI' });
  if (!p.period_start) missing.push({ path: '/periodStart', message: 'is needed for IATI (activity date)' });
  if (missing.length) throw new Problem('conflict', 'The programme lacks what IATI reporting needs', missing);
  return p;
}

async function outcomesOf(ctx: Ctx, reader: PublishedView): Promise<Outcome[]> {
  const qb = outcomesRepo.visibleTo(ctx.db, reader);
  const rows = await qb.orderBy(['o.occurred_start', 'o.seq']).select('o.*', 'org.name as organisation_name');
  const goals = await outcomesRepo.goalsOf(ctx.db, rows.map((r) => r.id));
  return rows.map((r) => redactOutcome(fromRow(ctx.app.keyring, r, goals.get(r.id) ?? [])));
}

async function indicatorsOf(ctx: Ctx, reader: PublishedView, programmeId: string): Promise<QuantIndicator[]> {
  const rows = await ctx.db('indicators').where({ programme_id: programmeId }).whereNull('retired_at').orderBy('code');
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const links = await ctx.db('indicator_goals').whereIn('indicator_id', ids);
  // the totals (no disaggregation) that are validated: the published figures
  const values = await whereValueVisible(ctx.db('indicator_values as v').join('indicators as i', 'i.id', 'v.indicator_id'), reader)
    .whereIn('v.indicator_id', ids).where('v.disaggregation', '{}').orderBy(['v.period_start', 'v.period_end']).select('v.*');
  return rows.map((r) => ({
    id: r.id, code: r.code, name: r.name, unit: r.unit, ascending: r.direction === 'increase', measure: Number(r.iati_measure ?? 1),
    goals: links.filter((l) => l.indicator_id === r.id).map((l) => l.goal_code),
    baseline: r.baseline_value === null || r.baseline_value === undefined ? null : { value: Number(r.baseline_value), date: r.baseline_date },
    targets: JSON.parse(r.targets ?? '[]'),
    values: values.filter((v: Row) => v.indicator_id === r.id).map((v: Row) => ({ periodStart: v.period_start, periodEnd: v.period_end, value: Number(v.value) })),
  }));
}

/** The reporting organisation's name: the programme's donor organisation when there is one. */
async function reportingOrgName(ctx: Ctx, programmeId: string, ref: string): Promise<string> {
  const names: string[] = await ctx.db('programme_members as pm').join('users as u', 'u.id', 'pm.user_id').join('organisations as o', 'o.id', 'u.organisation_id')
    .where({ 'pm.programme_id': programmeId, 'u.role': 'donor' }).distinct('o.name').pluck('o.name');
  return names.length === 1 ? names[0] : ref;
}

export async function iatiData(ctx: Ctx, programmeId: string): Promise<IatiData> {
  const p = await programmeOf(ctx, programmeId);
  const partners = await ctx.db('programme_partners as pp').join('organisations as o', 'o.id', 'pp.organisation_id')
    .where('pp.programme_id', programmeId).orderBy('o.name').select('o.id', 'o.name', 'o.country');
  const reader = publishedView(programmeId, partners.map((x) => x.id));
  const goals = new Map<string, Goal>((await ctx.db('goals').select('code', 'name', 'parent_code')).map((g) => [g.code, { code: g.code, name: g.name, parent: g.parent_code ?? null }]));
  const reports = await ctx.db('harvests').where({ programme_id: programmeId, status: 'closed' }).orderBy('closed_at').select('id', 'title', 'closed_at');
  return {
    programme: {
      id: p.id, name: p.name, description: p.description ?? null, periodStart: p.period_start, periodEnd: p.period_end ?? null,
      iatiIdentifier: p.iati_identifier, reportingOrgRef: p.reporting_org_ref, updatedAt: p.updated_at,
    },
    reportingOrgName: await reportingOrgName(ctx, programmeId, p.reporting_org_ref),
    partners, goals,
    outcomes: await outcomesOf(ctx, reader),
    reports: reports.map((r: Row) => ({ id: r.id, title: r.title, closedAt: r.closed_at })),
    indicators: await indicatorsOf(ctx, reader, programmeId),
  };
}
