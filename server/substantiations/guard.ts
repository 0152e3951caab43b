// A conclusion (substantiated, partly, not) rests on what independent people said: it needs at
// least one answered substantiation. Plugged into the outcome lifecycle's preconditions; imported
// for its effect by the substantiation routes.
import { Problem } from '../http/problem';
import { transitionGuards } from '../outcomes/service';
import { isConclusion } from '../outcomes/lifecycle';

transitionGuards.push(async (ctx, o, to) => {
  if (!isConclusion(to)) return;
  const answered = await ctx.db('substantiations').where({ outcome_id: o.id }).whereNotNull('answered_at').first('id');
  if (!answered) {
    throw new Problem('conflict', 'A conclusion needs at least one substantiation answer', [{ path: '/to', message: 'needs at least one answered substantiation' }]);
  }
});
