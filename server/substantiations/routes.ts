// Substantiation: evaluators ask independent people about an outcome; substantiators answer on a
// public, script-free page reached by a single-use link. The link's first request trades its
// token for a cookie and a 303 to /substantiate (server/substantiations/public.ts).
import type { RouteDef } from '../http/types';
import * as service from './service';
import * as publicPage from './public';

const reviewers = ['evaluator', 'admin'] as const;

export const routes: RouteDef[] = [
  { method: 'get', path: '/api/outcomes/:id/substantiations', tag: 'substantiation', summary: "An outcome's substantiations (who, only for its evaluators) and its conclusion", access: 'user', query: 'common#/$defs/listQuery', response: 'substantiations#/$defs/substantiationList', handler: service.list },
  { method: 'post', path: '/api/outcomes/:id/substantiations', tag: 'substantiation', summary: 'Ask an independent person to substantiate an outcome under review', access: reviewers, body: 'substantiations#/$defs/substantiationCreate', response: 'substantiations#/$defs/substantiation', status: 201, handler: service.create },
  { method: 'put', path: '/api/outcomes/:id/substantiations/:sid', tag: 'substantiation', summary: "Record a substantiator's answer", access: reviewers, body: 'substantiations#/$defs/answer', response: 'substantiations#/$defs/substantiation', handler: service.answer },
  { method: 'post', path: '/api/outcomes/:id/substantiations/:sid/link', tag: 'substantiation', summary: 'A single-use, expiring link for the substantiator to answer', access: reviewers, response: 'common#/$defs/link', status: 201, handler: service.link },
  { method: 'get', path: '/substantiate/:token', tag: 'substantiation', summary: "The substantiator's link: 303 to /substantiate, its token moved into a short-lived HttpOnly cookie (or a page saying the link is gone)", access: 'public', rateLimit: 'link', query: 'substantiations#/$defs/pageQuery', status: 303, produces: 'text/html', handler: publicPage.land },
  { method: 'get', path: '/substantiate', tag: 'substantiation', summary: "The substantiator's page for the link in the cookie (HTML, no script; en, fr, ar)", access: 'public', rateLimit: 'link', query: 'substantiations#/$defs/pageQuery', produces: 'text/html', handler: publicPage.show },
  { method: 'post', path: '/substantiate', tag: 'substantiation', summary: "The substantiator's answer, from the page's form, for the link in the cookie", access: 'public', rateLimit: 'link', query: 'substantiations#/$defs/pageQuery', body: 'substantiations#/$defs/linkAnswer', form: true, produces: 'text/html', handler: publicPage.submitByCookie },
  { method: 'post', path: '/substantiate/:token', tag: 'substantiation', summary: "The substantiator's answer with the token in the path (forms made before the cookie)", access: 'public', rateLimit: 'link', query: 'substantiations#/$defs/pageQuery', body: 'substantiations#/$defs/linkAnswer', form: true, produces: 'text/html', handler: publicPage.submit },
];
