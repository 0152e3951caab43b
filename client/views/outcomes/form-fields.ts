// The sections of the outcome form, each with the outcome-harvesting guidance beside its fields:
// who changed, what, when and where, why it matters, how the partner contributed, goals, evidence.
import { h, newId } from '../../core/dom';
import { countryOptions, languageName, t } from '../../core/i18n';
import { CHANGE_TYPES, categoryLabel, categoriesOf, QUADRANTS } from '../../core/reference';
import { ACTOR_TYPES, CONTENT_LANGUAGES, type OutcomeInput, type Precision } from '../../core/outcome-model';
import { field, fieldset, radios, type FieldBox } from '../../components/field';
import { markdownEditor, mdField } from '../../components/markdown-field';
import type { MessageKey } from '../../i18n/en';

export type Controls = { fields: FieldBox[]; read: () => Omit<OutcomeInput, 'goals' | 'evidence'>; markdown: Array<() => void> };

function section(title: string, guidance: string, ...fields: FieldBox[]): { el: HTMLElement; guidanceId: string } {
  const guidanceId = newId('guide');
  const el = h('section', { class: 'form-section' },
    h('h2', {}, title),
    h('div', { class: 'section-body' },
      h('div', { class: 'section-fields' }, fields.map((f) => f.box)),
      h('div', { class: 'guidance', id: guidanceId }, h('p', {}, h('span', { class: 'visually-hidden' }, `${t('form.guidance')}: `), guidance))));
  return { el, guidanceId };
}


function dateInput(precision: Precision, value: string): HTMLInputElement {
  if (precision === 'year') return h('input', { type: 'number', min: 1900, max: 2100, step: 1, inputmode: 'numeric', value: value.slice(0, 4) });
  if (precision === 'month') return h('input', { type: 'month', value: value.slice(0, 7), placeholder: 'YYYY-MM' });
  return h('input', { type: 'date', value: value.length === 10 ? value : '' });
}

export async function outcomeSections(o: OutcomeInput, harvests: Array<{ id: string; title: string }> | null): Promise<{ sections: HTMLElement[]; controls: Controls }> {
  const [types, quadrants] = await Promise.all([categoriesOf(CHANGE_TYPES), categoriesOf(QUADRANTS)]);
  const text = (value: string, attrs: Record<string, string | number> = {}) => h('input', { type: 'text', value, dir: 'auto', ...attrs });
  const select = (options: Array<{ value: string; label: string }>, value: string, empty = true) =>
    h('select', {}, empty ? h('option', { value: '' }, t('form.choose')) : null, options.map((x) => h('option', { value: x.value, selected: x.value === value }, x.label)));

  const actorType = field('/socialActor/type', t('form.actorType'), select(ACTOR_TYPES.map((a) => ({ value: a, label: t(`actor.${a}` as MessageKey) })), o.socialActor.type, false), { required: true });
  const actorName = field('/socialActor/name', t('form.actorName'), text(o.socialActor.name ?? '', { maxlength: 300 }), { required: true, hint: t('form.actorNameHint') });
  const title = field('/title', t('form.title'), text(o.title, { maxlength: 300 }), { required: true, hint: t('form.titleHint') });
  const desc = markdownEditor('description', o.description, { rows: 7 });
  const description = mdField('/description', t('form.description'), desc);
  const changeType = fieldset('/changeType', t('form.changeType'), radios('changeType', types.map((c) => ({ value: c.code, label: categoryLabel(c) })), o.changeType), { required: true, className: 'inline-choices' });
  const positive = fieldset('/positive', t('form.positive'), radios('positive', [{ value: 'true', label: t('form.positiveYes') }, { value: 'false', label: t('form.positiveNo') }], String(o.positive)), { className: 'inline-choices' });
  const intended = fieldset('/intended', t('form.intended'), radios('intended', [{ value: 'true', label: t('form.intendedYes') }, { value: 'false', label: t('form.intendedNo') }], String(o.intended)), { className: 'inline-choices' });

  const precisionRadios = radios('precision', (['day', 'month', 'year'] as Precision[]).map((p) => ({ value: p, label: t(`form.precision.${p}` as MessageKey) })), o.occurredOn.precision);
  const precision = fieldset('/occurredOn/precision', t('form.precision'), precisionRadios, { className: 'inline-choices' });
  let dateControl = dateInput(o.occurredOn.precision, o.occurredOn.date);
  const date = field('/occurredOn', t('form.date'), dateControl, { required: true, hint: t('form.dateHint') });
  precisionRadios.addEventListener('change', () => {
    const p = (precisionRadios.querySelector<HTMLInputElement>('input:checked')?.value ?? 'day') as Precision;
    const next = dateInput(p, dateControl.value);
    next.id = dateControl.id;
    for (const a of ['aria-describedby', 'aria-required']) next.setAttribute(a, dateControl.getAttribute(a) ?? '');
    dateControl.replaceWith(next);
    dateControl = next;
    date.control = next;
  });
  const country = field('/location/country', t('form.country'), select(countryOptions().map((c) => ({ value: c.code, label: c.name })), o.location.country), { required: true });
  const adminArea = field('/location/adminArea', t('form.adminArea'), text(o.location.adminArea ?? '', { maxlength: 300 }));

  const sig = markdownEditor('significance', o.significance);
  const significance = mdField('/significance', t('form.significance'), sig);
  const con = markdownEditor('contribution', o.contribution);
  const contribution = mdField('/contribution', t('form.contribution'), con);

  const quadrant = fieldset('/quadrant', t('form.quadrant'), h('div', { class: 'quadrant-grid' },
    radios('quadrant', quadrants.map((c) => ({ value: c.code, label: categoryLabel(c), hint: t(`typology.hint.${c.code}` as MessageKey) })), o.quadrant)), { required: true, hint: t('form.quadrantHint') });

  const language = field('/language', t('form.language'), select(CONTENT_LANGUAGES.map((l) => ({ value: l, label: languageName(l) })), o.language, false), { required: true });
  const sensitivity = fieldset('/sensitivity', t('form.sensitivity'), radios('sensitivity', ['public', 'restricted', 'confidential'].map((s) => ({
    value: s, label: t(`sensitivity.${s}` as MessageKey), hint: t(`sensitivity.hint.${s}` as MessageKey) })), o.sensitivity), { required: true });
  const harvest = harvests ? field('/harvestId', t('form.harvest'), select(harvests.map((x) => ({ value: x.id, label: x.title })), o.harvestId ?? '')) : null;

  const who = section(t('form.section.who'), t('guide.who'), actorType, actorName);
  const what = section(t('form.section.what'), t('guide.what'), title, description, changeType, positive, intended);
  const when = section(t('form.section.whenWhere'), t('guide.whenWhere'), precision, date, country, adminArea);
  const why = section(t('form.section.significance'), t('guide.significance'), significance);
  const how = section(t('form.section.contribution'), t('guide.contribution'), contribution);
  const level = section(t('form.section.level'), t('guide.level'), quadrant);
  const settings = section(t('form.section.settings'), t('guide.settings'), language, sensitivity, ...(harvest ? [harvest] : []));
  // guidance is read with the field it belongs to
  for (const [s, fs] of [[who, [actorType, actorName]], [what, [title, description]], [when, [date, country]], [why, [significance]], [how, [contribution]]] as const) {
    fs.forEach((f) => f.control.setAttribute('aria-describedby', `${f.control.getAttribute('aria-describedby') ?? ''} ${s.guidanceId}`.trim()));
  }

  const value = (f: FieldBox) => (f.control as HTMLInputElement).value;
  const checked = (f: FieldBox) => f.box.querySelector<HTMLInputElement>('input[type=radio]:checked')?.value ?? '';
  const read = (): Omit<OutcomeInput, 'goals' | 'evidence'> => {
    const p = (checked(precision) || 'day') as Precision;
    return {
      title: value(title).trim(), description: desc.control.value,
      socialActor: { type: value(actorType), name: value(actorName).trim() },
      changeType: checked(changeType), quadrant: checked(quadrant),
      occurredOn: { date: dateControl.value.trim(), precision: p },
      location: { country: value(country), ...(value(adminArea).trim() && { adminArea: value(adminArea).trim() }) },
      significance: sig.control.value, contribution: con.control.value,
      positive: checked(positive) !== 'false', intended: checked(intended) !== 'false',
      sensitivity: (checked(sensitivity) || 'restricted') as OutcomeInput['sensitivity'], language: value(language),
      harvestId: harvest ? value(harvest) || null : o.harvestId,
    };
  };
  const fields = [actorType, actorName, title, description, changeType, positive, intended, precision, date, country, adminArea, significance, contribution, quadrant, language, sensitivity, ...(harvest ? [harvest] : [])];
  return { sections: [who.el, what.el, when.el, why.el, how.el, level.el, settings.el], controls: { fields, read, markdown: [desc.refresh, sig.refresh, con.refresh] } };
}
