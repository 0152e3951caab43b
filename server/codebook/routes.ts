// Codebook exchange (REFI-QDA .qdc) with QualCoder, ATLAS.ti, NVivo and MAXQDA.
import type { RouteDef } from '../http/types';
import { exportCodebook, importCodebook } from './service';

export const routes: RouteDef[] = [
  { method: 'get', path: '/api/codebook.qdc', tag: 'codebook', summary: 'The goal frameworks and themes as a REFI-QDA codebook', access: 'user', produces: 'application/xml', handler: exportCodebook },
  { method: 'post', path: '/api/codebook.qdc', tag: 'codebook', summary: 'Take a REFI-QDA codebook (multipart, field `file`) as themes: new codes become themes, known ones are revised', access: ['evaluator', 'admin'], upload: { fields: 'imports#/$defs/codebookFields' }, handler: importCodebook },
];
