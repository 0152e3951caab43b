// Selection rounds in the database, and how a round is shown: only the candidate stories the
// reader may see (counts follow the same rule), feedback only to those who see personal data.
// A round is shown only to those who may see the story it selected — its reasons and dissent
// speak of that story, and a round without it would tell that a hidden story won — or, once that
// story was withdrawn, to those who see one of its candidates, saying "withdrawn".
import type { Knex } from 'knex';
import { openRows } from '../crypto/record-keys';
import type { Db } from '../db/knex';
import type { Ctx, CurrentUser } from '../http/types';
import { canSeeStory, seesPersonalData, whereStoryVisible } from '../stories/access';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function findRound(db: Db, id: string): Promise<Row | undefined> {
  return db('selection_rounds').where({ id }).first();
}

export async function candidatesOf(db: Db, roundIds: string[]): Promise<Row[]> {
  if (!roundIds.length) return [];
  return db('selection_round_stories as rs').join('stories as s', 's.id', 'rs.story_id').whereIn('rs.round_id', roundIds)
    .select('rs.round_id', 'rs.story_id', 'rs.selected', 'rs.votes', 'rs.score', 's.title', 's.organisation_id', 's.status', 's.sensitivity', 's.consent_level')
    .orderBy('s.title');
}

/** Of these stories, those selected in a round of one of the levels, in the domain. */
export async function selectedAt(db: Db, storyIds: string[], levels: readonly string[], domain: string): Promise<string[]> {
  if (!levels.length || !storyIds.length) return [];
  return db('selection_round_stories as rs').join('selection_rounds as r', 'r.id', 'rs.round_id')
    .whereIn('rs.story_id', storyIds).where('rs.selected', true).whereIn('r.level', levels).where('r.domain', domain).distinct().pluck('rs.story_id');
}

export async function roundsOf(db: Db, storyId: string): Promise<Row[]> {
  return db('selection_rounds as r').join('selection_round_stories as rs', 'rs.round_id', 'r.id').where('rs.story_id', storyId).select('r.*');
}

/** Rounds (alias r) whose selected story the user may see, or whose selected story was withdrawn. */
function whereSelectionShown(db: Db, qb: Knex.QueryBuilder, user: CurrentUser) {
  return qb.where((w) => w.whereNull('r.selected_story_id')
    .orWhereExists(whereStoryVisible(db('stories as s').whereRaw('s.id = r.selected_story_id'), user).select(1)));
}

export async function listRounds(db: Db, user: CurrentUser, f: { domains?: string[]; levels?: string[]; harvestIds?: string[] }, page: { page: number; pageSize: number }) {
  const qb = db('selection_rounds as r');
  if (user.role !== 'admin') {
    qb.whereExists(whereStoryVisible(db('selection_round_stories as rs').join('stories as s', 's.id', 'rs.story_id').whereRaw('rs.round_id = r.id'), user).select(1));
    whereSelectionShown(db, qb, user);
  }
  if (f.domains) qb.whereIn('r.domain', f.domains);
  if (f.levels) qb.whereIn('r.level', f.levels);
  if (f.harvestIds) qb.whereIn('r.harvest_id', f.harvestIds);
  const [{ n }] = await qb.clone().count({ n: '*' });
  const rows: Row[] = await qb.orderBy([{ column: 'r.held_on', order: 'desc' }, { column: 'r.created_at', order: 'desc' }]).select('r.*')
    .limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  return { rows, total: Number(n) };
}

export type RoundView = {
  id: string; level: string; domain: string; harvestId: string | null; panel: Array<{ role: string; count?: number }>; heldOn: string;
  reasons: string | null; dissent: string | null; selectedStoryId: string | null; selectedWithdrawn: boolean;
  stories: Array<{ id: string; title: string; selected: boolean; votes: number | null; score: number | null }>;
  feedback: Array<{ storyId: string; givenOn: string; method: string; note: string }>; createdAt: string;
};

/** Whether the user may see this round at all (the rule of listRounds, for one round). */
export function shownTo(user: CurrentUser, view: RoundView): boolean {
  return user.role === 'admin' || (view.stories.length > 0 && (view.selectedWithdrawn || view.selectedStoryId !== null));
}

export async function present(ctx: Ctx, r: Row): Promise<RoundView> {
  const visible = (await candidatesOf(ctx.db, [r.id])).filter((c) => canSeeStory(ctx.user, c as never));
  const withdrawn = !r.selected_story_id;
  const personal = new Set(visible.filter((c) => seesPersonalData(ctx.user, c.organisation_id)).map((c) => c.story_id as string));
  const shown = (await ctx.db('selection_feedback').where({ round_id: r.id }).orderBy('given_on')).filter((f) => personal.has(f.story_id));
  const feedback = (await openRows(ctx.db, ctx.app.keyring, 'story', shown, ['note'], (f) => f.story_id))
    .map((f) => ({ storyId: f.story_id, givenOn: f.given_on, method: f.method, note: f.note }));
  return {
    id: r.id, level: r.level, domain: r.domain, harvestId: r.harvest_id ?? null, panel: JSON.parse(r.panel), heldOn: r.held_on,
    reasons: withdrawn ? null : r.reasons, dissent: withdrawn ? null : r.dissent ?? null,
    selectedStoryId: visible.some((c) => c.story_id === r.selected_story_id) ? r.selected_story_id : null, selectedWithdrawn: withdrawn,
    stories: visible.map((c) => ({ id: c.story_id, title: c.title, selected: !!c.selected, votes: c.votes ?? null, score: c.score === null || c.score === undefined ? null : Number(c.score) })),
    feedback, createdAt: r.created_at,
  };
}
