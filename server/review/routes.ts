// The review around an outcome: its discussion thread and history, and your notifications.
import type { RouteDef } from '../http/types';
import * as comments from './comments';
import * as notifications from './notifications';

const discussants = ['partner', 'evaluator', 'admin'] as const;

export const routes: RouteDef[] = [
  { method: 'get', path: '/api/outcomes/:id/comments', tag: 'review', summary: 'The discussion thread on an outcome', access: 'user', query: 'common#/$defs/listQuery', response: 'review#/$defs/commentList', handler: comments.list },
  { method: 'post', path: '/api/outcomes/:id/comments', tag: 'review', summary: 'Add to the discussion (its organisation and its evaluators)', access: discussants, body: 'review#/$defs/commentCreate', response: 'review#/$defs/comment', status: 201, handler: comments.create },
  { method: 'get', path: '/api/outcomes/:id/history', tag: 'review', summary: 'Every transition and comment of an outcome, in order', access: 'user', response: 'review#/$defs/history', handler: comments.history },
  { method: 'get', path: '/api/notifications', tag: 'review', summary: 'Your notifications, newest first', access: 'user', query: 'review#/$defs/notificationQuery', response: 'review#/$defs/notificationList', handler: notifications.list },
  { method: 'post', path: '/api/notifications/:id/read', tag: 'review', summary: 'Mark one of your notifications read', access: 'user', response: 'review#/$defs/notification', handler: notifications.markRead },
];
