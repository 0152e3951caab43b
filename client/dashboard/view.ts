// The dashboards at /dashboard (loaded on demand): shared filters in the URL, the change-over-time
// overview first, the other views below; brushing a period on the overview narrows the others,
// choosing a mark opens its record.
import { h, replace } from '../core/dom';
import { api, qs } from '../core/api';
import { countryOptions, localName, t } from '../core/i18n';
import { setQuery, type RouteContext } from '../core/router';
import { goalLabel, loadAllGoals, loadFrameworks, loadGoals } from '../core/reference';
import { goalOptions } from '../components/outcome-filters';
import { setTitle, announce } from '../core/page';
import { me } from '../core/session';
import type { MessageKey } from '../i18n/en';
import { errorMessage } from '../core/errors';
import { chartFrame, type Frame } from './frame';
import { FILTER_NAMES, loadRegions, readFilters, type DashFilters } from './data';

// the charts (and d3) load beside the page, not before it: headings and filters show first
const charts = () => Promise.all([import('./section-timeline'), import('./sections'), import('./sections-map-indicators')])
  .then(([timeline, sections, more]) => ({ ...timeline, ...sections, ...more }));

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The shared filters. The form is drawn at once with its final shape, and its choices are filled
 * in when the reference data arrives, so nothing below it moves on a slow connection.
 */
function filterForm(f: DashFilters, apply: (next: Partial<DashFilters>) => void): HTMLFormElement {
  const select = (name: keyof DashFilters, label: string, any = true) => h('div', { class: 'field' },
    h('label', { for: `dash-${name}` }, label),
    h('select', { id: `dash-${name}`, name }, any ? h('option', { value: '' }, t('filters.any')) : null,
      f[name] ? h('option', { value: f[name], selected: true }, f[name]) : null));
  const date = (name: 'from' | 'to') => h('div', { class: 'field' }, h('label', { for: `dash-${name}` }, t(`filters.${name}`)),
    h('input', { id: `dash-${name}`, name, type: 'date', value: f[name] ?? '' }));
  const programme = select('programme', t('dash.programme'));
  const form = h('form', { class: 'filters dashboard-filters', role: 'search', 'aria-label': t('dash.filters') },
    select('framework', t('dash.framework'), false), select('goal', t('filters.goal')), select('region', t('dash.region')),
    select('country', t('filters.country')), programme, date('from'), date('to'),
    h('div', { class: 'filter-actions' }, h('button', { type: 'submit' }, t('filters.apply')), h('button', { type: 'reset', class: 'secondary' }, t('filters.clear'))));
  const read = () => Object.fromEntries(FILTER_NAMES.map((k) => [k, (form.elements.namedItem(k) as HTMLInputElement | null)?.value || undefined])) as Partial<DashFilters>;
  form.addEventListener('submit', (e) => { e.preventDefault(); apply(read()); });
  form.addEventListener('change', (e) => {
    const name = (e.target as HTMLSelectElement).name;
    if ((e.target as HTMLElement).tagName !== 'SELECT') return;
    apply(name === 'framework' ? { ...read(), goal: undefined } : read());
  });
  form.addEventListener('reset', (e) => { e.preventDefault(); apply({}); });
  const fill = (name: keyof DashFilters, options: Array<{ value: string; label: string }>, any = true) => {
    const el = form.elements.namedItem(name) as HTMLSelectElement;
    replace(el, any ? h('option', { value: '' }, t('filters.any')) : null, options.map((o) => h('option', { value: o.value, selected: o.value === f[name] }, o.label)));
  };
  void Promise.all([loadFrameworks(), loadGoals(f.framework), loadRegions(),
    api<{ items: Array<{ id: string; name: string }> }>('/api/programmes?pageSize=200').catch(() => null)]).then(([frameworks, goals, regions, programmes]) => {
    fill('framework', frameworks.map((x) => ({ value: x.id, label: localName(x) })), false);
    fill('goal', goalOptions(goals));
    fill('region', regions.map((r) => ({ value: r.code, label: localName(r) })));
    fill('country', countryOptions().map((c) => ({ value: c.code, label: c.name })));
    // one programme or none: nothing to choose
    if ((programmes?.items.length ?? 0) > 1) fill('programme', programmes!.items.map((p) => ({ value: p.id, label: p.name })));
    else programme.remove();
  }, () => undefined);
  return form;
}

/**
 * For a donor, who sees only published records: the harvests of their programmes still under way,
 * from the harvests' own status — never a mark or a count of a record they cannot open.
 */
function underReview(slot: HTMLElement, f: DashFilters): void {
  replace(slot);
  if (me()?.role !== 'donor') return;
  const query = qs({ status: 'collecting,substantiating,analysing', programme: f.programme, pageSize: '50' });
  void api<{ items: Array<{ title: string; status: string }> }>(`/api/harvests${query}`).then((r) => {
    if (!r?.items.length) return;
    replace(slot, h('p', { class: 'hint under-review' }, t('dash.underReview', {
      harvests: r.items.map((x) => `${x.title} (${t(`harvest.status.${x.status}` as MessageKey)})`).join(', '),
    })));
  }, () => undefined);
}

export async function dashboardView(ctx: RouteContext): Promise<HTMLElement> {
  setTitle(t('dash.title'));
  const frames: Record<string, Frame> = {
    timeline: chartFrame('change-over-time', t('dash.timeline'), t('dash.timelineIntro')),
    transformation: chartFrame('transformation', t('dash.transformation'), t('dash.transformationIntro')),
    coverage: chartFrame('coverage', t('dash.coverage'), t('dash.coverageIntro')),
    pathways: chartFrame('pathways', t('dash.pathways'), t('dash.pathwaysIntro')),
    map: chartFrame('where', t('dash.map'), t('dash.mapIntro')),
    indicators: chartFrame('indicators', t('dash.indicators'), t('dash.indicatorsIntro')),
  };
  const explain = h('div', { class: 'indicator-outcomes' });
  frames.indicators.element.append(explain);
  const filterSlot = h('div', { class: 'filter-slot' });
  const reviewSlot = h('div', { class: 'review-slot' });
  const storySlot = h('div', { class: 'story-slot' });
  const fail = (frame: Frame) => (e: unknown) => frame.error(errorMessage(e));

  const others = async (f: DashFilters) => {
    const { transformationSection, coverageSection, pathwaysSection, mapSection, indicatorsSection } = await charts();
    frames.transformation.whenNear(() => void transformationSection(frames.transformation, f).catch(fail(frames.transformation)));
    frames.coverage.whenNear(() => void coverageSection(frames.coverage, f).catch(fail(frames.coverage)));
    frames.pathways.whenNear(() => void pathwaysSection(frames.pathways, f).catch(fail(frames.pathways)));
    frames.map.whenNear(() => void mapSection(frames.map, f).catch(fail(frames.map)));
    frames.indicators.whenNear(() => void indicatorsSection(frames.indicators, f, explain).catch(fail(frames.indicators)));
  };
  let generation = 0;
  const load = async (f: DashFilters, all: boolean) => {
    const mine = ++generation; // a later change of filters wins over a slower earlier load
    // the page (headings, filters, frames) is on screen before the reference data has arrived;
    // the filter just changed keeps the keyboard focus in the new form
    const focused = document.activeElement?.id;
    replace(filterSlot, filterForm(f, apply));
    underReview(reviewSlot, f);
    replace(storySlot);
    if (focused?.startsWith('dash-')) document.getElementById(focused)?.focus();
    frames.timeline.loading();
    try {
      const [{ timelineSection }] = await Promise.all([charts(), loadAllGoals()]);
      if (mine !== generation) return;
      // one goal chosen: its story is one page away (named once the goal trees are in)
      if (f.goal && !f.goal.includes(',')) replace(storySlot, h('p', { class: 'goal-story-link' }, h('a', { href: `/goals/${encodeURIComponent(f.goal)}` }, t('goal.storyLink', { goal: goalLabel(f.goal) }))));
      if (all) await timelineSection(frames.timeline, f).catch(fail(frames.timeline));
      if (mine !== generation) return;
      await others(f);
    } catch (e) {
      // the charts' code could not be loaded (offline, or a new version deployed meanwhile)
      if (mine === generation) Object.values(frames).forEach((frame) => frame.error(errorMessage(e)));
    }
  };
  const apply = (next: Partial<DashFilters>) => {
    setQuery(Object.fromEntries(FILTER_NAMES.map((k) => [k, next[k] ?? null])), { push: true });
    announce(t('dash.updated'));
    void load(readFilters(new URLSearchParams(location.search)), true);
  };
  frames.timeline.element.addEventListener('periodselect', (e) => {
    const range = (e as CustomEvent<[Date, Date] | null>).detail;
    setQuery({ from: range ? iso(range[0]) : null, to: range ? iso(range[1]) : null }, { push: true });
    announce(range ? t('dash.periodChosen') : t('dash.periodCleared'));
    void load(readFilters(new URLSearchParams(location.search)), true);
  });
  const page = h('div', { class: 'page dashboard' });
  page.addEventListener('markselect', (e) => {
    const d = (e as CustomEvent<{ kind: string; id?: string; code?: string }>).detail;
    if (d.kind === 'outcome' && d.id) void import('./record-panel').then((m) => m.openRecord(d.id!));
    else if (d.kind === 'goal' && d.code) apply({ ...readFilters(new URLSearchParams(location.search)), goal: d.code });
    else if (d.kind === 'country' && d.code) apply({ ...readFilters(new URLSearchParams(location.search)), country: d.code, region: undefined });
  });
  replace(page, h('h1', {}, t('dash.title')), h('p', { class: 'lead' }, t('dash.intro')), filterSlot, reviewSlot, storySlot,
    frames.timeline.element, h('div', { class: 'dashboard-grid' }, frames.transformation.element, frames.coverage.element, frames.map.element, frames.pathways.element, frames.indicators.element));
  void load(readFilters(ctx.query), true);
  return page;
}
