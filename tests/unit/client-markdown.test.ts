// The client's markdown renderer: what marked makes of user text is rebuilt from an allow-list,
// so no script, handler, style or dangerous URL survives — whatever the partner typed.
import Module from 'node:module';
import type * as JsdomTypes from 'jsdom';

// jsdom is loaded by Node itself (which can require its ESM dependencies), not by jest's registry
const { JSDOM } = (Module as unknown as { _load: (id: string, parent: null, main: boolean) => typeof JsdomTypes })._load(require.resolve('jsdom'), null, false);
import { renderMarkdown } from '../../client/core/markdown';

const doc = new JSDOM('<!doctype html><body></body>').window.document;
const html = (md: string) => {
  const div = doc.createElement('div');
  div.append(renderMarkdown(md, doc));
  return div.innerHTML;
};

describe('renderMarkdown', () => {
  test('when text uses markdown, then the formatting is kept', () => {
    expect(html('**bold** and *it*\n\n- one\n- two')).toBe('<p><strong>bold</strong> and <em>it</em></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n');
  });

  test('when links are safe, then they keep their address and get rel noopener', () => {
    expect(html('[site](https://example.org "t")')).toBe('<p><a href="https://example.org" title="t" rel="noopener noreferrer nofollow">site</a></p>\n');
  });

  test.each([
    ['<script>alert(1)</script>hello', /<script|alert/],
    ['<img src=x onerror=alert(1)>', /<img|onerror/],
    ['[x](javascript:alert(1))', /javascript:/i],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', /javascript/i],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', /data:|<script/],
    ['<svg onload=alert(1)><circle/></svg>', /<svg|onload/],
    ['<iframe src="https://evil.example"></iframe>', /iframe/],
    ['<p style="background:url(x)" onclick="x()">p</p>', /style=|onclick/],
    ['<math><mi xlink:href="javascript:alert(1)">x</mi></math>', /javascript|<math/],
    ['<form action="https://evil.example"><input name=a></form>', /<form|<input/],
  ])('when the text holds %s, then nothing dangerous is rendered', (md, bad) => {
    expect(html(md)).not.toMatch(bad);
  });

  test('when text holds markup that is not allowed, then its words stay readable', () => {
    expect(html('<span class="x">kept words</span>')).toContain('kept words');
  });

  test('when text is Arabic with bidirectional marks, then it comes back exactly', () => {
    const text = 'وزارة المرأة \u200f(تشاد)\u200f تصدر تعميماً';
    expect(html(text)).toContain(text);
  });
});
