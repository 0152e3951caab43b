// One outcome: its statement in its own language (translations on offer), the facts, the
// evidence, its pathway among other outcomes, the lifecycle actions for the current user, and the
// review around it.
import { h, replace } from '../../core/dom';
import { api } from '../../core/api';
import { countryName, formatDate, languageName, t } from '../../core/i18n';
import { markdownBlock } from '../../core/markdown';
import { categoryLabel, goalLabel, loadAllGoals } from '../../core/reference';
import { whenOf, type EvidenceItem, type Outcome } from '../../core/outcome-model';
import { stillMissing } from '../../components/still-missing';
import { sensitivityBadge, statusBadge } from '../../components/badges';
import { outcomeActions } from './actions';
import { revisionsSection } from './revisions';
import { languageChooser, translationForm } from './translations';
import { discussionSection } from './discussion';
import { substantiationSection } from './substantiations';
import { evidenceLinksSection, loadEvidence } from './evidence';
import { pathwaySection } from './pathway';
import { filesSection } from '../../components/files';
import { setTitle } from '../../core/page';
import type { MessageKey } from '../../i18n/en';

function evidenceList(items: EvidenceItem[]): HTMLElement {
  if (!items.length) return h('p', { class: 'muted' }, t('detail.noEvidence'));
  return h('ul', { class: 'evidence' }, items.map((e) => h('li', {},
    h('span', { class: 'badge' }, t(`evidence.${e.kind}` as MessageKey)), ' ',
    e.kind === 'informant' ? [e.role ?? '', e.name ? ` — ${e.name}` : '', e.contact ? ` (${e.contact})` : '']
      : e.url && /^https?:/i.test(e.url) ? h('a', { href: e.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, e.title ?? e.url) : e.title ?? '',
    e.date ? ` · ${formatDate(e.date)}` : '')));
}

function facts(o: Outcome): HTMLElement {
  const row = (label: string, ...value: Array<Node | string>) => [h('dt', {}, label), h('dd', {}, ...value)];
  return h('dl', { class: 'facts' },
    row(t('detail.who'), o.socialActor.name ? h('span', { dir: 'auto' }, o.socialActor.name) : h('span', { class: 'muted' }, o.redacted ? t('detail.redacted') : t('draft.notYet')),
      ` · ${o.socialActor.type ? t(`actor.${o.socialActor.type}` as MessageKey) : t('draft.notYet')}`),
    row(t('detail.when'), whenOf(o)),
    row(t('detail.where'), [o.location.adminArea, countryName(o.location.country)].filter(Boolean).join(', ') || t('draft.notYet')),
    row(t('form.changeType'), categoryLabel(o.changeType)),
    row(t('form.quadrant'), categoryLabel(o.quadrant)),
    // a draft may not say yet (null)
    row(t('detail.nature'), `${o.positive === null ? t('draft.notYet') : o.positive ? t('form.positiveYes') : t('form.positiveNo')} · ${o.intended === null ? t('draft.notYet') : o.intended ? t('form.intendedYes') : t('form.intendedNo')}`),
    row(t('detail.goals'), h('ul', { class: 'goal-list' }, o.goals.map((g) => h('li', {}, h('a', { href: `/goals/${encodeURIComponent(g.code)}` }, goalLabel(g.code)), g.primary ? h('span', { class: 'badge' }, t('detail.primary')) : '')))),
    row(t('detail.organisation'), o.organisation.name),
    row(t('form.language'), o.language ? languageName(o.language) : t('draft.notYet')));
}

function statement(o: Outcome, language: string): HTMLElement {
  const tr = language === o.language ? null : o.translations?.find((x) => x.language === language) ?? null;
  const text = (k: 'description' | 'significance' | 'contribution') => (tr?.[k] ?? o[k]) || '';
  const lang = (k: 'description' | 'significance' | 'contribution') => (tr?.[k] ? tr.language : o.language);
  return h('div', { class: 'statement' },
    tr ? h('p', { class: 'notice' }, t('translation.showing', { language: languageName(tr.language) })) : null,
    h('section', { 'aria-labelledby': 'what-title' }, h('h2', { id: 'what-title' }, t('detail.what')), markdownBlock(text('description'), lang('description'))),
    h('section', { 'aria-labelledby': 'sig-title' }, h('h2', { id: 'sig-title' }, t('form.significance')), markdownBlock(text('significance'), lang('significance'))),
    h('section', { 'aria-labelledby': 'con-title' }, h('h2', { id: 'con-title' }, t('form.contribution')), markdownBlock(text('contribution'), lang('contribution'))));
}

export async function outcomeDetailView(id: string, query: URLSearchParams): Promise<HTMLElement> {
  const [o] = await Promise.all([api<Outcome>(`/api/outcomes/${encodeURIComponent(id)}`), loadAllGoals()]);
  const page = h('article', { class: 'page outcome-detail' });
  const draw = async (rec: Outcome, language: string) => {
    setTitle(rec.title);
    const titleTr = language === rec.language ? null : rec.translations?.find((x) => x.language === language);
    const content = h('div', { class: 'statement-slot' }, statement(rec, language));
    const chooser = languageChooser(rec, language, (next) => void draw(rec, next));
    const notice = query.get('submitted') ? t('detail.submittedNotice') : query.get('saved') ? t('detail.savedNotice') : null;
    // one evidence request serves the linked records and the files (and makes one personal.view entry)
    const evidence = loadEvidence(rec);
    const [review, subst, links, revisions, files, pathway] = await Promise.all([
      discussionSection(rec.id, rec.organisation.id, !rec.redacted), substantiationSection(rec), evidenceLinksSection(rec, evidence), revisionsSection(rec.id, !!rec.redacted).catch(() => null),
      evidence.then((ev) => filesSection({ type: 'outcome', id: rec.id, redacted: rec.redacted, files: ev?.files }, 3)), pathwaySection(rec),
    ]);
    replace(page,
      h('header', { class: 'record-head' },
        h('p', { class: 'meta' }, h('a', { href: '/outcomes' }, t('detail.back'))),
        h('h1', { lang: titleTr ? titleTr.language : rec.language, dir: 'auto' }, titleTr?.title ?? rec.title),
        h('p', { class: 'meta' }, statusBadge(rec.status), ' ', rec.sensitivity ? sensitivityBadge(rec.sensitivity) : null, rec.redacted ? h('span', { class: 'badge' }, t('detail.redactedView')) : null)),
      stillMissing(rec.missing, rec.can?.edit ? `/outcomes/${rec.id}/edit` : null),
      notice ? h('p', { class: 'notice', role: 'status' }, notice) : null,
      outcomeActions(rec, (next) => void draw({ ...rec, ...next }, language)),
      chooser, content,
      h('section', { class: 'detail-section', 'aria-labelledby': 'facts-title' }, h('h2', { id: 'facts-title' }, t('detail.facts')), facts(rec)),
      h('section', { class: 'detail-section', 'aria-labelledby': 'evidence-title' }, h('h2', { id: 'evidence-title' }, t('form.section.evidence')), evidenceList(rec.evidence ?? []), files, links),
      pathway, subst, review,
      h('section', { class: 'detail-section', 'aria-labelledby': 'tr-title' }, h('h2', { id: 'tr-title' }, t('translation.title')),
        rec.translations?.length ? h('ul', {}, rec.translations.map((x) => h('li', {}, languageName(x.language), x.translatedBy ? ` — ${x.translatedBy}` : ''))) : h('p', { class: 'muted' }, t('translation.none')),
        translationForm(rec, (next) => void draw(next, next.translations?.at(-1)?.language ?? language))),
      revisions);
  };
  await draw(o, o.language);
  return page;
}
