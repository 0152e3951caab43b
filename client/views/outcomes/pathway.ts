// An outcome's pathway: what it built on, what it contributed to, what worked against it and what
// it worked against — each a link to that outcome — and, once the chain reaches beyond its
// neighbours, the whole chain drawn by organisation over time (client/charts/pathways.ts) with a
// table beside it. Who may link the outcome (the server says, `canLink`) finds another outcome
// and links it, or removes a link; a removed link stays in the history.
import { drawForWidth, h, newId, replace } from '../../core/dom';
import { api, del, post, qs } from '../../core/api';
import { formatDate, isRtl, lang, t } from '../../core/i18n';
import { navigate } from '../../core/router';
import { categoryLabel } from '../../core/reference';
import { isDated, periodOf, whenOf, type Outcome } from '../../core/outcome-model';
import { statusLabel, toneLabel } from '../../components/badges';
import { toneOf } from '../../charts/common';
import { pathwaysChart, type PathwayLink } from '../../charts/pathways';
import { dialogError, openDialog } from '../../components/dialog';
import { radios } from '../../components/field';
import { errorMessage } from '../../core/errors';
import type { MessageKey } from '../../i18n/en';

type Relation = 'contributes_to' | 'counteracts';
type ChainNode = Pick<Outcome, 'id' | 'title' | 'status' | 'changeType' | 'occurredOn' | 'organisation'> & { conclusion: string | null };
type ChainLink = { id: string; sourceId: string; targetId: string; relation: Relation };
export type Chain = { nodes: ChainNode[]; links: ChainLink[]; canLink?: boolean; truncated?: boolean };

/** How a link reads from this outcome's side; `out` when this outcome is its source. */
const SIDES: Array<{ key: MessageKey; relation: Relation; out: boolean }> = [
  { key: 'pathway.builtOn', relation: 'contributes_to', out: false },
  { key: 'pathway.contributesTo', relation: 'contributes_to', out: true },
  { key: 'pathway.counteractedBy', relation: 'counteracts', out: false },
  { key: 'pathway.counteracts', relation: 'counteracts', out: true },
];

function linkDialog(o: Outcome, refresh: () => void): void {
  const qid = newId('find');
  const results = h('div', { class: 'link-results' });
  const input = h('input', { id: qid, type: 'search', autocomplete: 'off' });
  const find = async () => {
    const res = await api<{ items: Outcome[] }>(`/api/outcomes${qs({ q: input.value.trim(), pageSize: 10, sort: 'occurredOn' })}`).catch(() => ({ items: [] as Outcome[] }));
    const hits = res.items.filter((x) => x.id !== o.id);
    replace(results, hits.length ? radios(newId('hit'), hits.map((x) => ({ value: x.id, label: x.title, hint: `${whenOf(x)} · ${x.organisation.name} · ${statusLabel(x.status)}` })), '')
      : h('p', { class: 'muted' }, t('evidence.noHits')));
  };
  const body = h('div', {},
    h('div', { class: 'field' }, h('label', { for: qid }, t('pathway.find')), h('div', { class: 'inline-search' }, input, h('button', { type: 'button', class: 'secondary', onclick: () => void find() }, t('search.submit')))),
    results,
    h('fieldset', { class: 'field' }, h('legend', {}, t('pathway.relation')),
      radios(newId('rel'), SIDES.map((s) => ({ value: `${s.relation}:${s.out ? 'out' : 'in'}`, label: t(`${s.key}.choice` as MessageKey) })), 'contributes_to:out')));
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); void find(); } });
  openDialog(t('pathway.link'), body, t('pathway.linkConfirm'), async (form) => {
    const other = form.querySelector<HTMLInputElement>('.link-results input:checked')?.value;
    const [relation, side] = (form.querySelector<HTMLInputElement>('fieldset input:checked')?.value ?? 'contributes_to:out').split(':');
    if (!other) return dialogError(form, t('pathway.chooseOne')), false;
    const [source, target] = side === 'out' ? [o.id, other] : [other, o.id];
    try {
      await post(`/api/outcomes/${source}/links`, { targetId: target, relation });
      refresh();
      return true;
    } catch (e) {
      return dialogError(form, errorMessage(e)), false;
    }
  });
}

/** The whole chain drawn by organisation over time, redrawn for the width it has, and as a table. */
function chainFigure(chain: Chain): HTMLElement {
  const lanes = [...new Map(chain.nodes.map((n) => [n.organisation.id, { key: n.organisation.id, label: n.organisation.name }])).values()];
  // a draft without its date yet has no place on the time axis: it is listed, not drawn
  const nodes = chain.nodes.filter(isDated).map((n) => ({ id: n.id, title: n.title, status: n.status, conclusion: n.conclusion, changeType: n.changeType ?? '', date: periodOf(n.occurredOn)[0], lane: n.organisation.id }));
  const drawn = new Set(nodes.map((n) => n.id));
  const links: PathwayLink[] = chain.links.filter((l) => drawn.has(l.sourceId) && drawn.has(l.targetId)).map((l) => ({ source: l.sourceId, target: l.targetId, relation: l.relation }));
  const holder = h('div', { class: 'chart-scroll' });
  const status = h('div', { class: 'visually-hidden', role: 'status' });
  const draw = () => {
    const svg = pathwaysChart({ lanes, nodes, links }, {
      width: Math.max(300, Math.min(960, holder.clientWidth || 720)), laneHeight: 56, rtl: isRtl(), locale: lang(), announce: (text) => { status.textContent = text; },
      labels: { title: t('pathway.chain', { n: nodes.length }), description: t('pathway.chainDesc'), conclusion: t('dash.legendConclusion'), link: t('dash.contributesTo'), counteracts: t('dash.counteracts') },
      statusLabel, toneLabel, changeTypeLabel: categoryLabel, formatDate: (d) => formatDate(d, 'year'),
    });
    svg.addEventListener('markselect', (e) => navigate(`/outcomes/${(e as CustomEvent<{ id: string }>).detail.id}`));
    replace(holder, svg);
  };
  drawForWidth(holder, draw);
  const node = (id: string) => chain.nodes.find((n) => n.id === id);
  const cell = (id: string) => { const n = node(id); return h('td', {}, n ? h('a', { href: `/outcomes/${id}`, dir: 'auto' }, n.title) : t('detail.hiddenOutcome'), n ? ` (${toneLabel(toneOf(n))})` : ''); };
  const table = h('div', { class: 'table-scroll', role: 'region', 'aria-label': t('pathway.chainTable'), tabindex: '0' }, h('table', {},
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('dash.col.from')), h('th', { scope: 'col' }, t('dash.col.relation')), h('th', { scope: 'col' }, t('dash.col.to')))),
    h('tbody', {}, chain.links.map((l) => h('tr', {}, cell(l.sourceId), h('td', {}, l.relation === 'counteracts' ? t('dash.counteracts') : t('dash.contributesTo')), cell(l.targetId))))));
  return h('div', { class: 'pathway-chain' },
    h('h3', {}, t('pathway.chain', { n: nodes.length })), holder, status,
    h('details', {}, h('summary', {}, t('pathway.chainTable')), table),
    chain.truncated ? h('p', { class: 'notice' }, t('pathway.truncated')) : null);
}

/** The pathway section of an outcome page (null when the chain is not offered to this reader). */
export async function pathwaySection(o: Outcome): Promise<HTMLElement | null> {
  const chain = await api<Chain>(`/api/outcomes/${o.id}/chain`);
  if (!chain) return null;
  const section = h('section', { class: 'detail-section pathway', 'aria-labelledby': 'pathway-title' });
  const live = h('p', { class: 'visually-hidden pathway-status', role: 'status' });
  const refresh = (said?: string) => void pathwaySection(o).then((next) => {
    if (!next) return;
    section.replaceWith(next);
    // said once the new region is in the page, so that it is read out
    if (said) requestAnimationFrame(() => { next.querySelector('.pathway-status')!.textContent = said; });
  });
  const node = (id: string) => chain.nodes.find((n) => n.id === id);
  const groups = SIDES.map((s) => ({ ...s, links: chain.links.filter((l) => l.relation === s.relation && (s.out ? l.sourceId === o.id : l.targetId === o.id)) }))
    .filter((g) => g.links.length);
  const item = (l: ChainLink, out: boolean) => {
    const other = node(out ? l.targetId : l.sourceId);
    return h('li', {},
      other ? h('a', { href: `/outcomes/${other.id}`, dir: 'auto' }, other.title) : h('span', { class: 'muted' }, t('detail.hiddenOutcome')),
      other ? h('span', { class: 'meta' }, ` · ${whenOf(other)} · ${other.organisation.name} · ${toneLabel(toneOf(other))}`) : null,
      chain.canLink ? h('button', { type: 'button', class: 'link-button', 'aria-label': `${t('evidence.unlink')}: ${other?.title ?? ''}`, onclick: async (e: Event) => {
        (e.currentTarget as HTMLButtonElement).disabled = true;
        await del(`/api/outcomes/${o.id}/links/${l.id}`).then(() => refresh(t('pathway.removed')), (err) => { live.textContent = errorMessage(err); (e.currentTarget as HTMLButtonElement).disabled = false; });
      } }, t('evidence.unlink')) : null);
  };
  replace(section,
    h('h2', { id: 'pathway-title' }, t('pathway.title')),
    groups.length ? h('p', { class: 'hint' }, t('pathway.intro')) : h('p', { class: 'muted' }, chain.canLink ? t('pathway.noneCanLink') : t('pathway.none')),
    ...groups.map((g) => h('div', { class: 'pathway-group' }, h('h3', {}, t(g.key)), h('ul', {}, g.links.map((l) => item(l, g.out))))),
    chain.canLink ? h('p', {}, h('button', { type: 'button', class: 'secondary small', onclick: () => linkDialog(o, () => refresh(t('pathway.linked'))) }, t('pathway.link'))) : null,
    // the neighbours are listed above; the drawing adds what lies beyond them
    chain.links.length > groups.reduce((n, g) => n + g.links.length, 0) ? chainFigure(chain) : null,
    live);
  return section;
}
