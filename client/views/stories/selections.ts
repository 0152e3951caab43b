// Selection rounds (Most Significant Change): which panel considered which stories of a domain,
// which one it selected and why — the reasons are data too. Evaluators record new rounds here.
import { h, newId, replace } from '../../core/dom';
import { api, ApiError, post, qs, type List } from '../../core/api';
import { formatDate, t } from '../../core/i18n';
import { me } from '../../core/session';
import { markdownBlock } from '../../core/markdown';
import { RECOMMENDED_DOMAINS, type Story } from '../../core/story-model';
import { field, fieldset, radios, showErrors, type FieldBox } from '../../components/field';
import { markdownEditor } from '../../components/markdown-field';
import { mdField } from '../../components/markdown-field';
import { domainLabel, loadDomainNames } from './form';
import { setTitle } from '../../core/page';
import { errorMessage } from '../../core/errors';
import type { MessageKey } from '../../i18n/en';

type Round = { id: string; level: string; domain: string; heldOn: string; panel: Array<{ role: string; count?: number }>; reasons: string | null; dissent: string | null;
  selectedStoryId: string | null; selectedWithdrawn?: boolean; stories: Array<{ id: string; title?: string; selected?: boolean }> };

function roundCard(r: Round): HTMLElement {
  const chosen = r.stories.find((s) => s.id === r.selectedStoryId);
  return h('li', { class: 'card' },
    h('h2', {}, `${t(`selection.level.${r.level}` as MessageKey)} · ${domainLabel(r.domain)}`),
    h('p', { class: 'meta' }, formatDate(r.heldOn), ' · ', t('selection.panel'), ': ', r.panel.map((m) => `${m.role}${m.count ? ` (${m.count})` : ''}`).join(', ')),
    h('p', {}, t('selection.selected'), ': ', chosen ? h('a', { href: `/stories/${chosen.id}`, dir: 'auto' }, chosen.title ?? chosen.id) : t('selection.withdrawn')),
    h('p', { class: 'meta' }, t('selection.considered'), ': ', r.stories.length),
    r.reasons ? markdownBlock(r.reasons) : null, r.dissent ? h('div', {}, h('p', { class: 'meta' }, t('selection.dissent')), markdownBlock(r.dissent)) : null);
}

async function roundForm(done: () => void): Promise<HTMLElement> {
  const harvests = await api<{ items: Array<{ id: string; title: string }> }>('/api/harvests?pageSize=200');
  const level = fieldset('/level', t('selection.levelLabel'), radios('level', ['partner', 'country', 'programme', 'donor'].map((l) => ({ value: l, label: t(`selection.level.${l}` as MessageKey) })), 'partner'), { className: 'inline-choices', required: true });
  const harvestSel = h('select', {}, h('option', { value: '' }, t('form.choose')), (harvests?.items ?? []).map((x) => h('option', { value: x.id }, x.title)));
  const harvest = field('/harvestId', t('form.harvest'), harvestSel);
  const domainSel = h('select', {});
  const domain = field('/domain', t('story.domain'), domainSel, { required: true });
  const storiesBox = h('div', { class: 'choices' });
  const stories = fieldset('/storyIds', t('selection.stories'), storiesBox, { required: true, hint: t('selection.storiesHint') });
  const fill = async () => {
    const extra = harvestSel.value ? (await api<{ items: Array<{ code: string; name: string }> }>(`/api/harvests/${harvestSel.value}/domains`))?.items ?? [] : [];
    const keep = domainSel.value;
    domainSel.replaceChildren(...[...new Map([...RECOMMENDED_DOMAINS.map((c) => ({ code: c, name: c })), ...extra].map((d) => [d.code, d])).values()]
      .map((d) => h('option', { value: d.code, selected: d.code === keep }, domainLabel(d))));
    const list = await api<List<Story>>(`/api/stories${qs({ domain: domainSel.value, harvest: harvestSel.value, status: 'submitted,published', pageSize: 200 })}`).catch(() => ({ items: [] as Story[] }));
    replace(storiesBox, list.items.length ? list.items.map((s) => {
      const id = newId('st');
      const rid = newId('sel');
      return h('div', { class: 'choice story-choice' }, h('input', { type: 'checkbox', id, value: s.id, checked: true }), h('label', { for: id, dir: 'auto' }, s.title),
        h('span', { class: 'select-one' }, h('input', { type: 'radio', name: 'selected-story', id: rid, value: s.id }), h('label', { for: rid }, t('selection.selectThis'))));
    }) : h('p', { class: 'muted' }, t('selection.noStories')));
  };
  harvestSel.addEventListener('change', () => void fill());
  domainSel.addEventListener('change', () => void fill());
  await fill();
  const panel = field('/panel', t('selection.panelLabel'), h('input', { type: 'text', dir: 'auto' }), { required: true, hint: t('selection.panelHint') });
  const rEd = markdownEditor('reasons', '', { rows: 5 });
  const reasons = mdField('/reasons', t('selection.reasons'), rEd);
  const dEd = markdownEditor('dissent', '', { rows: 3 });
  const dissent = mdField('/dissent', t('selection.dissent'), dEd, false);
  const heldOn = field('/heldOn', t('selection.heldOn'), h('input', { type: 'date', value: new Date().toISOString().slice(0, 10) }));
  const all: FieldBox[] = [level, harvest, domain, stories, panel, reasons, dissent, heldOn];
  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: -1, hidden: true });
  const form = h('form', { class: 'form-section', novalidate: true }, summary, all.map((f) => f.box), h('button', { type: 'submit', class: 'primary' }, t('selection.record')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const storyIds = [...storiesBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map((b) => b.value);
    const selected = storiesBox.querySelector<HTMLInputElement>('input[type=radio]:checked')?.value;
    const roles = (panel.control as HTMLInputElement).value.split(',').map((r) => r.trim()).filter(Boolean);
    const missing = [!storyIds.length && '/storyIds', !selected && '/storyIds', !roles.length && '/panel', !rEd.control.value.trim() && '/reasons']
      .filter(Boolean).map((path) => ({ path: path as string, message: path === '/storyIds' && storyIds.length ? t('selection.chooseSelected') : 'is required' }));
    if (missing.length) return showErrors(summary, all, missing);
    try {
      await post('/api/selection-rounds', {
        level: level.box.querySelector<HTMLInputElement>('input:checked')?.value, domain: domainSel.value, harvestId: harvestSel.value || null,
        panel: roles.map((role) => ({ role })), storyIds: storyIds.includes(selected!) ? storyIds : [...storyIds, selected], selectedStoryId: selected,
        reasons: rEd.control.value, ...(dEd.control.value.trim() && { dissent: dEd.control.value }), heldOn: (heldOn.control as HTMLInputElement).value || undefined,
      });
      done();
    } catch (err) {
      showErrors(summary, all, err instanceof ApiError && err.errors.length ? err.errors : [{ path: '/', message: errorMessage(err) }]);
    }
  });
  return form;
}

export async function selectionsView(): Promise<HTMLElement> {
  setTitle(t('selection.title'));
  const page = h('div', { class: 'page' });
  const draw = async () => {
    const [rounds] = await Promise.all([api<List<Round>>('/api/selection-rounds?pageSize=100'), loadDomainNames()]);
    const user = me();
    const reviewer = user?.role === 'evaluator' || user?.role === 'admin';
    replace(page, h('h1', {}, t('selection.title')), h('p', { class: 'lead' }, t('selection.intro')),
      reviewer ? h('details', { class: 'add-round' }, h('summary', {}, t('selection.new')), await roundForm(() => void draw())) : null,
      rounds.items.length ? h('ul', { class: 'cards' }, rounds.items.map(roundCard)) : h('p', { class: 'empty-state' }, t('selection.noneYet')));
  };
  await draw();
  return page;
}
