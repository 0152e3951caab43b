// The route registry: every route of the app, with its method, path, schemas and access rule, in
// one list. The app mounts it, the OpenAPI document describes it, and the access tests walk it.
import type { RouteDef } from './http/types';
import { routes as auth } from './auth/routes';
import { routes as organisations } from './organisations/routes';
import { routes as programmes } from './programmes/routes';
import { routes as accounts } from './accounts/routes';
import { routes as frameworks } from './frameworks/routes';
import { routes as health } from './health/routes';
import { routes as outcomes } from './outcomes/routes';
import { routes as harvests } from './harvests/routes';
import { routes as review } from './review/routes';
import { routes as substantiations } from './substantiations/routes';
import { routes as chains } from './chains/routes';
import { routes as twoFactor } from './auth/totp-routes';
import { routes as audit } from './audit/routes';
import { routes as exportsRoutes } from './exports/routes';
import { routes as importsRoutes } from './imports/routes';
import { routes as iati } from './iati/routes';
import { routes as reports } from './reports/routes';
import { routes as codebook } from './codebook/routes';
import { routes as indicators } from './indicators/routes';
import { routes as dashboard } from './dashboard/routes';
import { routes as domains } from './change-domains/routes';
import { routes as stories } from './stories/routes';
import { routes as selections } from './selections/routes';
import { routes as sources } from './fragments/source-routes';
import { routes as consent } from './consent/routes';
import { routes as themes } from './themes/routes';
import { routes as fragments } from './fragments/routes';
import { routes as files } from './files/routes';
import { routes as evidence } from './evidence/routes';
import { routes as search } from './search/routes';
import { routes as rules } from './rules/routes';

export const resourceRoutes: RouteDef[] = [
  ...health, ...auth, ...organisations, ...programmes, ...accounts, ...frameworks, ...outcomes,
  ...harvests, ...review, ...substantiations, ...chains,
  ...twoFactor, ...audit,
  ...exportsRoutes, ...importsRoutes, ...iati, ...reports, ...codebook,
  ...indicators, ...dashboard,
  ...domains, ...stories, ...consent, ...selections, ...sources, ...themes, ...fragments, ...files, ...evidence, ...search, ...rules,
];
