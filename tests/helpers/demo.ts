// Signing in as a demo account (seeds/demo.ts), for tests over the demo data.
import type { Client, TestApp } from './app';

export const DEMO_PASSWORD = 'oogst-demo';

export async function demoClient(t: TestApp, email: string): Promise<Client> {
  const c = t.anon();
  const login = await c.post('/api/auth/login', { email, password: DEMO_PASSWORD });
  if (login.status !== 200) throw new Error(`login ${email}: ${login.status}`);
  return c;
}
