// The NAP focus regions (West Africa, Sahel, Horn of Africa, MENA, Great Lakes) and their
// countries, kept as a table in the seeds (seeds/reference/nap-focus-regions.json) and read once.
import fs from 'node:fs';
import path from 'node:path';
import { SEEDS_DIR } from '../core/paths';

export type Region = { code: string; name: string; names: Record<string, string>; countries: string[] };

let cache: Region[] | undefined;

export function focusRegions(): Region[] {
  if (cache) return cache;
  const file = JSON.parse(fs.readFileSync(path.join(SEEDS_DIR, 'reference', 'nap-focus-regions.json'), 'utf8')) as {
    regions: Array<{ code: string; name: string; name_nl?: string; name_fr?: string; name_ar?: string; countries: string[] }>;
  };
  cache = file.regions.map((r) => ({
    code: r.code, name: r.name, countries: r.countries,
    names: { ...(r.name_nl && { nl: r.name_nl }), ...(r.name_fr && { fr: r.name_fr }), ...(r.name_ar && { ar: r.name_ar }) },
  }));
  return cache;
}
