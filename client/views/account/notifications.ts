// In-app notifications: an outcome returned or commented on (partners), submitted or answered by
// a substantiator (evaluators). Opening one marks it read.
import { h } from '../../core/dom';
import { api, post } from '../../core/api';
import { formatDateTime, t } from '../../core/i18n';
import { setTitle } from '../../core/page';
import type { MessageKey } from '../../i18n/en';

type Notification = { id: string; kind: string; outcome?: { id: string; title: string | null }; actor?: { name?: string | null; role?: string | null } | null; createdAt: string; readAt: string | null };

export async function notificationsView(): Promise<HTMLElement> {
  setTitle(t('notifications.title'));
  const list = await api<{ items: Notification[]; unread?: number }>('/api/notifications?pageSize=100');
  const items = list?.items ?? [];
  return h('div', { class: 'page' }, h('h1', {}, t('notifications.title')),
    items.length ? h('ul', { class: 'notifications' }, items.map((n) => h('li', { class: n.readAt ? 'read' : 'unread' },
      h('p', {}, n.readAt ? null : h('span', { class: 'badge' }, t('notifications.new')), ' ',
        t(`notification.${n.kind}` as MessageKey, { who: n.actor?.name ?? (n.actor?.role ? t(`role.${n.actor.role}` as MessageKey) : t('common.someone')) }), ': ',
        n.outcome ? h('a', { href: `/outcomes/${n.outcome.id}`, dir: 'auto', onclick: () => { if (!n.readAt) void post(`/api/notifications/${n.id}/read`, {}).catch(() => undefined); } },
          n.outcome.title ?? t('detail.hiddenOutcome')) : null),
      h('p', { class: 'meta' }, h('time', { datetime: n.createdAt }, formatDateTime(n.createdAt))))))
      : h('p', { class: 'empty-state' }, t('notifications.none')));
}
