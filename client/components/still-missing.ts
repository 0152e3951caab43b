// A draft says, kindly, what it still needs before it can be submitted: the server lists it
// (`missing`, JSON pointers of the completeness rule, GET /api/rules) and this names each element
// as the form labels it, with the way back to the form.
import { h } from '../core/dom';
import { t } from '../core/i18n';
import type { MessageKey } from '../i18n/en';

const LABELS: Record<string, MessageKey> = {
  '/title': 'form.title', '/description': 'form.description', '/socialActor/name': 'form.actorName', '/socialActor/type': 'form.actorType',
  '/changeType': 'form.changeType', '/quadrant': 'form.quadrant', '/occurredOn': 'form.date', '/location/country': 'form.country',
  '/significance': 'form.significance', '/contribution': 'form.contribution', '/positive': 'form.positive', '/intended': 'form.intended',
  '/sensitivity': 'form.sensitivity', '/language': 'form.language', '/goals': 'detail.goals',
  '/story': 'story.story', '/whySignificant': 'story.why', '/domain': 'story.domain', '/collectedBy': 'story.collectedBy',
  '/collectedOn': 'story.collectedOn', '/storyteller': 'story.section.teller',
};

/** The element a pointer names, in the reader's words ("/socialActor/type" → "Type of actor"). */
export const missingLabel = (path: string) => (LABELS[path] ? t(LABELS[path]) : path);

/** Nothing for a complete record; else a notice listing what is missing, with a link to the form. */
export function stillMissing(missing: string[] | undefined, editHref: string | null): HTMLElement | null {
  if (!missing?.length) return null;
  return h('div', { class: 'notice still-missing', role: 'note' },
    h('p', {}, h('strong', {}, t('draft.missingTitle', { count: missing.length }))),
    h('ul', {}, missing.map((p) => h('li', {}, missingLabel(p)))),
    editHref ? h('p', {}, h('a', { href: editHref }, t('draft.complete'))) : null);
}
