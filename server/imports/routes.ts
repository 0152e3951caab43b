// Imports of spreadsheets and of KoboToolbox / ODK Central submissions, their templates, and the
// saved mappings from form fields to record fields.
import type { RouteDef } from '../http/types';
import * as service from './service';
import * as mappings from './mappings';
import { csvTemplate, xlsxTemplate } from './template';

const importers = ['partner', 'evaluator', 'admin'] as const;

export const routes: RouteDef[] = [
  { method: 'get', path: '/api/imports/template.csv', tag: 'imports', summary: 'The CSV template of an import: the columns of the record kind', access: 'user', query: 'imports#/$defs/templateQuery', produces: 'text/csv', handler: csvTemplate },
  { method: 'get', path: '/api/imports/template.xlsx', tag: 'imports', summary: 'The XLSX template of an import, with sheets of the codes its columns take', access: 'user', query: 'imports#/$defs/templateQuery', produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', handler: xlsxTemplate },
  { method: 'post', path: '/api/imports', tag: 'imports', summary: 'Check a file (multipart: file, format, kind, mappingId?, id?) and keep it for the commit: the dry-run report', access: importers, upload: { fields: 'imports#/$defs/importFields' }, ownTransaction: true, response: 'imports#/$defs/importReport', status: 201, handler: service.dryRun },
  { method: 'get', path: '/api/imports', tag: 'imports', summary: "Your organisation's imports, newest first", access: importers, query: 'common#/$defs/listQuery', handler: service.list },
  { method: 'get', path: '/api/imports/:id', tag: 'imports', summary: 'One import: progress, report and result', access: importers, response: 'imports#/$defs/importReport', handler: service.get },
  { method: 'post', path: '/api/imports/:id/commit', tag: 'imports', summary: 'Write every row of a checked import, or none', access: importers, ownTransaction: true, response: 'imports#/$defs/importReport', handler: service.commit },
  { method: 'get', path: '/api/import-mappings', tag: 'imports', summary: "Your organisation's form mappings", access: importers, query: 'common#/$defs/listQuery', handler: mappings.list },
  { method: 'post', path: '/api/import-mappings', tag: 'imports', summary: 'Save a mapping from KoboToolbox / ODK form fields to record fields', access: importers, body: 'imports#/$defs/mappingCreate', response: 'imports#/$defs/mapping', status: 201, handler: mappings.create },
  { method: 'get', path: '/api/import-mappings/:id', tag: 'imports', summary: 'One form mapping', access: importers, response: 'imports#/$defs/mapping', handler: mappings.get },
  { method: 'patch', path: '/api/import-mappings/:id', tag: 'imports', summary: 'Change a form mapping', access: importers, body: 'imports#/$defs/mappingPatch', response: 'imports#/$defs/mapping', handler: mappings.update },
  { method: 'delete', path: '/api/import-mappings/:id', tag: 'imports', summary: 'Delete a form mapping (its imports stay)', access: importers, status: 204, handler: mappings.remove },
];
