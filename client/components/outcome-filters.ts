// The filter and search form above outcome lists: every control labelled, applied on change, and
// read from / written to the URL by the view that owns it.
import { h } from '../core/dom';
import { countryOptions, localName, t } from '../core/i18n';
import { CHANGE_TYPES, categoryLabel, categoriesOf, loadGoals, PRIMARY_FRAMEWORK, QUADRANTS, type Goal } from '../core/reference';
import { STATUSES } from '../core/outcome-model';
import { statusLabel } from './badges';

export const FILTER_KEYS = ['q', 'status', 'goal', 'country', 'changeType', 'quadrant', 'from', 'to'] as const;
export type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

function select(name: string, label: string, options: Array<{ value: string; label: string }>, value: string | null): HTMLElement {
  const id = `filter-${name}`;
  return h('div', { class: 'field' }, h('label', { for: id }, label),
    h('select', { id, name }, h('option', { value: '' }, t('filters.any')),
      options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label))));
}

export function goalOptions(goals: Goal[], depth = 0): Array<{ value: string; label: string }> {
  // a non-breaking indent shows the tree inside a plain select
  return goals.flatMap((g) => [{ value: g.code, label: `${'\u00a0\u00a0'.repeat(depth * 2)}${g.code} ${localName(g)}` }, ...goalOptions(g.children ?? [], depth + 1)]);
}

export async function filterForm(query: URLSearchParams, opts: { hideStatus?: boolean }, apply: (f: Filters) => void): Promise<HTMLElement> {
  const [goals, types, quadrants] = await Promise.all([loadGoals(PRIMARY_FRAMEWORK), categoriesOf(CHANGE_TYPES), categoriesOf(QUADRANTS)]);
  const search = h('input', { id: 'filter-q', name: 'q', type: 'search', value: query.get('q') ?? '', autocomplete: 'off' });
  const date = (name: 'from' | 'to') => h('div', { class: 'field' }, h('label', { for: `filter-${name}` }, t(`filters.${name}`)),
    h('input', { id: `filter-${name}`, name, type: 'date', value: query.get(name) ?? '' }));
  const form = h('form', { role: 'search', class: 'filters', 'aria-label': t('filters.label') },
    h('div', { class: 'field search-field' }, h('label', { for: 'filter-q' }, t('filters.search')), search),
    opts.hideStatus ? null : select('status', t('filters.status'), STATUSES.map((s) => ({ value: s, label: statusLabel(s) })), query.get('status')),
    select('goal', t('filters.goal'), goalOptions(goals), query.get('goal')),
    select('country', t('filters.country'), countryOptions().map((c) => ({ value: c.code, label: c.name })), query.get('country')),
    select('changeType', t('filters.changeType'), types.map((c) => ({ value: c.code, label: categoryLabel(c) })), query.get('changeType')),
    select('quadrant', t('filters.quadrant'), quadrants.map((c) => ({ value: c.code, label: categoryLabel(c) })), query.get('quadrant')),
    date('from'), date('to'),
    h('div', { class: 'filter-actions' },
      h('button', { type: 'submit' }, t('filters.apply')),
      h('button', { type: 'reset', class: 'secondary' }, t('filters.clear'))));
  const read = (): Filters => {
    const data = new FormData(form);
    const out: Filters = {};
    for (const [k, v] of data.entries()) if (typeof v === 'string' && v.trim()) out[k as keyof Filters] = v.trim();
    return out;
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); apply(read()); });
  form.addEventListener('change', (e) => { if ((e.target as HTMLElement).tagName === 'SELECT') apply(read()); });
  form.addEventListener('reset', () => setTimeout(() => {
    form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select').forEach((c) => { c.value = ''; });
    apply({});
  }));
  return form;
}
