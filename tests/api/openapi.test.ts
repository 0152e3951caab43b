// The OpenAPI document describes every way a body can come: JSON, a plain HTML form
// (routes with `form: true`) and multipart uploads (routes with `upload`), as the server reads them.
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { allRoutes } from '../../server/app';
import { startTestApp, TestApp } from '../helpers/app';

type Op = { requestBody?: { description?: string; content: Record<string, { schema: Record<string, any> }> }; responses: Record<string, unknown> }; // eslint-disable-line @typescript-eslint/no-explicit-any
type Doc = { paths: Record<string, Record<string, Op>>; components: { schemas: Record<string, unknown> } };

let t: TestApp;
let doc: Doc;
beforeAll(async () => {
  t = await startTestApp();
  const r = await t.anon().get<Doc>('/api/openapi.json');
  expect(r.status).toBe(200);
  doc = r.body;
});
afterAll(() => t.close());

const opOf = (method: string, path: string) => doc.paths[path.replace(/:([A-Za-z]+)/g, '{$1}')][method];

// the document's own schemas, resolved against its components, as a client would check a request
function checkerFor(schema: object) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  return ajv.compile({ ...schema, components: doc.components });
}

describe('uploads', () => {
  test.each(['/api/files', '/api/imports'])('when POST %s is described, then its body is multipart/form-data with a required binary file', (path) => {
    const op = opOf('post', path);
    expect(Object.keys(op.requestBody!.content)).toEqual(['multipart/form-data']);
    const schema = op.requestBody!.content['multipart/form-data'].schema;
    expect(schema.properties.file).toMatchObject({ type: 'string', format: 'binary' });
    expect(schema.required).toContain('file');
    expect(op.requestBody!.description).toMatch(/IMPORT_MAX_BYTES.*50 MB.*413/);
    expect(op.responses).toHaveProperty('413');
    expect(op.responses).toHaveProperty('415');
  });

  test('when every upload route is described, then its form fields sit beside the file and nothing else is allowed', () => {
    const uploads = allRoutes().filter((r) => r.upload);
    expect(uploads.length).toBeGreaterThanOrEqual(2);
    for (const r of uploads) {
      const schema = opOf(r.method, r.path).requestBody!.content['multipart/form-data'].schema;
      expect(schema.additionalProperties).toBe(false);
      expect(Object.keys(schema.properties)).toContain('file');
    }
  });

  test('when a multipart body is checked against the document, then the fields plus the file pass and a stray field or a missing file fail', () => {
    const files = checkerFor(opOf('post', '/api/files').requestBody!.content['multipart/form-data'].schema);
    const outcomeId = '3f1c2a9e-8b7d-4c6e-9a5f-1b2c3d4e5f60';
    expect(files({ outcomeId, title: 'Minutes', file: 'bytes' })).toBe(true);
    expect(files({ outcomeId, file: 'bytes', extra: 'x' })).toBe(false);
    expect(files({ outcomeId })).toBe(false);
    expect(files({ outcomeId, storyId: outcomeId, file: 'bytes' })).toBe(false);
    const imports = checkerFor(opOf('post', '/api/imports').requestBody!.content['multipart/form-data'].schema);
    expect(imports({ format: 'csv', kind: 'outcomes', file: 'bytes' })).toBe(true);
    expect(imports({ format: 'csv', file: 'bytes' })).toBe(false);
  });
});

describe('plain forms', () => {
  test('when a route takes a plain HTML form, then it offers application/x-www-form-urlencoded and JSON with the same schema', () => {
    const forms = allRoutes().filter((r) => r.form);
    expect(forms.map((r) => `${r.method} ${r.path}`)).toContain('post /substantiate/:token');
    for (const r of forms) {
      const content = opOf(r.method, r.path).requestBody!.content;
      expect(Object.keys(content).sort()).toEqual(['application/json', 'application/x-www-form-urlencoded']);
      expect(content['application/x-www-form-urlencoded'].schema).toEqual(content['application/json'].schema);
    }
  });

  test('when a route takes only JSON, then it offers no other media type', () => {
    for (const r of allRoutes().filter((x) => x.body && !x.form)) {
      expect(Object.keys(opOf(r.method, r.path).requestBody!.content)).toEqual(['application/json']);
    }
  });
});

test('when anyone reads /api/docs, then the upload and form routes show their body types', async () => {
  const r = await t.anon().get('/api/docs');
  expect(r.status).toBe(200);
  expect(r.text).toMatch(/<code>\/api\/files<\/code>.*?<code>multipart\/form-data<\/code>/);
  expect(r.text).toMatch(/<code>\/substantiate\/\{token\}<\/code>.*?<code>application\/x-www-form-urlencoded<\/code>/);
});
