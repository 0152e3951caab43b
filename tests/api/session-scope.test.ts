// The session query carries each user's programme scope (server/auth/session.ts): it must give
// exactly what programmeScope() computes, for every role, with one programme, several, or none.
import { startTestApp, TestApp, PEOPLE, Person } from '../helpers/app';
import { loadSessionUser, programmeScope } from '../../server/auth/session';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  // partner1 in two programmes, the evaluator in two, evaluatorB in none
  await t.ctx.db('programme_partners').insert({ programme_id: t.world.programmes.B, organisation_id: t.world.orgs.p1 });
  await t.ctx.db('programme_members').insert({ programme_id: t.world.programmes.B, user_id: t.world.users.evaluator });
  await t.ctx.db('programme_members').where({ user_id: t.world.users.evaluatorB }).del();
});
afterAll(async () => { await t.close(); });

test.each(Object.keys(PEOPLE) as Person[])('when %s makes a request, then the session gives the programme scope programmeScope() computes', async (who) => {
  const client = await t.as(who);
  const user = await loadSessionUser(t.ctx, { headers: { cookie: client.cookie } } as never);
  const row = await t.ctx.db('users').where({ id: t.world.users[who] }).first();
  const expected = await programmeScope(t.ctx.db, row.id, row.role, row.organisation_id);
  expect({ programmeIds: [...user!.programmeIds].sort(), programmeOrgIds: [...user!.programmeOrgIds].sort() })
    .toEqual({ programmeIds: [...expected.programmeIds].sort(), programmeOrgIds: [...expected.programmeOrgIds].sort() });
  if (who === 'evaluatorB') expect(user!.programmeIds).toEqual([]);
  if (who === 'partner1') expect(user!.programmeIds).toHaveLength(2);
});
