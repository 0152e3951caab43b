// Stories of change as an import: spreadsheet columns (the storyteller's profile and the consent
// split into columns) turned into the body of POST /api/stories, checked by
// stories#/$defs/storyCreate and checkStory, and written through the stories service's own create —
// the same rules, revisions and audit as one story entered by hand. Stories come in tens, not
// thousands, so one create per story is fast enough.
import type { Ctx } from '../http/types';
import type { Db } from '../db/knex';
import type { Reply } from '../http/types';
import { checkStory } from '../stories/rules';
import { create } from '../stories/service';
import type { StoryInput } from '../stories/representation';
import type { ImportKind } from './kinds';
import { STORY_NAME_COLUMNS } from '../exports/stories';
import { Cells, code, goalColumn, goalTags, prune, text } from './values';

const COLUMNS = [
  'title', 'story', 'whySignificant', 'domain', 'harvestId', 'collectedBy', 'collectedOn', 'country', 'adminArea', 'language',
  'storytellerRole', 'storytellerAgeBand', 'storytellerGender', 'storytellerPlace', 'storytellerName',
  'consentLevel', 'consentMethod', 'consentGivenOn', 'consentRecordedBy', 'primaryGoal', 'otherGoals', 'sensitivity',
];

function toInput(values: Record<string, unknown>) {
  const c = new Cells(values);
  const storyteller = prune({
    role: text(values.storytellerRole), ageBand: code(values.storytellerAgeBand), gender: text(values.storytellerGender),
    place: text(values.storytellerPlace), name: text(values.storytellerName),
  });
  const consentLevel = code(values.consentLevel)?.toLowerCase();
  const consent = consentLevel ? prune({ level: consentLevel, method: code(values.consentMethod)?.toLowerCase(), givenOn: code(values.consentGivenOn), recordedBy: text(values.consentRecordedBy) }) : undefined;
  const country = code(values.country)?.toUpperCase();
  const input = prune({
    title: text(values.title), story: text(values.story), whySignificant: text(values.whySignificant), domain: code(values.domain),
    harvestId: code(values.harvestId), collectedBy: text(values.collectedBy), collectedOn: code(values.collectedOn),
    location: country || values.adminArea ? prune({ country, adminArea: text(values.adminArea) }) : undefined,
    language: code(values.language), storyteller: Object.keys(storyteller).length ? storyteller : undefined, consent,
    goals: goalTags(values), sensitivity: code(values.sensitivity)?.toLowerCase(),
  }) as StoryInput;
  return { input, errors: c.errors };
}

const PATHS: Array<[RegExp, string]> = [
  [/^\/location\/adminArea/, 'adminArea'], [/^\/location/, 'country'],
  [/^\/storyteller\/ageBand/, 'storytellerAgeBand'], [/^\/storyteller\/gender/, 'storytellerGender'], [/^\/storyteller\/place/, 'storytellerPlace'],
  [/^\/storyteller\/name/, 'storytellerName'], [/^\/storyteller/, 'storytellerRole'],
  [/^\/consent\/method/, 'consentMethod'], [/^\/consent\/givenOn/, 'consentGivenOn'], [/^\/consent\/recordedBy/, 'consentRecordedBy'], [/^\/consent/, 'consentLevel'],
];

const columnOf = (path: string, input: StoryInput) => goalColumn(path, input.goals) ?? PATHS.find(([re]) => re.test(path))?.[1] ?? path.split('/')[1] ?? '';

async function insert(trx: Db, ctx: Ctx, inputs: StoryInput[]): Promise<string[]> {
  const ids: string[] = [];
  for (const body of inputs) ids.push(((await create({ ...ctx, db: trx, body })) as Reply & { body: { id: string } }).body.id);
  return ids;
}

export const storiesImport: ImportKind<StoryInput> = {
  name: 'stories',
  roles: ['partner', 'admin'],
  columns: COLUMNS,
  required: ['title', 'story', 'whySignificant', 'domain', 'collectedBy', 'collectedOn', 'country', 'language', 'storytellerRole', 'primaryGoal', 'sensitivity'],
  ignored: ['id', 'status', 'organisation', 'storyteller', 'createdAt', 'updatedAt', 'submittedAt', 'publishedAt', ...STORY_NAME_COLUMNS.map((c) => c.name)],
  mappingTargets: [],
  // imported rows are complete stories: a sheet's gaps are reported row by row, not saved as drafts
  schema: 'stories#/$defs/storyComplete',
  toInput,
  columnOf,
  check: (db, input, ctx) => checkStory(db, input, ctx.user.organisationId),
  insert,
};
