// Consent and the pseudonymous profile of a storyteller or a speaker: how they agreed (named,
// anonymous, internal only), how and when, who recorded it — and who they are without their name.
import { h, newId } from '../core/dom';
import { has, t } from '../core/i18n';
import { field, fieldset, radios, type FieldBox } from './field';
import type { MessageKey } from '../i18n/en';

export type Consent = { level: 'named' | 'anonymous' | 'internal_only'; method: 'written' | 'verbal' | 'recorded'; givenOn: string; recordedBy: string };
export type Profile = { role: string; ageBand?: string; gender?: string; place?: string; name?: string };

export const AGE_BANDS = ['under-18', '18-24', '25-34', '35-44', '45-54', '55-64', '65+', 'unknown'];
/** An age band in the interface language (one recorded outside the list stays as written). */
export const ageBandLabel = (band: string) => (has(`ageBand.${band}`) ? t(`ageBand.${band}` as MessageKey) : band);
const input = (value = '') => h('input', { type: 'text', value, dir: 'auto', maxlength: 300 });

export function consentFields(prefix: string, c: Consent | null | undefined): { fields: FieldBox[]; read: () => Consent | null } {
  const level = fieldset(`${prefix}/level`, t('consent.level'), radios(newId('consent-level'), ['named', 'anonymous', 'internal_only'].map((v) => ({
    value: v, label: t(`consent.level.${v}` as MessageKey), hint: t(`consent.levelHint.${v}` as MessageKey) })), c?.level ?? ''), { hint: t('consent.none') });
  const method = fieldset(`${prefix}/method`, t('consent.method'), radios(newId('consent-method'), ['written', 'verbal', 'recorded'].map((v) => ({ value: v, label: t(`consent.method.${v}` as MessageKey) })), c?.method ?? 'verbal'), { className: 'inline-choices' });
  const givenOn = field(`${prefix}/givenOn`, t('consent.givenOn'), h('input', { type: 'date', value: c?.givenOn ?? '' }));
  const recordedBy = field(`${prefix}/recordedBy`, t('consent.recordedBy'), input(c?.recordedBy), { hint: t('evidence.personal') });
  const checked = (f: FieldBox) => f.box.querySelector<HTMLInputElement>('input:checked')?.value ?? '';
  return {
    fields: [level, method, givenOn, recordedBy],
    read: () => (checked(level) ? { level: checked(level) as Consent['level'], method: (checked(method) || 'verbal') as Consent['method'],
      givenOn: (givenOn.control as HTMLInputElement).value, recordedBy: (recordedBy.control as HTMLInputElement).value.trim() } : null),
  };
}

/** What the server would refuse in a consent, said before sending: a chosen level needs its date and recorder. */
export function consentErrors(prefix: string, c: Consent | null): Array<{ path: string; message: string }> {
  if (!c) return [];
  return [!c.givenOn && `${prefix}/givenOn`, !c.recordedBy && `${prefix}/recordedBy`].filter(Boolean).map((path) => ({ path: path as string, message: 'is required' }));
}

export function profileFields(prefix: string, p: Profile | null | undefined, withName: boolean): { fields: FieldBox[]; read: () => Profile } {
  const role = field(`${prefix}/role`, t('profile.role'), input(p?.role), { required: true, hint: t('profile.roleHint') });
  const age = field(`${prefix}/ageBand`, t('profile.ageBand'), h('select', {}, h('option', { value: '' }, t('form.choose')),
    AGE_BANDS.map((a) => h('option', { value: a, selected: a === p?.ageBand }, ageBandLabel(a)))));
  const gender = field(`${prefix}/gender`, t('profile.gender'), input(p?.gender));
  const place = field(`${prefix}/place`, t('profile.place'), input(p?.place));
  const name = withName ? field(`${prefix}/name`, t('profile.name'), input(p?.name), { hint: t('profile.nameHint') }) : null;
  const v = (f: FieldBox | null) => (f ? (f.control as HTMLInputElement).value.trim() : '');
  return {
    fields: [role, age, gender, place, ...(name ? [name] : [])],
    read: () => Object.fromEntries(Object.entries({ role: v(role), ageBand: v(age), gender: v(gender), place: v(place), name: v(name) }).filter(([, x]) => x)) as Profile,
  };
}
