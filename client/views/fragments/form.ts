// Recording or editing a research fragment: an excerpt of a cited source, where it sits in the
// source, the speaker as a pseudonymous profile with consent, goals and codebook themes.
import { h } from '../../core/dom';
import { api, ApiError, patch, post } from '../../core/api';
import { countryOptions, lang, languageName, localName, t } from '../../core/i18n';
import { me } from '../../core/session';
import { navigate } from '../../core/router';
import { loadAllGoals } from '../../core/reference';
import { CONTENT_LANGUAGES } from '../../core/outcome-model';
import { SOURCE_TYPES, type Fragment, type Source } from '../../core/story-model';
import { field, fieldset, radios, showErrors, type FieldBox } from '../../components/field';
import { markdownEditor } from '../../components/markdown-field';
import { goalPicker } from '../../components/goal-picker';
import { consentErrors, consentFields, profileFields } from '../../components/consent';
import { keptDraft } from '../../components/kept-draft';
import { mdField } from '../../components/markdown-field';
import { setTitle } from '../../core/page';
import { notFoundView } from '../../components/errors';
import { errorMessage } from '../../core/errors';
import type { MessageKey } from '../../i18n/en';

type Input = { sourceId: string; excerpt: string; locator: string; speaker: Fragment['speaker']; language: string; location: { country: string; adminArea?: string } | null;
  goals: Fragment['goals']; themes: string[]; sensitivity: string; newSource?: { title: string; type: string; author: string; year: string; url: string; confidentiality: string } };
type Theme = { code: string; name: string; names?: Record<string, string>; parentCode: string | null };

function section(title: string, guide: string, ...boxes: Array<FieldBox | HTMLElement>): HTMLElement {
  return h('section', { class: 'form-section' }, h('h2', {}, title), h('div', { class: 'section-body' },
    h('div', { class: 'section-fields' }, boxes.map((b) => ('box' in b ? b.box : b))), h('div', { class: 'guidance' }, h('p', {}, guide))));
}

export async function fragmentFormView(id: string | null): Promise<HTMLElement> {
  const user = me()!;
  const [existing, sources, themes] = await Promise.all([id ? api<Fragment>(`/api/fragments/${encodeURIComponent(id)}`) : null,
    api<{ items: Source[] }>('/api/sources?pageSize=200'), api<{ items: Theme[] }>('/api/themes?pageSize=200'), loadAllGoals()]);
  if (existing && !existing.can?.edit) return notFoundView();
  const base: Input = existing
    ? { sourceId: existing.source.id, excerpt: existing.excerpt, locator: existing.locator ?? '', speaker: existing.speaker, language: existing.language, location: existing.location, goals: existing.goals, themes: existing.themes, sensitivity: existing.sensitivity }
    : { sourceId: '', excerpt: '', locator: '', speaker: null, language: lang(), location: null, goals: [], themes: [], sensitivity: 'restricted' };
  const kept = keptDraft<Input>(user.id, `fragment:${id ?? 'new'}`, base, existing?.updatedAt);
  const s = kept.start;
  const heading = existing ? t('fragment.editTitle') : t('fragment.newTitle');
  setTitle(heading);
  const text = (v: string | null | undefined) => h('input', { type: 'text', value: v ?? '', dir: 'auto', maxlength: 300 });
  const sourceSelect = h('select', {}, h('option', { value: '' }, t('fragment.newSource')),
    (sources?.items ?? []).map((x) => h('option', { value: x.id, selected: x.id === s.sourceId }, `${x.title} (${x.year})`)));
  const source = field('/sourceId', t('fragment.source'), sourceSelect, { required: true });
  const ns = {
    title: field('/source/title', t('source.title'), text(s.newSource?.title)),
    type: field('/source/type', t('source.type'), h('select', {}, SOURCE_TYPES.map((x) => h('option', { value: x, selected: x === s.newSource?.type }, t(`source.type.${x}` as MessageKey))))),
    author: field('/source/author', t('source.author'), text(s.newSource?.author)),
    year: field('/source/year', t('source.year'), h('input', { type: 'number', min: 1900, max: 2200, value: s.newSource?.year ?? String(new Date().getFullYear()) })),
    url: field('/source/url', t('source.url'), h('input', { type: 'text', dir: 'ltr', value: s.newSource?.url ?? '' })),
    confidentiality: fieldset('/source/confidentiality', t('source.confidentiality'), radios('confidentiality', ['internal', 'public'].map((x) => ({ value: x, label: t(`source.conf.${x}` as MessageKey) })), s.newSource?.confidentiality ?? 'internal'), { className: 'inline-choices' }),
  };
  const newSource = h('fieldset', { class: 'field new-source' }, h('legend', {}, t('fragment.newSource')), Object.values(ns).map((f) => f.box));
  const toggle = () => { newSource.hidden = !!sourceSelect.value; };
  sourceSelect.addEventListener('change', toggle);
  toggle();
  const exEd = markdownEditor('excerpt', s.excerpt, { rows: 7 });
  const excerpt = mdField('/excerpt', t('fragment.excerpt'), exEd);
  const locator = field('/locator', t('fragment.locator'), text(s.locator), { hint: t('fragment.locatorHint') });
  const profile = profileFields('/speaker', s.speaker, false);
  const consent = consentFields('/speaker/consent', s.speaker?.consent);
  const language = field('/language', t('form.language'), h('select', {}, CONTENT_LANGUAGES.map((l) => h('option', { value: l, selected: l === s.language }, languageName(l)))), { required: true });
  const country = field('/location/country', t('form.country'), h('select', {}, h('option', { value: '' }, t('form.choose')),
    countryOptions().map((c) => h('option', { value: c.code, selected: c.code === s.location?.country }, c.name))));
  const themeBoxes = fieldset('/themes', t('fragment.themes'), h('div', { class: 'choices theme-choices' }, (themes?.items ?? []).map((x) => {
    const tid = `theme-${x.code}`;
    return h('div', { class: 'choice' }, h('input', { type: 'checkbox', id: tid, value: x.code, checked: s.themes.includes(x.code) }), h('label', { for: tid }, localName(x)));
  })));
  const sensitivity = fieldset('/sensitivity', t('form.sensitivity'), radios('sensitivity', ['public', 'restricted', 'confidential'].map((x) => ({ value: x, label: t(`sensitivity.${x}` as MessageKey) })), s.sensitivity), { className: 'inline-choices' });
  const goals = await goalPicker(s.goals, () => undefined);
  const v = (f: FieldBox) => (f.control as HTMLInputElement).value.trim();
  const collect = (): Input => {
    const speaker = profile.read();
    const c = consent.read();
    return {
      sourceId: sourceSelect.value, excerpt: exEd.control.value, locator: v(locator), speaker: speaker.role ? { ...speaker, consent: c } : null,
      language: v(language), location: v(country) ? { country: v(country) } : null, goals: goals.get(),
      themes: [...themeBoxes.box.querySelectorAll<HTMLInputElement>('input:checked')].map((b) => b.value),
      sensitivity: sensitivity.box.querySelector<HTMLInputElement>('input:checked')?.value ?? 'restricted',
      newSource: { title: v(ns.title), type: v(ns.type), author: v(ns.author), year: v(ns.year), url: v(ns.url), confidentiality: ns.confidentiality.box.querySelector<HTMLInputElement>('input:checked')?.value ?? 'internal' },
    };
  };
  const all = [source, ...Object.values(ns), excerpt, locator, ...profile.fields, ...consent.fields, language, country, themeBoxes, sensitivity];
  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: -1, hidden: true });
  const feedback = h('p', { class: 'form-feedback', role: 'status' });
  const form = h('form', { class: 'outcome-form', novalidate: true }, summary,
    section(t('fragment.section.source'), t('guide.source'), source, newSource),
    section(t('fragment.section.excerpt'), t('guide.excerpt'), excerpt, locator, language, country),
    section(t('fragment.section.speaker'), t('guide.speaker'), ...profile.fields, ...consent.fields),
    section(t('fragment.section.coding'), t('guide.coding'), themeBoxes, goals.element, sensitivity),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', value: 'save', class: 'secondary' }, t('form.saveDraft')),
      !existing || existing.status === 'draft' ? h('button', { type: 'submit', value: 'submit', class: 'primary' }, t('form.saveSubmit')) : null,
      h('a', { href: existing ? `/fragments/${existing.id}` : '/fragments', class: 'button link' }, t('common.cancel'))),
    feedback, kept.status);
  const keep = kept.watch(form, collect);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    keep();
    const input = collect();
    const missing = [!input.excerpt.trim() && '/excerpt', !input.sourceId && !input.newSource?.title && '/source/title', input.speaker && !input.speaker.role && '/speaker/role']
      .filter(Boolean).map((path) => ({ path: path as string, message: 'is required' })).concat(consentErrors('/speaker/consent', input.speaker?.consent ?? null));
    if (missing.length) return showErrors(summary, all, missing);
    showErrors(summary, all, []);
    try {
      let sourceId = input.sourceId;
      if (!sourceId && input.newSource) {
        const n = input.newSource;
        const created = await post<Source>('/api/sources', { title: n.title, type: n.type, year: Number(n.year), confidentiality: n.confidentiality, ...(n.author && { author: n.author }), ...(n.url && { url: n.url }) })
          .catch((err) => { throw err instanceof ApiError ? new ApiError(err.status, err.problem && { ...err.problem, errors: err.errors.map((x) => ({ ...x, path: `/source${x.path}` })) }) : err; });
        sourceId = created.id;
      }
      const { newSource: _n, sourceId: _s, ...rest } = input;
      const body = { ...rest, locator: rest.locator || undefined, location: rest.location ?? undefined };
      const saved = existing ? await patch<Fragment>(`/api/fragments/${existing.id}`, body) : await post<Fragment>('/api/fragments', { ...body, sourceId });
      kept.clear();
      if ((e as SubmitEvent).submitter?.getAttribute('value') === 'submit') await post(`/api/fragments/${saved.id}/transitions`, { to: 'submitted' });
      navigate(`/fragments/${saved.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) showErrors(summary, all, err.errors);
      else feedback.textContent = err instanceof ApiError && err.status === 0 ? t('form.offline') : errorMessage(err);
    }
  });
  return h('div', { class: 'page' }, h('h1', {}, heading), h('p', { class: 'lead' }, t('fragment.intro')), kept.notice, form);
}
