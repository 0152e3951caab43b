// The "add a translation" form for stories (title, story, why significant) — the original text
// is never overwritten; a translation sits beside it.
import { h } from '../../core/dom';
import { ApiError } from '../../core/api';
import { languageName, t } from '../../core/i18n';
import { me } from '../../core/session';
import { CONTENT_LANGUAGES } from '../../core/outcome-model';
import { field, showErrors } from '../../components/field';
import { findingsOf, reviewList } from '../../components/disclosure-review';
import { markdownEditor } from '../../components/markdown-field';
import { mdField } from '../../components/markdown-field';
import { errorMessage } from '../../core/errors';
import type { MessageKey } from '../../i18n/en';

type Translatable = { language: string; organisation: { id: string }; redacted?: boolean; translations?: Array<{ language: string; translatedBy?: string | null }> };

export function translationFormFor(r: Translatable, parts: string[], send: (body: Record<string, unknown>) => Promise<unknown>, added: (language: string) => void): HTMLElement {
  const list = r.translations?.length ? h('ul', {}, r.translations.map((x) => h('li', {}, languageName(x.language), x.translatedBy ? ` — ${x.translatedBy}` : '')))
    : h('p', { class: 'muted' }, t('translation.none'));
  const user = me();
  const allowed = !!user && !r.redacted && (user.organisation.id === r.organisation.id || user.role === 'evaluator' || user.role === 'admin');
  const free = CONTENT_LANGUAGES.filter((l) => l !== r.language && !(r.translations ?? []).some((x) => x.language === l));
  if (!allowed || !free.length) return h('div', {}, list);
  const language = field('/language', t('translation.language'), h('select', {}, free.map((l) => h('option', { value: l }, languageName(l)))), { required: true });
  const title = field('/title', t('form.title'), h('input', { type: 'text', dir: 'auto', maxlength: 300 }), { required: true });
  const eds = parts.map((k, i) => {
    const ed = markdownEditor(`tr-${k}`, '', { rows: 4 });
    return { k, ed, f: mdField(`/${k}`, t(`translate.${k}` as MessageKey), ed, i === 0) };
  });
  const by = field('/translatedBy', t('translation.by'), h('input', { type: 'text', dir: 'auto', maxlength: 300 }), { hint: t('translation.byHint') });
  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: -1, hidden: true });
  const fields = [language, title, ...eds.map((e) => e.f), by];
  const review = reviewList();
  const form = h('form', { novalidate: true }, summary, fields.map((f) => f.box), review.element, h('button', { type: 'submit', class: 'primary' }, t('translation.add')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = (f: typeof title) => (f.control as HTMLInputElement).value.trim();
    const body: Record<string, string> = { language: v(language), title: v(title) };
    eds.forEach(({ k, ed }) => { if (ed.control.value.trim()) body[k] = ed.control.value; });
    if (v(by)) body.translatedBy = v(by);
    const missing = [!body.title && '/title', !body[parts[0]] && `/${parts[0]}`].filter(Boolean).map((path) => ({ path: path as string, message: 'is required' }));
    if (missing.length) return showErrors(summary, fields, missing);
    const confirmed = review.confirmed();
    try {
      await send({ ...body, ...(confirmed.length && { confirmed }) });
      added(body.language);
    } catch (err) {
      const findings = findingsOf(err);
      if (findings) return review.show(findings);
      showErrors(summary, fields, err instanceof ApiError && err.errors.length ? err.errors : [{ path: '/', message: errorMessage(err) }]);
    }
  });
  return h('div', {}, list, h('details', { class: 'add-translation' }, h('summary', {}, t('translation.add')), form));
}
