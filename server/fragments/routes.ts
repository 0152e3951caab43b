// Research fragments: coded excerpts of sources, with the speaker's consent and the same
// lifecycle as stories.
import type { RouteDef } from '../http/types';
import * as service from './service';

const WRITERS = ['partner', 'evaluator', 'admin'] as const;

export const routes: RouteDef[] = [
  { method: 'get', path: '/api/fragments', tag: 'fragments', summary: 'Find research fragments (filters, full-text search, paging)', access: 'user', query: 'fragments#/$defs/listQuery', response: 'fragments#/$defs/fragmentList', handler: service.list },
  { method: 'post', path: '/api/fragments', tag: 'fragments', summary: 'Record a fragment of a source (as a draft)', access: WRITERS, body: 'fragments#/$defs/fragmentCreate', response: 'fragments#/$defs/fragment', status: 201, handler: service.create },
  { method: 'get', path: '/api/fragments/:id', tag: 'fragments', summary: 'One fragment with its source', access: 'user', response: 'fragments#/$defs/fragment', handler: service.get },
  { method: 'patch', path: '/api/fragments/:id', tag: 'fragments', summary: 'Edit a fragment (own draft; evaluator: submitted)', access: WRITERS, body: 'fragments#/$defs/fragmentPatch', response: 'fragments#/$defs/fragment', handler: service.update },
  { method: 'post', path: '/api/fragments/:id/transitions', tag: 'fragments', summary: 'Move a fragment through draft → submitted → published', access: WRITERS, body: 'stories#/$defs/transition', response: 'fragments#/$defs/fragment', handler: service.transition },
  { method: 'get', path: '/api/fragments/:id/revisions', tag: 'fragments', summary: 'Every change to a fragment', access: 'user', handler: service.revisions },
];
