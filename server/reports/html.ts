// The harvest report as a printable HTML page: plain text escaped, narrative fields through the
// one markdown module (server/render/html.ts), charts as inline SVG, and the layout and print rules
// in a stylesheet of its own (the content security policy allows no inline style and no script).
import { escapeHtml as e, markdownToHtml as md } from '../render/html';
import type { ReportData, ReportOutcome, Selection } from './data';
import type { Charts } from './charts';
import { actorOf, byGoal, fmt, period, placeOf, STATUS, tallyText } from './sections';

export const REPORT_CSS_PATH = '/api/reports/report.css';

function outcome(o: ReportOutcome): string {
  const s = o.substantiation;
  return `<article class="outcome">
<h4>${e(o.title)}</h4>
<p class="meta">${e(o.occurredOn.date)} · ${e(placeOf(o))} · ${e(STATUS[o.status] ?? o.status)} · ${e(o.changeType)} · ${e(o.quadrant)} · ${e(o.organisation.name)}</p>
<p class="actor"><span class="label">Social actor</span> ${e(actorOf(o))}</p>
<div class="text">${md(o.description)}</div>
<h5>Significance</h5><div class="text">${md(o.significance)}</div>
<h5>Contribution</h5><div class="text">${md(o.contribution)}</div>
<h5>Substantiation</h5>
<p>${s.answers ? `${s.answers} independent answer${s.answers > 1 ? 's' : ''} — ${e(tallyText(s.tally))}` : 'No answers recorded.'}</p>
${s.reasoning ? `<div class="reasoning"><span class="label">Evaluator's conclusion (${e(STATUS[o.conclusion ?? o.status] ?? o.status)})</span>${md(s.reasoning)}</div>` : ''}
</article>`;
}

function story(s: Selection): string {
  return `<article class="story">
<h3>${e(s.story.title)}</h3>
<p class="meta">Chosen by the ${e(s.level)} panel, domain “${e(s.domain)}”, ${e(s.heldOn)} · ${e(s.story.organisation.name)} · ${e(s.story.location.country)}</p>
<h4>Why the panel chose it</h4><div class="text">${md(s.reasons)}</div>
<div class="text story-text">${md(s.story.story)}</div>
<h4>Why the storyteller finds it significant</h4><div class="text">${md(s.story.whySignificant)}</div>
</article>`;
}

function indicators(d: ReportData): string {
  if (!d.indicators.length) return '<p>The programme has no indicators yet.</p>';
  const rows = d.indicators.map((i) => `<tr><th scope="row">${e(i.name)}</th><td>${e(fmt(i.baseline, i.unit))}</td><td>${e(fmt(i.target, i.unit))}</td><td>${e(fmt(i.actual, i.unit))}${i.actual?.summed ? ' · sum of the breakdowns' : ''}</td></tr>`);
  return `<table><thead><tr><th scope="col">Indicator</th><th scope="col">Baseline</th><th scope="col">Target</th><th scope="col">Latest actual</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

const figure = (svg: string | null, caption: string) => (svg ? `<figure>${svg}<figcaption>${e(caption)}</figcaption></figure>` : '');

/** The page; `stylesheet` null leaves the link out (the PDF printer adds the rules itself). */
export function reportHtml(d: ReportData, charts: Charts, stylesheet: string | null = REPORT_CSS_PATH): string {
  const goals = byGoal(d).map((g) => `<section class="goal"><h3>${e(`${g.code} ${g.name}`)}</h3>${g.outcomes.map(outcome).join('\n')}</section>`);
  return `<!doctype html>
<html lang="en" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(d.harvest.title)} — harvest report</title>
${stylesheet ? `<link rel="stylesheet" href="${e(stylesheet)}">` : ''}</head>
<body><main class="report">
<header>
<p class="kicker">Harvest report · ${e(d.programme.name)}</p>
<h1>${e(d.harvest.title)}</h1>
<dl class="facts"><dt>Period</dt><dd>${e(period(d))}</dd><dt>Status</dt><dd>${e(STATUS[d.harvest.status] ?? d.harvest.status)}</dd><dt>Outcomes</dt><dd>${d.outcomes.length}</dd><dt>Stories selected</dt><dd>${d.selections.length}</dd><dt>Generated</dt><dd>${e(d.generatedAt.slice(0, 16).replace('T', ' '))} UTC</dd></dl>
${d.redacted ? '<p class="note">Personal data (names of individuals, exact places, informants, who collected what) is left out of this view.</p>' : ''}
</header>
<section id="questions"><h2>Harvest questions</h2>${d.harvest.questions ? md(d.harvest.questions) : '<p>—</p>'}
${d.harvest.domains.length ? `<h3>Domains of change</h3><ul>${d.harvest.domains.map((x) => `<li>${e(x)}</li>`).join('')}</ul>` : ''}</section>
<section id="charts"><h2>At a glance</h2>
${figure(charts.coverage, 'Outcomes per goal, shaded by the share substantiated.')}
${figure(charts.transformation, 'Where change happens: Gender at Work quadrants, year by year.')}
${charts.coverage || charts.transformation ? '' : '<p>No outcomes to chart yet.</p>'}</section>
<section id="outcomes"><h2>Outcomes by goal</h2>${goals.join('\n') || '<p>No outcomes in this harvest that you may see.</p>'}</section>
<section id="stories"><h2>Selected stories of change</h2>${d.selections.map(story).join('\n') || '<p>No story has been selected yet.</p>'}</section>
<section id="indicators"><h2>Indicator progress</h2>${figure(charts.indicators, 'Baseline, target and latest actual per indicator.')}${indicators(d)}</section>
</main></body></html>
`;
}
