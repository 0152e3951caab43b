// How the preconditions and effects that the outcome lifecycle declares (./lifecycle.ts) are
// checked and carried out. Each is named once in the table; a Record over the names makes the
// compiler ask for every one.
import type { Ctx } from '../http/types';
import { Problem } from '../http/problem';
import { requireComplete } from '../records/completeness';
import { requireReviewed } from '../domain/disclosure';
import { evaluatorsOf, partnersOf } from '../notifications/recipients';
import { notify } from '../notifications/send';
import { outcomeFindings } from './disclosure';
import { toInput, type Outcome } from './representation';
import type { Effect, Precondition } from './lifecycle';

type Check = (ctx: Ctx, o: Outcome, confirmed?: string[]) => Promise<void>;

export const PRECONDITIONS: Record<Precondition, Check> = {
  complete: async (ctx, o) => requireComplete(ctx.app.validator, 'outcome', toInput(o)),
  'answered-substantiation': async (ctx, o) => {
    const answered = await ctx.db('substantiations').where({ outcome_id: o.id }).whereNotNull('answered_at').first('id');
    if (!answered) {
      throw new Problem('conflict', 'A conclusion needs at least one substantiation answer', [{ path: '/to', message: 'needs at least one answered substantiation' }]);
    }
  },
  'reviewed-findings': async (ctx, o, confirmed) => requireReviewed(await outcomeFindings(ctx, o), confirmed),
};

export const EFFECTS: Record<Effect, (ctx: Ctx, o: Outcome) => Promise<void>> = {
  'notify-evaluators': async (ctx, o) =>
    notify(ctx.db, { userIds: await evaluatorsOf(ctx.db, o.organisation.id), kind: 'outcome.submitted', outcomeId: o.id, actorId: ctx.user.id }),
  'notify-partners': async (ctx, o) =>
    notify(ctx.db, { userIds: await partnersOf(ctx.db, o.organisation.id), kind: 'outcome.returned', outcomeId: o.id, actorId: ctx.user.id }),
};
