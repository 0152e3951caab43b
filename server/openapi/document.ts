// The OpenAPI 3.1 document, generated from the route registry and the same JSON Schemas that ajv
// validates with: "<file>#/$defs/<name>" becomes "#/components/schemas/<file>.<name>".
import type { RouteDef } from '../http/types';

type Json = Record<string, unknown>;

const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions']);

function rewriteRefs(node: unknown, file: string): unknown {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, file));
  if (node && typeof node === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(node)) {
      if (SCHEMA_MAPS.has(k) && v && typeof v === 'object' && !Array.isArray(v)) {
        // keys here are names (a property may be called "format"), not keywords
        out[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, rewriteRefs(s, file)]));
      } else if (k === '$ref' && typeof v === 'string') {
        const [f, pointer] = v.split('#');
        out[k] = `#/components/schemas/${f || file}.${pointer.replace('/$defs/', '')}`;
      } else if (k === 'format' && v === 'text') {
        continue; // our own format; OpenAPI tools do not know it
      } else if (k === 'dependencies' && v && typeof v === 'object') {
        Object.assign(out, splitDependencies(v as Json, file));
      } else if (k !== 'x-personal') out[k] = rewriteRefs(v, file);
    }
    return out;
  }
  return node;
}

// schemas/ are draft-07; OpenAPI 3.1 speaks JSON Schema 2020-12, where draft-07's `dependencies`
// became `dependentRequired` (a list of names) and `dependentSchemas` (a schema).
function splitDependencies(deps: Json, file: string): Json {
  const required: Json = {};
  const schemas: Json = {};
  for (const [name, dep] of Object.entries(deps)) {
    if (Array.isArray(dep)) required[name] = dep;
    else schemas[name] = rewriteRefs(dep, file);
  }
  return {
    ...(Object.keys(required).length ? { dependentRequired: required } : {}),
    ...(Object.keys(schemas).length ? { dependentSchemas: schemas } : {}),
  };
}

const refOf = (r: string) => ({ $ref: `#/components/schemas/${r.replace('#/$defs/', '.')}` });

function queryParameters(ref: string | undefined, schemas: Record<string, Json>) {
  if (!ref) return [];
  const [file, pointer] = ref.split('#/$defs/');
  const def = (schemas[file].$defs as Record<string, Json>)[pointer];
  const props = (def.properties ?? {}) as Record<string, Json>;
  return Object.entries(props).map(([name, schema]) => ({ name, in: 'query', required: false, schema: rewriteRefs(schema, file) }));
}

const problem = (d: string) => ({ description: d, content: { 'application/problem+json': { schema: refOf('common#/$defs/problem') } } });

// Kept in words, not in bytes: the document is built once from the registry, without a config,
// and an instance may set its own limit.
const UPLOAD_LIMIT = 'IMPORT_MAX_BYTES (default 50 MB)';

// An upload's form fields plus the file, inlined rather than referenced: the fields schema says
// additionalProperties: false, so an allOf of it and `file` would refuse every request.
function uploadBody(fields: string, schemas: Record<string, Json>) {
  const [file, pointer] = fields.split('#/$defs/');
  const schema = rewriteRefs((schemas[file].$defs as Record<string, Json>)[pointer], file) as Json;
  const fileField = { type: 'string', format: 'binary', description: `The file, at most ${UPLOAD_LIMIT}` };
  return {
    required: true,
    description: `multipart/form-data: one file in the field \`file\`, at most ${UPLOAD_LIMIT} — a larger one gets 413 — and the fields of ${file}.${pointer}.`,
    content: {
      'multipart/form-data': {
        schema: {
          ...schema,
          properties: { ...(schema.properties as Json | undefined), file: fileField },
          required: [...((schema.required as string[] | undefined) ?? []), 'file'],
        },
      },
    },
  };
}

function requestBody(r: RouteDef, schemas: Record<string, Json>) {
  if (r.upload) return uploadBody(r.upload.fields, schemas);
  if (!r.body) return undefined;
  const media = { schema: refOf(r.body) };
  // a `form` route also reads a plain HTML form (the page works without JavaScript)
  return { required: true, content: { 'application/json': media, ...(r.form ? { 'application/x-www-form-urlencoded': media } : {}) } };
}

const uploadProblems = {
  '413': problem(`The file is over ${UPLOAD_LIMIT}`),
  '415': problem('The body is not multipart/form-data'),
};

export function openApiDocument(routes: RouteDef[], schemas: Record<string, Json>, version: string): Json {
  const components: Record<string, unknown> = {};
  for (const [file, schema] of Object.entries(schemas)) {
    for (const [name, def] of Object.entries((schema.$defs ?? {}) as Record<string, Json>)) {
      components[`${file}.${name}`] = rewriteRefs(def, file);
    }
  }
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const params = [...r.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const status = String(r.status ?? 200);
    const success = status === '204'
      ? { description: 'Done' }
      // a link's first request (server/http/link-cookie.ts): no body, the token moves into a cookie
      : status === '303' ? { description: 'See Other', headers: { Location: { schema: { type: 'string' } }, 'Set-Cookie': { schema: { type: 'string' } } } }
      : { description: 'OK', content: r.produces ? { [r.produces]: { schema: { type: 'string' } } } : { 'application/json': { schema: r.response ? refOf(r.response) : { type: 'object' } } } };
    const body = requestBody(r, schemas);
    paths[path] ??= {};
    paths[path][r.method] = {
      operationId: `${r.method}${r.path.replace(/[/:{}-]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      summary: r.summary,
      tags: [r.tag],
      ...(r.access === 'public' ? { security: [] } : {}),
      ...(params.length || r.query ? { parameters: [...params, ...queryParameters(r.query, schemas)] } : {}),
      ...(body ? { requestBody: body } : {}),
      responses: {
        [status]: success,
        '400': problem('Invalid request'),
        ...(r.access !== 'public' ? { '401': problem('Not logged in'), '403': problem('Not allowed') } : {}),
        '404': problem('Not found or not visible to you'),
        ...(r.upload ? uploadProblems : {}),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Oogst API', version,
      description: 'Outcome harvesting for Women, Peace and Security programmes.',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: [{ url: '/' }],
    security: [{ session: [] }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name, description: `${name} endpoints` })),
    paths,
    components: {
      schemas: components,
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'oogst_session' } },
    },
  };
}
