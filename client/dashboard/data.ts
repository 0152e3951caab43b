// What the dashboards read: the dashboard API. Filters come from the URL; the period (from/to) is what the
// change-over-time chart's brush sets, and it narrows every view but that chart.
import { api, listAll, qs } from '../core/api';
import { subtreeCodes, loadGoals, PRIMARY_FRAMEWORK, type Goal } from '../core/reference';
import { isDated, type Dated, type Outcome } from '../core/outcome-model';
import type { CoverageNode } from '../charts/coverage';
import type { BreakdownNames } from '../core/indicator-model';

export type DashFilters = { framework: string; goal?: string; country?: string; region?: string; programme?: string; from?: string; to?: string };
export const FILTER_NAMES = ['framework', 'goal', 'country', 'region', 'programme', 'from', 'to'] as const;
/** More outcomes than this are drawn as counts per period (the dashboard API's cells) instead of marks. */
export const MAX_MARKS = 3000;

export function readFilters(q: URLSearchParams): DashFilters {
  const f: DashFilters = { framework: q.get('framework') || PRIMARY_FRAMEWORK };
  for (const k of FILTER_NAMES.slice(1)) {
    const v = q.get(k);
    if (v) f[k] = v;
  }
  return f;
}

export type Region = { code: string; name: string; names?: Record<string, string>; countries: string[]; outcomes?: number };
let regions: Promise<Region[]> | undefined;
export function loadRegions(): Promise<Region[]> {
  regions ??= api<{ regions?: Region[] }>('/api/dashboard/map').then((r) => r?.regions ?? []).catch(() => []);
  return regions;
}

/** The filters as query parameters of the API (a region becomes its countries). */
export async function apiParams(f: DashFilters, withPeriod: boolean): Promise<Record<string, string | undefined>> {
  let country = f.country;
  if (!country && f.region) country = (await loadRegions()).find((r) => r.code === f.region)?.countries.join(',');
  return { framework: f.framework, goal: f.goal, country, programme: f.programme, ...(withPeriod ? { from: f.from, to: f.to } : {}) };
}

/** Lanes: the framework's top goals, or the children of the chosen goal. */
export async function lanesOf(f: DashFilters): Promise<Goal[]> {
  const tree = await loadGoals(f.framework);
  if (!f.goal) return tree;
  const find = (gs: Goal[]): Goal | undefined => gs.map((g) => (g.code === f.goal ? g : find(g.children ?? []))).find(Boolean);
  const chosen = find(tree);
  return chosen ? (chosen.children?.length ? chosen.children : [chosen]) : tree;
}

/** The outcomes in view that are placed in time (a draft without its date yet is not). */
export async function loadOutcomes(f: DashFilters, withPeriod: boolean, max = MAX_MARKS): Promise<{ items: Dated<Outcome>[]; total: number }> {
  const all = await listAll<Outcome>('/api/outcomes', { ...(await apiParams(f, withPeriod)), sort: 'occurredOn' }, max);
  const items = all.items.filter(isDated);
  return { items, total: all.total - (all.items.length - items.length) };
}

export type TimelineApi = {
  bucket: 'month' | 'quarter' | 'year'; buckets: string[];
  goals: Array<{ code: string; name: string; cells: Array<{ bucket: string; coarse?: boolean; outcomes: number; byStatus: Record<string, number>; byConclusion?: Record<string, number> }> }>;
  indicators: TimelineIndicatorApi[];
};
export type TimelineIndicatorApi = {
  code: string; name: string; unit: string; names?: Record<string, string>; unitNames?: Record<string, string>;
  breakdownNames?: BreakdownNames; goals: string[]; programmeId: string | null; aggregation: 'sum' | 'none';
  baseline: { value: number; date: string } | null; targets: Array<{ value: number; date: string }>;
  series: Array<{ disaggregation?: Record<string, string>; values: Array<{ bucket: string; value: number }> }>;
  total: Array<{ bucket: string; value: number; computed?: 'sum'; differs?: boolean }>;
};

export async function loadTimelineApi(f: DashFilters, bucket: 'quarter' | 'year'): Promise<TimelineApi> {
  return api<TimelineApi>(`/api/dashboard/timeline${qs({ ...(await apiParams(f, false)), bucket })}`);
}

/** A bucket label ("2024", "2024-Q2", "2024-03") as its first and last day. */
export function bucketRange(label: string): [Date, Date] {
  const y = Number(label.slice(0, 4));
  const q = /-Q(\d)$/.exec(label);
  if (q) return [new Date(Date.UTC(y, (Number(q[1]) - 1) * 3, 1)), new Date(Date.UTC(y, Number(q[1]) * 3, 0))];
  if (label.length === 7) { const m = Number(label.slice(5)); return [new Date(Date.UTC(y, m - 1, 1)), new Date(Date.UTC(y, m, 0))]; }
  return [new Date(Date.UTC(y, 0, 1)), new Date(Date.UTC(y, 11, 31))];
}

/** Which lanes an outcome belongs to: every lane whose subtree holds one of its goals. */
export function laneMembership(lanes: Goal[]): (o: Pick<Outcome, 'goals'>) => string[] {
  const sets = lanes.map((l) => ({ code: l.code, codes: new Set(subtreeCodes(l)) }));
  return (o) => sets.filter((s) => o.goals.some((g) => s.codes.has(g.code))).map((s) => s.code);
}

export type TransformationApi = {
  years: string[]; pool: number; minForShare: number; quadrants: Array<{ code: string; name: string; locus: string; formality: string }>;
  totals: Array<{ year: string; to: string; byQuadrant: Record<string, number>; outcomes: number; unclassified: number; n: number; systemic: number; formal: number; systemicShare: number | null; formalShare: number | null; tooFew: boolean }>;
};
export type CoverageApi = { goals: CoverageNode[] };
export type MapApi = { countries: Array<{ country: string; outcomes: number }>; regions: Region[] };
export type PathwaysApi = { nodes: Array<{ id: string; title: string; status: string; conclusion?: string | null; changeType: string; occurredOn: { date: string; precision: 'day' | 'month' | 'year' }; goals: Array<{ code: string; primary?: boolean }> }>; links: Array<{ sourceId: string; targetId: string; relation: 'contributes_to' | 'counteracts' }> };

export async function loadAggregate<T>(name: 'transformation' | 'coverage' | 'map' | 'pathways', f: DashFilters, extra: Record<string, string | number> = {}): Promise<T> {
  return api<T>(`/api/dashboard/${name}${qs({ ...(await apiParams(f, true)), ...extra })}`);
}
