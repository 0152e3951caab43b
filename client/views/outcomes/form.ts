// Recording or editing an outcome. Every keystroke is kept on this device, so a dropped
// connection or an ended session loses nothing; errors from the API land on their fields.
import { debounce, h, replace } from '../../core/dom';
import { api, ApiError, patch, post } from '../../core/api';
import { formatDateTime, lang, t } from '../../core/i18n';
import { me } from '../../core/session';
import { navigate } from '../../core/router';
import { clearDraft, loadDraft, saveDraft } from '../../core/draft-store';
import { blankOutcome, draftBody, toInput, type Outcome, type OutcomeInput } from '../../core/outcome-model';
import { loadAllGoals } from '../../core/reference';
import { loadRules, missingIn } from '../../core/rules';
import { showErrors, type FieldBox } from '../../components/field';
import { goalPicker } from '../../components/goal-picker';
import { evidenceEditor } from '../../components/evidence-editor';
import { outcomeSections } from './form-fields';
import { announce, setTitle } from '../../core/page';
import { notFoundView } from '../../components/errors';
import { errorMessage } from '../../core/errors';

type Harvest = { id: string; title: string; status?: string };

/**
 * Checks the browser can make before asking the server (which checks everything again). A draft
 * saves with its title (`required` just that); what submission needs is the completeness rule the
 * server publishes (GET /api/rules, core/rules.ts), checked when it is submitted.
 */
export function localErrors(o: OutcomeInput, required: string[] = ['/title']): Array<{ path: string; message: string }> {
  const errors: Array<{ path: string; message: string }> = [];
  const need = (path: string, v: string | undefined) => { if (!v?.trim()) errors.push({ path, message: 'is required' }); };
  // an outcome's date is a pair (date and precision): the date is what is missing
  for (const path of missingIn({ ...o, occurredOn: o.occurredOn.date ? o.occurredOn : undefined }, [...new Set(['/title', ...required])])) errors.push({ path, message: 'is required' });
  const pattern = { day: /^\d{4}-\d{2}-\d{2}$/, month: /^\d{4}-\d{2}$/, year: /^\d{4}$/ }[o.occurredOn.precision];
  if (o.occurredOn.date && !pattern.test(o.occurredOn.date)) errors.push({ path: '/occurredOn/date', message: 'is not a valid date' });
  (o.evidence ?? []).forEach((e, i) => {
    if (e.kind === 'informant') need(`/evidence/${i}/role`, e.role);
    else need(`/evidence/${i}/title`, e.title);
    if (e.kind === 'link') need(`/evidence/${i}/url`, e.url);
  });
  return errors;
}

export async function outcomeFormView(id: string | null): Promise<HTMLElement> {
  const user = me()!;
  // the completeness rule comes with the form, so that checking it on submission waits for nothing
  const [existing, harvestList, rules] = await Promise.all([
    id ? api<Outcome>(`/api/outcomes/${encodeURIComponent(id)}`) : Promise.resolve(null),
    api<{ items: Harvest[] }>('/api/harvests?pageSize=200'),
    loadRules(),
    loadAllGoals(),
  ]);
  if (existing && !existing.can?.edit) return notFoundView();
  const draftKey = `outcome:${id ?? 'new'}`;
  const kept = loadDraft<OutcomeInput>(user.id, draftKey);
  const base = existing ? toInput(existing) : blankOutcome(lang());
  const start: OutcomeInput = kept ? { ...base, ...kept.value } : base;
  const heading = existing ? t('form.editTitle') : t('form.newTitle');
  setTitle(heading);

  const status = h('p', { class: 'autosave', id: 'autosave-status' });
  const keep = () => {
    if (saveDraft(user.id, draftKey, collect(), existing?.updatedAt)) status.textContent = t('form.keptAt', { time: formatDateTime(new Date().toISOString()) });
  };
  const changed = debounce(keep, 400);
  const harvests = harvestList?.items.filter((x) => x.status !== 'closed') ?? null;
  const { sections, controls } = await outcomeSections(start, harvests);
  const goals = await goalPicker(start.goals, changed);
  const evidence = evidenceEditor(start.evidence ?? [], changed);
  const goalsBox: FieldBox = { box: h('section', { class: 'form-section', 'data-path': '/goals' }), control: h('div'), error: h('p', { class: 'field-error', hidden: true, id: 'goals-error' }), path: '/goals', label: t('form.section.goals') };
  goalsBox.control = goalsBox.box;
  replace(goalsBox.box, h('h2', {}, t('form.section.goals')), h('div', { class: 'section-body' },
    h('div', { class: 'section-fields' }, goalsBox.error, goals.element),
    h('div', { class: 'guidance' }, h('p', {}, t('guide.goals')))));
  const evidenceBox: FieldBox = { box: h('section', { class: 'form-section', 'data-path': '/evidence' }), control: h('div'), error: h('p', { class: 'field-error', hidden: true }), path: '/evidence', label: t('form.section.evidence') };
  evidenceBox.control = evidenceBox.box;
  replace(evidenceBox.box, h('h2', {}, t('form.section.evidence')), h('div', { class: 'section-body' },
    h('div', { class: 'section-fields' }, evidenceBox.error, evidence.element),
    h('div', { class: 'guidance' }, h('p', {}, t('guide.evidence')))));

  function collect(): OutcomeInput {
    return { ...controls.read(), goals: goals.get(), evidence: evidence.get() };
  }

  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: -1, hidden: true });
  const feedback = h('div', { class: 'form-feedback', role: 'status' });
  const submitting = (on: boolean) => form.querySelectorAll('button[type=submit]').forEach((b) => ((b as HTMLButtonElement).disabled = on));

  const partnerDraft = !existing || existing.status === 'draft';
  let savedId = existing?.id ?? null;
  async function save(submit: boolean): Promise<void> {
    keep(); // whatever happens next, the text is on this device
    const input = collect();
    const allFields = [...controls.fields, goalsBox, evidenceBox];
    const local = localErrors(input, submit || !partnerDraft ? rules.completeness.outcome.required : ['/title']);
    if (local.length) return showErrors(summary, allFields, local);
    showErrors(summary, allFields, []);
    submitting(true);
    feedback.textContent = t('form.saving');
    try {
      const body = partnerDraft ? draftBody(input) : input;
      const saved = savedId ? await patch<Outcome>(`/api/outcomes/${savedId}`, body) : await post<Outcome>('/api/outcomes', body);
      // saved: a failed submission below edits this outcome, it does not record a second one
      savedId = saved.id;
      clearDraft(user.id, draftKey);
      if (submit) await post(`/api/outcomes/${saved.id}/transitions`, { to: 'submitted' });
      announce(submit ? t('form.submitted') : t('form.saved'));
      navigate(`/outcomes/${saved.id}?${submit ? 'submitted' : 'saved'}=1`);
    } catch (e) {
      submitting(false);
      feedback.textContent = '';
      if (e instanceof ApiError && (e.status === 400 || e.status === 422) && e.errors.length) showErrors(summary, allFields, e.errors);
      else if (e instanceof ApiError && e.status === 0) feedback.textContent = t('form.offline');
      else feedback.textContent = errorMessage(e);
    }
  }

  const form = h('form', { class: 'outcome-form', novalidate: true, 'aria-labelledby': 'form-title' },
    summary, ...sections.slice(0, 5), goalsBox.box, sections[5], evidenceBox.box, sections[6],
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', value: 'save', class: partnerDraft ? 'secondary' : 'primary' }, partnerDraft ? t('form.saveDraft') : t('form.saveChanges')),
      partnerDraft && user.role !== 'evaluator' ? h('button', { type: 'submit', value: 'submit', class: 'primary' }, t('form.saveSubmit')) : null,
      h('a', { href: existing ? `/outcomes/${existing.id}` : '/outcomes', class: 'button link' }, t('common.cancel'))),
    feedback, status);
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void save((e as SubmitEvent).submitter?.getAttribute('value') === 'submit');
  });

  const restored = kept ? h('div', { class: 'notice', role: 'status' },
    h('p', {}, t('form.restored', { time: formatDateTime(kept.savedAt) })),
    kept.baseUpdatedAt && existing && kept.baseUpdatedAt !== existing.updatedAt ? h('p', {}, t('form.restoredStale')) : null,
    h('button', { type: 'button', class: 'secondary small', onclick: () => {
      clearDraft(user.id, draftKey);
      navigate(location.pathname, { replace: true });
    } }, t('form.discard'))) : null;
  return h('div', { class: 'page outcome-form-page' },
    h('h1', { id: 'form-title' }, heading), h('p', { class: 'lead' }, t('form.intro')), restored, form);
}
