// Stories of change and research fragments for export, read through their own list handlers —
// the same filters, visibility and redaction as GET /api/stories and GET /api/fragments — page
// after page in recording order, confidential records left out.
import type { Ctx } from '../http/types';
import * as stories from '../stories/service';
import * as fragments from '../fragments/service';
import type { Story } from '../stories/representation';
import type { Fragment } from '../fragments/representation';
import { Column, jsonCell, joinCodes } from './cells';
import type { ExportKind, Query } from './kinds';
import { goalNames, joinNames, NameColumn, recordNames } from './names';

type Lister<T> = (ctx: Ctx<unknown, Query>) => Promise<{ items: T[]; total: number }>;
const PAGE_SIZE = 200;

/**
 * The list handler's pages. The first page is read before the export starts, so a malformed
 * filter is a 400 before any byte; the order is by creation (oldest first), so records written
 * while the export runs land after the ones already written.
 */
async function viaList<T extends { sensitivity: string }>(ctx: Ctx<unknown, Query>, list: Lister<T>): Promise<AsyncIterable<T[]>> {
  const { page: _p, pageSize: _s, sort: _o, ...filters } = ctx.query;
  const read = (page: number) => list({ ...ctx, query: { ...filters, page: String(page), pageSize: String(PAGE_SIZE), sort: filters.q ? 'relevance' : 'createdAt' } });
  const first = await read(1);
  const keep = (items: T[]) => items.filter((r) => r.sensitivity !== 'confidential');
  return (async function* () {
    yield keep(first.items);
    for (let page = 2; (page - 1) * PAGE_SIZE < first.total; page++) {
      const next = await read(page);
      if (!next.items.length) return;
      yield keep(next.items);
    }
  })();
}

const goalColumns = <T extends { goals: Array<{ code: string; primary: boolean }> }>(): Column<T>[] => [
  { name: 'primaryGoal', value: (r) => r.goals.find((g) => g.primary)?.code ?? null },
  { name: 'otherGoals', value: (r) => joinCodes(r.goals.filter((g) => !g.primary).map((g) => g.code)) },
];

const STORY_COLUMNS: Column<Story>[] = [
  { name: 'id', value: (s) => s.id }, { name: 'status', value: (s) => s.status }, { name: 'organisation', value: (s) => s.organisation.name },
  { name: 'title', value: (s) => s.title }, { name: 'story', value: (s) => s.story }, { name: 'whySignificant', value: (s) => s.whySignificant },
  { name: 'domain', value: (s) => s.domain }, { name: 'harvestId', value: (s) => s.harvestId },
  { name: 'collectedBy', value: (s) => s.collectedBy }, { name: 'collectedOn', value: (s) => s.collectedOn },
  { name: 'country', value: (s) => s.location.country }, { name: 'adminArea', value: (s) => s.location.adminArea ?? null },
  { name: 'language', value: (s) => s.language }, { name: 'storyteller', value: (s) => jsonCell(s.storyteller) },
  { name: 'consentLevel', value: (s) => s.consent?.level ?? null }, { name: 'consentMethod', value: (s) => s.consent?.method ?? null },
  { name: 'consentGivenOn', value: (s) => s.consent?.givenOn ?? null },
  ...goalColumns<Story>(), { name: 'sensitivity', value: (s) => s.sensitivity },
  { name: 'createdAt', value: (s) => s.createdAt }, { name: 'updatedAt', value: (s) => s.updatedAt },
  { name: 'submittedAt', value: (s) => s.submittedAt }, { name: 'publishedAt', value: (s) => s.publishedAt },
];

const FRAGMENT_COLUMNS: Column<Fragment>[] = [
  { name: 'id', value: (f) => f.id }, { name: 'status', value: (f) => f.status }, { name: 'organisation', value: (f) => f.organisation.name },
  { name: 'programmeId', value: (f) => f.programmeId }, { name: 'sourceTitle', value: (f) => f.source.title }, { name: 'sourceType', value: (f) => f.source.type },
  { name: 'sourceAuthor', value: (f) => f.source.author }, { name: 'sourceYear', value: (f) => f.source.year }, { name: 'sourceUrl', value: (f) => f.source.url },
  { name: 'excerpt', value: (f) => f.excerpt }, { name: 'locator', value: (f) => f.locator ?? null }, { name: 'speaker', value: (f) => jsonCell(f.speaker) },
  { name: 'language', value: (f) => f.language }, { name: 'country', value: (f) => f.location?.country ?? null }, { name: 'adminArea', value: (f) => f.location?.adminArea ?? null },
  ...goalColumns<Fragment>(), { name: 'themes', value: (f) => joinCodes(f.themes) }, { name: 'sensitivity', value: (f) => f.sensitivity },
  { name: 'createdAt', value: (f) => f.createdAt }, { name: 'updatedAt', value: (f) => f.updatedAt },
  { name: 'submittedAt', value: (f) => f.submittedAt }, { name: 'publishedAt', value: (f) => f.publishedAt },
];

/** Beside the codes of a story and of a fragment, their names in the reader's language (an import reads past them). */
export const STORY_NAME_COLUMNS: NameColumn<Story>[] = [
  ...recordNames<Story>(),
  { of: 'storyteller', name: 'storytellerAgeBandName', value: (s, n) => n.term('ageBand', s.storyteller?.ageBand) || null },
  { of: 'domain', name: 'domainName', value: (s, n) => n.domain(s.domain, s.harvestId) },
  { of: 'consentLevel', name: 'consentLevelName', value: (s, n) => n.term('consent.level', s.consent?.level) || null },
  { of: 'consentMethod', name: 'consentMethodName', value: (s, n) => n.term('consent.method', s.consent?.method) || null },
  ...goalNames<Story>(),
];

const FRAGMENT_NAME_COLUMNS: NameColumn<Fragment>[] = [
  ...recordNames<Fragment>(),
  { of: 'sourceType', name: 'sourceTypeName', value: (f, n) => n.term('source.type', f.source.type) || null },
  { of: 'themes', name: 'themeNames', value: (f, n) => joinNames(f.themes.map((c) => n.theme(c))) },
  ...goalNames<Fragment>(),
];

export const storiesExport: ExportKind<Story> = {
  name: 'stories', kind: 'story', sheet: 'stories', query: 'stories#/$defs/listQuery', columns: STORY_COLUMNS, names: STORY_NAME_COLUMNS, lists: ['goals', 'domains'],
  open: (ctx) => viaList(ctx, stories.list as Lister<Story>),
};

export const fragmentsExport: ExportKind<Fragment> = {
  name: 'fragments', kind: 'fragment', sheet: 'fragments', query: 'fragments#/$defs/listQuery', columns: FRAGMENT_COLUMNS, names: FRAGMENT_NAME_COLUMNS, lists: ['goals', 'themes'],
  open: (ctx) => viaList(ctx, fragments.list as Lister<Fragment>),
};
