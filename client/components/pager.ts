// Previous / next paging for lists, announced as "page 2 of 5".
import { h } from '../core/dom';
import { t } from '../core/i18n';

export function pager(list: { total: number; page: number; pageSize: number }, go: (page: number) => void): HTMLElement | null {
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  if (pages <= 1) return null;
  const button = (label: string, page: number, disabled: boolean) =>
    h('button', { type: 'button', class: 'secondary', disabled, onclick: () => go(page) }, label);
  return h('nav', { class: 'pager', 'aria-label': t('pager.label') },
    button(t('pager.previous'), list.page - 1, list.page <= 1),
    h('span', { 'aria-current': 'page' }, t('pager.status', { page: list.page, pages })),
    button(t('pager.next'), list.page + 1, list.page >= pages));
}
