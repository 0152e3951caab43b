// Evidence linked to an outcome beyond its own list: stories and research fragments that support,
// contradict or give context, and the outcomes it contributes to (chains). Each part shows only
// when the server offers it.
import { h } from '../core/dom';
import { optional } from '../core/api';
import { t } from '../core/i18n';
import type { Outcome } from '../core/outcome-model';
import type { MessageKey } from '../i18n/en';

type LinkedEvidence = { kind?: string; relation?: string; id?: string; title?: string; excerpt?: string; storyId?: string; fragmentId?: string; story?: { id: string; title: string }; fragment?: { id: string; excerpt: string } };
type Chain = { nodes: Array<{ id: string; title?: string; status?: string }>; links: Array<{ sourceId: string; targetId: string; relation: string }> };

export async function evidenceLinksSection(o: Outcome): Promise<HTMLElement | null> {
  const [evidence, chain] = await Promise.all([
    optional<{ items: LinkedEvidence[] }>(`/api/outcomes/${o.id}/evidence`),
    optional<Chain>(`/api/outcomes/${o.id}/chain`),
  ]);
  const linked = (evidence?.items ?? []).filter((e) => e.kind === 'story' || e.kind === 'fragment' || e.story || e.fragment);
  const parts: HTMLElement[] = [];
  if (linked.length) {
    parts.push(h('h3', {}, t('detail.linkedEvidence')), h('ul', {}, linked.map((e) => {
      const kind = e.kind ?? (e.story ? 'story' : 'fragment');
      const title = e.title ?? e.story?.title ?? e.fragment?.excerpt ?? e.excerpt ?? '';
      const id = e.id ?? e.storyId ?? e.fragmentId ?? e.story?.id ?? e.fragment?.id;
      return h('li', {}, h('span', { class: 'badge' }, t(`evidence.${kind}` as MessageKey)), ' ',
        e.relation ? h('span', { class: `relation relation-${e.relation}` }, `${t(`relation.${e.relation}` as MessageKey)}: `) : null,
        id ? h('a', { href: `/${kind === 'story' ? 'stories' : 'fragments'}/${id}`, dir: 'auto' }, title) : h('span', { dir: 'auto' }, title));
    })));
  }
  const others = (chain?.nodes ?? []).filter((n) => n.id !== o.id);
  if (others.length) {
    const title = (id: string) => chain!.nodes.find((n) => n.id === id)?.title ?? t('detail.hiddenOutcome');
    parts.push(h('h3', {}, t('detail.chain')), h('ul', {}, chain!.links.map((l) => h('li', {},
      l.sourceId === o.id ? t('detail.contributesTo') : t('detail.contributedBy'), ' ',
      h('a', { href: `/outcomes/${l.sourceId === o.id ? l.targetId : l.sourceId}`, dir: 'auto' }, title(l.sourceId === o.id ? l.targetId : l.sourceId))))));
  }
  return parts.length ? h('div', { class: 'linked-evidence' }, parts) : null;
}
