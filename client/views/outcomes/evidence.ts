// Evidence linked to an outcome beyond its own list: stories and research fragments that support,
// contradict or give context (with a search to link more), and files. Each part shows only where
// the server offers it. The outcomes it connects to are its pathway (outcome-pathway.ts).
import { h, newId, replace } from '../../core/dom';
import { api, del, post, qs } from '../../core/api';
import { t } from '../../core/i18n';
import { me } from '../../core/session';
import type { Outcome } from '../../core/outcome-model';
import { dialogError, openDialog } from '../../components/dialog';
import { radios } from '../../components/field';
import { errorMessage } from '../../core/errors';
import type { FileInfo } from '../../components/files';
import type { MessageKey } from '../../i18n/en';

type Linked = { kind: 'story' | 'fragment'; linkId: string; relation: string; note: string | null; story?: { id: string; title: string }; fragment?: { id: string; excerpt: string } };
export type Evidence = { stories: Linked[]; fragments: Linked[]; files?: FileInfo[] };
type Hit = { kind: 'story' | 'fragment'; id: string; title: string; snippet: string };

function linkDialog(o: Outcome, refresh: () => void): void {
  const qid = newId('find');
  const results = h('div', { class: 'link-results' });
  const input = h('input', { id: qid, type: 'search', autocomplete: 'off' });
  let chosen: Hit | null = null;
  const find = async () => {
    const res = await api<{ items: Hit[] }>(`/api/search${qs({ q: input.value.trim(), kind: 'story,fragment', pageSize: 10 })}`).catch(() => ({ items: [] as Hit[] }));
    replace(results, res.items.length ? radios(newId('hit'), res.items.map((x) => ({ value: `${x.kind}:${x.id}`, label: `${t(`evidence.${x.kind}` as MessageKey)}: ${x.title}`, hint: x.snippet })), '')
      : h('p', { class: 'muted' }, t('evidence.noHits')));
  };
  const body = h('div', {},
    h('div', { class: 'field' }, h('label', { for: qid }, t('evidence.find')), h('div', { class: 'inline-search' }, input, h('button', { type: 'button', class: 'secondary', onclick: () => void find() }, t('search.submit')))),
    results,
    h('fieldset', { class: 'field inline-choices' }, h('legend', {}, t('evidence.relation')),
      radios(newId('rel'), ['supports', 'contradicts', 'context'].map((r) => ({ value: r, label: t(`relation.${r}` as MessageKey) })), 'supports')));
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); void find(); } });
  openDialog(t('evidence.linkTitle'), body, t('evidence.linkConfirm'), async (form) => {
    const hit = form.querySelector<HTMLInputElement>('.link-results input:checked')?.value;
    const relation = form.querySelector<HTMLInputElement>('fieldset input:checked')?.value ?? 'supports';
    if (!hit) return dialogError(form, t('evidence.chooseOne')), false;
    const [kind, id] = hit.split(':');
    chosen = { kind: kind as Hit['kind'], id, title: '', snippet: '' };
    try {
      await post(`/api/outcomes/${o.id}/evidence-links`, { [`${chosen.kind}Id`]: chosen.id, relation });
      refresh();
      return true;
    } catch (e) {
      return dialogError(form, errorMessage(e)), false;
    }
  });
}

/** The outcome's evidence: its linked records, files and informants (null when hidden). */
export const loadEvidence = (o: Pick<Outcome, 'id'>) => api<Evidence>(`/api/outcomes/${o.id}/evidence`);

/** Linked stories and fragments; `preloaded` is the page's one evidence request. */
export async function evidenceLinksSection(o: Outcome, preloaded?: Promise<Evidence | null>): Promise<HTMLElement | null> {
  const evidence = await (preloaded ?? loadEvidence(o));
  const holder = h('div', { class: 'linked-evidence' });
  const user = me();
  const mayLink = !!evidence && !!user && user.role !== 'donor' && (user.role !== 'partner' || user.organisation.id === o.organisation.id);
  const refresh = () => void evidenceLinksSection(o).then((next) => next && holder.replaceWith(next));
  const linked = [...(evidence?.stories ?? []), ...(evidence?.fragments ?? [])];
  if (linked.length) {
    holder.append(h('h3', {}, t('detail.linkedEvidence')), h('ul', {}, linked.map((e) => {
      const id = e.story?.id ?? e.fragment?.id ?? '';
      const title = e.story?.title ?? (e.fragment?.excerpt ?? '').slice(0, 120);
      return h('li', {}, h('span', { class: 'badge' }, t(`evidence.${e.kind}` as MessageKey)), ' ',
        h('span', { class: `relation relation-${e.relation}` }, `${t(`relation.${e.relation}` as MessageKey)}: `),
        h('a', { href: `/${e.kind === 'story' ? 'stories' : 'fragments'}/${id}`, dir: 'auto' }, title),
        mayLink ? h('button', { type: 'button', class: 'link-button', onclick: async () => { await del(`/api/outcomes/${o.id}/evidence-links/${e.linkId}`).catch(() => undefined); refresh(); } }, t('evidence.unlink')) : null);
    })));
  }
  if (mayLink) holder.append(h('p', {}, h('button', { type: 'button', class: 'secondary small', onclick: () => linkDialog(o, refresh) }, t('evidence.linkTitle'))));
  return holder.childNodes.length ? holder : null;
}
