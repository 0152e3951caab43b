// The organisation's form mappings (KoboToolbox / ODK Central form fields → record fields): the list
// with edit and delete, and the routes into the editor (import-mapping-editor.ts).
import { h, replace } from '../../core/dom';
import { api, del, type List } from '../../core/api';
import { formatDateTime, formatNumber, t } from '../../core/i18n';
import { me } from '../../core/session';
import { importKindsOf, type Mapping } from '../../core/mapping-model';
import { dialogError, openDialog } from '../../components/dialog';
import { announce, setTitle } from '../../core/page';
import { errorMessage } from '../../core/errors';
import type { MessageKey } from '../../i18n/en';

export { mappingEditorView } from './mapping-editor';

function confirmDelete(m: Mapping, done: (message: string) => void): void {
  openDialog(t('mapping.deleteTitle'), h('p', {}, t('mapping.deleteConfirm', { name: m.name })), t('mapping.delete'), async (form) => {
    try {
      await del(`/api/import-mappings/${encodeURIComponent(m.id)}`);
      announce(t('mapping.deleted', { name: m.name }));
      done(t('mapping.deleted', { name: m.name }));
      return true;
    } catch (e) {
      return dialogError(form, errorMessage(e)), false;
    }
  });
}

function table(items: Mapping[], mayChange: (m: Mapping) => boolean, redraw: (message: string) => void): HTMLElement {
  const caption = t('mapping.count', { count: items.length });
  return h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': caption },
    h('table', { class: 'data-table mappings' }, h('caption', {}, caption),
      h('thead', {}, h('tr', {}, [t('mapping.name'), t('mapping.kind'), t('mapping.fieldCount'), t('mapping.updated'), t('mapping.actions')]
        .map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, items.map((m) => h('tr', { 'data-mapping-id': m.id },
        h('th', { scope: 'row' }, h('a', { href: `/import/mappings/${m.id}`, dir: 'auto' }, m.name)),
        h('td', {}, t(`import.kind.${m.kind}` as MessageKey)),
        h('td', { class: 'num' }, formatNumber(Object.keys(m.fields ?? {}).length)),
        h('td', {}, formatDateTime(m.updatedAt)),
        h('td', {}, h('div', { class: 'row-actions' },
          h('a', { href: `/import/mappings/${m.id}`, class: 'button secondary small', 'aria-label': `${mayChange(m) ? t('mapping.edit') : t('mapping.view')}: ${m.name}` }, mayChange(m) ? t('mapping.edit') : t('mapping.view')),
          mayChange(m) ? h('button', { type: 'button', class: 'secondary small danger', 'aria-label': `${t('mapping.delete')}: ${m.name}`, onclick: () => confirmDelete(m, redraw) }, t('mapping.delete')) : null)))))));
}

export async function mappingsView(query: URLSearchParams): Promise<HTMLElement> {
  setTitle(t('mapping.listTitle'));
  // the organisation's people change the mappings of the kinds their role imports (evaluators:
  // indicator values) and read the others (server/imports/mappings.ts)
  const kinds = importKindsOf(me()?.role);
  const mayChange = (m: Mapping) => kinds.includes(m.kind);
  const page = h('div', { class: 'page mappings-page' });
  // a notice after a delete was announced already; one after saving in the editor is read as the page opens
  const draw = async (notice?: string) => {
    const { items } = await api<List<Mapping>>('/api/import-mappings?pageSize=200');
    const saved = query.get('saved') ? items.find((m) => m.id === query.get('saved')) : undefined;
    const message = notice ?? (saved ? t('mapping.saved', { name: saved.name }) : null);
    replace(page,
      h('p', { class: 'meta' }, h('a', { href: '/import' }, t('mapping.toImport'))),
      h('div', { class: 'page-head' }, h('h1', {}, t('mapping.listTitle')),
        kinds.length ? h('a', { href: '/import/mappings/new', class: 'button primary' }, t('mapping.new')) : null),
      h('p', { class: 'lead' }, t('mapping.listIntro')),
      message ? h('p', { class: 'notice', role: notice ? null : 'status' }, message) : null,
      items.length ? table(items, mayChange, (m) => void draw(m))
        : h('div', { class: 'empty-state' }, h('p', {}, t('mapping.empty'))));
  };
  await draw();
  return page;
}
