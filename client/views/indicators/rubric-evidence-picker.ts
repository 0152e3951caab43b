// The evidence of a rubric's score: the outcomes, stories and fragments it rests on, chosen from a
// search over what the scorer may see (GET /api/search; with nothing typed, the records tagged to
// the indicator's goals), kept as a list in the order chosen, each removable. The server checks
// again that each one may be seen; a refusal (/evidence/2/id) lands on its row.
import { h, newId, replace } from '../../core/dom';
import { api, qs } from '../../core/api';
import { t } from '../../core/i18n';
import { fieldset, type FieldBox } from '../../components/field';
import { EVIDENCE_KINDS, evidenceKindLabel, type EvidenceItem, type EvidenceRef } from '../../core/rubric-model';
import type { Indicator } from '../../core/indicator-model';
import { announce } from '../../core/page';

type Hit = EvidenceItem & { title: string; status: string };
export type EvidencePicker = { box: FieldBox; read: () => EvidenceItem[]; fields: () => FieldBox[] };
const MAX = 50; // indicators#/$defs/evidenceRefs

export function evidencePicker(i: Indicator, initial: EvidenceItem[]): EvidencePicker {
  const chosen: EvidenceItem[] = [...initial];
  const list = h('ol', { class: 'evidence-chosen' });
  const none = h('p', { class: 'muted' }, t('rubric.noEvidence'));
  const rowBoxes: FieldBox[] = [];
  const results = h('div', { class: 'link-results', 'aria-live': 'polite' });
  const queryId = newId('ev-find');
  const query = h('input', { id: queryId, type: 'search', autocomplete: 'off', dir: 'auto' });
  const key = (e: EvidenceRef) => `${e.kind}:${e.id}`;
  // the form around it keeps what is typed on this device: tell it the list changed
  const changed = () => list.dispatchEvent(new Event('change', { bubbles: true }));

  const drawChosen = () => {
    rowBoxes.splice(0);
    replace(list, chosen.map((e, k) => {
      const error = h('p', { class: 'field-error', id: newId('ev-err'), hidden: true });
      const remove = h('button', { type: 'button', class: 'secondary small', 'aria-describedby': error.id, onclick: () => {
        chosen.splice(k, 1);
        drawChosen();
        changed();
        announce(t('rubric.evidenceRemoved'));
        (list.querySelector('button') ?? query).focus();
      } }, t('rubric.removeEvidence'), h('span', { class: 'visually-hidden' }, `: ${e.title ?? ''}`));
      const li = h('li', {}, h('span', { class: 'meta' }, `${evidenceKindLabel(e.kind)}: `), h('span', { dir: 'auto' }, e.title ?? e.id), ' ', remove, error);
      rowBoxes.push({ box: li, control: remove, error, path: `/evidence/${k}`, label: `${t('rubric.evidence')} ${k + 1}` });
      return li;
    }));
    list.hidden = !chosen.length;
    none.hidden = !!chosen.length;
  };

  const add = (hit: Hit) => {
    if (chosen.some((e) => key(e) === key(hit)) || chosen.length >= MAX) return;
    chosen.push({ kind: hit.kind, id: hit.id, title: hit.title });
    drawChosen();
    changed();
    announce(t('rubric.evidenceAdded', { title: hit.title }));
  };

  const find = async () => {
    const q = query.value.trim();
    const params = { q: q || undefined, kind: EVIDENCE_KINDS.join(','), goal: q ? undefined : i.goals.join(',') || undefined, pageSize: 10 };
    const res = await api<{ items: Hit[] }>(`/api/search${qs(params)}`).catch(() => ({ items: [] as Hit[] }));
    replace(results, res.items.length
      ? h('ul', { class: 'plain' }, res.items.map((x) => h('li', {},
        h('button', { type: 'button', class: 'secondary small', disabled: chosen.some((e) => key(e) === key(x)), onclick: (ev: Event) => { add(x); (ev.currentTarget as HTMLButtonElement).disabled = true; } },
          t('rubric.addEvidence'), h('span', { class: 'visually-hidden' }, `: ${x.title}`)),
        ' ', h('span', { class: 'meta' }, `${evidenceKindLabel(x.kind)}: `), h('span', { dir: 'auto' }, x.title))))
      : h('p', { class: 'muted' }, t('evidence.noHits')));
  };
  query.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); void find(); } });

  drawChosen();
  const box = fieldset('/evidence', t('rubric.evidence'), h('div', {},
    h('h3', { class: 'visually-hidden' }, t('rubric.evidenceChosen')), list, none,
    h('div', { class: 'field' }, h('label', { for: queryId }, t('rubric.findEvidence')),
      h('div', { class: 'inline-search' }, query, h('button', { type: 'button', class: 'secondary', onclick: () => void find() }, t('search.submit')))),
    results), { hint: t('rubric.evidenceHint') });
  return { box, read: () => [...chosen], fields: () => [...rowBoxes] };
}
