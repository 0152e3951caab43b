// Two-factor sign-in (TOTP) for the logged-in user. Login itself takes the code (auth/service.ts).
import type { RouteDef } from '../http/types';
import * as totp from './totp';

export const routes: RouteDef[] = [
  { method: 'post', path: '/api/auth/totp/setup', tag: 'auth', summary: 'Start setting up two-factor sign-in: a new secret and its otpauth:// URI (not active yet)', access: 'user', response: 'accounts#/$defs/totpSetup', status: 201, handler: totp.setup },
  { method: 'post', path: '/api/auth/totp/enable', tag: 'auth', summary: 'Turn two-factor sign-in on with a first code from the authenticator app', access: 'user', rateLimit: 'auth', body: 'accounts#/$defs/totpCode', response: 'accounts#/$defs/totpStatus', handler: totp.enable },
  { method: 'post', path: '/api/auth/totp/disable', tag: 'auth', summary: 'Turn two-factor sign-in off (needs a current code)', access: 'user', rateLimit: 'auth', body: 'accounts#/$defs/totpCode', response: 'accounts#/$defs/totpStatus', handler: totp.disable },
];
