// Translations of an outcome's text: offered beside the original (which is never overwritten),
// and a form to add one for the organisation and its evaluators.
import { h, newId } from '../../core/dom';
import { ApiError, post } from '../../core/api';
import { languageName, t } from '../../core/i18n';
import { me } from '../../core/session';
import { CONTENT_LANGUAGES, type Outcome, type Translation } from '../../core/outcome-model';
import { field, showErrors } from '../../components/field';
import { findingsOf, reviewList } from '../../components/disclosure-review';
import { markdownEditor } from '../../components/markdown-field';
import { mdField } from '../../components/markdown-field';
import { errorMessage } from '../../core/errors';


/** Buttons to read the record in its original language or one of its translations. */
export function languageChooser(o: Outcome, current: string, choose: (language: string) => void): HTMLElement | null {
  const translations = o.translations ?? [];
  if (!translations.length) return null;
  const options = [{ code: o.language, label: `${languageName(o.language)} (${t('translation.original')})` },
    ...translations.map((x) => ({ code: x.language, label: `${languageName(x.language)} (${t('translation.translation')})` }))];
  return h('div', { class: 'language-chooser', role: 'group', 'aria-label': t('translation.readIn') },
    h('span', { 'aria-hidden': 'true' }, `${t('translation.readIn')}: `),
    options.map((x) => h('button', { type: 'button', class: 'chip', lang: x.code, 'aria-pressed': String(x.code === current), onclick: () => choose(x.code) }, x.label)));
}

export function translationForm(o: Outcome, onAdded: (next: Outcome) => void): HTMLElement | null {
  const user = me();
  const allowed = user && (user.organisation.id === o.organisation.id || user.role === 'evaluator' || user.role === 'admin');
  if (!allowed || o.redacted) return null;
  const taken = new Set([o.language, ...(o.translations ?? []).map((x: Translation) => x.language)]);
  const free = CONTENT_LANGUAGES.filter((l) => !taken.has(l));
  const language = field('/language', t('translation.language'), h('select', {}, free.map((l) => h('option', { value: l }, languageName(l)))), { required: true });
  const title = field('/title', t('form.title'), h('input', { type: 'text', dir: 'auto', maxlength: 300 }), { required: true });
  const eds = (['description', 'significance', 'contribution'] as const).map((k) => {
    const ed = markdownEditor(`tr-${k}`, '', { rows: 4 });
    return { k, ed, f: mdField(`/${k}`, t(`form.${k}`), ed, false) };
  });
  const by = field('/translatedBy', t('translation.by'), h('input', { type: 'text', dir: 'auto', maxlength: 300 }), { hint: t('translation.byHint') });
  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: -1, hidden: true });
  const fields = [language, title, ...eds.map((e) => e.f), by];
  const review = reviewList();
  const form = h('form', { novalidate: true, class: 'translation-form' }, summary, fields.map((f) => f.box), review.element,
    h('button', { type: 'submit', class: 'primary' }, t('translation.add')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = (f: typeof title) => (f.control as HTMLInputElement).value.trim();
    if (!v(title)) return showErrors(summary, fields, [{ path: '/title', message: 'is required' }]);
    const body: Record<string, string> = { language: v(language), title: v(title) };
    eds.forEach(({ k, ed }) => { if (ed.control.value.trim()) body[k] = ed.control.value; });
    if (v(by)) body.translatedBy = v(by);
    const confirmed = review.confirmed();
    try {
      onAdded(await post<Outcome>(`/api/outcomes/${o.id}/translations`, { ...body, ...(confirmed.length && { confirmed }) }));
    } catch (err) {
      const findings = findingsOf(err);
      if (findings) review.show(findings);
      else if (err instanceof ApiError && err.errors.length) showErrors(summary, fields, err.errors);
      else showErrors(summary, fields, [{ path: '/', message: errorMessage(err) }]);
    }
  });
  const id = newId('tr');
  return free.length ? h('details', { class: 'add-translation' }, h('summary', { id }, t('translation.add')), form) : null;
}
