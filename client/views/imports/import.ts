// The import screen: template download, kind/format/mapping/file, the upload with its progress, the
// dry-run report polled while the server checks the rows, and the commit (all rows or none).
import { h, newId, replace } from '../../core/dom';
import { api, post, postWithProgress, type List } from '../../core/api';
import { formatNumber, t } from '../../core/i18n';
import type { MessageKey } from '../../i18n/en';
import { me } from '../../core/session';
import { importKindsOf } from '../../core/mapping-model';
import { announce, setTitle } from '../../core/page';
import { errorMessage } from '../../core/errors';

type RowError = { row: number; column?: string; path?: string; code: string; message: string };
type Report = { id: string; status: 'validating' | 'validated' | 'refused' | 'committing' | 'committed'; rows?: number; checked?: number; skipped?: number; errorCount?: number; errors?: RowError[]; committed?: number | null };
type Mapping = { id: string; name: string; kind: string };

const FORMATS = ['csv', 'xlsx', 'kobo-json', 'kobo-csv', 'odk-odata'] as const;

function select(name: string, options: Array<{ value: string; label: string }>): HTMLSelectElement {
  return h('select', { name, id: newId(name) }, options.map((o) => h('option', { value: o.value }, o.label)));
}

const labelled = (control: HTMLElement, label: string) => h('div', { class: 'field' }, h('label', { for: control.id }, label), control);

/** Sends the form with its upload progress on the bar. */
const upload = (data: FormData, bar: HTMLProgressElement) => postWithProgress<Report>('/api/imports', data, (loaded, total) => { bar.max = total; bar.value = loaded; });

function reportView(r: Report, onCommit: () => void): HTMLElement {
  const errors = r.errors ?? [];
  const done = r.status === 'committed';
  return h('section', { class: 'import-report', 'aria-labelledby': 'import-report-h' },
    h('h2', { id: 'import-report-h' }, t('import.report')),
    h('p', { class: 'import-status' }, t(`import.status.${r.status}` as MessageKey)),
    h('dl', { class: 'facts' },
      h('dt', {}, t('import.rows')), h('dd', { 'data-rows': String(r.rows ?? 0) }, formatNumber(r.rows ?? 0)),
      h('dt', {}, t('import.errors')), h('dd', { 'data-errors': String(r.errorCount ?? errors.length) }, formatNumber(r.errorCount ?? errors.length)),
      r.skipped ? [h('dt', {}, t('import.skipped')), h('dd', {}, formatNumber(r.skipped))] : null,
      done ? [h('dt', {}, t('import.committed')), h('dd', {}, formatNumber(r.committed ?? 0))] : null),
    errors.length ? h('table', { class: 'table' }, h('caption', {}, t('import.errorTable')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('import.col.row')), h('th', { scope: 'col' }, t('import.col.column')), h('th', { scope: 'col' }, t('import.col.message')))),
      h('tbody', {}, errors.map((e) => h('tr', {}, h('td', {}, formatNumber(e.row)), h('td', {}, e.column ?? e.path ?? ''), h('td', {}, e.message))))) : null,
    done ? h('p', {}, h('a', { href: '/outcomes' }, t('import.seeRecords')))
      : h('button', { type: 'button', class: 'button primary', disabled: r.status !== 'validated', onclick: onCommit }, t('import.commit')));
}

export async function importView(): Promise<HTMLElement> {
  setTitle(t('import.title'));
  const mappings = (await api<List<Mapping>>('/api/import-mappings?pageSize=200'))?.items ?? [];
  // only the kinds this role imports (evaluators: indicator values); the server refuses the others
  const kind = select('kind', importKindsOf(me()?.role).map((k) => ({ value: k, label: t(`import.kind.${k}` as MessageKey) })));
  const format = select('format', FORMATS.map((f) => ({ value: f, label: t(`import.format.${f}` as MessageKey) })));
  const mapping = select('mappingId', [{ value: '', label: t('import.noMapping') }, ...mappings.map((m) => ({ value: m.id, label: m.name }))]);
  const file = h('input', { type: 'file', name: 'file', id: newId('file'), required: true, accept: '.csv,.zip,.xlsx,.json,text/csv,application/zip,application/json' });
  const csvLink = h('a', { class: 'button', download: '' }, t('import.templateCsv'));
  const xlsxLink = h('a', { class: 'button', download: '' }, t('import.templateXlsx'));
  const setLinks = () => {
    csvLink.setAttribute('href', `/api/imports/template.csv?kind=${kind.value}`);
    xlsxLink.setAttribute('href', `/api/imports/template.xlsx?kind=${kind.value}`);
  };
  kind.addEventListener('change', setLinks);
  setLinks();
  const bar = h('progress', { max: 1, value: 0, 'aria-label': t('import.progress') });
  const status = h('div', { 'aria-live': 'polite', class: 'import-progress' });
  const result = h('div', {});
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('import.check'));

  const show = (r: Report) => replace(result, reportView(r, () => void commit(r.id)));
  async function commit(id: string): Promise<void> {
    try {
      const r = await post<Report>(`/api/imports/${id}/commit`, {});
      announce(t('import.done', { count: r.committed ?? 0 }));
      show(r);
    } catch (e) {
      replace(result, h('p', { role: 'alert', class: 'alert' }, errorMessage(e)));
    }
  }

  const form = h('form', { class: 'form', novalidate: true }, labelled(kind, t('import.kind')), labelled(format, t('import.format')),
    labelled(mapping, t('import.mapping')), h('p', { class: 'hint' }, h('a', { href: '/import/mappings' }, t('mapping.manage'))),
    labelled(file, t('import.file')), h('p', {}, submit));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) return void replace(result, h('p', { role: 'alert', class: 'alert' }, t('import.chooseFile')));
    const id = crypto.randomUUID();
    const data = new FormData();
    data.set('format', format.value);
    data.set('kind', kind.value);
    if (mapping.value) data.set('mappingId', mapping.value);
    data.set('id', id);
    data.set('file', chosen);
    submit.disabled = true;
    replace(result);
    replace(status, bar, ' ', t('import.uploading'));
    let polling = true;
    // the dry run may take a while on a large file: its progress is read from the import itself
    const poll = async () => {
      while (polling) {
        await new Promise((r) => setTimeout(r, 700));
        const r = await api<Report>(`/api/imports/${id}`).catch(() => null);
        if (polling && r?.rows) replace(status, t('import.checking', { checked: r.checked ?? 0, rows: r.rows }));
      }
    };
    void poll();
    upload(data, bar).then((r) => {
      replace(status);
      announce(t(`import.status.${r.status}` as MessageKey));
      show(r);
    }, (e) => {
      replace(status);
      replace(result, h('p', { role: 'alert', class: 'alert' }, errorMessage(e)));
    }).finally(() => { polling = false; submit.disabled = false; });
  });

  return h('div', { class: 'page import' }, h('h1', {}, t('import.title')), h('p', { class: 'lead' }, t('import.intro')),
    h('p', { class: 'actions' }, csvLink, ' ', xlsxLink), form, status, result);
}
