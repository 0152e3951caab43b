// Recording or revising an indicator: code, name, unit, direction, goals, breakdowns and how they add up, baseline,
// targets, where it belongs (programme, organisation — chosen once, at creation), source and the
// IATI measure. A rubric (its kind, too, chosen at creation) has a scale of levels instead of a
// unit, direction and breakdowns (indicator-levels-editor.ts), and its baseline and targets are
// level numbers. Kept on this device as it is typed; the API's errors land on their fields.
import { h, newId } from '../../core/dom';
import { api, ApiError, patch, post, type List, type ProblemPath } from '../../core/api';
import { t } from '../../core/i18n';
import { me, type Me } from '../../core/session';
import { navigate } from '../../core/router';
import { loadAllGoals } from '../../core/reference';
import { IATI_MEASURES, iatiMeasureLabel, mayManage, type Dated, type Indicator, type Ref } from '../../core/indicator-model';
import { otherNames } from '../../components/other-names';
import { field, fieldset, radios, showErrors, type FieldBox } from '../../components/field';
import { goalPicker } from '../../components/goal-picker';
import { keptDraft } from '../../components/kept-draft';
import { markdownEditor } from '../../components/markdown-field';
import { mdField } from '../../components/markdown-field';
import { baselineFields, datedErrors, readDated, targetsEditor, toDated } from './form-fields';
import { levelsEditor } from './levels-editor';
import type { Level } from '../../core/rubric-model';
import { announce, setTitle } from '../../core/page';
import { notFoundView } from '../../components/errors';
import { errorMessage } from '../../core/errors';

type Programme = Ref & { partnerOrganisations?: Ref[] };
type Kind = Indicator['kind'];
type Start = { kind: Kind; levels: Level[]; code: string; name: string; unit: string; direction: 'increase' | 'decrease'; aggregation: 'sum' | 'none'; wholeNumbers: boolean; description: string; disaggregations: string; source: string; sourceUrl: string; notes: string; iatiMeasure: string; programmeId: string; organisationId: string };

const KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/;

/** The indicator rules' messages (server/indicators/rules.ts) in the interface language. */
function localise(e: ProblemPath): ProblemPath {
  const m = e.message;
  const key = /before the baseline/.test(m) ? 'ind.err.targetBeforeBaseline' : /values use the breakdown/.test(m) ? 'ind.err.keyInUse'
    : e.code === 'levels_locked' ? 'rubric.err.locked' : e.code === 'level_order' ? 'rubric.err.order' : e.code === 'not_a_level' ? 'rubric.err.level'
    : e.code === 'not_whole' ? 'ind.err.whole' : /programme/.test(m) && e.path === '/programmeId' ? 'ind.err.programme' : e.path === '/organisationId' ? 'ind.err.organisation' : null;
  return key ? { ...e, message: t(key) } : e;
}
/** A dated value as kept on this device: an empty number stays empty (not 0) when restored. */
const keptDated = (x: { value: string; date: string; note: string } | null) => (x ? { ...(x.value !== '' && { value: Number(x.value) }), date: x.date, ...(x.note && { note: x.note }) } as Dated : null);

function startOf(i: Indicator | null, user: Me): Start {
  return {
    kind: i?.kind ?? 'number', levels: i?.levels ?? [], code: i?.code ?? '', name: i?.name ?? '', unit: i?.unit ?? '', direction: i?.direction ?? 'increase', description: i?.description ?? '',
    aggregation: i?.aggregation ?? 'sum', wholeNumbers: i?.wholeNumbers ?? false,
    disaggregations: (i?.disaggregations ?? []).join(', '), source: i?.source ?? '', sourceUrl: i?.sourceUrl ?? '', notes: i?.notes ?? '',
    iatiMeasure: i?.iatiMeasure ? String(i.iatiMeasure) : '', programmeId: i?.programme?.id ?? (user.role === 'admin' ? '' : user.programmes[0]?.id ?? ''),
    organisationId: i?.organisation?.id ?? (user.role === 'partner' ? user.organisation.id : ''),
  };
}

/** Where a new indicator goes: a programme (admins may leave it global) and, optionally, a partner of it. */
function placement(user: Me, programmes: Programme[], s: Start): { fields: FieldBox[]; programme: HTMLSelectElement; organisation: HTMLSelectElement | null } {
  const programme = h('select', {}, user.role === 'admin' ? h('option', { value: '' }, t('ind.global')) : null,
    programmes.map((p) => h('option', { value: p.id, selected: p.id === s.programmeId }, p.name)));
  const fields = [field('/programmeId', t('ind.programme'), programme, { required: user.role !== 'admin' })];
  if (user.role === 'partner') return { fields, programme, organisation: null };
  const organisation = h('select', {});
  const fill = () => organisation.replaceChildren(h('option', { value: '' }, t('ind.noOrganisation')),
    ...(programmes.find((p) => p.id === programme.value)?.partnerOrganisations ?? []).map((o) => h('option', { value: o.id, selected: o.id === s.organisationId }, o.name)));
  programme.addEventListener('change', fill);
  fill();
  fields.push(field('/organisationId', t('ind.organisation'), organisation, { hint: t('ind.organisationHint') }));
  return { fields, programme, organisation };
}

export async function indicatorFormView(id: string | null): Promise<HTMLElement> {
  const user = me()!;
  const [existing, programmes] = await Promise.all([
    id ? api<Indicator>(`/api/indicators/${encodeURIComponent(id)}`) : Promise.resolve(null),
    api<List<Programme>>('/api/programmes?pageSize=200').then((r) => r?.items ?? []), loadAllGoals(),
  ]);
  if (existing && !mayManage(user, existing)) return notFoundView();
  // a scored rubric keeps its scale: its English is locked, translations may still be written
  const scored = existing?.kind === 'rubric' && !!(await api<List<unknown>>(`/api/indicators/${existing.id}/values?pageSize=1`))?.total;
  const kept = keptDraft<Start & { goals?: string[]; targets?: Indicator['targets']; baseline?: Indicator['baseline'] }>(user.id, `indicator:${id ?? 'new'}`,
    { ...startOf(existing, user), goals: existing?.goals ?? [], targets: existing?.targets ?? [], baseline: existing?.baseline ?? null }, existing?.updatedAt);
  const s = kept.start;
  const heading = existing ? t('ind.editTitle') : t('ind.newTitle');
  setTitle(heading);

  const text = (v: string, attrs: Record<string, string | number> = {}) => h('input', { type: 'text', value: v, dir: 'auto', ...attrs });
  const code = field('/code', t('ind.code'), text(s.code, { dir: 'ltr', maxlength: 80 }), { required: true, hint: t('ind.codeFormHint') });
  const name = field('/name', t('ind.name'), text(s.name, { maxlength: 300 }), { required: true });
  const descEd = markdownEditor('description', s.description, { rows: 5 });
  const description = mdField('/description', t('ind.description'), descEd, false);
  const unit = field('/unit', t('ind.unit'), text(s.unit, { maxlength: 100 }), { required: true, hint: t('ind.unitHint') });
  const direction = fieldset('/direction', t('ind.direction'), radios('direction', (['increase', 'decrease'] as const).map((d) => ({ value: d, label: t(`ind.direction.${d}`) })), s.direction), { required: true });
  const breakdowns = field('/disaggregations', t('ind.breakdowns'), text(s.disaggregations, { dir: 'ltr' }), { hint: t('ind.breakdownsHint') });
  const aggregation = fieldset('/aggregation', t('ind.aggregation'), radios('aggregation', (['sum', 'none'] as const).map((a) => ({ value: a, label: t(`ind.aggregation.${a}`) })), s.aggregation ?? 'sum'));
  const wholeId = newId('whole');
  const wholeBox = h('input', { type: 'checkbox', id: wholeId, checked: !!s.wholeNumbers });
  const wholeNumbers = fieldset('/wholeNumbers', t('ind.wholeNumbers'), h('div', { class: 'choice' }, wholeBox, h('label', { for: wholeId }, t('ind.wholeNumbers'))));
  wholeNumbers.box.querySelector('legend')?.classList.add('visually-hidden'); // the checkbox's label says it
  const base = baselineFields(s.baseline ?? null);
  const targets = targetsEditor(s.targets ?? [], () => undefined);
  const source = field('/source', t('ind.source'), h('textarea', { rows: 3, dir: 'auto' }, s.source));
  const sourceUrl = field('/sourceUrl', t('ind.sourceUrl'), h('input', { type: 'url', dir: 'ltr', value: s.sourceUrl }));
  const notes = field('/notes', t('ind.notes'), h('textarea', { rows: 3, dir: 'auto' }, s.notes));
  const iati = field('/iatiMeasure', t('ind.iatiMeasure'), h('select', {}, h('option', { value: '' }, t('ind.notSet')),
    IATI_MEASURES.map((m) => h('option', { value: String(m), selected: String(m) === s.iatiMeasure }, iatiMeasureLabel(m)))));
  const place = existing ? null : placement(user, programmes, s);
  const goals = await goalPicker((s.goals ?? []).map((code) => ({ code, primary: false })), () => undefined);
  goals.element.querySelector('.primary-goal')?.remove(); // an indicator's goals have no primary one
  const kinds = fieldset('/kind', t('rubric.kind'), radios('kind', (['number', 'rubric'] as const).map((k) => ({ value: k, label: t(`rubric.kind.${k}`), hint: t(`rubric.kindHint.${k}`) })), s.kind ?? 'number'));
  const levels = levelsEditor(s.levels ?? [], scored);
  const kindOf = (): Kind => (existing?.kind ?? (kinds.box.querySelector<HTMLInputElement>('input:checked')?.value as Kind | undefined) ?? 'number');
  const names = otherNames('/names', t('ind.name'), existing?.names ?? {});
  const unitNames = otherNames('/unitNames', t('ind.unit'), existing?.unitNames ?? {});
  const numberOnly = [unit, unitNames, direction, breakdowns, aggregation, wholeNumbers];
  const levelsSection = h('section', { class: 'form-section' }, h('h2', {}, t('rubric.scale')), levels.box.box);
  const levelsNote = h('p', { class: 'hint' }, t('rubric.levelsAsNumbers'));
  const showKind = () => {
    const rubric = kindOf() === 'rubric';
    numberOnly.forEach((f) => { f.box.hidden = rubric; });
    levelsSection.hidden = !rubric;
    levelsNote.hidden = !rubric;
  };
  kinds.box.addEventListener('change', showKind);
  // their sections' headings say what they are
  [kinds, levels.box].forEach((f) => f.box.querySelector('legend')?.classList.add('visually-hidden'));
  const goalsBox = fieldset('/goals', t('detail.goals'), goals.element);
  goalsBox.box.querySelector('legend')?.classList.add('visually-hidden'); // the section's heading says it

  const v = (f: FieldBox) => (f.control as HTMLInputElement).value.trim();
  const collect = () => ({
    kind: kindOf(), levels: levels.read(), code: v(code), name: v(name), unit: v(unit), description: descEd.control.value, disaggregations: v(breakdowns), source: v(source), sourceUrl: v(sourceUrl),
    notes: v(notes), iatiMeasure: v(iati), programmeId: place?.programme.value ?? s.programmeId, organisationId: place?.organisation?.value ?? s.organisationId,
    direction: (direction.box.querySelector<HTMLInputElement>('input:checked')?.value ?? 'increase') as Start['direction'],
    aggregation: (aggregation.box.querySelector<HTMLInputElement>('input:checked')?.value ?? 'sum') as Start['aggregation'],
    wholeNumbers: wholeBox.checked,
    goals: goals.get().map((g) => g.code),
    baseline: keptDated(readDated(base.inputs)),
    targets: targets.read().map(keptDated).filter((x): x is Dated => !!x),
  });
  const all = () => [kinds, levels.box, ...levels.fields(), code, name, ...names.fields, description, unit, ...unitNames.fields, direction, breakdowns, aggregation, wholeNumbers, base.box, base.inputs.value, base.inputs.date, base.inputs.note, targets.box, ...targets.fields(),
    source, sourceUrl, notes, iati, ...(place?.fields ?? []), goalsBox];

  /** A narrative field when it says something new: an emptied one is sent empty (cleared), an untouched one not at all. */
  const changedText = (key: 'description' | 'source' | 'notes', value: string) => (value !== (existing?.[key] ?? '') ? { [key]: value } : {});

  function body(): { input: Record<string, unknown>; local: Array<{ path: string; message: string }> } {
    const c = collect();
    const keys = c.disaggregations.split(/[,\s]+/).filter(Boolean);
    const rubric = c.kind === 'rubric';
    const local = [['/code', c.code], ['/name', c.name], ...(rubric ? [] : [['/unit', c.unit]])].filter(([, x]) => !x).map(([path]) => ({ path, message: 'is required' }));
    if (rubric) c.levels.forEach((l, n) => local.push(...[['label', l.label], ['descriptor', l.descriptor]].filter(([, x]) => !x).map(([k]) => ({ path: `/levels/${n}/${k}`, message: 'is required' }))));
    keys.forEach((k, n) => { if (!KEY.test(k)) local.push({ path: `/disaggregations/${n}`, message: t('ind.err.key', { key: k }) }); });
    const b = readDated(base.inputs);
    local.push(...datedErrors('/baseline', b));
    targets.read().forEach((x, n) => local.push(...datedErrors(`/targets/${n}`, x)));
    const input: Record<string, unknown> = {
      code: c.code, name: c.name, goals: c.goals,
      // a rubric has levels where a number has its unit, direction, breakdowns and aggregation
      ...(rubric ? { ...(!existing && { kind: 'rubric' }), levels: c.levels }
        : { unit: c.unit, direction: c.direction, disaggregations: [...new Set(keys)], aggregation: c.aggregation, wholeNumbers: c.wholeNumbers }),
      baseline: b ? toDated(b) : null, targets: targets.read().filter((x) => x).map((x) => toDated(x!)),
      names: names.read(), ...(!rubric && { unitNames: unitNames.read() }),
      ...changedText('description', c.description), ...changedText('source', c.source), ...changedText('notes', c.notes),
      // emptied where it had a value: sent as null, which clears it
      ...(c.sourceUrl ? { sourceUrl: c.sourceUrl } : existing?.sourceUrl ? { sourceUrl: null } : {}),
      ...(c.iatiMeasure ? { iatiMeasure: Number(c.iatiMeasure) } : existing?.iatiMeasure ? { iatiMeasure: null } : {}),
      ...(!existing && c.programmeId && { programmeId: c.programmeId }), ...(!existing && c.organisationId && user.role !== 'partner' && { organisationId: c.organisationId }),
    };
    return { input, local };
  }

  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: -1, hidden: true });
  const feedback = h('p', { class: 'form-feedback', role: 'status' });
  const section = (title: string, ...boxes: Array<{ box: HTMLElement }>) => h('section', { class: 'form-section' }, h('h2', {}, title), boxes.map((b) => b.box));
  const form = h('form', { class: 'outcome-form indicator-form', novalidate: true, 'aria-labelledby': 'ind-form-title' }, summary,
    existing ? null : section(t('rubric.kind'), kinds),
    section(t('ind.section.what'), code, name, names, description, unit, unitNames, direction, breakdowns, aggregation, wholeNumbers),
    levelsSection,
    h('section', { class: 'form-section' }, h('h2', {}, t('ind.section.where')),
      // where an indicator belongs is chosen once, at creation
      existing ? h('p', {}, h('strong', {}, `${t('ind.programme')}: `), existing.programme?.name ?? t('ind.global'), existing.organisation ? ` · ${existing.organisation.name}` : '') : null,
      (place?.fields ?? []).map((f) => f.box), iati.box),
    h('section', { class: 'form-section' }, h('h2', {}, t('ind.section.numbers')), levelsNote, base.box.box, targets.box.box),
    section(t('detail.goals'), goalsBox),
    section(t('ind.section.source'), source, sourceUrl, notes),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, existing ? t('form.saveChanges') : t('ind.create')),
      h('a', { href: existing ? `/indicators/${existing.id}` : '/indicators', class: 'button link' }, t('common.cancel'))),
    feedback, kept.status);
  const keep = kept.watch(form, collect);
  showKind();
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    keep();
    const { input, local } = body();
    if (local.length) return showErrors(summary, all(), local);
    showErrors(summary, all(), []);
    feedback.textContent = t('form.saving');
    try {
      const saved = existing ? await patch<Indicator>(`/api/indicators/${existing.id}`, input) : await post<Indicator>('/api/indicators', input);
      kept.clear();
      announce(t('form.saved'));
      navigate(`/indicators/${saved.id}`);
    } catch (err) {
      feedback.textContent = '';
      if (err instanceof ApiError && err.errors.length) showErrors(summary, all(), err.errors.map(localise));
      // codes are unique: the database says so without a path, and the code is the only unique field
      else if (err instanceof ApiError && err.code === 'already_exists') showErrors(summary, all(), [{ path: '/code', message: t('ind.err.codeTaken') }]);
      else feedback.textContent = err instanceof ApiError && err.status === 0 ? t('form.offline') : errorMessage(err);
    }
  });
  return h('div', { class: 'page indicator-form-page' }, h('p', { class: 'meta' }, h('a', { href: existing ? `/indicators/${existing.id}` : '/indicators' }, t('ind.back'))),
    h('h1', { id: 'ind-form-title' }, heading), h('p', { class: 'lead' }, t('ind.formIntro')), kept.notice, form);
}
