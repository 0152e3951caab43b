// Admin: the hub that leads to each administration screen.
import { h } from '../../core/dom';
import { t } from '../../core/i18n';
import type { MessageKey } from '../../i18n/en';
import { setTitle } from '../../core/page';

const SECTIONS: Array<[string, MessageKey, MessageKey]> = [
  ['/admin/users', 'admin.user.title', 'admin.hub.users'],
  ['/admin/organisations', 'admin.org.title', 'admin.hub.organisations'],
  ['/admin/programmes', 'admin.prog.title', 'admin.hub.programmes'],
  ['/admin/frameworks', 'admin.fw.title', 'admin.hub.frameworks'],
  ['/admin/audit', 'admin.audit.title', 'admin.hub.audit'],
];

export function adminHubView(): HTMLElement {
  setTitle(t('admin.title'));
  return h('div', { class: 'page' }, h('h1', {}, t('admin.title')), h('p', { class: 'lead' }, t('admin.intro')),
    h('ul', { class: 'admin-hub' }, SECTIONS.map(([href, title, text]) => h('li', {}, h('h2', {}, h('a', { href }, t(title))), h('p', {}, t(text))))));
}
