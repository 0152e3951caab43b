// The session query carries each user's programme scope (server/auth/session.ts), as one SQL
// expression. Checked here against the rule written out plainly — a partner's programmes are its
// organisation's, anyone else's their memberships; the organisations are those programmes'
// partners — for every role, with one programme, several, or none.
import { startTestApp, TestApp, PEOPLE, Person } from '../helpers/app';
import { loadSessionUser, programmeScope } from '../../server/auth/session';
import type { Db } from '../../server/db/knex';

async function plainScope(db: Db, user: { id: string; role: string; organisation_id: string }) {
  const programmeIds: string[] = user.role === 'partner'
    ? await db('programme_partners').where({ organisation_id: user.organisation_id }).pluck('programme_id')
    : await db('programme_members').where({ user_id: user.id }).pluck('programme_id');
  const programmeOrgIds: string[] = await db('programme_partners').whereIn('programme_id', programmeIds).distinct().pluck('organisation_id');
  return { programmeIds: [...new Set(programmeIds)].sort(), programmeOrgIds: [...new Set(programmeOrgIds)].sort() };
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  // partner1 in two programmes, the evaluator in two, evaluatorB in none
  await t.ctx.db('programme_partners').insert({ programme_id: t.world.programmes.B, organisation_id: t.world.orgs.p1 });
  await t.ctx.db('programme_members').insert({ programme_id: t.world.programmes.B, user_id: t.world.users.evaluator });
  await t.ctx.db('programme_members').where({ user_id: t.world.users.evaluatorB }).del();
});
afterAll(async () => { await t.close(); });

test.each(Object.keys(PEOPLE) as Person[])('when %s makes a request, then the session gives their programme scope, as programmeScope() does', async (who) => {
  const client = await t.as(who);
  const user = await loadSessionUser(t.ctx, { headers: { cookie: client.cookie } } as never);
  const row = await t.ctx.db('users').where({ id: t.world.users[who] }).first();
  const expected = await plainScope(t.ctx.db, row);
  const sorted = (s: { programmeIds: string[]; programmeOrgIds: string[] }) => ({ programmeIds: [...s.programmeIds].sort(), programmeOrgIds: [...s.programmeOrgIds].sort() });
  expect(sorted(user!)).toEqual(expected);
  expect(sorted(await programmeScope(t.ctx.db, row.id))).toEqual(expected);
  if (who === 'evaluatorB') expect(user!.programmeIds).toEqual([]);
  if (who === 'partner1') expect(user!.programmeIds).toHaveLength(2);
});
