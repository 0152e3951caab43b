// Where: outcomes (and stories and fragments) per country, and per NAP focus region, under the
// same filters as the outcome list (goal filters include sub-goals). Counted per country in SQL;
// a region adds up its countries' counts (each record has one country, so nothing counts twice).
import type { Ctx } from '../http/types';
import { countable, DashboardQuery, outcomeFilters } from './scope';
import { countEvidence, evidenceKinds } from './evidence';
import { focusRegions } from './regions';

type Counts = { outcomes: number; stories: number; fragments: number };

export async function map(ctx: Ctx<unknown, DashboardQuery>) {
  const f = await outcomeFilters(ctx, ctx.query, false);
  const byCountry = new Map<string, Counts>();
  const at = (c: string) => byCountry.get(c) ?? byCountry.set(c, { outcomes: 0, stories: 0, fragments: 0 }).get(c)!;
  const qb = ctx.db('outcomes as o');
  countable(qb, ctx.db, ctx.user, f);
  const rows: Array<{ country: string; n: number | string }> = await qb.select('o.country').count({ n: '*' }).groupBy('o.country');
  for (const r of rows) at(r.country).outcomes += Number(r.n);
  for (const kind of evidenceKinds()) {
    for (const r of await countEvidence(ctx.db, ctx.user, f, kind, { by: 'country' })) at(r.country)[kind] += Number(r.n);
  }
  const countries = [...byCountry.entries()].map(([country, c]) => ({ country, ...c })).sort((a, b) => b.outcomes - a.outcomes || a.country.localeCompare(b.country));
  const regions = focusRegions().map((r) => {
    const sum = (k: keyof Counts) => r.countries.reduce((s, c) => s + (byCountry.get(c)?.[k] ?? 0), 0);
    return { code: r.code, name: r.name, names: r.names, countries: r.countries, outcomes: sum('outcomes'), stories: sum('stories'), fragments: sum('fragments') };
  });
  return { from: f.from ?? null, to: f.to ?? null, total: countries.reduce((s, c) => s + c.outcomes, 0), countries, regions };
}
