// The themes codebook for coding research fragments.
import type { RouteDef } from '../http/types';
import * as service from './service';

export const routes: RouteDef[] = [
  { method: 'get', path: '/api/themes', tag: 'fragments', summary: 'The themes codebook', access: 'user', response: 'fragments#/$defs/themeList', handler: service.list },
  { method: 'post', path: '/api/themes', tag: 'fragments', summary: 'Add a theme to the codebook', access: ['evaluator', 'admin'], body: 'fragments#/$defs/themeCreate', response: 'fragments#/$defs/theme', status: 201, handler: service.create },
  { method: 'delete', path: '/api/themes/:code', tag: 'fragments', summary: 'Remove a theme no fragment is coded with (kept in the history)', access: ['evaluator', 'admin'], status: 204, handler: service.remove },
  { method: 'patch', path: '/api/themes/:code', tag: 'fragments', summary: 'Rename, describe or move a theme', access: ['evaluator', 'admin'], body: 'fragments#/$defs/themePatch', response: 'fragments#/$defs/theme', handler: service.update },
];
