// Stories of change (Most Significant Change): record, find, revise, translate, move through the
// lifecycle (the storyteller's consent has its routes in server/consent/routes.ts).
import type { RouteDef } from '../http/types';
import * as service from './service';
import { addTranslation } from './translations';

const WRITERS = ['partner', 'evaluator', 'admin'] as const;

export const routes: RouteDef[] = [
  { method: 'get', path: '/api/stories', tag: 'stories', summary: 'Find stories of change (filters, full-text search, paging)', access: 'user', query: 'stories#/$defs/listQuery', response: 'stories#/$defs/storyList', handler: service.list },
  { method: 'post', path: '/api/stories', tag: 'stories', summary: 'Record a story of change (as a draft)', access: ['partner', 'admin'], body: 'stories#/$defs/storyCreate', response: 'stories#/$defs/story', status: 201, handler: service.create },
  { method: 'get', path: '/api/stories/:id', tag: 'stories', summary: 'One story with its translations', access: 'user', response: 'stories#/$defs/story', handler: service.get },
  { method: 'patch', path: '/api/stories/:id', tag: 'stories', summary: 'Edit a story (partner: own draft; evaluator: submitted)', access: WRITERS, body: 'stories#/$defs/storyPatch', response: 'stories#/$defs/story', handler: service.update },
  { method: 'post', path: '/api/stories/:id/transitions', tag: 'stories', summary: 'Move a story through draft → submitted → published', access: WRITERS, body: 'stories#/$defs/transition', response: 'stories#/$defs/story', handler: service.transition },
  { method: 'get', path: '/api/stories/:id/revisions', tag: 'stories', summary: 'Every change to a story', access: 'user', handler: service.revisions },
  { method: 'post', path: '/api/stories/:id/translations', tag: 'stories', summary: 'Add a translation beside the original', access: WRITERS, body: 'stories#/$defs/translationCreate', response: 'stories#/$defs/story', status: 201, handler: addTranslation },
];
