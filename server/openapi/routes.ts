// /api/openapi.json and a readable, script-free docs page at /api/docs.
import type { RouteDef } from '../http/types';
import { escapeHtml } from '../render/html';

type Doc = { info: { title: string; version: string }; paths: Record<string, Record<string, { summary: string; tags: string[]; requestBody?: { content: Record<string, unknown> }; security?: unknown[] }>> };

// which media types a route's body may come as, so that uploads and plain forms show on the page
const bodyCell = (body?: { content: Record<string, unknown> }) =>
  Object.keys(body?.content ?? {}).map((type) => `<code>${escapeHtml(type)}</code>`).join(' or ');

export function docsPage(doc: Doc): string {
  const byTag = new Map<string, string[]>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const row = `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escapeHtml(path)}</code></td><td>${escapeHtml(op.summary)}</td><td>${bodyCell(op.requestBody)}</td><td>${op.security ? 'public' : 'login'}</td></tr>`;
      byTag.set(op.tags[0], [...(byTag.get(op.tags[0]) ?? []), row]);
    }
  }
  const sections = [...byTag].map(([tag, rows]) =>
    `<section><h2>${escapeHtml(tag)}</h2><table><thead><tr><th scope="col">Method</th><th scope="col">Path</th><th scope="col">What it does</th><th scope="col">Body</th><th scope="col">Access</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(doc.info.title)} ${escapeHtml(doc.info.version)}</title>
<link rel="stylesheet" href="/pages.css"></head>
<body><main><h1>${escapeHtml(doc.info.title)} <small>${escapeHtml(doc.info.version)}</small></h1>
<p>Schemas and responses in full: <a href="/api/openapi.json">openapi.json</a>. Errors are <code>application/problem+json</code> with a stable <code>code</code> and JSON-pointer <code>errors[].path</code>.</p>${sections}</main></body></html>`;
}

export function routes(getDoc: () => Doc): RouteDef[] {
  return [
    { method: 'get', path: '/api/openapi.json', tag: 'operations', summary: 'This API as OpenAPI 3.1', access: 'public', handler: async () => getDoc() },
    { method: 'get', path: '/api/docs', tag: 'operations', summary: 'Readable API documentation', access: 'public', produces: 'text/html', handler: async () => docsPage(getDoc()) },
  ];
}
