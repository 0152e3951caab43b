// Outcomes as an import: the columns of the export (and of the template), turned into the body of
// POST /api/outcomes, checked by outcomes#/$defs/outcomeCreate and checkOutcome — one rule set for
// spreadsheet rows and API bodies — and written as drafts of the importer's organisation.
import { readerNames } from '../reference/names';
import { readerLanguage } from '../reference/language';
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../http/types';
import type { Db } from '../db/knex';
import { nowIso } from '../core/clock';
import { checkOutcome } from '../outcomes/rules';
import { EvidenceItem, OutcomeInput, toRow } from '../outcomes/representation';
import { OUTCOME_INPUT_COLUMNS, OUTCOME_NAME_COLUMNS } from '../exports/outcomes';
import type { ImportKind } from './kinds';
import { Cells, code, goalColumn, goalTags, prune, text } from './values';

const evidenceLine = (line: string): EvidenceItem => (/^https?:\/\/\S+$/.test(line)
  ? { kind: 'link', title: line.slice(0, 300), url: line }
  : { kind: 'document', title: line });

function toInput(values: Record<string, unknown>) {
  const c = new Cells(values);
  const date = code(values.occurredOn);
  const precision = code(values.occurredPrecision)?.toLowerCase() ?? (date && (date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day'));
  // a form's geopoint fills both coordinates at once (null: it could not be read)
  const point = values.coordinates as { lat: number; lon: number } | null | undefined;
  if (point === null) c.errors.push({ column: 'coordinates', path: '/location/lat', code: 'bad_geopoint' });
  const actorName = text(values.socialActorName);
  const actorType = code(values.socialActorType);
  const country = code(values.country)?.toUpperCase();
  const location = prune({ country, adminArea: text(values.adminArea), lat: point?.lat ?? c.number('lat', '/location/lat'), lon: point?.lon ?? c.number('lon', '/location/lon') });
  const input = prune({
    title: text(values.title), description: text(values.description),
    socialActor: actorName !== undefined || actorType !== undefined ? prune({ name: actorName, type: actorType }) : undefined,
    changeType: code(values.changeType), quadrant: code(values.quadrant),
    occurredOn: date ? { date, precision } : undefined,
    location: Object.keys(location).length ? location : undefined,
    significance: text(values.significance), contribution: text(values.contribution),
    positive: c.boolean('positive', '/positive'), intended: c.boolean('intended', '/intended'),
    sensitivity: code(values.sensitivity)?.toLowerCase(), language: code(values.language),
    goals: goalTags(values), harvestId: code(values.harvestId),
    evidence: c.json<EvidenceItem>('evidence', '/evidence', evidenceLine),
  }) as OutcomeInput;
  return { input, errors: c.errors };
}

const PATH_COLUMNS: Array<[RegExp, string]> = [
  [/^\/socialActor\/type/, 'socialActorType'], [/^\/socialActor/, 'socialActorName'],
  [/^\/occurredOn\/precision/, 'occurredPrecision'], [/^\/occurredOn/, 'occurredOn'],
  [/^\/location\/adminArea/, 'adminArea'], [/^\/location\/lat/, 'lat'], [/^\/location\/lon/, 'lon'], [/^\/location/, 'country'],
  [/^\/evidence/, 'evidence'],
];

function columnOf(path: string, input: OutcomeInput): string {
  return goalColumn(path, input.goals) ?? PATH_COLUMNS.find(([re]) => re.test(path))?.[1] ?? path.split('/')[1] ?? '';
}

async function insert(trx: Db, ctx: Ctx, inputs: OutcomeInput[], importId: string): Promise<string[]> {
  const now = nowIso();
  const ids = inputs.map(() => randomUUID());
  const chunks = <T>(rows: T[], size: number) => Array.from({ length: Math.ceil(rows.length / size) }, (_x, i) => rows.slice(i * size, (i + 1) * size));
  // a new outcome has no links or files yet: its evidence count (repository.refreshEvidenceCount's
  // rule) is the number of its evidence items, set here rather than by an update of 10,000 rows
  const rows = inputs.map((input, i) => ({
    id: ids[i], organisation_id: ctx.user.organisationId, created_by: ctx.user.id, status: 'draft',
    ...toRow(ctx.app.keyring, input), evidence_count: (input.evidence ?? []).length, created_at: now, updated_at: now,
  }));
  for (const chunk of chunks(rows, 100)) await trx('outcomes').insert(chunk);
  const goals = inputs.flatMap((input, i) => input.goals.map((g) => ({ outcome_id: ids[i], goal_code: g.code, is_primary: !!g.primary })));
  for (const chunk of chunks(goals, 500)) await trx('outcome_goals').insert(chunk);
  const moves = ids.map((id) => ({ entity_type: 'outcome', entity_id: id, from_status: null, to_status: 'draft', actor_id: ctx.user.id, at: now }));
  for (const chunk of chunks(moves, 500)) await trx('transitions').insert(chunk);
  const audits = ids.map((id) => ({ at: now, actor_id: ctx.user.id, action: 'outcome.create', entity_type: 'outcome', entity_id: id, details: JSON.stringify({ importId }) }));
  for (const chunk of chunks(audits, 500)) await trx('audit_log').insert(chunk);
  return ids;
}

async function codeSheets(ctx: Ctx) {
  const goals = await ctx.db('goals as g').join('frameworks as f', 'f.id', 'g.framework_id')
    .orderBy([{ column: 'f.position' }, { column: 'g.depth' }, { column: 'g.position' }]).select('g.code', 'g.name', 'f.name as framework');
  const cats = await ctx.db('typology_categories as c').join('typologies as t', 't.id', 'c.typology_id')
    .whereIn('t.id', ['outcome-harvesting-types', 'gender-at-work']).orderBy(['t.position', 'c.position']).select('c.code', 'c.name', 't.id as typology');
  const actorTypes = (ctx.app.validator.get('outcomes#/$defs/actorType').schema as { enum: string[] }).enum;
  // the codes are what a row holds; their names are in the reader's language, the English beside them
  const names = await readerNames(ctx.db, readerLanguage(ctx), ['goals', 'categories']);
  const also = names.lang === 'en' ? [] : [`name (${names.language(names.lang)})`];
  return [
    { name: 'goals', rows: [['primaryGoal / otherGoals', 'name', 'framework', ...also], ...goals.map((g) => [g.code, g.name, g.framework, ...(also.length ? [names.goal(g.code)] : [])])] },
    { name: 'typologies', rows: [['changeType / quadrant', 'name', 'typology', ...also], ...cats.map((c) => [c.code, c.name, c.typology, ...(also.length ? [names.category(c.code)] : [])])] },
    {
      name: 'values', rows: [['column', 'values'], ['socialActorType', actorTypes.join(', ')], ['occurredPrecision', 'day, month, year'],
        ['sensitivity', 'public, restricted, confidential'], ['positive / intended', 'true, false'], ['language', 'en, fr, ar, nl, … (BCP 47)'],
        ['occurredOn', '2024, 2024-03 or 2024-03-12'], ['country', 'ISO 3166-1 alpha-2, e.g. ML'], ['evidence', 'one document title or web address per line']],
    },
  ];
}

export const outcomesImport: ImportKind<OutcomeInput> = {
  name: 'outcomes',
  roles: ['partner', 'admin'],
  columns: OUTCOME_INPUT_COLUMNS.map((c) => c.name),
  required: ['title', 'description', 'socialActorName', 'socialActorType', 'changeType', 'quadrant', 'occurredOn', 'country', 'significance', 'contribution', 'positive', 'intended', 'sensitivity', 'language', 'primaryGoal'],
  // an export's own columns, and the names it gives beside the codes
  ignored: ['id', 'status', 'organisation', 'evidenceCount', 'createdAt', 'updatedAt', 'submittedAt', 'publishedAt', ...OUTCOME_NAME_COLUMNS.map((c) => c.name)],
  mappingTargets: ['coordinates'],
  // imported rows are complete outcomes: a sheet's gaps are reported row by row, not saved as drafts
  schema: 'outcomes#/$defs/outcomeComplete',
  toInput,
  columnOf,
  check: (db, input, ctx) => checkOutcome(db, input, ctx.user.organisationId),
  insert,
  codeSheets,
};
