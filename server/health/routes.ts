// Health: the database answers and which migration it is at.
import type { RouteDef } from '../http/types';
import { latestMigration } from '../db/knex';

export const routes: RouteDef[] = [
  {
    method: 'get', path: '/api/health', tag: 'operations', summary: 'Database reachable, latest migration', access: 'public',
    handler: async (ctx) => {
      await ctx.db.raw('select 1');
      return { status: 'ok', database: ctx.db.client.config.client === 'pg' ? 'postgresql' : 'sqlite', migration: await latestMigration(ctx.app.db) };
    },
  },
];
