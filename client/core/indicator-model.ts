// Indicators as the client sees them: the record (a number, or a rubric — core/rubric-model.ts),
// its values and progress, who may change them (the same rule as server/indicators/access.ts
// mayManage — the server stays the judge), and the words and numbers every indicator screen
// writes the same way.
import { countryName, formatDate, formatNumber, has, lang, t } from './i18n';
import type { Me } from './session';
import type { MessageKey } from '../i18n/en';
import type { EvidenceItem, Level, Score } from './rubric-model';

export type Dated = { value: number; date: string; note?: string };
export type Ref = { id: string; name: string };
export type Indicator = {
  id: string; code: string; name: string; description: string | null; unit: string; direction: 'increase' | 'decrease';
  goals: string[]; disaggregations: string[]; baseline: Dated | null; targets: Dated[];
  aggregation: 'sum' | 'none'; wholeNumbers: boolean;
  source: string | null; sourceUrl: string | null; notes: string | null; iatiMeasure: number | null;
  programme: Ref | null; organisation: Ref | null; createdAt: string; updatedAt: string;
  /** a rubric has levels instead of a unit; its values are levels (1 = the lowest) */
  kind: 'number' | 'rubric'; levels?: Level[];
  /** the name, unit and breakdown values in the other languages, where given (localName, localUnit) */
  names?: Record<string, string>; unitNames?: Record<string, string>; breakdownNames?: BreakdownNames;
};
export const isRubric = (i: Pick<Indicator, 'kind'>) => i.kind === 'rubric';
/** An item of the indicator list: the indicator with its latest value (server/indicators/latest.ts). */
export type ListedIndicator = Indicator & { latest: Latest | null; seriesRange: { count: number; min: number; max: number } | null };
export type ValueStatus = 'draft' | 'validated';
export type IndicatorValue = {
  id: string; indicatorId: string; periodStart: string; periodEnd: string; value: number; disaggregation: Record<string, string>;
  organisation: Ref | null; note: string | null; status: ValueStatus; updatedAt: string;
  /** a rubric's score only */
  reason?: string | null; evidence?: EvidenceItem[];
};
/** `computed: 'sum'`: no total was reported, this is the sum of a complete breakdown of the period. */
export type Latest = { periodStart: string; periodEnd: string; value: number; status: ValueStatus; computed?: 'sum' };
export type Series = { disaggregation: Record<string, string>; latest: Latest; target: Dated | null; progress: number | null; achieved: boolean | null };
export type ProgressOutcome = { id: string; title: string; status: string; occurredOn: { date: string; precision: 'day' | 'month' | 'year' }; country: string; organisation: Ref };
export type Progress = {
  baseline: Dated | null; targets: Dated[]; latest: Latest | null; target: Dated | null; progress: number | null; achieved: boolean | null;
  totalCheck: { breakdownSum: number; differs: boolean } | null;
  series: Series[]; period: { from: string | null; to: string | null }; outcomes: { total: number; items: ProgressOutcome[]; query: string };
  /** the total of every period: reported, or the sum of a complete breakdown (computed: 'sum') — server/indicators/totals.ts */
  totals?: PeriodTotal[];
  /** a rubric only: its scale and its scored series, oldest first */
  levels?: Level[]; scores?: Score[];
};
export type PeriodTotal = { periodStart: string; periodEnd: string; value: number; draft: boolean; computed?: 'sum'; breakdownSum?: number; differs?: boolean };

/** Whether the user may edit the indicator and enter its values (server/indicators/access.ts). */
export function mayManage(user: Me | null, i: Pick<Indicator, 'programme' | 'organisation'>): boolean {
  switch (user?.role) {
    case 'admin': return true;
    case 'evaluator': return !!i.programme && user.programmes.some((p) => p.id === i.programme!.id);
    case 'partner': return !!i.organisation && i.organisation.id === user.organisation.id;
    default: return false;
  }
}

/** Partners enter drafts; a programme's evaluators and admins validate them. */
export const mayValidate = (user: Me | null, i: Pick<Indicator, 'programme' | 'organisation'>) => user?.role !== 'partner' && mayManage(user, i);

/** Who may record a new indicator at all (where it may go is checked by the server). */
export const mayCreate = (user: Me | null) => user?.role === 'admin' || user?.role === 'evaluator' || user?.role === 'partner';

export const SEXES = ['female', 'male', 'other', 'total'] as const;

export function breakdownName(key: string): string {
  const k = `ind.key.${key}`;
  return has(k) ? t(k) : key;
}

/** The words among an indicator's breakdown values in other languages: {area: {World: {fr: 'Monde'}}}. */
export type BreakdownNames = Record<string, Record<string, Record<string, string>>>;

export function breakdownValue(key: string, value: string, names?: BreakdownNames): string {
  if (key === 'country') return countryName(value);
  if (key === 'sex' && has(`ind.sex.${value}`)) return t(`ind.sex.${value}` as MessageKey);
  return names?.[key]?.[value]?.[lang()] || value;
}

/** "Country: Mali · Sex: female", or "Total" for the overall series. */
export function breakdownLabel(d: Record<string, string>, names?: BreakdownNames): string {
  const parts = Object.entries(d).map(([k, v]) => `${breakdownName(k)}: ${breakdownValue(k, v, names)}`);
  return parts.length ? parts.join(' · ') : t('ind.overall');
}

export const periodLabel = (start: string, end: string) => `${formatDate(start)} – ${formatDate(end)}`;

/** A number with its unit: "12 women"; the unit (data, in any script) isolated so it keeps its place in Arabic text. */
export const withUnit = (n: number, unit: string) => `${formatNumber(n, { maximumFractionDigits: 3 })} \u2068${unit}\u2069`;

export const directionLabel = (d: Indicator['direction']) => t(d === 'increase' ? 'ind.direction.increase' : 'ind.direction.decrease');

/** The target that applies on a date: the first one due on or after it, else the last one (as the server). */
export function targetFor(targets: Dated[], date = new Date().toISOString().slice(0, 10)): Dated | null {
  const sorted = [...targets].sort((a, b) => a.date.localeCompare(b.date));
  return sorted.find((x) => x.date >= date) ?? sorted.at(-1) ?? null;
}

export const IATI_MEASURES = [1, 2, 3, 4, 5] as const;
export const iatiMeasureLabel = (m: number) => t(`ind.iati.${m}` as MessageKey);

