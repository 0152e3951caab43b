// One story of change: the story in its own language (translations on offer), why it matters to
// the storyteller, who told it (pseudonymously) and with what consent, and its path up the
// selection rounds with the panels' reasons.
import { h, replace } from '../../core/dom';
import { api, post } from '../../core/api';
import { countryName, formatDate, lang as uiLang, languageName, t } from '../../core/i18n';
import { stillMissing } from '../../components/still-missing';
import { markdownBlock } from '../../core/markdown';
import { goalLabel, loadAllGoals } from '../../core/reference';
import type { Story } from '../../core/story-model';
import { sensitivityBadge, statusBadge } from '../../components/badges';
import { recordActions } from '../../components/record-actions';
import { ageBandLabel } from '../../components/consent';
import { translationFormFor } from './translation';
import { domainLabel, loadDomainNames } from './form';
import { setTitle } from '../../core/page';
import { filesSection, type FileInfo } from '../../components/files';
import type { MessageKey } from '../../i18n/en';

type PathItem = { roundId: string; level: string; domain: string; heldOn: string; selected: boolean; reasons: string | null; selectedWithdrawn?: boolean; dissent: string | null; panel: Array<{ role: string; count?: number }> };

function facts(s: Story): HTMLElement {
  const row = (k: string, ...v: Array<Node | string>) => [h('dt', {}, k), h('dd', {}, ...v)];
  const p = s.storyteller;
  return h('dl', { class: 'facts' },
    // what a draft lacks yet is null
    row(t('story.domain'), s.domain ? domainLabel(s.domain) : t('draft.notYet')),
    row(t('story.collectedOn'), s.collectedOn ? formatDate(s.collectedOn) : t('draft.noDate')),
    row(t('detail.where'), [s.location.adminArea, countryName(s.location.country)].filter(Boolean).join(', ') || t('draft.notYet')),
    s.collectedBy ? row(t('story.collectedBy'), s.collectedBy) : [],
    row(t('story.section.teller'), p ? [p.name, p.role, p.ageBand && ageBandLabel(p.ageBand), p.gender, p.place].filter(Boolean).join(' · ') : t('detail.redacted')),
    row(t('story.section.consent'), s.consent ? `${t(`consent.level.${s.consent.level}` as MessageKey)} · ${t(`consent.method.${s.consent.method}` as MessageKey)} · ${formatDate(s.consent.givenOn)}` : t('consent.missing')),
    row(t('detail.goals'), h('ul', { class: 'goal-list' }, s.goals.map((g) => h('li', {}, goalLabel(g.code))))),
    row(t('detail.organisation'), s.organisation.name), row(t('form.language'), s.language ? languageName(s.language) : t('draft.notYet')));
}

export async function storyDetailView(id: string): Promise<HTMLElement> {
  await Promise.all([loadAllGoals(), loadDomainNames()]);
  const page = h('article', { class: 'page' });
  const draw = async (language?: string) => {
    const [found, path] = await Promise.all([api<Story>(`/api/stories/${encodeURIComponent(id)}`), api<{ items: PathItem[] }>(`/api/stories/${encodeURIComponent(id)}/selections`)]);
    // a draft without its language yet is read as written in the interface's
    const s = { ...found, language: found.language ?? uiLang() } as Story & { language: string };
    setTitle(s.title);
    const lang = language ?? s.language;
    const tr = lang === s.language ? null : s.translations?.find((x) => x.language === lang);
    const files = await filesSection({ type: 'story', id: s.id, redacted: s.redacted, files: (s as { files?: FileInfo[] }).files ?? [] });
    const chooser = s.translations?.length ? h('div', { class: 'language-chooser', role: 'group', 'aria-label': t('translation.readIn') },
      [s.language, ...s.translations.map((x) => x.language)].map((l) => h('button', { type: 'button', class: 'chip', lang: l, 'aria-pressed': String(l === lang), onclick: () => void draw(l) },
        `${languageName(l)} (${l === s.language ? t('translation.original') : t('translation.translation')})`))) : null;
    replace(page,
      h('header', { class: 'record-head' }, h('p', { class: 'meta' }, h('a', { href: '/stories' }, t('detail.back'))),
        h('h1', { lang: tr?.language ?? s.language, dir: 'auto' }, tr?.title ?? s.title), h('p', { class: 'meta' }, statusBadge(s.status), ' ', s.sensitivity ? sensitivityBadge(s.sensitivity) : null)),
      stillMissing(s.missing, s.can?.edit ? `/stories/${s.id}/edit` : null),
      recordActions('/api/stories', s, s.can?.edit ? `/stories/${s.id}/edit` : null, () => void draw(lang)),
      chooser, tr ? h('p', { class: 'notice' }, t('translation.showing', { language: languageName(tr.language) })) : null,
      h('section', { 'aria-labelledby': 'st-story' }, h('h2', { id: 'st-story' }, t('story.story')), markdownBlock(tr?.story ?? s.story ?? '', tr?.language ?? s.language)),
      h('section', { 'aria-labelledby': 'st-why' }, h('h2', { id: 'st-why' }, t('story.why')), markdownBlock(tr?.whySignificant ?? s.whySignificant ?? '', tr?.whySignificant ? tr.language : s.language)),
      h('section', { class: 'detail-section', 'aria-labelledby': 'st-facts' }, h('h2', { id: 'st-facts' }, t('story.about')), facts(s)),
      files,
      path ? h('section', { class: 'detail-section', 'aria-labelledby': 'st-path' }, h('h2', { id: 'st-path' }, t('selection.path')),
        path.items.length ? h('ol', { class: 'history' }, path.items.map((p) => h('li', {},
          h('p', { class: 'meta' }, h('strong', {}, t(`selection.level.${p.level}` as MessageKey)), ' · ', formatDate(p.heldOn), ' · ', p.selected ? t('selection.selected') : t('selection.considered')),
          h('p', { class: 'meta' }, t('selection.panel'), ': ', p.panel.map((m) => `${m.role}${m.count ? ` (${m.count})` : ''}`).join(', ')),
          p.reasons ? markdownBlock(p.reasons) : h('p', { class: 'muted' }, t('selection.withdrawn')), p.dissent ? h('div', {}, h('p', { class: 'meta' }, t('selection.dissent')), markdownBlock(p.dissent)) : null)))
          : h('p', { class: 'muted' }, t('selection.none'))) : null,
      h('section', { class: 'detail-section', 'aria-labelledby': 'st-tr' }, h('h2', { id: 'st-tr' }, t('translation.title')),
        translationFormFor(s, ['story', 'whySignificant'], (body) => post(`/api/stories/${s.id}/translations`, body), (l) => void draw(l))));
  };
  await draw();
  return page;
}
