// Who is logged in, and where each role starts.
import { api, patch, post } from './api';
import type { Lang } from './i18n';

export type Role = 'admin' | 'partner' | 'evaluator' | 'donor';
export type Ref = { id: string; name: string };
export type TwoFactor = { enabled: boolean; required: boolean; recoveryCodesLeft?: number };
export type Me = { id: string; email: string; name: string; role: Role; language: string; organisation: Ref; programmes: Ref[]; twoFactor: TwoFactor };

/** The organisation requires two-factor sign-in and it is not on yet: the session may only set it up. */
export const setupOnly = (u: Me | null): boolean => !!u && u.twoFactor.required && !u.twoFactor.enabled;

let current: Me | null = null;

export const me = (): Me | null => current;

export async function loadMe(): Promise<Me | null> {
  // asked as a session (200 with null when signed out): a 401 here would show as an error in the console
  current = (await api<{ user: Me | null }>('/api/auth/session').catch(() => ({ user: null }))).user;
  return current;
}

/**
 * Log in; `second` is a code from the authenticator app or a recovery code, told apart by their
 * form. 'code needed' when the password is right and a second factor is due.
 */
export async function login(email: string, password: string, second?: string): Promise<Me | 'code needed'> {
  const code = second?.replace(/\s/g, '');
  const factor = !code ? {} : /^\d{6}$/.test(code) ? { totp: code } : { recoveryCode: second!.trim() };
  const r = await api<Me | { totpRequired: true }>('/api/auth/login', { method: 'POST', json: { email, password, ...factor }, quiet401: true });
  if ('totpRequired' in r) return 'code needed';
  current = r;
  return current;
}

export async function logout(): Promise<void> {
  await post('/api/auth/logout', {}).catch(() => undefined);
  current = null;
}

/** Forget the session locally (the server said 401): the next screen is the login. */
export const forget = () => { current = null; };

/** Remember the interface language in the profile, so it follows the user to other devices. */
export async function saveLanguage(language: Lang): Promise<void> {
  if (!current || current.language === language || setupOnly(current)) return;
  current = await patch<Me>('/api/auth/me', { language });
}

export function homeOf(role: Role): string {
  if (role === 'partner') return '/outcomes';
  if (role === 'evaluator') return '/review';
  return '/dashboard';
}

export const can = {
  record: (u: Me | null) => u?.role === 'partner' || u?.role === 'admin',
  review: (u: Me | null) => u?.role === 'evaluator' || u?.role === 'admin',
};
