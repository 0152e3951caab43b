// Goal frameworks and typologies: read by everyone logged in, imported by admins.
import type { Ctx, RouteDef } from '../http/types';
import { created } from '../http/types';
import { audit } from '../audit/log';
import * as service from './service';

async function importOne(ctx: Ctx<service.FrameworkInput>) {
  const position = (await service.listFrameworks(ctx.db)).length;
  await service.importFramework(ctx.db, ctx.body, position);
  await audit(ctx.db, { actorId: ctx.user.id, action: 'framework.import', entityType: 'framework', entityId: ctx.body.id });
  return created(await service.goalTree(ctx.db, ctx.body.id));
}

export const routes: RouteDef[] = [
  { method: 'get', path: '/api/frameworks', tag: 'frameworks', summary: 'Goal frameworks', access: 'user', handler: async (ctx) => ({ items: await service.listFrameworks(ctx.db) }) },
  { method: 'post', path: '/api/frameworks', tag: 'frameworks', summary: 'Import a goal framework (seed-file shape)', access: ['admin'], body: 'frameworks#/$defs/frameworkImport', response: 'frameworks#/$defs/goalTree', status: 201, handler: importOne },
  { method: 'get', path: '/api/frameworks/:id/goals', tag: 'frameworks', summary: 'The goal tree of a framework', access: 'user', response: 'frameworks#/$defs/goalTree', handler: (ctx) => service.goalTree(ctx.db, ctx.params.id) },
  { method: 'get', path: '/api/typologies', tag: 'frameworks', summary: 'Change typologies (Gender at Work, outcome types, …)', access: 'user', handler: async (ctx) => ({ items: await service.listTypologies(ctx.db) }) },
];
