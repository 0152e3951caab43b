// Harvests: one outcome-harvesting round of a programme, its status and its analysis.
import type { RouteDef } from '../http/types';
import * as service from './service';
import { summary } from './summary';

const runners = ['evaluator', 'admin'] as const;

export const routes: RouteDef[] = [
  { method: 'get', path: '/api/harvests', tag: 'harvests', summary: 'Harvests of your programmes, with outcome counts per status', access: 'user', query: 'harvests#/$defs/listQuery', response: 'harvests#/$defs/harvestList', handler: service.list },
  { method: 'post', path: '/api/harvests', tag: 'harvests', summary: 'Design a harvest (evaluators of the programme)', access: runners, body: 'harvests#/$defs/harvestCreate', response: 'harvests#/$defs/harvest', status: 201, handler: service.create },
  { method: 'get', path: '/api/harvests/:id', tag: 'harvests', summary: 'One harvest, with outcome counts per status', access: 'user', response: 'harvests#/$defs/harvest', handler: service.get },
  { method: 'patch', path: '/api/harvests/:id', tag: 'harvests', summary: 'Edit a harvest or move it to its next status', access: runners, body: 'harvests#/$defs/harvestPatch', response: 'harvests#/$defs/harvest', handler: service.update },
  { method: 'get', path: '/api/harvests/:id/summary', tag: 'harvests', summary: "A harvest's outcomes per goal × status, change type, quadrant, and substantiation per goal", access: 'user', response: 'harvests#/$defs/summary', handler: summary },
];
