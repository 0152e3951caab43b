// An outcome's revisions name the stories and fragments linked to it as evidence (link_evidence,
// unlink_evidence). A reader of those revisions may not open every one of them — a confidential
// fragment of another organisation linked by an evaluator, a draft story — and no hidden record's
// id or kind may reach them: such revisions are left out for that reader.
import type { Ctx } from '../http/types';
import { whereStoryVisible } from '../stories/access';
import { whereFragmentVisible } from '../fragments/access';

type Revision = { action: string; changes: Array<{ field: string; old: unknown; new: unknown }> };
type Linked = { storyId?: string; fragmentId?: string };

const linkedIn = (r: Revision): Linked[] => r.changes.filter((c) => c.field === 'evidenceLinks')
  .flatMap((c) => [c.old, c.new]).filter((v): v is Linked => !!v && typeof v === 'object');

export async function withoutHiddenLinks<R extends Revision>(ctx: Ctx, items: R[]): Promise<R[]> {
  const links = items.flatMap(linkedIn);
  const storyIds = [...new Set(links.map((l) => l.storyId).filter((id): id is string => !!id))];
  const fragmentIds = [...new Set(links.map((l) => l.fragmentId).filter((id): id is string => !!id))];
  if (!storyIds.length && !fragmentIds.length) return items;
  const visible = new Set<string>([
    ...(storyIds.length ? await whereStoryVisible(ctx.db('stories as s').whereIn('s.id', storyIds), ctx.user).pluck('s.id') : []),
    ...(fragmentIds.length ? await whereFragmentVisible(ctx.db('fragments as f').whereIn('f.id', fragmentIds), ctx.user).pluck('f.id') : []),
  ]);
  return items.filter((r) => linkedIn(r).every((l) => visible.has((l.storyId ?? l.fragmentId)!)));
}
