// The substantiator's page, made on the server: plain HTML and one stylesheet, no script, small
// enough for a slow phone connection. It shows only the outcome's description, significance and
// contribution and the three questions. All text goes through escapeHtml or markdownToHtml.
import { escapeHtml, markdownToHtml } from '../render/html';
import { PAGE_LANGUAGES, PageLanguage, WORDS, Words } from './i18n';

export type PageOutcome = { description: string; significance: string; contribution: string; language: string };

const NATIVE: Record<PageLanguage, string> = { en: 'English', fr: 'Français', ar: 'العربية' };
const PARTS = ['description', 'significance', 'contribution'] as const;
const VERDICTS = ['agree', 'partly', 'disagree', 'unknown'] as const;

function layout(lang: PageLanguage, title: string, main: string, languages = ''): string {
  return `<!doctype html>
<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex,nofollow"><meta name="referrer" content="same-origin">
<title>${escapeHtml(title)} — Oogst</title><link rel="stylesheet" href="/substantiate.css"></head>
<body>${languages}<main>
<h1>${escapeHtml(title)}</h1>
${main}
</main></body></html>`;
}

/** Links to the page in the other languages: a relative "?lang=" stays on /substantiate, where the link's cookie goes. */
function languageLinks(lang: PageLanguage): string {
  const links = PAGE_LANGUAGES.map((l) => (l === lang
    ? `<li><strong lang="${l}">${NATIVE[l]}</strong></li>`
    : `<li><a href="?lang=${l}" lang="${l}" hreflang="${l}">${NATIVE[l]}</a></li>`));
  return `<nav class="languages" aria-label="Language"><ul>${links.join('')}</ul></nav>`;
}

function question(w: Words, part: (typeof PARTS)[number]): string {
  const options = VERDICTS.map((v) => `<label class="choice"><input type="radio" name="${part}" value="${v}" required> <span>${escapeHtml(w.verdicts[v])}</span></label>`);
  return `<fieldset><legend>${escapeHtml(w.questions[part])}</legend>${options.join('')}</fieldset>`;
}

export function formPage(lang: PageLanguage, o: PageOutcome): string {
  const w = WORDS[lang];
  // the outcome is in the language it was written in, whatever the page's language
  const parts = PARTS.map((p) => `<h2>${escapeHtml(w[p])}</h2><div class="text" lang="${escapeHtml(o.language)}" dir="auto">${markdownToHtml(o[p])}</div>`);
  // the token travels in the link's cookie, never in the page (server/http/link-cookie.ts)
  const action = `/substantiate?lang=${lang}`;
  return layout(lang, w.title, `<p class="intro">${escapeHtml(w.intro)}</p>
<section class="outcome">${parts.join('\n')}</section>
<form method="post" action="${escapeHtml(action)}">
${PARTS.map((p) => question(w, p)).join('\n')}
<label for="comments" class="comments">${escapeHtml(w.comments)}</label>
<p class="hint" id="comments-hint">${escapeHtml(w.commentsHint)}</p>
<textarea id="comments" name="comments" rows="5" maxlength="50000" aria-describedby="comments-hint" dir="auto"></textarea>
<button type="submit">${escapeHtml(w.send)}</button>
</form>
<p class="privacy">${escapeHtml(w.privacy)}</p>`, languageLinks(lang));
}

/** `missing`: the page was reached without the link's cookie (never opened, lapsed, or cookies refused). */
export type Notice = 'thanks' | 'gone' | 'answered' | 'missing';

const NOTICE_WORDS = {
  thanks: ['thanksTitle', 'thanks'], gone: ['goneTitle', 'gone'], answered: ['answeredTitle', 'answered'], missing: ['missingTitle', 'missing'],
} as const satisfies Record<Notice, [keyof Words, keyof Words]>;

export function noticePage(lang: PageLanguage, notice: Notice): string {
  const w = WORDS[lang];
  const [title, text] = NOTICE_WORDS[notice].map((k) => w[k] as string);
  return layout(lang, title, `<p class="notice">${escapeHtml(text)}</p>`);
}
