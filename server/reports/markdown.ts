// The harvest report as markdown: narrative fields as written (they are markdown already), plain
// text escaped so a title never turns into markup, the charts as tables of their figures.
import type { ReportData, ReportOutcome, Selection } from './data';
import { actorOf, byGoal, fmt, period, placeOf, STATUS, tallyText } from './sections';

/** Plain text inside markdown: inline markup characters escaped (and what would open a block at the start), line breaks as spaces. */
const t = (s: string) => s.replace(/\r?\n/g, ' ').replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`).replace(/^(\s*)([#+=-]|\d+[.)])/, '$1\\$2');

function outcome(o: ReportOutcome): string[] {
  const s = o.substantiation;
  return [
    `#### ${t(o.title)}`, '',
    `*${t([o.occurredOn.date, placeOf(o), STATUS[o.status] ?? o.status, o.changeType, o.quadrant, o.organisation.name].join(' · '))}*`, '',
    `**Social actor:** ${t(actorOf(o))}`, '',
    o.description, '', '**Significance**', '', o.significance, '', '**Contribution**', '', o.contribution, '',
    `**Substantiation:** ${s.answers ? `${s.answers} independent answer${s.answers > 1 ? 's' : ''} — ${t(tallyText(s.tally))}` : 'no answers recorded.'}`, '',
    ...(s.reasoning ? [`**Evaluator's conclusion (${t(STATUS[o.conclusion ?? o.status] ?? o.status)}):**`, '', s.reasoning, ''] : []),
  ];
}

function story(s: Selection): string[] {
  return [
    `### ${t(s.story.title)}`, '',
    `*${t(`Chosen by the ${s.level} panel, domain “${s.domain}”, ${s.heldOn} · ${s.story.organisation.name} · ${s.story.location.country}`)}*`, '',
    '**Why the panel chose it**', '', s.reasons, '', s.story.story, '', '**Why the storyteller finds it significant**', '', s.story.whySignificant, '',
  ];
}

const cell = t;

export function reportMarkdown(d: ReportData): string {
  const quadrants = d.quadrants.map((q) => [q.label, d.outcomes.filter((o) => o.quadrant === q.code).length] as const);
  const lines = [
    `# ${t(d.harvest.title)}`, '',
    `Harvest report · ${t(d.programme.name)}`, '',
    `| Period | Status | Outcomes | Stories selected | Generated |`, '|---|---|---:|---:|---|',
    `| ${cell(period(d))} | ${cell(STATUS[d.harvest.status] ?? d.harvest.status)} | ${d.outcomes.length} | ${d.selections.length} | ${d.generatedAt.slice(0, 16).replace('T', ' ')} UTC |`, '',
    ...(d.redacted ? ['> Personal data (names of individuals, exact places, informants, who collected what) is left out of this view.', ''] : []),
    '## Harvest questions', '', d.harvest.questions ?? '—', '',
    ...(d.harvest.domains.length ? ['### Domains of change', '', ...d.harvest.domains.map((x) => `- ${t(x)}`), ''] : []),
    '## At a glance', '',
    '| Goal | Outcomes |', '|---|---:|', ...byGoal(d).map((g) => `| ${cell(`${g.code} ${g.name}`)} | ${g.outcomes.length} |`), '',
    '| Gender at Work quadrant | Outcomes |', '|---|---:|', ...quadrants.map(([label, n]) => `| ${cell(label)} | ${n} |`), '',
    '## Outcomes by goal', '',
    ...byGoal(d).flatMap((g) => [`### ${t(`${g.code} ${g.name}`)}`, '', ...g.outcomes.flatMap(outcome)]),
    ...(d.outcomes.length ? [] : ['No outcomes in this harvest that you may see.', '']),
    '## Selected stories of change', '',
    ...(d.selections.length ? d.selections.flatMap(story) : ['No story has been selected yet.', '']),
    '## Indicator progress', '',
    ...(d.indicators.length
      ? ['| Indicator | Baseline | Target | Latest actual |', '|---|---|---|---|', ...d.indicators.map((i) => `| ${cell(i.name)} | ${cell(fmt(i.baseline, i.unit))} | ${cell(fmt(i.target, i.unit))} | ${cell(fmt(i.actual, i.unit))} |`)]
      : ['The programme has no indicators yet.']),
    '',
  ];
  return lines.join('\n');
}
