// Who is logged in, and where each role starts.
import { api, patch, post } from './api';
import type { Lang } from './i18n';

export type Role = 'admin' | 'partner' | 'evaluator' | 'donor';
export type Ref = { id: string; name: string };
export type Me = { id: string; email: string; name: string; role: Role; language: string; organisation: Ref; programmes: Ref[] };

let current: Me | null = null;

export const me = (): Me | null => current;

export async function loadMe(): Promise<Me | null> {
  // asked as a session (200 with null when signed out): a 401 here would show as an error in the console
  current = (await api<{ user: Me | null }>('/api/auth/session').catch(() => ({ user: null }))).user;
  return current;
}

export async function login(email: string, password: string): Promise<Me> {
  current = await api<Me>('/api/auth/login', { method: 'POST', json: { email, password }, quiet401: true });
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
  if (!current || current.language === language) return;
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
