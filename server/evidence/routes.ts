// Evidence of an outcome, and links from outcomes to stories and fragments.
import type { RouteDef } from '../http/types';
import * as service from './service';

const LINKERS = ['partner', 'evaluator', 'admin'] as const;

export const routes: RouteDef[] = [
  { method: 'get', path: '/api/outcomes/:id/evidence', tag: 'outcomes', summary: 'All evidence of an outcome: documents, files, informants, linked stories and fragments', access: 'user', response: 'evidence#/$defs/evidence', handler: service.evidence },
  { method: 'post', path: '/api/outcomes/:id/evidence-links', tag: 'outcomes', summary: 'Link a story or a fragment to an outcome as evidence', access: LINKERS, body: 'evidence#/$defs/linkCreate', response: 'evidence#/$defs/link', status: 201, handler: service.link },
  { method: 'delete', path: '/api/outcomes/:id/evidence-links/:linkId', tag: 'outcomes', summary: 'Remove an evidence link', access: LINKERS, status: 204, handler: service.unlink },
];
