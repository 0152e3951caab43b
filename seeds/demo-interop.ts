// Demo data of the interoperability module: a saved mapping from the "WPS outcome log" form of
// ODK Central (the shape of tests/fixtures/kobo/odk-central-wps-outcomes.json) to outcomes, so the
// import screen has a mapping to offer the demo partner.
import { randomUUID } from 'node:crypto';
import type { Db } from '../server/db/knex';
import type { DemoIds } from './demo';

const NAME = 'WPS outcome log (ODK Central)';

export const DEMO_MAPPING = {
  key: null,
  fields: {
    title: { from: 'change/what' }, description: { template: '{change/what}. Reported from {place/region}.' },
    socialActorName: { from: 'change/who' }, socialActorType: { from: 'change/who_type' }, occurredOn: { from: 'change/when', as: 'date' },
    significance: { from: 'change/significance' }, contribution: { from: 'change/contribution' }, adminArea: { from: 'place/region' },
    coordinates: { from: 'place/gps', as: 'geopoint' }, evidence: { from: 'evidence_photo', as: 'attachments' },
    primaryGoal: { value: 'NL-IV-1.3' }, otherGoals: { from: 'tags/goals', as: 'list', map: { participation: 'PART', prevention: 'PREV', protection: 'PROT' } },
    changeType: { value: 'OH-PRACTICE' }, quadrant: { value: 'GAW-NORMS' }, country: { value: 'ML' }, positive: { value: true }, intended: { value: true },
    sensitivity: { value: 'restricted' }, language: { value: 'fr' },
  },
};

export async function seedDemoInterop(db: Db, ids: DemoIds): Promise<void> {
  if (await db('import_mappings').where({ organisation_id: ids.orgs.partner1, name: NAME }).first('id')) return;
  const now = new Date().toISOString();
  await db('import_mappings').insert({
    id: randomUUID(), organisation_id: ids.orgs.partner1, name: NAME, kind: 'outcomes', definition: JSON.stringify(DEMO_MAPPING),
    created_by: ids.users['partner@oogst.test'], created_at: now, updated_at: now,
  });
}
