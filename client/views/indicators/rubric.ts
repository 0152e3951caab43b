// A rubric on its indicator page: the scale (each level's label and descriptor, the English where
// no translation was given, marked as English), the headline (latest level against the baseline
// and target levels), and the scores over time as a step line (client/charts/rubric-steps.ts)
// with the table of the same scores under it: period, level, reason and the evidence the reader
// may open. Choosing a score in the chart moves to its row in the table.
import { drawForWidth, h, replace } from '../../core/dom';
import { formatDate, formatPercent, isRtl, lang, localName, t } from '../../core/i18n';
import { markdownBlock } from '../../core/markdown';
import { periodLabel, type Indicator, type Progress } from '../../core/indicator-model';
import { evidenceHref, evidenceKindLabel, inEnglish, levelDescriptor, levelLabel, levelName, levelOutOf, type EvidenceItem, type Level, type Score } from '../../core/rubric-model';
import { statusBadge } from '../../components/badges';
import { rubricStepChart, type StepDatum } from '../../charts/rubric-steps';

const day = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
const levelsOf = (i: Indicator) => i.levels ?? [];

/** The words of a level in the interface language; where they fall back to English, the page says so to screen readers. */
const english = (l: Level) => (inEnglish(l) ? { lang: 'en', dir: 'ltr' } : { dir: 'auto' });

export function scaleList(i: Indicator): HTMLElement {
  return h('ol', { class: 'rubric-scale' }, levelsOf(i).map((l) => h('li', { value: l.level },
    h('strong', english(l), levelLabel(l)), ' ', h('span', { ...english(l), class: 'descriptor' }, levelDescriptor(l)))));
}

/** The headline in words: the latest level, the baseline and target levels, the share of the way. */
export function rubricHeadline(i: Indicator, p: Progress): HTMLElement {
  const levels = levelsOf(i);
  const row = (label: string, value: Node | string) => [h('dt', {}, label), h('dd', {}, value)];
  const dated = (level: number, date: string) => `${levelName(levels, level)} (${formatDate(date)})`;
  return h('div', { class: 'ind-progress' }, h('dl', { class: 'facts' },
    row(t('rubric.latest'), p.latest ? h('span', {}, `${levelName(levels, p.latest.value)} (${periodLabel(p.latest.periodStart, p.latest.periodEnd)}) `, p.latest.status === 'draft' ? statusBadge('draft') : '')
      : h('span', { class: 'muted' }, t('rubric.noScores'))),
    row(t('ind.baseline'), p.baseline ? dated(p.baseline.value, p.baseline.date) : t('ind.none')),
    row(t('ind.targetNow'), p.target ? dated(p.target.value, p.target.date) : t('ind.none')),
    p.progress !== null ? row(t('ind.progress'), t('ind.progressText', { share: formatPercent(p.progress) })) : [],
    p.achieved !== null ? row(t('ind.achieved'), p.achieved ? t('ind.achievedYes') : t('ind.achievedNo')) : []));
}

export function evidenceList(items: EvidenceItem[]): HTMLElement | string {
  if (!items.length) return h('span', { class: 'muted' }, t('rubric.noEvidence'));
  return h('ul', { class: 'plain rubric-evidence' }, items.map((e) => h('li', {},
    h('span', { class: 'meta' }, `${evidenceKindLabel(e.kind)}: `), h('a', { href: evidenceHref(e), dir: 'auto' }, e.title ?? evidenceKindLabel(e.kind)))));
}

/** `of`: the indicator's name, where several rubrics share a page (each table then has its own name). */
function scoresTable(levels: Level[], scores: Score[], rowId: (k: number) => string, of?: string): HTMLElement {
  const cols = [t('ind.period'), t('rubric.level'), t('rubric.reason'), t('rubric.evidence'), t('ind.status')];
  const caption = `${rowId(0)}-caption`;
  return h('div', { class: 'table-wrap', role: 'region', tabindex: 0, 'aria-labelledby': caption }, h('table', { class: 'data-table rubric-scores' },
    h('caption', { id: caption }, of ? `${of} — ${t('rubric.scoresCaption', { count: scores.length })}` : t('rubric.scoresCaption', { count: scores.length })),
    h('thead', {}, h('tr', {}, cols.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, [...scores].reverse().map((s) => {
      const k = scores.indexOf(s);
      return h('tr', { id: rowId(k), tabindex: -1 },
        h('th', { scope: 'row' }, periodLabel(s.periodStart, s.periodEnd)),
        h('td', {}, levelName(levels, s.level)),
        h('td', { dir: 'auto' }, s.reason ? markdownBlock(s.reason) : ''),
        h('td', {}, evidenceList(s.evidence)),
        h('td', {}, statusBadge(s.status)));
    }))));
}

/** The scores over time as a step line, and the same scores as a table under it; `embedded` in another page (no heading of its own). */
export function rubricChartSection(i: Indicator, p: Progress | null, opts: { embedded?: boolean } = {}): HTMLElement | null {
  const levels = levelsOf(i);
  const scores = p?.scores ?? [];
  if (!scores.length) return null;
  const rowId = (k: number) => `rubric-score-${i.id}-${k}`; // unique when several rubrics share a page
  const holder = h('div', { class: 'chart-scroll' });
  const status = h('div', { class: 'visually-hidden', role: 'status' });
  const data = {
    levels: levels.map(levelLabel),
    scores: scores.map((s, k) => ({
      id: String(k), start: day(s.periodStart), end: day(s.periodEnd), level: s.level, draft: s.status === 'draft',
      label: `${periodLabel(s.periodStart, s.periodEnd)}\n${levelOutOf(levels, s.level)}${s.status === 'draft' ? ` · ${t('status.draft')}` : ''}\n${t('rubric.evidenceCount', { count: s.evidence.length })}`,
    })),
    baseline: i.baseline ? { date: day(i.baseline.date), level: i.baseline.value } : null,
    targets: i.targets.map((x) => ({ date: day(x.date), level: x.value })),
  };
  const draw = () => {
    const width = Math.max(300, Math.min(960, holder.clientWidth || 720));
    const svg = rubricStepChart(data, {
      width, rtl: isRtl(), locale: lang(), announce: (text) => { status.textContent = text; },
      labels: { title: t('rubric.chartTitle', { name: localName(i) }), description: t('rubric.chartDescription'), score: t('rubric.chartScore'), baseline: t('ind.baseline'),
        target: t('ind.target'), draft: t('status.draft'), legend: t('rubric.legend') },
      formatDate: (d) => formatDate(d, 'month'), formatTick: (d, years) => formatDate(d, years > 3 ? 'year' : 'month'),
    });
    svg.addEventListener('markselect', (e) => {
      const d = (e as CustomEvent<StepDatum>).detail;
      const row = d.kind === 'score' ? document.getElementById(rowId(Number(d.id))) : null;
      row?.scrollIntoView({ block: 'nearest' });
      row?.focus();
    });
    replace(holder, svg);
  };
  drawForWidth(holder, draw);
  if (opts.embedded) return h('div', { class: 'rubric-chart' }, holder, status, scoresTable(levels, scores, rowId, localName(i)));
  return h('section', { class: 'detail-section', 'aria-labelledby': 'ind-chart-title' },
    h('h2', { id: 'ind-chart-title' }, t('rubric.chartHeading')),
    h('p', { class: 'hint' }, t('rubric.chartHint')), holder, status, scoresTable(levels, scores, rowId));
}
