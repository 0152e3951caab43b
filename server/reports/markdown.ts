// The harvest report as markdown, in the reader's language: narrative fields as written (they are markdown already), plain
// text escaped so a title never turns into markup, the charts as tables of their figures.
import type { ReportData, ReportOutcome, Selection } from './data';
import type { ReaderNames } from '../reference/names';
import { actorOf, byGoal, factsOf, fmt, period, stateName, tallyText } from './sections';

/** Plain text inside markdown: inline markup characters escaped (and what would open a block at the start), line breaks as spaces. */
const t = (s: string) => s.replace(/\r?\n/g, ' ').replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`).replace(/^(\s*)([#+=-]|\d+[.)])/, '$1\\$2');

function outcome(n: ReaderNames, o: ReportOutcome): string[] {
  const s = o.substantiation;
  const label = (key: Parameters<typeof n.say>[0]) => `**${t(n.say('report.labelled', { label: n.say(key) }))}**`;
  return [
    `#### ${t(o.title)}`, '',
    `*${t(factsOf(n, o).join(' · '))}*`, '',
    `${label('report.socialActor')} ${t(actorOf(n, o))}`, '',
    o.description, '', `**${t(n.say('form.significance'))}**`, '', o.significance, '', `**${t(n.say('form.contribution'))}**`, '', o.contribution, '',
    `${label('subst.title')} ${s.answers ? `${t(n.say('report.answers', { count: s.answers }))} — ${t(tallyText(n, s.tally))}` : t(n.say('report.noAnswers'))}`, '',
    ...(s.reasoning ? [`**${t(n.say('report.labelled', { label: n.say('report.conclusion', { status: stateName(n, o.conclusion ?? o.status) }) }))}**`, '', s.reasoning, ''] : []),
  ];
}

function story(n: ReaderNames, s: Selection): string[] {
  const chosen = n.say('report.chosenBy', { level: n.term('report.panel', s.level), domain: s.domainName, date: s.heldOn });
  return [
    `### ${t(s.story.title)}`, '',
    `*${t(`${chosen} · ${s.story.organisation.name} · ${n.country(s.story.location.country)}`)}*`, '',
    `**${t(n.say('report.whyChosen'))}**`, '', s.reasons, '', s.story.story, '', `**${t(n.say('story.why'))}**`, '', s.story.whySignificant, '',
  ];
}

const cell = t;
const row = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;

export function reportMarkdown(d: ReportData): string {
  const n = d.names;
  const say = n.say;
  const count = new Intl.NumberFormat(n.lang).format;
  const quadrants = d.quadrants.map((q) => [q.label, d.outcomes.filter((o) => o.quadrant === q.code).length] as const);
  const lines = [
    `# ${t(d.harvest.title)}`, '',
    t(say('report.kicker', { programme: d.programme.name })), '',
    row((['report.period', 'report.status', 'report.outcomes', 'report.storiesSelected', 'report.generated'] as const).map((k) => cell(say(k)))), '|---|---|---:|---:|---|',
    row([cell(period(d)), cell(stateName(n, d.harvest.status)), count(d.outcomes.length), count(d.selections.length), `${d.generatedAt.slice(0, 16).replace('T', ' ')} UTC`]), '',
    ...(d.redacted ? [`> ${t(say('report.redacted'))}`, ''] : []),
    `## ${t(say('harvest.questions'))}`, '', d.harvest.questions ?? '—', '',
    ...(d.harvest.domains.length ? [`### ${t(say('harvest.field.domains'))}`, '', ...d.harvest.domains.map((x) => `- ${t(x)}`), ''] : []),
    `## ${t(say('report.glance'))}`, '',
    row([cell(say('dash.col.goal')), cell(say('dash.col.outcomes'))]), '|---|---:|', ...byGoal(d).map((g) => row([cell(`${g.code} ${g.name}`), count(g.outcomes.length)])), '',
    row([cell(say('report.quadrant')), cell(say('dash.col.outcomes'))]), '|---|---:|', ...quadrants.map(([label, k]) => row([cell(label), count(k)])), '',
    `## ${t(say('report.byGoal'))}`, '',
    ...byGoal(d).flatMap((g) => [`### ${t(`${g.code} ${g.name}`)}`, '', ...g.outcomes.flatMap((o) => outcome(n, o))]),
    ...(d.outcomes.length ? [] : [t(say('report.noOutcomes')), '']),
    `## ${t(say('report.stories'))}`, '',
    ...(d.selections.length ? d.selections.flatMap((s) => story(n, s)) : [t(say('report.noStories')), '']),
    `## ${t(say('report.indicators'))}`, '',
    ...(d.indicators.length
      ? [row((['dash.col.indicator', 'ind.baseline', 'ind.target', 'ind.latest'] as const).map((k) => cell(say(k)))), '|---|---|---|---|',
        ...d.indicators.map((i) => row([cell(i.name), cell(fmt(n, i.baseline, i)), cell(fmt(n, i.target, i)), cell(fmt(n, i.actual, i))]))]
      : [t(say('report.noIndicators'))]),
    '',
  ];
  return lines.join('\n');
}
