// Two-factor sign-in (TOTP) for the logged-in user, and the admin's set-up link. Login itself takes
// the code or a recovery code (auth/service.ts).
import type { RouteDef } from '../http/types';
import * as totp from './totp';

export const routes: RouteDef[] = [
  { method: 'post', path: '/api/auth/totp/setup', tag: 'auth', summary: 'Start setting up two-factor sign-in: a new secret and its otpauth:// URI (not active yet)', access: 'user', response: 'accounts#/$defs/totpSetup', status: 201, duringTwoFactorSetup: true, handler: totp.setup },
  { method: 'post', path: '/api/auth/totp/enable', tag: 'auth', summary: "Turn two-factor sign-in on with a first code from the authenticator app; answers with ten recovery codes, shown once. Where the organisation requires it, the admin's set-up link is needed too (its cookie, or `token`)", access: 'user', rateLimit: 'auth', body: 'accounts#/$defs/totpEnable', response: 'accounts#/$defs/totpStatus', duringTwoFactorSetup: true, handler: totp.enable },
  { method: 'post', path: '/api/auth/totp/disable', tag: 'auth', summary: 'Turn two-factor sign-in off (needs a current code or a recovery code)', access: 'user', rateLimit: 'auth', body: 'accounts#/$defs/secondFactor', response: 'accounts#/$defs/totpStatus', handler: totp.disable },
  { method: 'post', path: '/api/auth/totp/recovery-codes', tag: 'auth', summary: 'Ten new recovery codes in place of the old ones (needs a current code or a recovery code)', access: 'user', rateLimit: 'auth', body: 'accounts#/$defs/secondFactor', response: 'accounts#/$defs/totpStatus', handler: totp.renewRecoveryCodes },
  { method: 'get', path: '/two-factor/:token', tag: 'auth', summary: "A two-factor set-up link: 303 to the app's /two-factor page, its token moved into a short-lived HttpOnly cookie for turning two-factor sign-in on", access: 'public', rateLimit: 'link', status: 303, handler: totp.land },
];
