// What the HTML and markdown reports share: outcomes grouped by the goal they serve, and the words
// for states, verdicts and facts — all in the reader's language (data.names).
import type { Goal, IndicatorProgress, ReportData, ReportOutcome, Tally } from './data';
import type { ReaderNames } from '../reference/names';

const HARVEST_STATES = ['design', 'collecting', 'substantiating', 'analysing', 'closed'];

/** A state of a record or of a harvest, as the interface words it. */
export const stateName = (n: ReaderNames, status: string) => n.term(HARVEST_STATES.includes(status) ? 'harvest.status' : 'status', status);

export const VERDICTS = ['agree', 'partly', 'disagree', 'unknown'] as const;
const PARTS = ['description', 'significance', 'contribution'] as const;

/** "description: 2 agree, 1 partly agree · significance: …" */
export function tallyText(n: ReaderNames, t: Tally): string {
  const count = new Intl.NumberFormat(n.lang);
  return PARTS
    .map((part) => n.say('report.tallyPart', {
      part: n.term('report.part', part),
      verdicts: VERDICTS.filter((v) => t[part][v]).map((v) => `${count.format(t[part][v])} ${n.term('report.verdict', v)}`).join(', ') || '—',
    }))
    .join(' · ');
}

function rootOf(goals: Map<string, Goal>, code: string): string {
  let c = code;
  for (let g = goals.get(c); g?.parent; g = goals.get(c)) c = g.parent;
  return c;
}

/** Outcomes grouped by the root of their primary goal (NL-IV-1 for NL-IV-1.3), in goal order. */
export function byGoal(d: ReportData): Array<{ code: string; name: string; outcomes: ReportOutcome[] }> {
  const goals = d.goals;
  const groups = new Map<string, ReportOutcome[]>();
  for (const o of d.outcomes) {
    const primary = (o.goals.find((g) => g.primary) ?? o.goals[0])?.code ?? '';
    const root = rootOf(d.goals, primary);
    groups.set(root, [...(groups.get(root) ?? []), o]);
  }
  const order = (code: string) => goals.get(code)?.order ?? Number.MAX_SAFE_INTEGER;
  return [...groups].sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([code, outcomes]) => ({ code, name: d.goals.get(code)?.name ?? code, outcomes }));
}

export const placeOf = (n: ReaderNames, o: ReportOutcome) => [o.location.adminArea, n.country(o.location.country)].filter(Boolean).join(', ');
export const actorOf = (n: ReaderNames, o: ReportOutcome) => (o.socialActor.name ? `${o.socialActor.name} (${n.term('actor', o.socialActor.type)})` : n.term('actor', o.socialActor.type));
export const period = (d: ReportData) => [d.harvest.periodStart, d.harvest.periodEnd].filter(Boolean).join(' – ') || '—';
/** A baseline, target or actual as written: the number with its unit, or a rubric's level by name and place on the scale. */
export const fmt = (n: ReaderNames, v: { value: number; date: string } | null, i: Pick<IndicatorProgress, 'unit' | 'levels'>) => {
  if (!v) return '—';
  const number = (x: number) => new Intl.NumberFormat(n.lang).format(x);
  const what = i.levels ? n.say('rubric.levelOutOf', { n: number(v.value), count: number(i.levels.size), label: i.levels.get(v.value) ?? '' }) : `${number(v.value)} ${i.unit}`;
  return `${what} (${v.date.slice(0, 10)})`;
};
/** The facts line of an outcome: when, where, its state, type of change, quadrant, organisation. */
export const factsOf = (n: ReaderNames, o: ReportOutcome) => [o.occurredOn?.date ?? '—', placeOf(n, o), stateName(n, o.status), n.category(o.changeType), n.category(o.quadrant), o.organisation.name];
