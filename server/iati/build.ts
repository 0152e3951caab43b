// The iati-activities 2.03 document of a programme: one activity with its identifier, reporting
// organisation, dates, status, the DAC sectors that fit, the gender-equality policy marker, and
// its results — one outcome result (type 2) per goal its published outcomes serve, with a
// qualitative indicator (measure 5) per goal that links the published harvest reports, and the
// programme's quantitative indicators with baseline, target and actual per period.
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { CODES, percentages, sectorOf, sectorShares } from './codes';
import type { IatiData, QuantIndicator } from './data';
import type { Outcome } from '../outcomes/representation';

const today = () => new Date().toISOString().slice(0, 10);
const narrative = (el: XMLBuilder, text: string, lang?: string) => el.ele('narrative', lang && lang !== 'en' ? { 'xml:lang': lang } : {}).txt(text).up();
const titled = (el: XMLBuilder, name: string, text: string, lang?: string) => narrative(el.ele(name), text, lang).up();

function status(d: IatiData): string {
  const now = today();
  if (d.programme.periodStart > now) return CODES.activityStatus.pipeline;
  if (d.programme.periodEnd && d.programme.periodEnd < now) return CODES.activityStatus.finalisation;
  return CODES.activityStatus.implementation;
}

function header(a: XMLBuilder, d: IatiData): void {
  const p = d.programme;
  a.ele('iati-identifier').txt(p.iatiIdentifier).up();
  narrative(a.ele('reporting-org', { ref: p.reportingOrgRef, type: CODES.reportingOrgType }), d.reportingOrgName);
  titled(a, 'title', p.name);
  narrative(a.ele('description', { type: CODES.descriptionGeneral }), p.description ?? p.name);
  narrative(a.ele('participating-org', { role: CODES.orgRole.funding, ref: p.reportingOrgRef }), d.reportingOrgName);
  for (const o of d.partners) narrative(a.ele('participating-org', { role: CODES.orgRole.implementing }), o.name);
  a.ele('activity-status', { code: status(d) }).up();
  const now = today();
  a.ele('activity-date', { type: p.periodStart <= now ? CODES.activityDate.actualStart : CODES.activityDate.plannedStart, 'iso-date': p.periodStart }).up();
  if (p.periodEnd) a.ele('activity-date', { type: p.periodEnd < now ? CODES.activityDate.actualEnd : CODES.activityDate.plannedEnd, 'iso-date': p.periodEnd }).up();
  recipients(a, d);
}

/**
 * Where the activity works, so that country views (d-portal, the Registry's country pages) list it:
 * the countries of its published outcomes, by share of them; before any is published, the partner
 * organisations' countries in equal parts. One country needs no percentage; several add up to 100.
 */
function recipients(a: XMLBuilder, d: IatiData): void {
  const counts: Record<string, number> = {};
  const seen = d.outcomes.length ? d.outcomes.map((o) => o.location.country) : d.partners.map((o) => o.country);
  for (const c of seen) if (c) counts[c] = (counts[c] ?? 0) + 1;
  const shares = percentages(Object.keys(counts).sort(), counts);
  for (const s of shares) a.ele('recipient-country', { code: s.code, ...(shares.length > 1 && { percentage: String(s.percentage) }) }).up();
}

/** The root of a goal's tree (e.g. NL-IV-1 for NL-IV-1.3): one result per root. */
function rootOf(d: IatiData, code: string): string {
  let c = code;
  for (let g = d.goals.get(c); g?.parent; g = d.goals.get(c)) c = g.parent;
  return c;
}

const primaryOf = (o: Outcome) => (o.goals.find((g) => g.primary) ?? o.goals[0])?.code;

function sectors(a: XMLBuilder, d: IatiData): void {
  const counts: Record<string, number> = {};
  for (const o of d.outcomes) {
    const s = sectorOf(primaryOf(o) ?? '', (c) => d.goals.get(c)?.parent ?? null);
    counts[s] = (counts[s] ?? 0) + 1;
  }
  for (const s of sectorShares(counts)) a.ele('sector', { vocabulary: CODES.sectorVocabulary, code: s.code, percentage: String(s.percentage) }).up();
  a.ele('policy-marker', { vocabulary: CODES.policyMarker.vocabulary, code: CODES.policyMarker.genderEquality, significance: CODES.policyMarker.principal }).up();
}

function reportLinks(el: XMLBuilder, d: IatiData, baseUrl: string): void {
  for (const r of d.reports) {
    const link = el.ele('document-link', { url: `${baseUrl}/api/harvests/${r.id}/report.html`, format: 'text/html' });
    titled(link, 'title', `Harvest report: ${r.title}`);
    link.ele('category', { code: CODES.documentResults }).up();
    link.ele('document-date', { 'iso-date': r.closedAt.slice(0, 10) }).up();
  }
}

function qualitative(res: XMLBuilder, d: IatiData, name: string, outcomes: Outcome[], baseUrl: string): void {
  const ind = res.ele('indicator', { measure: String(CODES.measure.qualitative) });
  titled(ind, 'title', `Outcomes harvested under "${name}"`);
  titled(ind, 'description', 'Changes in the behaviour, relationships, policies or practices of social actors, harvested, substantiated and published by the programme (outcome harvesting).');
  reportLinks(ind, d, baseUrl);
  const years = [...new Set(outcomes.map((o) => o.occurredOn.date.slice(0, 4)))].sort();
  for (const y of years) {
    const period = ind.ele('period');
    period.ele('period-start', { 'iso-date': `${y}-01-01` }).up();
    period.ele('period-end', { 'iso-date': `${y}-12-31` }).up();
    const comment = period.ele('actual').ele('comment');
    // one narrative per language (IATI repeats none in the same language), the year's titles in it
    const byLanguage = new Map<string, string[]>();
    for (const o of outcomes.filter((x) => x.occurredOn.date.startsWith(y))) byLanguage.set(o.language, [...(byLanguage.get(o.language) ?? []), o.title]);
    for (const [lang, titles] of [...byLanguage].sort(([a], [b]) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)))) narrative(comment, titles.join('\n'), lang);
  }
}

type Period = { start: string; end: string; target?: number; actual?: number };

/**
 * The indicator's periods: each validated value's, with the target that falls in it, and for every
 * target no value's period holds, the calendar year of its date with the target alone — a target
 * for 2027 is reported now, not once 2027 has an actual value.
 */
function periodsOf(i: QuantIndicator): Period[] {
  const periods: Period[] = i.values.map((v) => ({ start: v.periodStart, end: v.periodEnd, actual: v.value }));
  for (const t of i.targets) {
    const holding = periods.find((p) => t.date >= p.start && t.date <= p.end);
    if (holding) holding.target ??= t.value;
    else periods.push({ start: `${t.date.slice(0, 4)}-01-01`, end: `${t.date.slice(0, 4)}-12-31`, target: t.value });
  }
  return periods.sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
}

function quantitative(res: XMLBuilder, i: QuantIndicator): void {
  const ind = res.ele('indicator', { measure: String(i.measure === CODES.measure.qualitative ? CODES.measure.unit : i.measure), ascending: String(i.ascending) });
  titled(ind, 'title', `${i.name} (${i.unit})`);
  if (i.baseline) ind.ele('baseline', { year: i.baseline.date.slice(0, 4), 'iso-date': i.baseline.date, value: String(i.baseline.value) }).up();
  for (const p of periodsOf(i)) {
    const period = ind.ele('period');
    period.ele('period-start', { 'iso-date': p.start }).up();
    period.ele('period-end', { 'iso-date': p.end }).up();
    if (p.target !== undefined) period.ele('target', { value: String(p.target) }).up();
    if (p.actual !== undefined) period.ele('actual', { value: String(p.actual) }).up();
  }
}

function results(a: XMLBuilder, d: IatiData, baseUrl: string): void {
  const groups = new Map<string, { outcomes: Outcome[]; indicators: QuantIndicator[] }>();
  const group = (root: string) => groups.get(root) ?? groups.set(root, { outcomes: [], indicators: [] }).get(root)!;
  for (const o of d.outcomes) group(rootOf(d, primaryOf(o) ?? '')).outcomes.push(o);
  for (const i of d.indicators) group(i.goals.length ? rootOf(d, i.goals[0]) : '').indicators.push(i);
  for (const [root, g] of [...groups].sort(([x], [y]) => (x === '' ? 1 : y === '' ? -1 : x.localeCompare(y)))) {
    const name = root ? `${root} ${d.goals.get(root)?.name ?? ''}`.trim() : 'Programme indicators';
    const res = a.ele('result', { type: CODES.resultOutcome, 'aggregation-status': 'false' });
    titled(res, 'title', name);
    if (g.outcomes.length) qualitative(res, d, name, g.outcomes, baseUrl);
    for (const i of g.indicators) quantitative(res, i);
  }
}

export function iatiXml(d: IatiData, baseUrl: string): string {
  const generated = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const updated = [d.programme.updatedAt, ...d.outcomes.map((o) => o.updatedAt)].sort().pop()!;
  const doc = create({ version: '1.0', encoding: 'UTF-8' }).ele('iati-activities', { version: '2.03', 'generated-datetime': generated });
  const a = doc.ele('iati-activity', { 'last-updated-datetime': updated.replace(/\.\d{3}Z$/, 'Z'), 'xml:lang': 'en' });
  header(a, d);
  sectors(a, d);
  results(a, d, baseUrl);
  return doc.end({ prettyPrint: true });
}
