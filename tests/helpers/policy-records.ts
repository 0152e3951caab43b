// The records the policy test checks routes on, made through the API in the states and places
// the rules distinguish (core kinds: outcomes, substantiations, harvests, indicators,
// notifications; the other kinds of evidence and imports are in policy-records-evidence.ts).
import type { Person, TestApp } from './app';
import { AUTHOR, hasRoute, must, Org, OutcomeStatus, outcomeIn, PROGRAMME_OF, Sensitivity, substantiate } from './proof';
import type { Rec } from './policy-rules';

export type Target = { rec: Rec; refresh?: () => Promise<void> };
export type Builder = { t: TestApp; next: () => number };

/** Outcomes to try every outcome route on: each state, the sensitivities, and another programme's. */
export const OUTCOME_SPECS: Array<[Org, OutcomeStatus, Sensitivity]> = [
  ...(['draft', 'submitted', 'under_review', 'substantiated', 'partly_substantiated', 'not_substantiated', 'published', 'retracted'] as const).map((s) => ['p1', s, 'public'] as [Org, OutcomeStatus, Sensitivity]),
  ['p1', 'submitted', 'restricted'], ['p1', 'published', 'restricted'], ['p1', 'published', 'confidential'],
  ['p3', 'submitted', 'public'], ['p3', 'published', 'public'],
];

export async function outcomeTargets({ t }: Builder): Promise<Target[]> {
  const linkTarget: Record<Org, string> = { p1: (await outcomeIn(t, 'p1', 'draft')).id, p2: '', p3: (await outcomeIn(t, 'p3', 'draft')).id };
  return Promise.all(OUTCOME_SPECS.map(async ([org, status, sensitivity]) => {
    const rec: Rec = { kind: 'outcome', org, programme: PROGRAMME_OF[org], status, sensitivity, linkTarget: linkTarget[org], params: { id: '' } };
    const refresh = async () => { rec.params.id = (await outcomeIn(t, org, status, sensitivity)).id; };
    await refresh();
    return { rec, refresh };
  }));
}

/** A link from a submitted outcome to another of the same organisation, made again after each removal. */
export async function outcomeLinkTargets({ t }: Builder): Promise<Target[]> {
  if (!hasRoute('DELETE /api/outcomes/:id/links/:linkId')) return [];
  return Promise.all((['p1', 'p3'] as Org[]).map(async (org) => {
    const [from, to] = [(await outcomeIn(t, org, 'submitted')).id, (await outcomeIn(t, org, 'submitted')).id];
    const rec: Rec = { kind: 'outcomeLink', org, programme: PROGRAMME_OF[org], status: 'submitted', sensitivity: 'public', params: { id: from, linkId: '' } };
    const refresh = async () => {
      rec.params.linkId = must(await (await t.as(AUTHOR[org])).post(`/api/outcomes/${from}/links`, { targetId: to, relation: 'contributes_to' }), 'outcome link').body.id;
    };
    await refresh();
    return { rec, refresh };
  }));
}

export async function substantiationTargets({ t }: Builder): Promise<Target[]> {
  if (!hasRoute('POST /api/outcomes/:id/substantiations')) return [];
  const out: Target[] = [];
  for (const [org, status] of [['p1', 'under_review'], ['p1', 'published'], ['p3', 'under_review']] as Array<[Org, OutcomeStatus]>) {
    const o = await outcomeIn(t, org, status);
    const sid = status === 'under_review'
      ? await substantiate(await t.as(org === 'p3' ? 'evaluatorB' : 'evaluator'), o.id)
      : (await t.ctx.db('substantiations').where({ outcome_id: o.id }).first('id')).id;
    out.push({ rec: { kind: 'substantiation', org, programme: PROGRAMME_OF[org], status, sensitivity: 'public', params: { id: o.id, sid: sid! } } });
  }
  return out;
}

export async function harvestTargets({ t, next }: Builder): Promise<Target[]> {
  if (!hasRoute('POST /api/harvests')) return [];
  const make = async (who: Person, programme: 'A' | 'B', close: boolean): Promise<Target> => {
    const c = await t.as(who);
    const h = must(await c.post('/api/harvests', { programmeId: t.world.programmes[programme], title: `Harvest ${programme} ${next()}` }), 'harvest');
    const domain = must(await c.post(`/api/harvests/${h.body.id}/domains`, { name: 'Voice in local councils' }), 'domain');
    if (close) for (const status of ['collecting', 'substantiating', 'analysing', 'closed']) must(await c.patch(`/api/harvests/${h.body.id}`, { status }), status);
    return { rec: { kind: 'harvest', programme, status: close ? 'closed' : 'design', params: { id: h.body.id, code: domain.body.code } } };
  };
  return [await make('evaluator', 'A', false), await make('evaluator', 'A', true), await make('evaluatorB', 'B', false)];
}

export async function indicatorTargets({ t, next }: Builder): Promise<{ indicators: Target[]; values: Target[] }> {
  if (!hasRoute('POST /api/indicators')) return { indicators: [], values: [] };
  const make = async (who: Person, programme: 'A' | 'B' | null): Promise<string> => {
    const body = { code: `POL-${next()}`, name: 'Women in local peace committees', unit: 'percent', direction: 'increase', ...(programme && { programmeId: t.world.programmes[programme] }) };
    return must(await (await t.as(who)).post('/api/indicators', body), 'indicator').body.id;
  };
  const indicators = ([['admin', null, null], ['evaluator', 'A', null], ['partner1', 'A', 'p1'], ['evaluatorB', 'B', null]] as Array<[Person, 'A' | 'B' | null, string | null]>)
    .map(([who, programme, org]) => {
      const rec: Rec = { kind: 'indicator', programme, org, params: { id: '' } };
      return { rec, refresh: async () => { rec.params.id = await make(who, programme); } };
    });
  for (const i of indicators) await i.refresh();
  // values sit on indicators of their own: retiring a pooled indicator must not take them along
  const p1Indicator = await make('partner1', 'A');
  const aIndicator = await make('evaluator', 'A');
  const value = (who: Person, indicatorId: string, status: string, reporter: string, programme: 'A', org: string | null): Target => {
    const rec: Rec = { kind: 'indicatorValue', programme, org, status, reporter, params: { id: indicatorId, valueId: '' } };
    const refresh = async () => {
      const day = new Date(Date.UTC(2000, 0, 1) + next() * 86_400_000).toISOString().slice(0, 10); // one value per period
      const r = await (await t.as(who)).post(`/api/indicators/${indicatorId}/values`, { periodStart: day, periodEnd: day, value: 3, status });
      rec.params.valueId = must(r, 'value').body.id;
    };
    return { rec, refresh };
  };
  const values = [value('partner1', p1Indicator, 'draft', 'p1', 'A', 'p1'), value('evaluator', p1Indicator, 'validated', 'p1', 'A', 'p1'), value('evaluator', aIndicator, 'draft', 'evalOrg', 'A', null)];
  for (const v of values) await v.refresh!();
  return { indicators, values };
}

export async function notificationTargets({ t }: Builder): Promise<Target[]> {
  if (!hasRoute('GET /api/notifications')) return [];
  const out: Target[] = [];
  for (const owner of ['evaluator', 'evaluatorB'] as const) {
    const items = (await (await t.as(owner)).get('/api/notifications')).body.items as Array<{ id: string }>;
    if (items[0]) out.push({ rec: { kind: 'notification', owner, params: { id: items[0].id } } });
  }
  return out;
}

