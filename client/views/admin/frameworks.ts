// Admin: the goal frameworks outcomes are tagged with, read-only, and importing a new one from a
// JSON file in the shape of seeds/reference/frameworks.json (one item of that list).
import { h, replace } from '../../core/dom';
import { api, ApiError, post } from '../../core/api';
import { formatNumber, t } from '../../core/i18n';
import { setTitle } from '../../core/page';
import { errorMessage } from '../../core/errors';

type Framework = { id: string; name: string; version: string | null; sourceUrl: string | null; goalCount: number };

export async function frameworksView(): Promise<HTMLElement> {
  setTitle(t('admin.fw.title'));
  const page = h('div', { class: 'page' });
  const draw = async (notice?: string) => {
    const { items } = await api<{ items: Framework[] }>('/api/frameworks');
    const file = h('input', { type: 'file', id: 'framework-file', accept: 'application/json,.json', 'aria-describedby': 'framework-file-hint framework-file-error' });
    const error = h('div', { id: 'framework-file-error', role: 'alert', class: 'field-error' });
    const form = h('form', { class: 'form-section', novalidate: true },
      h('h2', {}, t('admin.fw.import')),
      h('div', { class: 'field' }, h('label', { for: 'framework-file' }, t('admin.fw.file')), h('p', { class: 'hint', id: 'framework-file-hint' }, t('admin.fw.fileHint')), error, file),
      h('button', { type: 'submit', class: 'primary' }, t('admin.fw.import')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const chosen = file.files?.[0];
      if (!chosen) return void (error.textContent = t('admin.fw.noFile'));
      let json: unknown;
      try { json = JSON.parse(await chosen.text()); } catch { return void (error.textContent = t('admin.fw.notJson')); }
      try {
        await post('/api/frameworks', json);
        await draw(t('admin.fw.imported'));
      } catch (err) {
        file.setAttribute('aria-invalid', 'true');
        // a file has no fields to put errors on: each problem is listed with its place in the file
        replace(error, err instanceof ApiError && err.errors.length
          ? h('ul', {}, err.errors.map((x) => h('li', {}, h('code', {}, x.path || '/'), ` ${x.message}`))) : errorMessage(err));
      }
    });
    replace(page, h('p', {}, h('a', { href: '/admin' }, t('admin.title'))), h('h1', {}, t('admin.fw.title')),
      notice ? h('p', { role: 'status', class: 'notice' }, notice) : null,
      h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': t('admin.count', { count: items.length }) }, h('table', { class: 'data-table' }, h('caption', {}, t('admin.count', { count: items.length })),
        h('thead', {}, h('tr', {}, [t('admin.fw.name'), t('admin.fw.id'), t('admin.fw.version'), t('admin.fw.goals')].map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, items.map((f) => h('tr', {},
          h('th', { scope: 'row' }, f.sourceUrl ? h('a', { href: f.sourceUrl, rel: 'noopener' }, f.name) : f.name),
          h('td', {}, h('code', {}, f.id)), h('td', {}, f.version ?? '—'), h('td', { class: 'num' }, formatNumber(f.goalCount))))))),
      form);
  };
  await draw();
  return page;
}
