// Links handed over outside the app (set-password, substantiation, and the confirmation links to
// come) carry a single-use token in their path. Paths end up in request logs, browser history,
// proxies and Referer headers, so the token is swapped on the link's first request: the answer is
// a 303 to an address without it, with the token in a short-lived, path-scoped HttpOnly cookie.
// The pages then work as before, without JavaScript. The cookie is transport only: whether the
// token is still good (single use, expiry) is decided by server/auth/tokens.ts on every use.
//
// LINKS is the one list of such links. A new kind of link (a confirmation link) adds one entry
// here, its GET route calls `landOnLink` (server/auth/tokens.ts) and its handlers read the token
// with `linkTokenOf`; the log redaction below then covers its path too.
//
// The cookie's attributes, and why:
// - HttpOnly: no script of any page can read the token.
// - Path: only the address that needs the token gets it (the form page, or the one API call).
// - SameSite: Lax for a page reached by the 303 itself (a link opened in a mail client is a
//   cross-site navigation, and a browser withholds Strict cookies on the redirect it ends in);
//   Strict where the token is only needed by a same-origin call made from the app's own page.
// - Secure: over HTTPS and always in production.
// - Max-Age: minutes, never past the token's own expiry; once it lapses, the link opens again.
import * as cookie from 'cookie';
import type { TokenPurpose } from '../auth/tokens';
import type { AppContext } from './types';
import { Reply } from './types';

export type LinkSpec = {
  /** the link's path is `${prefix}/<token>` */
  prefix: string;
  purpose: TokenPurpose;
  cookie: string;
  /** the cookie's Path: every request that needs the token, and nothing else */
  path: string;
  sameSite: 'lax' | 'strict';
  maxAgeSeconds: number;
};

export const LINKS = {
  // the password is typed right away, by the app's own page calling the API
  setPassword: { prefix: '/set-password', purpose: 'set_password', cookie: 'oogst_link_set_password', path: '/api/auth/set-password', sameSite: 'strict', maxAgeSeconds: 30 * 60 },
  // the substantiator reads an outcome and writes comments: an hour before the form must be reopened
  substantiation: { prefix: '/substantiate', purpose: 'substantiation', cookie: 'oogst_link_substantiation', path: '/substantiate', sameSite: 'lax', maxAgeSeconds: 60 * 60 },
  // enrolling a phone where the organisation requires it: time to sign in and install an app first
  twoFactor: { prefix: '/two-factor', purpose: 'two_factor', cookie: 'oogst_link_two_factor', path: '/api/auth/totp/enable', sameSite: 'strict', maxAgeSeconds: 60 * 60 },
} as const satisfies Record<string, LinkSpec>;

export type LinkKind = keyof typeof LINKS;

/** What newToken() makes: 32 random bytes, base64url. Anything else is not worth a cookie or a query. */
export const isWellFormedToken = (s: string | undefined): s is string => !!s && /^[A-Za-z0-9_-]{43}$/.test(s);

/** Secure whenever the request came over HTTPS, and always in production (behind any proxy). */
export const secureFor = (app: AppContext, secure: boolean) => secure || app.config.env === 'production';

export function linkCookie(kind: LinkKind, token: string, expiresAt: string, secure: boolean): string {
  const spec = LINKS[kind];
  const left = Math.floor((Date.parse(expiresAt) - Date.now()) / 1000);
  return cookie.serialize(spec.cookie, token, {
    httpOnly: true, sameSite: spec.sameSite, secure, path: spec.path, maxAge: Math.max(0, Math.min(spec.maxAgeSeconds, left)),
  });
}

export function clearedLinkCookie(kind: LinkKind, secure: boolean): string {
  const spec = LINKS[kind];
  return cookie.serialize(spec.cookie, '', { httpOnly: true, sameSite: spec.sameSite, secure, path: spec.path, maxAge: 0 });
}

/** The link's token from the request's cookie, if it holds a well-formed one. */
export function linkTokenOf(kind: LinkKind, headers: Record<string, string | string[] | undefined>): string | undefined {
  const header = headers.cookie;
  if (typeof header !== 'string') return undefined;
  const token = cookie.parse(header)[LINKS[kind].cookie];
  return isWellFormedToken(token) ? token : undefined;
}

/** The 303 of a link's first request: to `location`, with the token moved into the cookie. */
export const swapReply = (kind: LinkKind, token: string, expiresAt: string, location: string, secure: boolean) =>
  new Reply(303, undefined, {
    Location: location, 'Set-Cookie': linkCookie(kind, token, expiresAt, secure),
    'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer',
  });

// Log redaction. Express matches paths case-insensitively, so the prefixes are matched so too.
// A whole segment as long as a token is redacted wherever it stands, so that a link mangled on
// its way (an encoded prefix, an extra slash) does not put its token in the log either.
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LINK_SEGMENT = new RegExp(`(${Object.values(LINKS).map((l) => escape(l.prefix)).join('|')})/[^/?#\\s"']+`, 'gi');
const TOKEN_LIKE = /(^|[/=\s"'])[A-Za-z0-9_-]{43,}(?=$|[/?#&\s"'])/g;
export const REDACTED = '[redacted]';

/** Any text (a path, an error message, a stack) with the tokens of links taken out. */
export const redactTokens = (text: string): string =>
  text.replace(LINK_SEGMENT, `$1/${REDACTED}`).replace(TOKEN_LIKE, `$1${REDACTED}`);
