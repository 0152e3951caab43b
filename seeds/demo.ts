// The demo dataset: four organisations, one programme joining them, five accounts (password
// "oogst-demo"), and the records of later modules. Never run in production or in tests.
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../server/http/types';
import type { Db } from '../server/db/knex';
import { hashPassword } from '../server/auth/passwords';
import * as users from '../server/users/repository';
import { nowIso } from '../server/core/clock';
import { seedDemoRecords } from './demo-records';
import { seedDemoNames } from './demo-names';

export const DEMO_PASSWORD = 'oogst-demo';

export const DEMO_ORGS = {
  admin: { name: 'Oogst platform team', kind: 'admin', country: 'NL' },
  partner1: { name: 'Femmes pour la Paix au Sahel', kind: 'partner', country: 'ML' },
  partner2: { name: 'Nisaa Peace Network', kind: 'partner', country: 'SD' },
  evaluator: { name: 'Harvest & Learning Evaluators', kind: 'evaluator', country: 'NL' },
  donor: { name: 'Ministry of Foreign Affairs (NL) — WPS instrument', kind: 'donor', country: 'NL' },
} as const;

export const DEMO_USERS = [
  { email: 'admin@oogst.test', name: 'Anouk Admin', role: 'admin', org: 'admin', language: 'en' },
  { email: 'partner@oogst.test', name: 'Aminata Traoré', role: 'partner', org: 'partner1', language: 'fr' },
  { email: 'partner2@oogst.test', name: 'Salma Idris', role: 'partner', org: 'partner2', language: 'en' },
  { email: 'evaluator@oogst.test', name: 'Eva de Vries', role: 'evaluator', org: 'evaluator', language: 'en' },
  { email: 'donor@oogst.test', name: 'Daan Bakker', role: 'donor', org: 'donor', language: 'nl' },
] as const;

export type DemoIds = { orgs: Record<keyof typeof DEMO_ORGS, string>; users: Record<string, string>; programmeId: string };

export async function hasData(db: Db): Promise<boolean> {
  return !!(await db('users').first('id'));
}

export async function seedDemo(app: AppContext): Promise<DemoIds> {
  const now = nowIso();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return app.db.transaction(async (db) => {
    const orgs = {} as DemoIds['orgs'];
    for (const [key, o] of Object.entries(DEMO_ORGS)) {
      const existing = await db('organisations').where({ name: o.name }).first('id');
      orgs[key as keyof typeof DEMO_ORGS] = existing?.id ?? randomUUID();
      if (!existing) await db('organisations').insert({ id: orgs[key as keyof typeof DEMO_ORGS], ...o, created_at: now, updated_at: now });
    }
    const ids: Record<string, string> = {};
    for (const u of DEMO_USERS) {
      const existing = await users.findByEmail(db, app.keyring, u.email);
      ids[u.email] = existing?.id ?? randomUUID();
      if (!existing) {
        await users.insert(db, app.keyring, { id: ids[u.email], email: u.email, name: u.name, role: u.role, organisationId: orgs[u.org], language: u.language, passwordHash, now });
      }
    }
    const name = 'Women Lead Peace — WPS instrument 2021–2027';
    const existing = await db('programmes').where({ name }).first('id');
    const programmeId = existing?.id ?? randomUUID();
    if (!existing) {
      await db('programmes').insert({
        id: programmeId, name, created_at: now, updated_at: now, period_start: '2021-01-01', period_end: '2027-12-31',
        description: 'Grant under the Dutch WPS instrument to women-led peace and security organisations in the Sahel, the Horn of Africa and the Middle East.',
        iati_identifier: 'XM-DAC-7-PPR-4000004321', reporting_org_ref: 'XM-DAC-7',
      });
      await db('programme_partners').insert([{ programme_id: programmeId, organisation_id: orgs.partner1 }, { programme_id: programmeId, organisation_id: orgs.partner2 }]);
      await db('programme_members').insert([
        { programme_id: programmeId, user_id: ids['evaluator@oogst.test'] },
        { programme_id: programmeId, user_id: ids['donor@oogst.test'] },
      ]);
    }
    const demo = { orgs, users: ids, programmeId };
    await seedDemoRecords(app, db, demo);
    await seedDemoNames(db, programmeId);
    return demo;
  });
}
