// The lists of stories of change and of research fragments.
import { h } from '../../core/dom';
import { countryName, formatDate, t } from '../../core/i18n';
import { me } from '../../core/session';
import type { RouteContext } from '../../core/router';
import type { Fragment, Story } from '../../core/story-model';
import { statusBadge } from '../../components/badges';
import { recordListView } from '../../components/record-list';
import { domainLabel, loadDomainNames } from './form';
import { citation } from '../fragments/detail';

const mayRecord = () => me()?.role !== 'donor';

export const storyListView = async (ctx: RouteContext) => (await loadDomainNames(), recordListView<Story>(ctx, {
  endpoint: '/api/stories', title: t('story.listTitle'), intro: t('story.listIntro'), count: 'story.count', sort: '-collectedOn',
  newHref: mayRecord() ? '/stories/new' : undefined, newLabel: t('story.newTitle'),
  card: (s) => h('li', { class: 'card' }, h('h2', {}, h('a', { href: `/stories/${s.id}`, lang: s.language, dir: 'auto' }, s.title)),
    h('p', { class: 'meta' }, statusBadge(s.status), ' ', s.collectedOn ? formatDate(s.collectedOn) : t('draft.noDate'), ' · ', countryName(s.location.country) || t('draft.notYet'), ' · ', s.domain ? domainLabel(s.domain) : t('draft.notYet'), ' · ', s.organisation.name)),
}));

export const fragmentListView = (ctx: RouteContext) => recordListView<Fragment>(ctx, {
  endpoint: '/api/fragments', title: t('fragment.listTitle'), intro: t('fragment.listIntro'), count: 'fragment.count', sort: '-createdAt',
  newHref: mayRecord() ? '/fragments/new' : undefined, newLabel: t('fragment.newTitle'),
  card: (f) => h('li', { class: 'card' }, h('h2', {}, h('a', { href: `/fragments/${f.id}`, lang: f.language, dir: 'auto' }, f.excerpt.replace(/\s+/g, ' ').slice(0, 140) + (f.excerpt.length > 140 ? '…' : ''))),
    h('p', { class: 'meta' }, statusBadge(f.status), ' ', citation(f), f.themes.length ? ` · ${f.themes.join(', ')}` : '')),
});
