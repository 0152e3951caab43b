// Recording or editing a story of change (Most Significant Change): the story in the teller's
// words, why they find it significant, the domain, the storyteller as a pseudonymous profile, and
// their consent. Kept on this device as it is typed; API errors land on their fields.
import { h } from '../../core/dom';
import { api, ApiError, patch, post } from '../../core/api';
import { countryOptions, lang, languageName, localName, t } from '../../core/i18n';
import { me } from '../../core/session';
import { navigate } from '../../core/router';
import { loadAllGoals } from '../../core/reference';
import { CONTENT_LANGUAGES } from '../../core/outcome-model';
import { RECOMMENDED_DOMAINS, type Story } from '../../core/story-model';
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

/** What the form edits: every field present (a draft's gaps are the form's blanks). */
type Input = Omit<Story, 'id' | 'status' | 'organisation' | 'translations' | 'redacted' | 'createdAt' | 'updatedAt' | 'missing' | 'story' | 'whySignificant' | 'domain' | 'collectedBy' | 'collectedOn' | 'location' | 'language' | 'sensitivity'> & {
  story: string; whySignificant: string; domain: string; collectedBy: string; collectedOn: string; location: { country: string; adminArea?: string }; language: string;
  sensitivity: NonNullable<Story['sensitivity']>;
};

/** The record's values over the blanks, a draft's nulls left as blanks. */
const filled = <T extends object>(blankOf: T, record: object): T => ({
  ...blankOf, ...Object.fromEntries(Object.entries(record).filter(([, x]) => x !== null)),
  ...('location' in record && { location: { ...(blankOf as { location: object }).location, ...Object.fromEntries(Object.entries(record.location as object).filter(([, x]) => x !== null)) } }),
});

/**
 * What is sent when the story is saved: a draft may lack anything but its title, so what was never
 * filled in is left out rather than sent empty; what was filled in and is emptied now is sent as
 * it is, and the server says why it may not be empty.
 */
function bodyOf(input: Omit<Input, 'consent'>, before: Story | null): Record<string, unknown> {
  const out: Record<string, unknown> = { ...input };
  for (const k of ['story', 'whySignificant', 'collectedBy', 'collectedOn'] as const) if (!input[k].trim() && !before?.[k]) delete out[k];
  if (!input.location.country) out.location = { ...input.location, country: undefined };
  const p = input.storyteller;
  if (p && !before?.storyteller && !Object.values(p).some((x) => typeof x === 'string' && x.trim())) delete out.storyteller;
  return JSON.parse(JSON.stringify(out)) as Record<string, unknown>;
}
type Domain = { code: string; name: string; names?: Record<string, string> };

const blank = (): Input => ({ title: '', story: '', whySignificant: '', domain: 'any-other-change', harvestId: null, collectedBy: '', collectedOn: '',
  location: { country: '' }, language: lang(), storyteller: { role: '' }, consent: null, goals: [], sensitivity: 'restricted' });

const domainNames = new Map<string, Domain>();
let domainsLoaded: Promise<void> | undefined;

/** The names of every harvest's domains of change, so a code can be shown as its name. */
export function loadDomainNames(): Promise<void> {
  domainsLoaded ??= api<{ items: Array<{ id: string }> }>('/api/harvests?pageSize=200').then(async (hs) => {
    const lists = await Promise.all((hs?.items ?? []).map((x) => api<{ items: Domain[] }>(`/api/harvests/${x.id}/domains`).catch(() => null)));
    lists.forEach((l) => l?.items.forEach((d) => domainNames.set(d.code, d)));
  }).catch(() => undefined);
  return domainsLoaded;
}

/** A domain's name in the interface language: the two recommended ones are the interface's words. */
export const domainLabel = (d: Domain | string) => {
  const code = typeof d === 'string' ? d : d.code;
  if (RECOMMENDED_DOMAINS.includes(code)) return t(`domain.${code}` as MessageKey);
  const known = typeof d === 'string' ? domainNames.get(d) : d;
  return known ? localName(known) : code;
};

function section(title: string, guide: string, ...boxes: FieldBox[]): HTMLElement {
  return h('section', { class: 'form-section' }, h('h2', {}, title), h('div', { class: 'section-body' },
    h('div', { class: 'section-fields' }, boxes.map((b) => b.box)), h('div', { class: 'guidance' }, h('p', {}, guide))));
}

export async function storyFormView(id: string | null): Promise<HTMLElement> {
  const user = me()!;
  const [existing, harvests] = await Promise.all([id ? api<Story>(`/api/stories/${encodeURIComponent(id)}`) : null,
    api<{ items: Array<{ id: string; title: string; status: string }> }>('/api/harvests?pageSize=200'), loadAllGoals()]);
  if (existing && !existing.can?.edit) return notFoundView();
  const base: Input = existing ? filled(blank(), existing) : blank();
  const kept = keptDraft<Input>(user.id, `story:${id ?? 'new'}`, base, existing?.updatedAt);
  const s = kept.start;
  setTitle(existing ? t('story.editTitle') : t('story.newTitle'));
  const text = (v: string | null | undefined, max = 300) => h('input', { type: 'text', value: v ?? '', dir: 'auto', maxlength: max });
  const title = field('/title', t('form.title'), text(s.title), { required: true });
  const storyEd = markdownEditor('story', s.story, { rows: 10 });
  const story = mdField('/story', t('story.story'), storyEd);
  const whyEd = markdownEditor('why', s.whySignificant, { rows: 4 });
  const why = mdField('/whySignificant', t('story.why'), whyEd);
  const domainSelect = h('select', {});
  const domain = field('/domain', t('story.domain'), domainSelect, { required: true });
  const harvestSelect = h('select', {}, h('option', { value: '' }, t('form.choose')), (harvests?.items ?? []).map((x) => h('option', { value: x.id, selected: x.id === s.harvestId }, x.title)));
  const harvest = field('/harvestId', t('form.harvest'), harvestSelect);
  const fillDomains = async () => {
    const list = harvestSelect.value ? (await api<{ items: Domain[] }>(`/api/harvests/${harvestSelect.value}/domains`))?.items ?? [] : [];
    const codes = [...new Map([...RECOMMENDED_DOMAINS.map((c) => ({ code: c, name: c })), ...list].map((d) => [d.code, d])).values()];
    domainSelect.replaceChildren(...codes.map((d) => h('option', { value: d.code, selected: d.code === (domainSelect.value || s.domain) }, domainLabel(d))));
  };
  harvestSelect.addEventListener('change', () => void fillDomains());
  await fillDomains();
  const profile = profileFields('/storyteller', s.storyteller, true);
  const consent = consentFields('/consent', s.consent);
  const collectedBy = field('/collectedBy', t('story.collectedBy'), text(s.collectedBy), { required: true, hint: t('evidence.personal') });
  const collectedOn = field('/collectedOn', t('story.collectedOn'), h('input', { type: 'date', value: s.collectedOn }), { required: true });
  const country = field('/location/country', t('form.country'), h('select', {}, h('option', { value: '' }, t('form.choose')),
    countryOptions().map((c) => h('option', { value: c.code, selected: c.code === s.location.country }, c.name))), { required: true });
  const adminArea = field('/location/adminArea', t('form.adminArea'), text(s.location.adminArea));
  const language = field('/language', t('form.language'), h('select', {}, CONTENT_LANGUAGES.map((l) => h('option', { value: l, selected: l === s.language }, languageName(l)))), { required: true });
  const sensitivity = fieldset('/sensitivity', t('form.sensitivity'), radios('sensitivity', ['public', 'restricted', 'confidential'].map((x) => ({
    value: x, label: t(`sensitivity.${x}` as MessageKey), hint: t(`sensitivity.hint.${x}` as MessageKey) })), s.sensitivity), { required: true });
  const goals = await goalPicker(s.goals, () => undefined);
  const goalsBox: FieldBox = { box: h('section', { class: 'form-section' }, h('h2', {}, t('form.section.goals')), goals.element), control: h('div'), error: h('p', { class: 'field-error', hidden: true }), path: '/goals', label: t('form.section.goals') };
  goalsBox.control = goalsBox.box;
  goalsBox.box.prepend(goalsBox.error);

  const v = (f: FieldBox) => (f.control as HTMLInputElement).value.trim();
  const collect = (): Input => ({
    title: v(title), story: storyEd.control.value, whySignificant: whyEd.control.value, domain: domainSelect.value, harvestId: harvestSelect.value || null,
    collectedBy: v(collectedBy), collectedOn: v(collectedOn), location: { country: v(country), ...(v(adminArea) && { adminArea: v(adminArea) }) },
    language: v(language), storyteller: profile.read(), consent: consent.read(), goals: goals.get(),
    sensitivity: (sensitivity.box.querySelector<HTMLInputElement>('input:checked')?.value ?? 'restricted') as Input['sensitivity'],
  });
  const all = [title, story, why, domain, harvest, ...profile.fields, ...consent.fields, collectedBy, collectedOn, country, adminArea, language, sensitivity, goalsBox];
  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: -1, hidden: true });
  const feedback = h('p', { class: 'form-feedback', role: 'status' });
  const form = h('form', { class: 'outcome-form', novalidate: true },
    summary,
    section(t('story.section.story'), t('guide.story'), title, story, why, domain, harvest),
    section(t('story.section.teller'), t('guide.teller'), ...profile.fields),
    section(t('story.section.consent'), t('guide.consent'), ...consent.fields),
    section(t('story.section.collection'), t('guide.collection'), collectedBy, collectedOn, country, adminArea, language, sensitivity),
    goalsBox.box,
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', value: 'save', class: 'secondary' }, t('form.saveDraft')),
      !existing || existing.status === 'draft' ? h('button', { type: 'submit', value: 'submit', class: 'primary' }, t('form.saveSubmit')) : null,
      h('a', { href: existing ? `/stories/${existing.id}` : '/stories', class: 'button link' }, t('common.cancel'))),
    feedback, kept.status);
  const keep = kept.watch(form, collect);
  let current = existing;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    keep();
    const input = collect();
    const submitting = (e as SubmitEvent).submitter?.getAttribute('value') === 'submit';
    // a draft saves with its title; what submission needs is checked when it is submitted
    const needed: Array<[string, string | undefined]> = submitting ? [['/title', input.title], ['/story', input.story], ['/whySignificant', input.whySignificant], ['/storyteller/role', input.storyteller?.role],
      ['/collectedBy', input.collectedBy], ['/collectedOn', input.collectedOn], ['/location/country', input.location.country]] : [['/title', input.title]];
    const missing = needed
      .filter(([, x]) => !x?.trim()).map(([path]) => ({ path, message: 'is required' }));
    if (submitting && !input.goals.length) missing.push({ path: '/goals', message: 'is required' });
    missing.push(...consentErrors('/consent', input.consent));
    if (missing.length) return showErrors(summary, all, missing);
    showErrors(summary, all, []);
    try {
      const { consent: c, ...rest } = input;
      const body = bodyOf(rest, current);
      const saved = current ? await patch<Story>(`/api/stories/${current.id}`, body) : await post<Story>('/api/stories', { ...body, ...(c && { consent: c }) });
      if (current && c && JSON.stringify(c) !== JSON.stringify(current.consent)) await post(`/api/stories/${current.id}/consent`, c).catch(() => undefined);
      // saved: a failed submission below edits this story, it does not record a second one
      current = saved;
      kept.clear();
      if (submitting) await post(`/api/stories/${saved.id}/transitions`, { to: 'submitted' });
      navigate(`/stories/${saved.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) showErrors(summary, all, err.errors);
      else feedback.textContent = err instanceof ApiError && err.status === 0 ? t('form.offline') : errorMessage(err);
    }
  });
  return h('div', { class: 'page' }, h('h1', {}, existing ? t('story.editTitle') : t('story.newTitle')), h('p', { class: 'lead' }, t('story.intro')), kept.notice, form);
}
