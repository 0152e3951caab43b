// Links that download a list as CSV, Excel or JSON with the filters on screen: the server streams
// every page (not just the one shown), redacted as in the API.
import { h } from '../core/dom';
import { qs } from '../core/api';
import { t } from '../core/i18n';

export function exportLinks(kind: 'outcomes' | 'stories' | 'fragments', params: Record<string, string | number | undefined>): HTMLElement {
  const filters = Object.fromEntries(Object.entries(params).filter(([k]) => k !== 'page' && k !== 'pageSize'));
  return h('ul', { class: 'inline-links export-links', 'aria-label': t('export.label') }, (['csv', 'xlsx', 'json'] as const).map((f) =>
    h('li', {}, h('a', { href: `/api/exports/${kind}.${f}${qs(filters)}`, download: '' }, t(`export.${f}`)))));
}
