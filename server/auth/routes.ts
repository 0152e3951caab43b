// Routes for login, logout, the current user and set-password links.
import type { RouteDef } from '../http/types';
import * as service from './service';

export const routes: RouteDef[] = [
  { method: 'post', path: '/api/auth/login', tag: 'auth', summary: 'Log in with email and password', access: 'public', rateLimit: 'auth', body: 'auth#/$defs/login', response: 'auth#/$defs/loginResult', handler: service.login },
  { method: 'post', path: '/api/auth/logout', tag: 'auth', summary: 'Log out (ends this session)', access: 'user', status: 204, handler: service.logout },
  { method: 'get', path: '/api/auth/me', tag: 'auth', summary: 'The current user', access: 'user', response: 'auth#/$defs/me', handler: service.me },
  { method: 'patch', path: '/api/auth/me', tag: 'auth', summary: 'Change your name, language or password', access: 'user', rateLimit: 'auth', body: 'auth#/$defs/mePatch', response: 'auth#/$defs/me', handler: service.updateMe },
  { method: 'post', path: '/api/auth/set-password', tag: 'auth', summary: 'Set a password through a single-use link', access: 'public', rateLimit: 'link', body: 'auth#/$defs/setPassword', status: 204, handler: service.setPassword },
];
