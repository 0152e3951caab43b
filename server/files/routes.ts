// Files as evidence: upload (multipart) and download, both through the access checks of the
// record they belong to.
import type { RouteDef } from '../http/types';
import * as service from './service';

export const routes: RouteDef[] = [
  { method: 'post', path: '/api/files', tag: 'files', summary: 'Upload a document, photo or audio recording as evidence of an outcome, story or fragment (multipart: file, and outcomeId | storyId | fragmentId, title?)', access: ['partner', 'evaluator', 'admin'], upload: { fields: 'files#/$defs/uploadFields' }, response: 'files#/$defs/file', status: 201, handler: service.upload },
  { method: 'get', path: '/api/files/:id', tag: 'files', summary: 'Download a file (only where you may see the personal data of its record)', access: 'user', produces: 'application/octet-stream', handler: service.download },
];
