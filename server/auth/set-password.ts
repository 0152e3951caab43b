// Set-password links. The link /set-password/<token> is answered by the server: its token moves
// into a cookie scoped to POST /api/auth/set-password (server/http/link-cookie.ts) and the browser
// goes on, by a 303, to the app's page /set-password, whose form sends the password alone. A dead
// link goes to /set-password?link=gone, so that the page says so before anyone types. API
// clients may still send {token, password}; the token module decides, either way, if it is good.
import type { PublicCtx } from '../http/types';
import { Reply } from '../http/types';
import { Problem } from '../http/problem';
import * as users from '../users/repository';
import { audit } from '../audit/log';
import { hashPassword } from './passwords';
import { nowIso } from '../core/clock';
import { consumeToken, landOnLink } from './tokens';
import { clearedLinkCookie, linkTokenOf, secureFor } from '../http/link-cookie';
import type { SetPassword } from '../generated/schemas';

const clearing = (ctx: PublicCtx) => ({ 'Set-Cookie': clearedLinkCookie('setPassword', secureFor(ctx.app, ctx.secure)) });

/** GET /set-password/:token, the link itself. */
export async function land(ctx: PublicCtx) {
  // a dead link clears the cookie an earlier link may have left
  return (await landOnLink(ctx, 'setPassword', '/set-password'))
    ?? new Reply(303, undefined, { Location: '/set-password?link=gone', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', ...clearing(ctx) });
}

/** POST /api/auth/set-password: the token from the body (API clients) or else from the link's cookie. */
export async function setPassword(ctx: PublicCtx<SetPassword>) {
  const token = ctx.body.token ?? linkTokenOf('setPassword', ctx.headers);
  if (!token) throw new Problem('link_missing');
  const row = await consumeToken(ctx.app, ctx.db, 'set_password', token);
  const u = row.user_id ? await users.findById(ctx.db, ctx.app.keyring, row.user_id) : undefined;
  if (!u || u.disabledAt) throw new Problem('token_invalid');
  await users.update(ctx.db, ctx.app.keyring, u.id, { passwordHash: await hashPassword(ctx.body.password), failedLogins: 0, lockedUntil: null }, nowIso());
  await ctx.db('sessions').where({ user_id: u.id }).del();
  await audit(ctx.db, { actorId: u.id, action: 'user.set_password', entityType: 'user', entityId: u.id });
  return new Reply(204, undefined, clearing(ctx));
}
