// The French, Arabic and Dutch names of the demo's own reference lists (seeds/demo/names-i18n.json,
// keyed by code): the domains of change of the demo programme's harvests, the codebook's themes, and
// the indicators' names, units and the words among their breakdowns' values (an indicator keeps
// those of the breakdowns it has). Written over what is there, so loading the demo again also names
// the records an earlier load left without them.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../server/db/knex';
import { SEEDS_DIR } from '../server/core/paths';

type Names = { fr?: string; ar?: string; nl?: string };
type DemoNames = {
  domains: Record<string, Names>;
  themes: Record<string, Names>;
  indicators: Record<string, { name: Names; unit: Names }>;
  /** by breakdown key, then value: {area: {World: {fr, ar, nl}}} */
  breakdowns: Record<string, Record<string, Names>>;
};

export function readDemoNames(): DemoNames {
  return JSON.parse(fs.readFileSync(path.join(SEEDS_DIR, 'demo', 'names-i18n.json'), 'utf8')) as DemoNames;
}

export async function seedDemoNames(db: Db, programmeId: string): Promise<void> {
  const names = readDemoNames();
  const harvests = db('harvests').where({ programme_id: programmeId }).select('id');
  for (const [code, n] of Object.entries(names.domains)) {
    await db('change_domains').where({ code }).whereIn('harvest_id', harvests.clone()).update({ names: JSON.stringify(n) });
  }
  for (const [code, n] of Object.entries(names.themes)) await db('themes').where({ code }).update({ names: JSON.stringify(n) });
  for (const [code, n] of Object.entries(names.indicators)) {
    const row = await db('indicators').where({ code }).first('disaggregations');
    if (!row) continue;
    const keys = JSON.parse(row.disaggregations ?? '[]') as string[];
    const breakdowns = Object.fromEntries(Object.entries(names.breakdowns).filter(([key]) => keys.includes(key)));
    await db('indicators').where({ code }).update({ names: JSON.stringify(n.name), unit_names: JSON.stringify(n.unit), breakdown_names: JSON.stringify(breakdowns) });
  }
}
