// Plugs the review's notifications into the outcome lifecycle: evaluators hear of a submission,
// partners of a return to draft. Imported for its effect by the review routes, so it is in place
// wherever the app's routes are.
import { afterTransition } from '../outcomes/service';
import { evaluatorsOf, partnersOf } from './people';
import { notify } from './notifications';

afterTransition.push(async (ctx, o, from, to) => {
  if (to === 'submitted') {
    await notify(ctx.db, { userIds: await evaluatorsOf(ctx.db, o.organisation.id), kind: 'outcome.submitted', outcomeId: o.id, actorId: ctx.user.id });
  } else if (to === 'draft' && from !== 'draft') {
    await notify(ctx.db, { userIds: await partnersOf(ctx.db, o.organisation.id), kind: 'outcome.returned', outcomeId: o.id, actorId: ctx.user.id });
  }
});
