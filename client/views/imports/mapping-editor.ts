// The form-mapping editor: name, kind and key field; a sample submission pasted (or read from an
// export file) whose field paths the path inputs then suggest; one row per record field. Errors —
// the editor's own and the server's problem+json paths — land on the row they belong to.
import { h, newId, replace } from '../../core/dom';
import { api, ApiError, patch, post } from '../../core/api';
import { t } from '../../core/i18n';
import { me } from '../../core/session';
import { navigate } from '../../core/router';
import { loadAllGoals } from '../../core/reference';
import { columnsOfTemplate, importKindsOf, NEEDED, samplePaths, type Mapping, type MappingField, type MappingKind } from '../../core/mapping-model';
import { showErrors, type FieldBox } from '../../components/field';
import { goalsRow, mappingRow, type Row, type RowContext } from './mapping-rows';
import { setTitle } from '../../core/page';
import { errorMessage } from '../../core/errors';
import type { MessageKey } from '../../i18n/en';

const templates = new Map<string, Promise<string[]>>();

/** The record fields a kind takes: the columns of its import template, which the server keeps. */
function columnsOf(kind: MappingKind): Promise<string[]> {
  let p = templates.get(kind);
  if (!p) {
    p = fetch(`/api/imports/template.csv?kind=${kind}`, { credentials: 'same-origin' }).then(async (res) => {
      if (!res.ok) throw new ApiError(res.status, null);
      return columnsOfTemplate(await res.text(), kind);
    });
    p.catch(() => templates.delete(kind));
    templates.set(kind, p);
  }
  return p;
}

const control = (label: string, el: HTMLElement, opts: { hint?: string; required?: boolean; path: string }): FieldBox => {
  el.id ||= newId('mf');
  const error = h('p', { class: 'field-error', id: `${el.id}-error`, hidden: true });
  const hintId = opts.hint ? `${el.id}-hint` : null;
  el.setAttribute('aria-describedby', [hintId, error.id].filter(Boolean).join(' '));
  const box = h('div', { class: 'field', 'data-path': opts.path }, h('label', { for: el.id }, label, opts.required ? h('span', { class: 'required' }, ` (${t('form.required')})`) : null),
    hintId ? h('p', { class: 'hint', id: hintId }, opts.hint) : null, error, el);
  return { box, control: el, error, path: opts.path, label };
};

/** The sample panel: paste or read a submission, and the datalist of its paths that every path input uses. */
function samplePanel(datalist: HTMLDataListElement): HTMLElement {
  const area = h('textarea', { rows: 6, dir: 'ltr', spellcheck: 'false', class: 'sample-json' });
  const file = h('input', { type: 'file', accept: '.json,application/json' });
  const status = h('p', { class: 'sample-status', role: 'status' });
  const read = () => {
    if (!area.value.trim()) return void replace(status);
    try {
      const found = samplePaths(area.value);
      replace(datalist, found.map((p) => h('option', { value: p.path, label: p.sample ? `${p.path} — ${p.sample}` : p.path })));
      area.removeAttribute('aria-invalid');
      replace(status, found.length ? t('mapping.sample.found', { count: found.length }) : t('mapping.sample.none'),
        found.length ? h('span', { class: 'sample-paths' }, ' ', found.slice(0, 40).map((p, i) => [i ? ', ' : '', h('code', { dir: 'ltr' }, p.path)])) : null);
    } catch {
      area.setAttribute('aria-invalid', 'true');
      replace(status, h('span', { class: 'field-error' }, t('mapping.sample.notJson')));
    }
  };
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    area.value = await chosen.text();
    read();
  });
  area.addEventListener('change', read);
  return h('section', { class: 'form-section', 'aria-labelledby': 'sample-title' }, h('h2', { id: 'sample-title' }, t('mapping.sample.title')),
    h('p', { class: 'hint' }, t('mapping.sample.intro')),
    control(t('mapping.sample.paste'), area, { path: '/sample' }).box, control(t('mapping.sample.file'), file, { path: '/sample-file' }).box,
    h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: read }, t('mapping.sample.read'))), status);
}

async function rowsFor(kind: MappingKind, fields: Record<string, MappingField>, ctx: Omit<RowContext, 'needed'>): Promise<Row[]> {
  const columns = await columnsOf(kind).catch(() => [] as string[]);
  // a saved mapping may name columns the template no longer lists: kept, as plain rows
  const all = [...columns, ...Object.keys(fields).filter((c) => !columns.includes(c))];
  const rowCtx = { ...ctx, needed: NEEDED[kind] ?? [] };
  const goals = all.includes('primaryGoal');
  return Promise.all(all.filter((c) => !(goals && c === 'otherGoals'))
    .map((c) => (c === 'primaryGoal' ? goalsRow(fields.primaryGoal, fields.otherGoals, rowCtx) : mappingRow(c, fields[c], rowCtx))));
}

export async function mappingEditorView(id: string | null, query: URLSearchParams): Promise<HTMLElement> {
  const user = me()!;
  const [existing, harvests] = await Promise.all([
    id ? api<Mapping>(`/api/import-mappings/${encodeURIComponent(id)}`) : null,
    api<{ items: Array<{ id: string; title: string }> }>('/api/harvests?pageSize=200').catch(() => null), loadAllGoals()]);
  // the server lets the organisation's people change a mapping of a kind their role imports
  const kinds = importKindsOf(user.role);
  const readOnly = !kinds.length || (!!existing && !kinds.includes(existing.kind));
  const heading = existing ? t('mapping.editTitle', { name: existing.name }) : t('mapping.newTitle');
  setTitle(heading);
  let kind: MappingKind = existing?.kind ?? (kinds.includes(query.get('kind') as MappingKind) ? query.get('kind') as MappingKind : kinds[0] ?? 'outcomes');
  const datalist = h('datalist', { id: newId('form-paths') });
  const ctx = { datalistId: datalist.id, pathHintId: newId('path-hint'), harvests: harvests?.items ?? null };

  const name = control(t('mapping.name'), h('input', { type: 'text', maxlength: 300, dir: 'auto', value: existing?.name ?? '' }), { required: true, path: '/name' });
  const kindSelect = h('select', { disabled: !!existing }, [...new Set([...kinds, kind])].map((k) => h('option', { value: k, selected: k === kind }, t(`import.kind.${k}` as MessageKey))));
  const kindBox = control(t('mapping.kind'), kindSelect, { path: '/kind', hint: existing ? t('mapping.kindFixed') : undefined });
  const key = control(t('mapping.key'), h('input', { type: 'text', dir: 'ltr', list: datalist.id, autocomplete: 'off', spellcheck: 'false', value: existing?.key ?? '' }), { path: '/key', hint: t('mapping.keyHint') });
  const rowsHolder = h('div', { class: 'mapping-rows', 'data-path': '/fields' });
  let rows: Row[] = [];
  let drawing = 0;
  let typed = false; // the rows hold something the user typed or chose
  rowsHolder.addEventListener('input', () => { typed = true; });
  rowsHolder.addEventListener('change', () => { typed = true; });
  const drawRows = async (fields: Record<string, MappingField>) => {
    const mine = ++drawing; // a quick second change of kind wins over the first
    const next = await rowsFor(kind, fields, ctx);
    if (mine !== drawing) return;
    rows = next;
    typed = false;
    replace(rowsHolder, rows.map((r) => r.element));
  };
  await drawRows(existing?.fields ?? {});
  kindSelect.addEventListener('change', () => {
    // another kind has other fields: what was typed for this one would be lost, so ask first
    if (typed && !window.confirm(t('mapping.kindDiscard'))) {
      kindSelect.value = kind;
      return;
    }
    kind = kindSelect.value as MappingKind;
    void drawRows({});
  });

  const fieldsBox: FieldBox = { box: rowsHolder, control: rowsHolder, error: h('p', { class: 'field-error', hidden: true }), path: '/fields', label: t('mapping.fields') };
  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: -1, hidden: true });
  const feedback = h('p', { class: 'form-feedback', role: 'status' });
  const save = h('button', { type: 'submit', class: 'primary' }, t('mapping.save'));
  const boxes = () => [name, kindBox, key, fieldsBox, ...rows.flatMap((r) => r.boxes)];

  async function submit(): Promise<void> {
    const read = rows.map((r) => r.read());
    const fields = Object.assign({}, ...read.map((r) => r.fields)) as Record<string, MappingField>;
    const local = read.flatMap((r) => r.errors);
    const nameValue = (name.control as HTMLInputElement).value.trim();
    if (!nameValue) local.unshift({ path: '/name', message: t('err.required') });
    if (!Object.keys(fields).length) local.push({ path: '/fields', message: t('mapping.err.noFields') });
    if (local.length) return showErrors(summary, boxes(), local);
    showErrors(summary, boxes(), []);
    const keyValue = (key.control as HTMLInputElement).value.trim();
    save.disabled = true;
    feedback.textContent = t('form.saving');
    try {
      const saved = existing
        ? await patch<Mapping>(`/api/import-mappings/${existing.id}`, { name: nameValue, key: keyValue || null, fields })
        : await post<Mapping>('/api/import-mappings', { name: nameValue, kind, fields, ...(keyValue && { key: keyValue }) });
      // the list says it in a status notice: an announcement here would be cut off by the redraw
      navigate(`/import/mappings?saved=${encodeURIComponent(saved.id)}`);
    } catch (e) {
      save.disabled = false;
      feedback.textContent = '';
      if (e instanceof ApiError && (e.status === 400 || e.status === 422) && e.errors.length) showErrors(summary, boxes(), e.errors);
      else feedback.textContent = errorMessage(e);
    }
  }

  const content = h('div', { class: 'mapping-sections' },
    h('section', { class: 'form-section', 'aria-labelledby': 'mapping-about' }, h('h2', { id: 'mapping-about' }, t('mapping.about')), name.box, kindBox.box, key.box),
    samplePanel(datalist),
    h('section', { class: 'form-section', 'aria-labelledby': 'mapping-fields' }, h('h2', { id: 'mapping-fields' }, t('mapping.fields')),
      h('p', { class: 'hint', id: ctx.pathHintId }, t('mapping.pathHint')), rowsHolder));
  const form = h('form', { class: 'mapping-form', novalidate: true, 'aria-labelledby': 'mapping-title' }, summary, content, datalist,
    readOnly ? null : h('div', { class: 'form-actions' }, save, h('a', { href: '/import/mappings', class: 'button link' }, t('common.cancel'))), feedback);
  if (readOnly) content.querySelectorAll<HTMLInputElement>('input, select, textarea, button').forEach((el) => { el.disabled = true; });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!readOnly) void submit();
  });
  return h('div', { class: 'page mapping-editor' },
    h('p', { class: 'meta' }, h('a', { href: '/import/mappings' }, t('mapping.back'))),
    h('h1', { id: 'mapping-title' }, heading), h('p', { class: 'lead' }, t('mapping.intro')),
    readOnly ? h('p', { class: 'notice' }, t('mapping.readOnly')) : null, form);
}
