// The dashboards at /dashboard (loaded on demand): shared filters in the URL, the change-over-time
// overview first, the other views below; brushing a period on the overview narrows the others,
// choosing a mark opens its record.
import { h, replace } from '../core/dom';
import { optional } from '../core/api';
import { countryOptions, localName, t } from '../core/i18n';
import { setQuery, type RouteContext } from '../core/router';
import { loadAllGoals, loadFrameworks, loadGoals } from '../core/reference';
import type { Outcome } from '../core/outcome-model';
import { goalOptions } from '../components/outcome-filters';
import { setTitle, announce } from '../views/shell';
import { errorMessage } from '../views/errors';
import { chartFrame, type Frame } from './frame';
import { FILTER_NAMES, inPeriod, loadRegions, readFilters, type DashFilters } from './data';
import { timelineSection } from './section-timeline';
import { coverageSection, pathwaysSection, transformationSection } from './sections';
import { indicatorsSection, mapSection } from './sections-map-indicators';
import { openRecord } from './record-panel';

const iso = (d: Date) => d.toISOString().slice(0, 10);

async function filterForm(f: DashFilters, apply: (next: Partial<DashFilters>) => void): Promise<HTMLElement> {
  const [frameworks, goals, regions, programmes] = await Promise.all([loadFrameworks(), loadGoals(f.framework), loadRegions(),
    optional<{ items: Array<{ id: string; name: string }> }>('/api/programmes?pageSize=200').catch(() => null)]);
  const select = (name: keyof DashFilters, label: string, options: Array<{ value: string; label: string }>, any = true) => h('div', { class: 'field' },
    h('label', { for: `dash-${name}` }, label),
    h('select', { id: `dash-${name}`, name }, any ? h('option', { value: '' }, t('filters.any')) : null,
      options.map((o) => h('option', { value: o.value, selected: o.value === f[name] }, o.label))));
  const date = (name: 'from' | 'to') => h('div', { class: 'field' }, h('label', { for: `dash-${name}` }, t(`filters.${name}`)),
    h('input', { id: `dash-${name}`, name, type: 'date', value: f[name] ?? '' }));
  const form = h('form', { class: 'filters dashboard-filters', role: 'search', 'aria-label': t('dash.filters') },
    select('framework', t('dash.framework'), frameworks.map((x) => ({ value: x.id, label: localName(x) })), false),
    select('goal', t('filters.goal'), goalOptions(goals)),
    select('region', t('dash.region'), regions.map((r) => ({ value: r.code, label: localName(r) }))),
    select('country', t('filters.country'), countryOptions().map((c) => ({ value: c.code, label: c.name }))),
    (programmes?.items.length ?? 0) > 1 ? select('programme', t('dash.programme'), programmes!.items.map((p) => ({ value: p.id, label: p.name }))) : null,
    date('from'), date('to'),
    h('div', { class: 'filter-actions' }, h('button', { type: 'submit' }, t('filters.apply')), h('button', { type: 'reset', class: 'secondary' }, t('filters.clear'))));
  const read = () => Object.fromEntries(FILTER_NAMES.map((k) => [k, (form.elements.namedItem(k) as HTMLInputElement | null)?.value || undefined])) as Partial<DashFilters>;
  form.addEventListener('submit', (e) => { e.preventDefault(); apply(read()); });
  form.addEventListener('change', (e) => {
    const name = (e.target as HTMLSelectElement).name;
    if ((e.target as HTMLElement).tagName !== 'SELECT') return;
    apply(name === 'framework' ? { ...read(), goal: undefined } : read());
  });
  form.addEventListener('reset', (e) => { e.preventDefault(); apply({}); });
  return form;
}

export async function dashboardView(ctx: RouteContext): Promise<HTMLElement> {
  setTitle(t('dash.title'));
  await loadAllGoals();
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
  let outcomes: Outcome[] = [];
  const fail = (frame: Frame) => (e: unknown) => frame.error(errorMessage(e));

  const others = (f: DashFilters) => {
    const chosen = outcomes.filter((o) => inPeriod(o, f.from, f.to));
    void transformationSection(frames.transformation, f, chosen).catch(fail(frames.transformation));
    void coverageSection(frames.coverage, f, chosen).catch(fail(frames.coverage));
    void pathwaysSection(frames.pathways, f).catch(fail(frames.pathways));
    void mapSection(frames.map, f, chosen).catch(fail(frames.map));
    void indicatorsSection(frames.indicators, f, explain).catch(fail(frames.indicators));
  };
  const load = async (f: DashFilters, all: boolean) => {
    replace(filterSlot, await filterForm(f, apply));
    if (all) outcomes = await timelineSection(frames.timeline, f).catch((e) => (fail(frames.timeline)(e), [] as Outcome[]));
    others(f);
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
    if (d.kind === 'outcome' && d.id) void openRecord(d.id);
    else if (d.kind === 'goal' && d.code) apply({ ...readFilters(new URLSearchParams(location.search)), goal: d.code });
    else if (d.kind === 'country' && d.code) apply({ ...readFilters(new URLSearchParams(location.search)), country: d.code, region: undefined });
  });
  replace(page, h('h1', {}, t('dash.title')), h('p', { class: 'lead' }, t('dash.intro')), filterSlot,
    frames.timeline.element, h('div', { class: 'dashboard-grid' }, frames.transformation.element, frames.coverage.element, frames.map.element, frames.pathways.element, frames.indicators.element));
  void load(readFilters(ctx.query), true);
  return page;
}
