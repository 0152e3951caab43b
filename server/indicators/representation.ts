// How an indicator and its values are stored and shown. Neither holds personal data; who created
// a record is staff data, removed by redactIndicator / redactValue — the one redaction function
// per record kind — from what donors and other organisations receive. An indicator is a number
// or a rubric (levels, stored in indicator_levels); a rubric's value is a level with its reason.
import { namesOf, namesText } from '../reference/language';
import { editableFieldsOf } from '../records/schema-fields';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type Dated = { value: number; date: string; note?: string };
/** How breakdowns add up to the total: 'sum' for counts, 'none' where they do not (shares, scores). */
export type Aggregation = 'sum' | 'none';
export type Disaggregation = Record<string, string>;
export type Kind = 'number' | 'rubric';
/** French, Arabic and Dutch where given; a language left out reads the English. */
export type LevelTexts = Partial<Record<'fr' | 'ar' | 'nl', string>>;
export type Level = { level: number; label: string; descriptor: string; labels?: LevelTexts; descriptors?: LevelTexts };
export type EvidenceKind = 'outcome' | 'story' | 'fragment';
export type EvidenceRef = { kind: EvidenceKind; id: string };
/** Evidence as a reader receives it: a record they may open, with its title. */
export type Evidence = EvidenceRef & { title: string };

/** What a rubric stores where a number has its unit, direction, breakdowns and aggregation. */
export const RUBRIC_SHAPE = { unit: 'level', direction: 'increase', disaggregations: [] as string[], aggregation: 'none', wholeNumbers: true } as const;

export type IndicatorInput = {
  code: string; name: string; description?: string; unit: string; direction: 'increase' | 'decrease';
  goals?: string[]; disaggregations?: string[]; baseline?: Dated | null; targets?: Dated[];
  aggregation?: Aggregation; wholeNumbers?: boolean;
  source?: string; sourceUrl?: string; notes?: string; iatiMeasure?: number;
  programmeId?: string; organisationId?: string; kind?: Kind; levels?: Level[];
  names?: Record<string, string>; unitNames?: Record<string, string>;
};

export type Indicator = {
  id: string; code: string; name: string; description: string | null; unit: string; direction: 'increase' | 'decrease';
  goals: string[]; disaggregations: string[]; baseline: Dated | null; targets: Dated[];
  aggregation: Aggregation; wholeNumbers: boolean;
  source: string | null; sourceUrl: string | null; notes: string | null; iatiMeasure: number | null;
  programme: { id: string; name: string } | null; organisation: { id: string; name: string } | null;
  createdBy?: string | null; createdAt: string; updatedAt: string; retiredAt: string | null; redacted: boolean;
  kind: Kind; levels?: Level[];
  /** the name, the unit and breakdown values in French, Arabic and Dutch, where the seeds or an editor gave them */
  names: Record<string, string>; unitNames: Record<string, string>; breakdownNames: Record<string, Record<string, Record<string, string>>>;
};

/** `reason` and `evidence`: a rubric's score only. */
export type ValueInput = {
  periodStart: string; periodEnd: string; value: number; disaggregation?: Disaggregation; note?: string | null; status?: 'draft' | 'validated';
  reason?: string | null; evidence?: EvidenceRef[];
};

export type IndicatorValue = {
  id: string; indicatorId: string; periodStart: string; periodEnd: string; value: number; disaggregation: Disaggregation;
  organisation: { id: string; name: string } | null; note: string | null; status: 'draft' | 'validated';
  createdBy?: string | null; createdAt: string; updatedAt: string; redacted: boolean;
  reason?: string | null; evidence?: Evidence[];
};

/** From the patch schema: the fields an edit may change. */
export const EDITABLE_FIELDS = editableFieldsOf<keyof IndicatorInput>('indicators#/$defs/indicatorPatch');
export const VALUE_FIELDS = ['periodStart', 'periodEnd', 'value', 'disaggregation', 'note', 'status', 'reason', 'evidence'] as const;

/** The disaggregation as stored: keys sorted, so equal breakdowns are equal strings SQL can group by. */
export const canonical = (d: Disaggregation = {}) => JSON.stringify(Object.fromEntries(Object.entries(d).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));

const dated = (value: unknown, date: unknown, note: unknown): Dated | null =>
  value === null || value === undefined ? null : { value: Number(value), date: String(date), ...(note ? { note: String(note) } : {}) };

export function toRow(i: IndicatorInput): Row {
  return {
    kind: i.kind ?? 'number', code: i.code, name: i.name, description: i.description ?? null, unit: i.unit, direction: i.direction,
    disaggregations: JSON.stringify(i.disaggregations ?? []), aggregation: i.aggregation ?? 'sum', whole_numbers: i.wholeNumbers ?? false,
    baseline_value: i.baseline?.value ?? null, baseline_date: i.baseline?.date ?? null, baseline_note: i.baseline?.note ?? null,
    targets: JSON.stringify([...(i.targets ?? [])].sort((a, b) => a.date.localeCompare(b.date))),
    source: i.source ?? null, source_url: i.sourceUrl ?? null, notes: i.notes ?? null, iati_measure: i.iatiMeasure ?? null,
    names: namesText(i.names), unit_names: namesText(i.unitNames),
  };
}

export function fromRow(r: Row, goals: string[], levels: Level[] = []): Indicator {
  return {
    id: r.id, code: r.code, name: r.name, description: r.description ?? null, unit: r.unit, direction: r.direction,
    goals, disaggregations: JSON.parse(r.disaggregations), baseline: dated(r.baseline_value, r.baseline_date, r.baseline_note),
    targets: JSON.parse(r.targets), aggregation: r.aggregation ?? 'sum', wholeNumbers: !!r.whole_numbers, source: r.source ?? null, sourceUrl: r.source_url ?? null, notes: r.notes ?? null,
    iatiMeasure: r.iati_measure ?? null,
    programme: r.programme_id ? { id: r.programme_id, name: r.programme_name } : null,
    organisation: r.organisation_id ? { id: r.organisation_id, name: r.organisation_name } : null,
    createdBy: r.created_by ?? null, createdAt: r.created_at, updatedAt: r.updated_at, retiredAt: r.retired_at ?? null, redacted: false,
    kind: r.kind ?? 'number', ...(r.kind === 'rubric' && { levels }),
    names: namesOf(r.names), unitNames: namesOf(r.unit_names), breakdownNames: breakdownNamesOf(r.breakdown_names),
  };
}

/** Breakdown values' names as stored: `{ key: { value: { fr, ar, nl } } }`. */
function breakdownNamesOf(text: unknown): Indicator['breakdownNames'] {
  try { return typeof text === 'string' && text ? JSON.parse(text) : {}; } catch { return {}; }
}

/** A stored level: the translations kept as JSON beside the English. */
export const levelFromRow = (r: Row): Level => {
  const labels = JSON.parse(r.labels ?? '{}') as LevelTexts;
  const descriptors = JSON.parse(r.descriptors ?? '{}') as LevelTexts;
  return {
    level: Number(r.level), label: r.label, descriptor: r.descriptor,
    ...(Object.keys(labels).length && { labels }), ...(Object.keys(descriptors).length && { descriptors }),
  };
};

export const levelToRow = (indicatorId: string, l: Level): Row => ({
  indicator_id: indicatorId, level: l.level, label: l.label, descriptor: l.descriptor,
  labels: JSON.stringify(l.labels ?? {}), descriptors: JSON.stringify(l.descriptors ?? {}),
});

/** The one redaction function for indicators. */
export function redactIndicator(i: Indicator): Indicator {
  const out = { ...i, redacted: true };
  delete out.createdBy;
  return out;
}

/** The editable part of an indicator, so a patch can be merged and checked as a whole. */
export function toInput(i: Indicator): IndicatorInput {
  const { code, name, unit, direction, goals, disaggregations, baseline, targets, aggregation, wholeNumbers, kind } = i;
  return {
    kind, code, name, unit, direction, goals, disaggregations, baseline, targets, aggregation, wholeNumbers, ...(i.levels && { levels: i.levels }),
    ...(i.description !== null && { description: i.description }), ...(i.source !== null && { source: i.source }),
    ...(i.sourceUrl !== null && { sourceUrl: i.sourceUrl }), ...(i.notes !== null && { notes: i.notes }),
    ...(i.iatiMeasure !== null && { iatiMeasure: i.iatiMeasure }),
    names: i.names, unitNames: i.unitNames,
  };
}

export function valueToRow(v: ValueInput): Row {
  const d = v.disaggregation ?? {};
  return {
    period_start: v.periodStart, period_end: v.periodEnd, value: v.value, disaggregation: canonical(d),
    country: d.country ?? null, note: v.note ?? null, status: v.status ?? 'draft', reason: v.reason ?? null,
  };
}

export function valueFromRow(r: Row): IndicatorValue {
  return {
    id: r.id, indicatorId: r.indicator_id, periodStart: r.period_start, periodEnd: r.period_end, value: Number(r.value),
    disaggregation: JSON.parse(r.disaggregation), organisation: r.organisation_id ? { id: r.organisation_id, name: r.organisation_name } : null,
    note: r.note ?? null, status: r.status, createdBy: r.created_by ?? null, createdAt: r.created_at, updatedAt: r.updated_at, redacted: false,
    ...(r.reason != null && { reason: r.reason }),
  };
}

/** The one redaction function for indicator values. */
export function redactValue(v: IndicatorValue): IndicatorValue {
  const out = { ...v, redacted: true };
  delete out.createdBy;
  return out;
}

/** The editable part of a value; a rubric's score with its reason and its stored evidence (all of it, not only what one reader sees). */
export const valueInputOf = (v: IndicatorValue, stored?: EvidenceRef[]): ValueInput => ({
  periodStart: v.periodStart, periodEnd: v.periodEnd, value: v.value, disaggregation: v.disaggregation, note: v.note, status: v.status,
  ...(stored && { reason: v.reason ?? null, evidence: stored }),
});
