// The route registry: every route of the app, with its method, path, schemas and access rule, in
// one list. The app mounts it, the OpenAPI document describes it, and the access tests walk it.
import type { RouteDef } from './http/types';
import { routes as auth } from './auth/routes';
import { routes as organisations } from './organisations/routes';
import { routes as programmes } from './programmes/routes';
import { routes as users } from './users/routes';
import { routes as frameworks } from './frameworks/routes';
import { routes as health } from './health/routes';
import { routes as outcomes } from './outcomes/routes';

export const resourceRoutes: RouteDef[] = [
  ...health, ...auth, ...organisations, ...programmes, ...users, ...frameworks, ...outcomes,
];
