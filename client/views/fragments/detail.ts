// One research fragment: the excerpt in its language, the cited source and where in it, the
// speaker (pseudonymous, with consent), its themes and goals, and its lifecycle.
import { h, replace } from '../../core/dom';
import { api } from '../../core/api';
import { countryName, formatDate, languageName, localName, t } from '../../core/i18n';
import { markdownBlock } from '../../core/markdown';
import { goalLabel, loadAllGoals } from '../../core/reference';
import type { Fragment } from '../../core/story-model';
import { sensitivityBadge, statusBadge } from '../../components/badges';
import { recordActions } from '../../components/record-actions';
import { ageBandLabel } from '../../components/consent';
import { setTitle } from '../../core/page';
import { filesSection, type FileInfo } from '../../components/files';
import type { MessageKey } from '../../i18n/en';

export function citation(f: Fragment): string {
  const s = f.source;
  return [s.author, s.title, String(s.year), t(`source.type.${s.type}` as MessageKey), f.locator].filter(Boolean).join(' · ');
}

type Theme = { code: string; name: string; names?: Record<string, string> };

export async function fragmentDetailView(id: string): Promise<HTMLElement> {
  // themes by name in the reader's language (a theme the list does not offer shows its code)
  const [themes] = await Promise.all([api<{ items: Theme[] }>('/api/themes?pageSize=200'), loadAllGoals()]);
  const themeName = (code: string) => { const x = themes?.items.find((y) => y.code === code); return x ? localName(x) : code; };
  const page = h('article', { class: 'page' });
  const draw = async () => {
    const f = await api<Fragment>(`/api/fragments/${encodeURIComponent(id)}`);
    const title = f.excerpt.replace(/\s+/g, ' ').slice(0, 80) + (f.excerpt.length > 80 ? '…' : '');
    setTitle(title);
    const files = await filesSection({ type: 'fragment', id: f.id, redacted: f.redacted, files: (f as { files?: FileInfo[] }).files ?? [] });
    const row = (k: string, ...v: Array<Node | string>) => [h('dt', {}, k), h('dd', {}, ...v)];
    const sp = f.speaker;
    replace(page,
      h('header', { class: 'record-head' }, h('p', { class: 'meta' }, h('a', { href: '/fragments' }, t('detail.back'))),
        h('h1', { lang: f.language, dir: 'auto' }, title), h('p', { class: 'meta' }, statusBadge(f.status), ' ', sensitivityBadge(f.sensitivity))),
      recordActions('/api/fragments', f, f.can?.edit ? `/fragments/${f.id}/edit` : null, () => void draw()),
      h('section', { 'aria-labelledby': 'fr-ex' }, h('h2', { id: 'fr-ex' }, t('fragment.excerpt')), h('blockquote', { class: 'excerpt' }, markdownBlock(f.excerpt, f.language))),
      h('section', { class: 'detail-section', 'aria-labelledby': 'fr-facts' }, h('h2', { id: 'fr-facts' }, t('fragment.about')),
        h('dl', { class: 'facts' },
          row(t('fragment.source'), f.source.url && /^https?:/.test(f.source.url) ? h('a', { href: f.source.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, citation(f)) : citation(f)),
          row(t('fragment.section.speaker'), sp ? [sp.role, sp.ageBand && ageBandLabel(sp.ageBand), sp.gender, sp.place].filter(Boolean).join(' · ') : t('detail.redacted')),
          sp?.consent ? row(t('story.section.consent'), `${t(`consent.level.${sp.consent.level}` as MessageKey)} · ${formatDate(sp.consent.givenOn)}`) : [],
          f.location ? row(t('detail.where'), countryName(f.location.country)) : [],
          row(t('fragment.themes'), f.themes.map(themeName).join(', ') || '—'),
          row(t('detail.goals'), f.goals.map((g) => goalLabel(g.code)).join('; ') || '—'),
          row(t('detail.organisation'), f.organisation.name), row(t('form.language'), languageName(f.language)))),
      files);
  };
  await draw();
  return page;
}
