// The dashboards' aggregates: everything the charts need, counted in the database under the
// visibility rules and filters of the lists, confidential records left out.
import { JsonText, type Ctx, type RouteDef } from '../http/types';
import { cachedRead, scopeKey } from '../db/read-cache';
import { timeline } from './timeline';
import { transformation } from './transformation';
import { coverage } from './coverage';
import { map } from './map';
import { pathways } from './pathways';

type Aggregate = (ctx: Ctx<unknown, Record<string, string | undefined>>) => Promise<unknown>;

/** An aggregate kept per user and query until the next write (server/db/read-cache.ts). */
const kept = (name: string, aggregate: Aggregate): Aggregate => (ctx) => {
  const query = Object.keys(ctx.query).sort().map((k) => [k, ctx.query[k]]);
  // with no data and no range, a chart shows the current year (scope.ts dataRange): the year is in the key
  const year = new Date().getUTCFullYear();
  // kept as JSON text, so a kept answer is not serialised again; weighed by its length, in units of 8 bytes
  return cachedRead(ctx.db, `dashboard:${name}:${year}:${scopeKey(ctx.user)}:${JSON.stringify(query)}`,
    async () => new JsonText(JSON.stringify(await aggregate(ctx))), (v) => v.text.length / 8);
};

export const routes: RouteDef[] = [
  { method: 'get', path: '/api/dashboard/timeline', tag: 'dashboard', summary: 'Outcomes, stories, fragments and indicator values per goal and time bucket', access: 'user', query: 'dashboard#/$defs/timelineQuery', response: 'dashboard#/$defs/timeline', handler: kept('timeline', timeline) },
  { method: 'get', path: '/api/dashboard/transformation', tag: 'dashboard', summary: 'Outcomes per Gender at Work quadrant per year (or years pooled), with the shares of systemic and formal change where there are enough, in total and per goal', access: 'user', query: 'dashboard#/$defs/transformationQuery', response: 'dashboard#/$defs/transformation', handler: kept('transformation', transformation) },
  { method: 'get', path: '/api/dashboard/coverage', tag: 'dashboard', summary: 'The goal tree with outcomes, substantiation, stories, fragments and indicators per goal', access: 'user', query: 'dashboard#/$defs/filterQuery', response: 'dashboard#/$defs/coverage', handler: kept('coverage', coverage) },
  { method: 'get', path: '/api/dashboard/map', tag: 'dashboard', summary: 'Counts per country and per NAP focus region', access: 'user', query: 'dashboard#/$defs/filterQuery', response: 'dashboard#/$defs/map', handler: kept('map', map) },
  { method: 'get', path: '/api/dashboard/pathways', tag: 'dashboard', summary: 'The outcome-chain graph under the current filters', access: 'user', query: 'dashboard#/$defs/filterQuery', response: 'dashboard#/$defs/pathways', handler: kept('pathways', pathways) },
];
