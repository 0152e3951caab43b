// Routes for login, logout, the current user and set-password links.
import type { RouteDef } from '../http/types';
import * as service from './service';
import * as setPassword from './set-password';

export const routes: RouteDef[] = [
  { method: 'post', path: '/api/auth/login', tag: 'auth', summary: 'Log in with email and password', access: 'public', rateLimit: 'auth', body: 'auth#/$defs/login', response: 'auth#/$defs/loginResult', handler: service.login },
  { method: 'post', path: '/api/auth/logout', tag: 'auth', summary: 'Log out (ends this session)', access: 'user', status: 204, duringTwoFactorSetup: true, handler: service.logout },
  { method: 'get', path: '/api/auth/me', tag: 'auth', summary: 'The current user', access: 'user', response: 'auth#/$defs/me', duringTwoFactorSetup: true, handler: service.me },
  { method: 'get', path: '/api/auth/session', tag: 'auth', summary: 'The current user, or null when signed out (200 either way: the app asks this at start)', access: 'public', response: 'auth#/$defs/session', duringTwoFactorSetup: true, handler: service.session },
  { method: 'patch', path: '/api/auth/me', tag: 'auth', summary: 'Change your name, language or password', access: 'user', rateLimit: 'auth', body: 'auth#/$defs/mePatch', response: 'auth#/$defs/me', handler: service.updateMe },
  { method: 'post', path: '/api/auth/set-password', tag: 'auth', summary: "Set a password through a single-use link: the token in the body, or else the link's cookie", access: 'public', rateLimit: 'link', body: 'auth#/$defs/setPassword', status: 204, handler: setPassword.setPassword },
  { method: 'get', path: '/set-password/:token', tag: 'auth', summary: "A set-password link: 303 to the app's /set-password page, its token moved into a short-lived HttpOnly cookie for the call above", access: 'public', rateLimit: 'link', status: 303, handler: setPassword.land },
];
