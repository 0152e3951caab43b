// The codebook: the themes research fragments are coded with, as a tree, with how many fragments
// carry each; evaluators add themes here, and remove one nothing uses (it stays in the history).
import { h, replace } from '../../core/dom';
import { api, ApiError, del, patch, post, type List } from '../../core/api';
import { formatNumber, localName, t } from '../../core/i18n';
import { me } from '../../core/session';
import { field, showErrors } from '../../components/field';
import { otherNames, type OtherNames } from '../../components/other-names';
import { announce, setTitle } from '../../core/page';
import { errorMessage } from '../../core/errors';

type Theme = { code: string; name: string; names?: Record<string, string>; description: string | null; parentCode: string | null; fragments?: number };

/** `remove`: offered for a theme no fragment the reader sees is coded with and no theme sits under (the server checks all). */
function tree(themes: Theme[], remove: ((x: Theme) => void) | null, parent: string | null = null): HTMLElement | null {
  const level = themes.filter((x) => (x.parentCode ?? null) === parent);
  if (!level.length) return null;
  return h('ul', { class: 'theme-tree' }, level.map((x) => h('li', {},
    h('a', { href: `/fragments?theme=${encodeURIComponent(x.code)}` }, localName(x)), ' ', h('code', {}, x.code),
    x.fragments !== undefined ? h('span', { class: 'meta' }, ` · ${t('theme.fragments', { count: x.fragments })}`) : null,
    remove && !x.fragments && !themes.some((y) => y.parentCode === x.code)
      ? h('button', { type: 'button', class: 'link-button', 'aria-label': t('theme.removeNamed', { name: localName(x) }), onclick: () => remove(x) }, t('theme.remove')) : null,
    x.description ? h('p', { class: 'meta' }, x.description) : null, tree(themes, remove, x.code))));
}

/** One theme at a time, chosen from the codebook, named in French, Arabic and Dutch. */
function namesForm(themes: Theme[], redraw: () => Promise<void>): HTMLElement {
  const choice = field('/code', t('theme.namesOf'), h('select', {}, themes.map((x) => h('option', { value: x.code }, `${localName(x)} (${x.code})`))));
  const select = choice.control as HTMLSelectElement;
  const slot = h('div', {});
  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: -1, hidden: true });
  let names: OtherNames;
  const show = () => {
    const x = themes.find((y) => y.code === select.value);
    names = otherNames('/names', t('theme.name'), x?.names ?? {}, true);
    replace(slot, names.box);
  };
  select.addEventListener('change', show);
  show();
  const f = h('form', { class: 'form-section', novalidate: true }, summary, choice.box, slot, h('button', { type: 'submit', class: 'secondary' }, t('theme.saveNames')));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const x = themes.find((y) => y.code === select.value);
    if (!x) return;
    try {
      await patch(`/api/themes/${encodeURIComponent(x.code)}`, { names: names.read() });
      await redraw();
      announce(t('theme.namesSaved', { name: localName(x) }));
    } catch (err) {
      showErrors(summary, [choice, ...names.fields], err instanceof ApiError && err.errors.length ? err.errors : [{ path: '/', message: errorMessage(err) }]);
    }
  });
  return h('details', {}, h('summary', {}, t('theme.names')), f);
}

export async function themesView(): Promise<HTMLElement> {
  setTitle(t('theme.title'));
  const page = h('div', { class: 'page' });
  const draw = async () => {
    const list = await api<List<Theme>>('/api/themes?pageSize=200');
    const user = me();
    let form: HTMLElement | null = null;
    if (user?.role === 'evaluator' || user?.role === 'admin') {
      const code = field('/code', t('theme.code'), h('input', { type: 'text', pattern: '[a-z0-9]+(-[a-z0-9]+)*', maxlength: 80 }), { required: true, hint: t('theme.codeHint') });
      const name = field('/name', t('theme.name'), h('input', { type: 'text', dir: 'auto', maxlength: 300 }), { required: true });
      const parent = field('/parentCode', t('theme.parent'), h('select', {}, h('option', { value: '' }, '—'), list.items.map((x) => h('option', { value: x.code }, localName(x)))));
      const names = otherNames('/names', t('theme.name'));
      const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: -1, hidden: true });
      const f = h('form', { class: 'form-section', novalidate: true }, summary, code.box, name.box, names.box, parent.box, h('button', { type: 'submit', class: 'primary' }, t('theme.add')));
      f.addEventListener('submit', async (e) => {
        e.preventDefault();
        const v = (x: typeof code) => (x.control as HTMLInputElement).value.trim();
        try {
          await post('/api/themes', { code: v(code), name: v(name), names: names.read(), ...(v(parent) && { parentCode: v(parent) }) });
          void draw();
        } catch (err) {
          showErrors(summary, [code, name, ...names.fields, parent], err instanceof ApiError && err.errors.length ? err.errors : [{ path: '/', message: errorMessage(err) }]);
        }
      });
      form = h('div', {}, h('details', {}, h('summary', {}, t('theme.add')), f), list.items.length ? namesForm(list.items, draw) : null);
    }
    const status = h('p', { class: 'visually-hidden', role: 'status' });
    const remove = user?.role === 'evaluator' || user?.role === 'admin' ? (x: Theme) => {
      void del(`/api/themes/${encodeURIComponent(x.code)}`).then(() => draw().then(() => announce(t('theme.removed', { name: localName(x) }))),
        (err) => { status.textContent = errorMessage(err); });
    } : null;
    replace(page, h('h1', {}, t('theme.title')), h('p', { class: 'lead' }, t('theme.intro', { count: formatNumber(list.total) })), form,
      tree(list.items, remove) ?? h('p', { class: 'empty-state' }, t('theme.none')), status);
  };
  await draw();
  return page;
}
