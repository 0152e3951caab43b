// The client's one place where user text becomes HTML (DESIGN.md): markdown through marked, then an
// allow-list walk over an inert parsed document that rebuilds only safe elements and attributes in
// the page's document. No string of user HTML is ever assigned to innerHTML.
import { marked } from 'marked';

const ALLOWED_TAGS = new Set(['p', 'br', 'strong', 'em', 'b', 'i', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'del', 'sup', 'sub']);
const ALLOWED_ATTRS: Record<string, string[]> = { a: ['href', 'title'], th: ['scope'], ol: ['start'] };
const SAFE_URL = /^(https?:|mailto:)/i;
/** Contents of these are dropped, not unwrapped: they are never text meant for the reader. */
const DROP = new Set(['script', 'style', 'template', 'iframe', 'object', 'embed', 'noscript', 'svg', 'math', 'textarea', 'select', 'title']);

function clean(source: Node, target: Node, doc: Document): void {
  source.childNodes.forEach((child) => {
    if (child.nodeType === 3) {
      target.appendChild(doc.createTextNode(child.textContent ?? ''));
      return;
    }
    if (child.nodeType !== 1) return;
    const tag = (child as Element).tagName.toLowerCase();
    if (DROP.has(tag)) return;
    if (!ALLOWED_TAGS.has(tag)) {
      clean(child, target, doc); // unknown wrapper: keep its text, lose the element
      return;
    }
    const out = doc.createElement(tag);
    for (const name of ALLOWED_ATTRS[tag] ?? []) {
      const value = (child as Element).getAttribute(name);
      if (value === null) continue;
      if (name === 'href' && !SAFE_URL.test(value.trim())) continue;
      out.setAttribute(name, value);
    }
    if (tag === 'a') out.setAttribute('rel', 'noopener noreferrer nofollow');
    clean(child, out, doc);
    target.appendChild(out);
  });
}

/** Markdown as a fragment of safe nodes of `doc` (injectable so it runs under jsdom in tests). */
export function renderMarkdown(markdown: string, doc: Document = document): DocumentFragment {
  const html = marked.parse(markdown ?? '', { async: false, gfm: true, breaks: false }) as string;
  const Parser = doc.defaultView?.DOMParser ?? DOMParser;
  // DOMParser documents are inert: scripts do not run and images do not load while we walk them
  const parsed = new Parser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  const out = doc.createDocumentFragment();
  clean(parsed.body, out, doc);
  return out;
}

/** A block element holding rendered markdown, with the text's language and direction. */
export function markdownBlock(markdown: string, language?: string, doc: Document = document): HTMLElement {
  const div = doc.createElement('div');
  div.className = 'prose';
  if (language) {
    div.lang = language;
    div.dir = 'auto';
  }
  div.appendChild(renderMarkdown(markdown, doc));
  return div;
}
