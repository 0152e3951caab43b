// The harvest report as a printable HTML page in the reader's language: plain text escaped, narrative fields through the
// one markdown module (server/render/html.ts), charts as inline SVG, and the layout and print rules
// in a stylesheet of its own (the content security policy allows no inline style and no script).
import { escapeHtml as e, markdownToHtml as md } from '../render/html';
import type { ReportData, ReportOutcome, Selection } from './data';
import type { Charts } from './charts';
import { actorOf, byGoal, factsOf, fmt, period, stateName, tallyText } from './sections';
import type { ReaderNames } from '../reference/names';
import { directionOf } from '../reference/language';

export const REPORT_CSS_PATH = '/api/reports/report.css';

function outcome(n: ReaderNames, o: ReportOutcome): string {
  const s = o.substantiation;
  const say = n.say;
  return `<article class="outcome">
<h4>${e(o.title)}</h4>
<p class="meta">${factsOf(n, o).map(e).join(' · ')}</p>
<p class="actor"><span class="label">${e(say('report.socialActor'))}</span> ${e(actorOf(n, o))}</p>
<div class="text">${md(o.description)}</div>
<h5>${e(say('form.significance'))}</h5><div class="text">${md(o.significance)}</div>
<h5>${e(say('form.contribution'))}</h5><div class="text">${md(o.contribution)}</div>
<h5>${e(say('subst.title'))}</h5>
<p>${s.answers ? `${e(say('report.answers', { count: s.answers }))} — ${e(tallyText(n, s.tally))}` : e(say('report.noAnswers'))}</p>
${s.reasoning ? `<div class="reasoning"><span class="label">${e(say('report.conclusion', { status: stateName(n, o.conclusion ?? o.status) }))}</span>${md(s.reasoning)}</div>` : ''}
</article>`;
}

function story(n: ReaderNames, s: Selection): string {
  const say = n.say;
  const chosen = say('report.chosenBy', { level: n.term('report.panel', s.level), domain: s.domainName, date: s.heldOn });
  return `<article class="story">
<h3>${e(s.story.title)}</h3>
<p class="meta">${e(chosen)} · ${e(s.story.organisation.name)} · ${e(n.country(s.story.location.country))}</p>
<h4>${e(say('report.whyChosen'))}</h4><div class="text">${md(s.reasons)}</div>
<div class="text story-text">${md(s.story.story)}</div>
<h4>${e(say('story.why'))}</h4><div class="text">${md(s.story.whySignificant)}</div>
</article>`;
}

function indicators(d: ReportData): string {
  const n = d.names;
  if (!d.indicators.length) return `<p>${e(n.say('report.noIndicators'))}</p>`;
  const rows = d.indicators.map((i) => `<tr><th scope="row">${e(i.name)}</th><td>${e(fmt(n, i.baseline, i))}</td><td>${e(fmt(n, i.target, i))}</td><td>${e(fmt(n, i.actual, i))}${i.actual?.summed ? ` · ${e(n.say('ind.computedSum'))}` : ''}</td></tr>`);
  const head = (['dash.col.indicator', 'ind.baseline', 'ind.target', 'ind.latest'] as const).map((k) => `<th scope="col">${e(n.say(k))}</th>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

const figure = (svg: string | null, caption: string) => (svg ? `<figure>${svg}<figcaption>${e(caption)}</figcaption></figure>` : '');

/** The page; `stylesheet` null leaves the link out (the PDF printer adds the rules itself). */
export function reportHtml(d: ReportData, charts: Charts, stylesheet: string | null = REPORT_CSS_PATH): string {
  const n = d.names;
  const say = n.say;
  const goals = byGoal(d).map((g) => `<section class="goal"><h3>${e(`${g.code} ${g.name}`)}</h3>${g.outcomes.map((o) => outcome(n, o)).join('\n')}</section>`);
  const count = new Intl.NumberFormat(n.lang).format;
  const fact = (label: Parameters<typeof say>[0], value: string) => `<dt>${e(say(label))}</dt><dd>${e(value)}</dd>`;
  const facts = [fact('report.period', period(d)), fact('report.status', stateName(n, d.harvest.status)), fact('report.outcomes', count(d.outcomes.length)),
    fact('report.storiesSelected', count(d.selections.length)), fact('report.generated', `${d.generatedAt.slice(0, 16).replace('T', ' ')} UTC`)].join('');
  return `<!doctype html>
<html lang="${n.lang}" dir="${directionOf(n.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(say('report.docTitle', { title: d.harvest.title }))}</title>
${stylesheet ? `<link rel="stylesheet" href="${e(stylesheet)}">` : ''}</head>
<body><main class="report">
<header>
<p class="kicker">${e(say('report.kicker', { programme: d.programme.name }))}</p>
<h1>${e(d.harvest.title)}</h1>
<dl class="facts">${facts}</dl>
${d.redacted ? `<p class="note">${e(say('report.redacted'))}</p>` : ''}
</header>
<section id="questions"><h2>${e(say('harvest.questions'))}</h2>${d.harvest.questions ? md(d.harvest.questions) : '<p>—</p>'}
${d.harvest.domains.length ? `<h3>${e(say('harvest.field.domains'))}</h3><ul>${d.harvest.domains.map((x) => `<li>${e(x)}</li>`).join('')}</ul>` : ''}</section>
<section id="charts"><h2>${e(say('report.glance'))}</h2>
${figure(charts.coverage, say('report.coverageCaption'))}
${figure(charts.transformation, say('report.transformationCaption'))}
${charts.coverage || charts.transformation ? '' : `<p>${e(say('report.noCharts'))}</p>`}</section>
<section id="outcomes"><h2>${e(say('report.byGoal'))}</h2>${goals.join('\n') || `<p>${e(say('report.noOutcomes'))}</p>`}</section>
<section id="stories"><h2>${e(say('report.stories'))}</h2>${d.selections.map((x) => story(n, x)).join('\n') || `<p>${e(say('report.noStories'))}</p>`}</section>
<section id="indicators"><h2>${e(say('report.indicators'))}</h2>${figure(charts.indicators, say('report.indicatorsCaption'))}${indicators(d)}</section>
</main></body></html>
`;
}
