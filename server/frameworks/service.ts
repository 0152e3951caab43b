// Goal frameworks (NAP1325-IV, UNSCR 1325, …) and change typologies: import in the shape of the
// seed files, idempotently, and read back as trees. Goal codes are unique across frameworks.
import type { Db } from '../db/knex';
import { Problem } from '../http/problem';

export type GoalInput = {
  code: string; name: string; name_nl?: string; name_fr?: string; name_ar?: string; description?: string;
  children?: GoalInput[];
};
export type FrameworkInput = {
  id: string; name: string; name_nl?: string; name_fr?: string; name_ar?: string; version?: string;
  source_url?: string; goals: GoalInput[]; [extra: string]: unknown;
};

const namesOf = (x: { name_nl?: string; name_fr?: string; name_ar?: string }) =>
  JSON.stringify({ ...(x.name_nl && { nl: x.name_nl }), ...(x.name_fr && { fr: x.name_fr }), ...(x.name_ar && { ar: x.name_ar }) });

function flatten(goals: GoalInput[], parent: string | null, depth: number, out: Array<Record<string, unknown>>) {
  goals.forEach((g, i) => {
    out.push({ code: g.code, parent_code: parent, name: g.name, names: namesOf(g), description: g.description ?? null, position: i, depth });
    flatten(g.children ?? [], g.code, depth + 1, out);
  });
  return out;
}

export async function importFramework(db: Db, f: FrameworkInput, position = 0): Promise<void> {
  const rows = flatten(f.goals, null, 0, []);
  const codes = rows.map((r) => r.code as string);
  const dup = codes.find((c, i) => codes.indexOf(c) !== i);
  if (dup) throw new Problem('unprocessable', `Goal code ${dup} appears twice`, [{ path: '/goals', message: `duplicate code ${dup}` }]);
  const clash = await db('goals').whereIn('code', codes).whereNot({ framework_id: f.id }).first('code', 'framework_id');
  if (clash) {
    throw new Problem('already_exists', `Goal code ${clash.code} belongs to framework ${clash.framework_id}`, [{ path: '/goals', message: `code ${clash.code} is taken` }]);
  }
  const { id, name, version, source_url: sourceUrl, goals: _goals, name_nl: _n, name_fr: _f, name_ar: _a, ...meta } = f;
  await db('frameworks').insert({ id, name, names: namesOf(f), version: version ?? null, source_url: sourceUrl ?? null, meta: JSON.stringify(meta), position })
    .onConflict('id').merge();
  // parents before children, so the foreign key holds at every step
  for (const r of rows) await db('goals').insert({ ...r, framework_id: f.id }).onConflict('code').merge();
}

type Names = { name_fr?: string; name_ar?: string; name_nl?: string };
type TypologyInput = Names & { id: string; name: string; categories?: Array<Names & { code: string; name: string; description?: string; [k: string]: unknown }>; [k: string]: unknown };

export async function importTypology(db: Db, t: TypologyInput, position: number): Promise<void> {
  const { id, name, categories = [], name_fr: _tf, name_ar: _ta, name_nl: _tn, ...meta } = t;
  await db('typologies').insert({ id, name, names: namesOf(t), meta: JSON.stringify(meta), position }).onConflict('id').merge();
  for (const [i, c] of categories.entries()) {
    const { code, name: cname, description, name_fr: _f, name_ar: _a, name_nl: _n, ...cmeta } = c;
    await db('typology_categories')
      .insert({ code, typology_id: id, name: cname, names: namesOf(c), description: description ?? null, meta: JSON.stringify(cmeta), position: i })
      .onConflict('code').merge();
  }
}

export type GoalNode = { code: string; name: string; names: Record<string, string>; description: string | null; children: GoalNode[] };

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function listFrameworks(db: Db) {
  const rows: Array<Record<string, any>> = await db('frameworks as f').leftJoin('goals as g', 'g.framework_id', 'f.id')
    .groupBy('f.id', 'f.name', 'f.names', 'f.version', 'f.source_url', 'f.position')
    .orderBy('f.position').select('f.id', 'f.name', 'f.names', 'f.version', 'f.source_url').count({ n: 'g.code' });
  return rows.map((r) => ({ id: r.id, name: r.name, names: JSON.parse(r.names as string), version: r.version ?? null, sourceUrl: r.source_url ?? null, goalCount: Number(r.n) }));
}

export async function goalTree(db: Db, frameworkId: string) {
  const framework = (await listFrameworks(db)).find((f) => f.id === frameworkId);
  if (!framework) throw new Problem('not_found', 'No such framework');
  const rows = await db('goals').where({ framework_id: frameworkId }).orderBy(['depth', 'position']);
  const byCode = new Map<string, GoalNode>();
  const roots: GoalNode[] = [];
  for (const r of rows) {
    const node: GoalNode = { code: r.code, name: r.name, names: JSON.parse(r.names), description: r.description ?? null, children: [] };
    byCode.set(r.code, node);
    (r.parent_code ? byCode.get(r.parent_code)!.children : roots).push(node);
  }
  return { framework, goals: roots };
}

/** The codes given plus every descendant of them (a goal filter includes its sub-goals). */
export async function withDescendants(db: Db, codes: string[]): Promise<string[]> {
  const all = new Set(codes);
  let frontier = codes;
  while (frontier.length) {
    const next: string[] = await db('goals').whereIn('parent_code', frontier).pluck('code');
    frontier = next.filter((c) => !all.has(c));
    frontier.forEach((c) => all.add(c));
  }
  return [...all];
}

export async function listTypologies(db: Db) {
  const types = await db('typologies').orderBy('position');
  const cats = await db('typology_categories').orderBy(['typology_id', 'position']);
  return types.map((t) => ({
    id: t.id, name: t.name, names: JSON.parse(t.names), ...JSON.parse(t.meta),
    categories: cats.filter((c) => c.typology_id === t.id).map((c) => ({
      code: c.code, name: c.name, names: JSON.parse(c.names), description: c.description ?? null, ...JSON.parse(c.meta),
    })),
  }));
}
