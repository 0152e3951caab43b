// An outcome's revisions as a readable diff: changed words marked inside narrative fields, and
// structured fields (goals, place, date, evidence) shown before and after.
import { h } from '../../core/dom';
import { api } from '../../core/api';
import { countryName, formatDate, formatDateTime, t } from '../../core/i18n';
import { categoryLabel, goalLabel } from '../../core/reference';
import type { MessageKey } from '../../i18n/en';

type Change = { field: string; old: unknown; new: unknown };
type Revision = { id: number; at: string; action: string; actor: { name?: string | null; role?: string | null }; changes: Change[] };
type DiffPart = { value: string; added?: boolean; removed?: boolean };

const TEXT_FIELDS = new Set(['title', 'description', 'significance', 'contribution']);

function show(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return t('diff.empty');
  if (field === 'changeType' || field === 'quadrant') return categoryLabel(String(v));
  if (field === 'occurredOn' && typeof v === 'object') {
    const o = v as { date: string; precision: 'day' | 'month' | 'year' };
    return formatDate(o.date, o.precision);
  }
  if (field === 'location' && typeof v === 'object') {
    const l = v as { country: string; adminArea?: string };
    return [l.adminArea, countryName(l.country)].filter(Boolean).join(', ');
  }
  if (field === 'goals' && Array.isArray(v)) return v.map((g: { code: string; primary?: boolean }) => `${goalLabel(g.code)}${g.primary ? ' ★' : ''}`).join(', ');
  if (field === 'socialActor' && typeof v === 'object') {
    const a = v as { name?: string; type: string };
    return [a.name ?? t('detail.redacted'), t(`actor.${a.type}` as MessageKey)].join(' — ');
  }
  if (field === 'files' && typeof v === 'object') return [t(`files.kind.${(v as { kind: string }).kind}` as MessageKey), (v as { contentType: string }).contentType].join(' · ');
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function textDiff(parts: DiffPart[]): HTMLElement {
  return h('p', { class: 'diff-text', dir: 'auto' }, parts.map((p) => p.added
    ? h('ins', {}, h('span', { class: 'visually-hidden' }, `${t('diff.added')}: `), p.value)
    : p.removed ? h('del', {}, h('span', { class: 'visually-hidden' }, `${t('diff.removed')}: `), p.value) : p.value));
}

function fieldName(field: string): string {
  const key = `field.${field.split('.')[0]}`;
  return field.startsWith('translations.') ? t('diff.translation', { language: field.slice(13) }) : t(key as MessageKey);
}

export async function revisionsSection(outcomeId: string, outsider = false): Promise<HTMLElement> {
  const [{ items }, { diffWords }] = await Promise.all([
    api<{ items: Revision[] }>(`/api/outcomes/${outcomeId}/revisions`),
    import('diff'),
  ]);
  const body = items.length
    ? h('ol', { class: 'revisions' }, [...items].reverse().map((r) => h('li', {},
      h('p', { class: 'meta' }, h('time', { datetime: r.at }, formatDateTime(r.at)), ' · ',
        r.actor.name ?? t(`role.${r.actor.role ?? 'partner'}` as MessageKey), ' · ', t(`revision.${r.action}` as MessageKey)),
      r.changes.length === 0 ? null : h('dl', { class: 'changes' }, r.changes.flatMap((c) => [
        h('dt', {}, fieldName(c.field)),
        h('dd', {}, TEXT_FIELDS.has(c.field) && typeof c.old === 'string' && typeof c.new === 'string'
          ? textDiff(diffWords(c.old, c.new))
          : h('p', { class: 'diff-text' }, h('del', {}, h('span', { class: 'visually-hidden' }, `${t('diff.removed')}: `), show(c.field, c.old)), ' → ',
            h('ins', {}, h('span', { class: 'visually-hidden' }, `${t('diff.added')}: `), show(c.field, c.new)))),
      ])))))
    : h('p', { class: 'muted' }, t(outsider ? 'revision.noneOutside' : 'revision.none'));
  return h('section', { class: 'detail-section', 'aria-labelledby': 'revisions-title' }, h('h2', { id: 'revisions-title' }, t('revision.title')), body);
}
