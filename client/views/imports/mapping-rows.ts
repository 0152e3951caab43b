// One row of the mapping editor per record field: where its value comes from — a form field (one
// or more paths, with answers translated into codes), a fixed value (a picker where the field takes
// codes), or a template — and one row for the goals: fixed goals from the goal picker and goals
// read from the form. Each row reads back as mapping fields plus the errors to show at it.
import { h, newId, type Child } from '../../core/dom';
import { countryOptions, languageName, t } from '../../core/i18n';
import type { ProblemPath } from '../../core/api';
import { categoriesOf, categoryLabel, CHANGE_TYPES, QUADRANTS } from '../../core/reference';
import { ACTOR_TYPES, CONTENT_LANGUAGES } from '../../core/outcome-model';
import { badMapLines, defaultAs, formatMap, parseMap, pathsOf, type MappingField } from '../../core/mapping-model';
import { AGE_BANDS, ageBandLabel } from '../../components/consent';
import type { FieldBox } from '../../components/field';
import { goalPicker } from '../../components/goal-picker';
import type { MessageKey } from '../../i18n/en';

export type RowContext = { datalistId: string; pathHintId: string; needed: string[]; harvests: Array<{ id: string; title: string }> | null };
export type Row = { element: HTMLElement; boxes: FieldBox[]; read: () => { fields: Record<string, MappingField>; errors: ProblemPath[] } };
type Mode = 'none' | 'from' | 'value' | 'template';
type Option = { value: string; label: string };

const LABELS: Record<string, MessageKey | [MessageKey, MessageKey]> = {
  title: 'form.title', description: 'form.description', socialActorName: 'form.actorName', socialActorType: 'form.actorType',
  changeType: 'form.changeType', quadrant: 'form.quadrant', occurredOn: 'form.date', occurredPrecision: 'form.precision',
  country: 'form.country', adminArea: 'form.adminArea', lat: 'mapping.col.lat', lon: 'mapping.col.lon', coordinates: 'mapping.col.coordinates',
  significance: 'form.significance', contribution: 'form.contribution', positive: 'form.positive', intended: 'form.intended',
  sensitivity: 'form.sensitivity', language: 'form.language', harvestId: 'form.harvest', evidence: 'form.section.evidence',
  story: 'story.story', whySignificant: 'story.why', domain: 'story.domain', collectedBy: 'story.collectedBy', collectedOn: 'story.collectedOn',
  storytellerRole: ['story.section.teller', 'profile.role'], storytellerAgeBand: ['story.section.teller', 'profile.ageBand'],
  storytellerGender: ['story.section.teller', 'profile.gender'], storytellerPlace: ['story.section.teller', 'profile.place'],
  storytellerName: ['story.section.teller', 'profile.name'], consentLevel: 'consent.level', consentMethod: 'consent.method',
  consentGivenOn: ['story.section.consent', 'consent.givenOn'], consentRecordedBy: ['story.section.consent', 'consent.recordedBy'],
};

export function columnLabel(column: string): string {
  const key = LABELS[column];
  if (!key) return column;
  return Array.isArray(key) ? `${t(key[0])}: ${t(key[1])}` : t(key);
}

const HINTS: Record<string, MessageKey> = {
  coordinates: 'mapping.hint.geopoint', evidence: 'mapping.hint.attachments', occurredOn: 'mapping.hint.date', collectedOn: 'mapping.hint.date', consentGivenOn: 'mapping.hint.date',
};
const NARRATIVE = new Set(['description', 'significance', 'contribution', 'story', 'whySignificant']);
const BOOLEAN = new Set(['positive', 'intended']);
const SINGLE_PATH = new Set(['coordinates', 'occurredOn', 'collectedOn', 'consentGivenOn']);
const labelled = (keys: readonly string[], prefix: string): Option[] => keys.map((k) => ({ value: k, label: t(`${prefix}.${k}` as MessageKey) }));

async function optionsFor(column: string, ctx: RowContext): Promise<Option[] | null> {
  switch (column) {
    case 'socialActorType': return labelled(ACTOR_TYPES, 'actor');
    case 'changeType': return (await categoriesOf(CHANGE_TYPES)).map((c) => ({ value: c.code, label: categoryLabel(c) }));
    case 'quadrant': return (await categoriesOf(QUADRANTS)).map((c) => ({ value: c.code, label: categoryLabel(c) }));
    case 'occurredPrecision': return labelled(['day', 'month', 'year'], 'form.precision');
    case 'country': return countryOptions().map((c) => ({ value: c.code, label: c.name }));
    case 'sensitivity': return labelled(['public', 'restricted', 'confidential'], 'sensitivity');
    case 'language': return CONTENT_LANGUAGES.map((l) => ({ value: l, label: languageName(l) }));
    case 'positive': return [{ value: 'true', label: t('form.positiveYes') }, { value: 'false', label: t('form.positiveNo') }];
    case 'intended': return [{ value: 'true', label: t('form.intendedYes') }, { value: 'false', label: t('form.intendedNo') }];
    case 'storytellerAgeBand': return AGE_BANDS.map((a) => ({ value: a, label: ageBandLabel(a) }));
    case 'consentLevel': return labelled(['named', 'anonymous', 'internal_only'], 'consent.level');
    case 'consentMethod': return labelled(['written', 'verbal', 'recorded'], 'consent.method');
    case 'harvestId': return ctx.harvests?.map((x) => ({ value: x.id, label: x.title })) ?? null;
    default: return null;
  }
}

/** The fixed-value control: a select for fields that take codes (keeping a saved value it does not list), else text. */
function valueControl(column: string, options: Option[] | null, value: string): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  if (options) {
    const all = value && !options.some((o) => o.value === value) ? [...options, { value, label: value }] : options;
    return h('select', {}, h('option', { value: '' }, t('form.choose')), all.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)));
  }
  if (NARRATIVE.has(column)) return h('textarea', { rows: 3, dir: 'auto' }, value);
  if (column === 'collectedOn' || column === 'consentGivenOn') return h('input', { type: 'date', value });
  return h('input', { type: 'text', value, dir: 'auto' });
}

const labelledControl = (label: string, control: HTMLElement, hint?: string): HTMLElement => {
  control.id ||= newId('m');
  const hintId = hint ? `${control.id}-hint` : null;
  if (hintId) control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), hintId].filter(Boolean).join(' '));
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), hint ? h('p', { class: 'hint', id: hintId }, hint) : null, control);
};

/** Form-field path inputs (suggesting the sample's paths), with a button for one more where several make sense. */
function pathList(initial: string[], label: string, ctx: RowContext, more: boolean, hint?: string): { element: HTMLElement; values: () => string[] } {
  const inputs: HTMLInputElement[] = [];
  const list = h('div', { class: 'path-list' });
  const add = (value: string) => {
    const input = h('input', { type: 'text', value, list: ctx.datalistId, dir: 'ltr', autocomplete: 'off', spellcheck: 'false', class: 'path-input', 'aria-describedby': ctx.pathHintId });
    inputs.push(input);
    list.append(labelledControl(inputs.length === 1 ? label : `${label} (${inputs.length})`, input, inputs.length === 1 ? hint : undefined));
    return input;
  };
  (initial.length ? initial : ['']).forEach(add);
  const button = more ? h('button', { type: 'button', class: 'secondary small', 'aria-label': `${t('mapping.addPath')}: ${label}`, onclick: () => add('').focus() }, t('mapping.addPath')) : null;
  return { element: h('div', {}, list, button), values: () => inputs.map((i) => i.value.trim()).filter(Boolean) };
}

/** "Translate the answers": choice names or labels into the codes the record takes. */
function mapEditor(map: Record<string, string> | undefined, column: string): { element: HTMLElement; read: (errors: ProblemPath[]) => Record<string, string> | undefined } {
  const area = h('textarea', { rows: 4, dir: 'ltr', spellcheck: 'false' }, formatMap(map));
  const element = h('details', { class: 'map-editor', open: !!map && Object.keys(map).length > 0 },
    h('summary', {}, t('mapping.translate')), labelledControl(t('mapping.translateLabel'), area, t('mapping.translateHint')));
  return {
    element,
    read: (errors) => {
      const bad = badMapLines(area.value);
      if (bad.length) errors.push({ path: `/fields/${column}/map`, message: t('mapping.err.mapLines', { lines: bad.join(', ') }) });
      return parseMap(area.value);
    },
  };
}

/** A fieldset with its legend, hint and error wired as components/field.ts does, for showErrors. */
function rowBox(column: string, label: string, needed: boolean, ...content: Child[]): { box: HTMLFieldSetElement; error: HTMLElement } {
  const id = newId('row');
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const box = h('fieldset', { class: 'field mapping-row', id, 'data-path': `/fields/${column}`, 'aria-describedby': `${id}-error` },
    h('legend', {}, label, ' ', h('code', { class: 'column-code', dir: 'ltr' }, column), needed ? h('span', { class: 'required' }, ` (${t('mapping.needed')})`) : null),
    error, content);
  return { box, error };
}

export async function mappingRow(column: string, orig: MappingField | undefined, ctx: RowContext): Promise<Row> {
  const label = columnLabel(column);
  const options = await optionsFor(column, ctx);
  const modes: Mode[] = column === 'coordinates' ? ['none', 'from'] : ['none', 'from', 'value', 'template'];
  const start: Mode = orig?.from !== undefined ? 'from' : orig?.value !== undefined ? 'value' : orig?.template !== undefined ? 'template' : 'none';
  const source = h('select', { class: 'source' }, modes.map((m) => h('option', { value: m, selected: m === start }, t(`mapping.mode.${m}` as MessageKey))));
  const paths = pathList(pathsOf(orig), t('mapping.formField'), ctx, !SINGLE_PATH.has(column), HINTS[column] ? t(HINTS[column]) : undefined);
  const map = column === 'coordinates' || column === 'evidence' ? null : mapEditor(orig?.map, column);
  const includeUrl = column === 'evidence' ? h('input', { type: 'checkbox', id: newId('url'), checked: !!orig?.includeUrl }) : null;
  const value = valueControl(column, options, orig?.value === undefined ? '' : String(orig.value));
  const template = h('input', { type: 'text', value: orig?.template ?? '', dir: 'auto' });
  const panels: Record<Exclude<Mode, 'none'>, HTMLElement> = {
    from: h('div', { class: 'mode-panel' }, paths.element, map?.element,
      includeUrl ? h('div', { class: 'choice' }, includeUrl, h('label', { for: includeUrl.id }, t('mapping.includeUrl'))) : null),
    value: h('div', { class: 'mode-panel' }, labelledControl(t('mapping.fixedValue'), value, column === 'occurredOn' ? t('mapping.hint.occurredOn') : undefined)),
    template: h('div', { class: 'mode-panel' }, labelledControl(t('mapping.template'), template, t('mapping.templateHint'))),
  };
  const show = () => (Object.keys(panels) as Array<keyof typeof panels>).forEach((m) => { panels[m].hidden = source.value !== m; });
  source.addEventListener('change', show);
  show();
  const { box, error } = rowBox(column, label, ctx.needed.includes(column), labelledControl(t('mapping.source'), source), panels.from, panels.value, panels.template);
  const read = () => {
    const errors: ProblemPath[] = [];
    const at = `/fields/${column}`;
    const mode = source.value as Mode;
    if (mode === 'none') return { fields: {}, errors };
    if (mode === 'value') {
      const raw = value.value.trim();
      if (!raw) errors.push({ path: `${at}/value`, message: t('mapping.err.value') });
      const v = BOOLEAN.has(column) ? raw === 'true' : (column === 'lat' || column === 'lon') && raw && Number.isFinite(Number(raw)) ? Number(raw) : value.value;
      return { fields: { [column]: { value: v } }, errors };
    }
    if (mode === 'template') {
      if (!template.value.trim()) errors.push({ path: `${at}/template`, message: t('mapping.err.template') });
      return { fields: { [column]: { template: template.value } }, errors };
    }
    const from = paths.values();
    if (!from.length) errors.push({ path: `${at}/from`, message: t('mapping.err.path') });
    // a saved field keeps its conversion; a new one gets the one its column needs
    const as = column === 'coordinates' ? 'geopoint' : orig?.from !== undefined ? orig.as : defaultAs(column);
    const translated = map?.read(errors);
    const field: MappingField = { from: from.length === 1 ? from[0] : from, ...(as && { as }), ...(translated && { map: translated }), ...(includeUrl?.checked && { includeUrl: true }) };
    return { fields: { [column]: field }, errors };
  };
  return { element: box, boxes: [{ box, control: box, error, path: `/fields/${column}`, label }], read };
}

/**
 * Goals: the goal picker fixes goals every record gets (its primary one fills primaryGoal, the
 * others otherGoals), and form fields can give the primary goal or more goals (a select_multiple,
 * its answers translated into goal codes). A column is either fixed or read from the form.
 */
export async function goalsRow(primary: MappingField | undefined, others: MappingField | undefined, ctx: RowContext): Promise<Row> {
  const fixedOthers = others?.value === undefined ? [] : String(others.value).split(/[\s,;]+/).filter(Boolean);
  const tags = [...(primary?.value !== undefined ? [{ code: String(primary.value), primary: true }] : []), ...fixedOthers.map((code) => ({ code }))];
  const picker = await goalPicker(tags, () => undefined);
  const primaryPaths = pathList(pathsOf(primary), t('mapping.goals.primaryFrom'), ctx, false);
  const otherPaths = pathList(pathsOf(others), t('mapping.goals.othersFrom'), ctx, true, t('mapping.goals.othersHint'));
  const map = mapEditor({ ...primary?.map, ...others?.map }, 'otherGoals');
  const label = t('form.section.goals');
  const { box, error } = rowBox('otherGoals', label, ctx.needed.includes('primaryGoal'),
    h('p', { class: 'hint' }, t('mapping.goals.hint')),
    h('fieldset', { class: 'field fixed-goals' }, h('legend', {}, t('mapping.goals.fixed')), picker.element),
    primaryPaths.element, otherPaths.element, map.element);
  box.querySelector('legend code')!.textContent = 'primaryGoal, otherGoals';
  box.classList.add('goals-row');
  const read = () => {
    const errors: ProblemPath[] = [];
    const chosen = picker.get();
    const fixedPrimary = chosen.find((g) => g.primary)?.code;
    const rest = chosen.filter((g) => !g.primary).map((g) => g.code);
    const [pFrom, oFrom] = [primaryPaths.values(), otherPaths.values()];
    const translated = map.read(errors);
    if (pFrom.length && fixedPrimary) errors.push({ path: '/fields/primaryGoal', message: t('mapping.err.primaryBoth') });
    if (oFrom.length && rest.length) errors.push({ path: '/fields/otherGoals', message: t('mapping.err.othersBoth') });
    const fields: Record<string, MappingField> = {};
    if (pFrom.length) fields.primaryGoal = { from: pFrom[0], ...(translated && { map: translated }) };
    else if (fixedPrimary) fields.primaryGoal = { value: fixedPrimary };
    if (oFrom.length) fields.otherGoals = { from: oFrom.length === 1 ? oFrom[0] : oFrom, as: others?.from !== undefined ? others.as : 'list', ...(translated && { map: translated }) };
    else if (rest.length) fields.otherGoals = { value: rest.join(' ') };
    return { fields, errors };
  };
  const common = { box, control: box, error, label };
  return { element: box, boxes: [{ ...common, path: '/fields/primaryGoal' }, { ...common, path: '/fields/otherGoals' }], read };
}
