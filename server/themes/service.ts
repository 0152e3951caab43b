// The themes codebook that fragments are coded with. Evaluators manage it; everyone reads it.
// Codes are stable (fragments refer to them); names and descriptions can be revised, and a theme
// nothing uses can be removed, leaving its trace in the history.
import type { Ctx } from '../http/types';
import { created, noContent } from '../http/types';
import { notFound, Problem } from '../http/problem';
import { nowIso } from '../core/clock';
import { audit } from '../audit/log';
import { diff, recordRevision } from '../revisions/log';
import { whereFragmentVisible } from '../fragments/access';
import { namesOf, namesText } from '../reference/language';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type ThemeBody = { code: string; name: string; description?: string | null; parentCode?: string | null; names?: Record<string, string> };

const present = (r: Row, count = 0) => ({
  code: r.code, name: r.name, names: namesOf(r.names), description: r.description ?? null, parentCode: r.parent_code ?? null, fragments: count,
  createdAt: r.created_at, updatedAt: r.updated_at,
});

export async function list(ctx: Ctx) {
  const rows = await ctx.db('themes').orderBy('code');
  // counted as the fragment list counts: only fragments this user may see
  const visible = whereFragmentVisible(ctx.db('fragment_themes as ft').join('fragments as f', 'f.id', 'ft.fragment_id'), ctx.user);
  const counts = new Map<string, number>((await visible.groupBy('ft.theme_code').select('ft.theme_code').count({ n: '*' }))
    .map((r: Row) => [r.theme_code as string, Number(r.n)]));
  const items = rows.map((r) => present(r, counts.get(r.code)));
  return { items, total: items.length, page: 1, pageSize: items.length };
}

async function checkParent(ctx: Ctx, code: string, parent: string | null | undefined): Promise<void> {
  if (!parent) return;
  if (parent === code) throw new Problem('unprocessable', 'A theme cannot be its own parent', [{ path: '/parentCode', message: 'is the theme itself' }]);
  // walking up from the parent must not reach the theme: a codebook is a tree
  for (let at: string | null = parent; at; ) {
    const p: Row | undefined = await ctx.db('themes').where({ code: at }).first('code', 'parent_code');
    if (!p) throw new Problem('unprocessable', 'No such parent theme', [{ path: '/parentCode', message: `unknown theme ${at}` }]);
    if (p.parent_code === code) throw new Problem('unprocessable', 'That would make a cycle', [{ path: '/parentCode', message: 'is below the theme' }]);
    at = p.parent_code ?? null;
  }
}

export async function create(ctx: Ctx<ThemeBody>) {
  const b = ctx.body;
  if (await ctx.db('themes').where({ code: b.code }).first('code')) {
    throw new Problem('already_exists', `There is a theme ${b.code} already`, [{ path: '/code', message: 'is taken' }]);
  }
  await checkParent(ctx, b.code, b.parentCode);
  const now = nowIso();
  const row = { code: b.code, name: b.name, names: namesText(b.names), description: b.description ?? null, parent_code: b.parentCode ?? null, created_by: ctx.user.id, created_at: now, updated_at: now };
  await ctx.db('themes').insert(row);
  await audit(ctx.db, { actorId: ctx.user.id, action: 'theme.create', entityType: 'theme', entityId: b.code });
  return created(present(row));
}

export async function update(ctx: Ctx<Partial<ThemeBody>>) {
  const r = await ctx.db('themes').where({ code: ctx.params.code }).first();
  if (!r) throw notFound('theme');
  const before = { name: r.name, names: namesOf(r.names), description: r.description ?? null, parentCode: r.parent_code ?? null };
  const after = { ...before, ...ctx.body, ...(ctx.body.names && { names: JSON.parse(namesText(ctx.body.names)) as Record<string, string> }) };
  if (ctx.body.parentCode !== undefined) await checkParent(ctx, r.code, after.parentCode);
  const changes = diff(before, after, ['name', 'names', 'description', 'parentCode']);
  if (changes.length) {
    await ctx.db('themes').where({ code: r.code }).update({ name: after.name, names: namesText(after.names), description: after.description, parent_code: after.parentCode, updated_at: nowIso() });
    await recordRevision(ctx.db, ctx.app.keyring, { entityType: 'theme', entityId: r.code, actorId: ctx.user.id, action: 'update', changes, personal: [] });
    await audit(ctx.db, { actorId: ctx.user.id, action: 'theme.update', entityType: 'theme', entityId: r.code, details: { fields: changes.map((c) => c.field) } });
  }
  return present(await ctx.db('themes').where({ code: r.code }).first());
}

/**
 * Removes a theme no fragment is coded with and no theme sits under (a junk code from an import,
 * a typo): kept in the history with what it was. A theme in use answers 409 with the count.
 */
export async function remove(ctx: Ctx) {
  const r = await ctx.db('themes').where({ code: ctx.params.code }).first();
  if (!r) throw notFound('theme');
  const [{ n }] = await ctx.db('fragment_themes').where({ theme_code: r.code }).count({ n: '*' });
  if (Number(n)) throw new Problem('conflict', `The theme codes ${Number(n)} fragment(s); remove it from them first`, [{ path: '/code', message: 'is in use by fragments', code: 'in_use' }]);
  if (await ctx.db('themes').where({ parent_code: r.code }).first('code')) {
    throw new Problem('conflict', 'Other themes sit under this one; move or remove them first', [{ path: '/code', message: 'has themes under it', code: 'has_children' }]);
  }
  await ctx.db('themes').where({ code: r.code }).del();
  const was = { name: r.name, description: r.description ?? null, parentCode: r.parent_code ?? null };
  await recordRevision(ctx.db, ctx.app.keyring, { entityType: 'theme', entityId: r.code, actorId: ctx.user.id, action: 'delete', changes: diff(was, { name: null, description: null, parentCode: null }, ['name', 'description', 'parentCode']), personal: [] });
  await audit(ctx.db, { actorId: ctx.user.id, action: 'theme.delete', entityType: 'theme', entityId: r.code, details: was });
  return noContent();
}
