// The record kinds that can be imported. A kind joins by adding its ImportKind here.
import { Problem } from '../http/problem';
import type { Ctx } from '../http/types';
import type { ImportKind } from './kinds';
import { outcomesImport } from './outcomes';
import { storiesImport } from './stories';
import { indicatorValuesImport } from './indicator-values';

export const IMPORT_KINDS: Record<string, ImportKind> = { outcomes: outcomesImport, stories: storiesImport, 'indicator-values': indicatorValuesImport };

/** The kind if it can be imported and the user may import it: 422 for a kind not built yet, 403 for a role. */
export function importKind(ctx: Ctx, name: string): ImportKind {
  const kind = IMPORT_KINDS[name];
  if (!kind) throw new Problem('unprocessable', `Importing ${name} is not available yet`, [{ path: '/kind', message: 'cannot be imported yet' }]);
  if (!kind.roles.includes(ctx.user.role)) throw new Problem('forbidden', `Your role may not import ${name}`);
  return kind;
}
