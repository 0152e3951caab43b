// Selection rounds of Most Significant Change and a story's path up the levels.
import type { RouteDef } from '../http/types';
import * as service from './service';

export const routes: RouteDef[] = [
  { method: 'get', path: '/api/selection-rounds', tag: 'stories', summary: 'Selection rounds with at least one story you may see', access: 'user', query: 'selections#/$defs/listQuery', response: 'selections#/$defs/roundList', handler: service.list },
  { method: 'post', path: '/api/selection-rounds', tag: 'stories', summary: 'Record a selection round: the panel, the stories, the one selected and why', access: ['evaluator', 'admin'], body: 'selections#/$defs/roundCreate', response: 'selections#/$defs/round', status: 201, handler: service.create },
  { method: 'get', path: '/api/selection-rounds/:id', tag: 'stories', summary: 'One selection round', access: 'user', response: 'selections#/$defs/round', handler: service.get },
  { method: 'post', path: '/api/selection-rounds/:id/feedback', tag: 'stories', summary: 'Record the feedback given to the storytellers of a round', access: ['partner', 'evaluator', 'admin'], body: 'selections#/$defs/feedbackCreate', response: 'selections#/$defs/round', status: 201, handler: service.addFeedback },
  { method: 'get', path: '/api/stories/:id/selections', tag: 'stories', summary: "A story's path up the selection levels, with every reason", access: 'user', response: 'selections#/$defs/storyPath', handler: service.pathOf },
];
