// What the HTML and markdown reports share: outcomes grouped by the goal they serve, and the words
// for states, verdicts and facts.
import type { Goal, ReportData, ReportOutcome, Tally } from './data';

export const STATUS: Record<string, string> = {
  draft: 'draft', submitted: 'submitted', under_review: 'under review', substantiated: 'substantiated',
  partly_substantiated: 'partly substantiated', not_substantiated: 'not substantiated', published: 'published', retracted: 'retracted',
  design: 'design', collecting: 'collecting', substantiating: 'substantiating', analysing: 'analysing', closed: 'closed',
};

export const VERDICTS = ['agree', 'partly', 'disagree', 'unknown'] as const;
const VERDICT_WORDS: Record<string, string> = { agree: 'agree', partly: 'partly agree', disagree: 'disagree', unknown: "don't know" };

/** "description: 2 agree, 1 partly agree · significance: …" */
export function tallyText(t: Tally): string {
  return (['description', 'significance', 'contribution'] as const)
    .map((part) => `${part}: ${VERDICTS.filter((v) => t[part][v]).map((v) => `${t[part][v]} ${VERDICT_WORDS[v]}`).join(', ') || '—'}`)
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

export const placeOf = (o: ReportOutcome) => [o.location.adminArea, o.location.country].filter(Boolean).join(', ');
export const actorOf = (o: ReportOutcome) => (o.socialActor.name ? `${o.socialActor.name} (${o.socialActor.type.replace(/_/g, ' ')})` : o.socialActor.type.replace(/_/g, ' '));
export const period = (d: ReportData) => [d.harvest.periodStart, d.harvest.periodEnd].filter(Boolean).join(' – ') || '—';
export const fmt = (v: { value: number; date: string } | null, unit: string) => (v ? `${new Intl.NumberFormat('en').format(v.value)} ${unit} (${v.date.slice(0, 10)})` : '—');
