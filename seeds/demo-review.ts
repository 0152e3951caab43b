// Demo review: "Harvest 2024–2025" of the demo programme, in analysis, holding every demo outcome
// (all states); two substantiations with answers behind each concluded or published outcome (one
// entered by the evaluator, one answered through a link), a pending one for outcomes under review,
// a short thread on a few outcomes and the notifications they caused. The people are invented.
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../server/http/types';
import type { Db } from '../server/db/knex';
import type { DemoIds } from './demo';
import { setDomains } from '../server/harvests/repository';
import { encryptJson } from '../server/crypto/fields';
import { substantiatorColumn, Verdict } from '../server/substantiations/representation';

const TITLE = 'Harvest 2024–2025';
const QUESTIONS = `## Harvest questions

1. What changed in 2024–2025 in the behaviour, relationships, policies or practices of people and institutions that matter for women, peace and security in your area?
2. Who changed, when and where — and how do you know?
3. How did your organisation contribute, directly or indirectly?`;
const DOMAINS = ['Participation in peace processes', 'Protection from gender-based violence', 'Social norms', 'Policies and institutions'];

const PEOPLE = [
  { name: 'Fatoumata Keïta', relationship: 'member of the communal council', contact: '+223 76 00 00 01' },
  { name: 'Oumar Sangaré', relationship: 'imam of the central mosque', contact: '+223 66 00 00 02' },
  { name: 'Hawa Coulibaly', relationship: 'midwife at the district health centre', contact: 'hawa.c@example.org' },
  { name: 'Ibrahim Maïga', relationship: 'journalist at the community radio', contact: '+227 90 00 00 03' },
  { name: 'Amina Yusuf', relationship: 'field officer of a UN agency', contact: 'amina.y@example.org' },
  { name: 'Khadija Osman', relationship: 'lawyer with the bar association', contact: '+249 91 000 0004' },
  { name: 'Layla Haddad', relationship: 'teacher and member of the parents’ committee', contact: '+961 3 000 005' },
  { name: 'Olena Kovalenko', relationship: 'coordinator of a humanitarian hub', contact: 'olena.k@example.org' },
];

const VERDICTS: Record<string, Array<[Verdict, Verdict, Verdict]>> = {
  substantiated: [['agree', 'agree', 'agree'], ['agree', 'agree', 'partly']],
  partly_substantiated: [['agree', 'partly', 'disagree'], ['partly', 'agree', 'unknown']],
  not_substantiated: [['disagree', 'partly', 'disagree'], ['unknown', 'disagree', 'disagree']],
};
const COMMENTS: Record<string, string[]> = {
  fr: ['J’étais présente à la réunion où la décision a été prise.', 'Je connais le changement, moins le rôle de l’organisation.'],
  ar: ['حضرتُ الاجتماع الذي اتُّخذ فيه القرار.', 'أعرف التغيير، لكن دور المنظمة أقل وضوحاً لي.'],
  en: ['I attended the meeting where the decision was taken.', 'I know of the change; the organisation’s part is less clear to me.'],
};

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const before = (iso: string, days: number) => new Date(Date.parse(iso) - days * 86400_000).toISOString();

async function seedSubstantiations(app: AppContext, db: Db, o: Row, concludedAt: string, conclusion: string, evaluator: string, n: number) {
  for (const [i, [description, significance, contribution]] of VERDICTS[conclusion].entries()) {
    const person = PEOPLE[(n * 2 + i) % PEOPLE.length];
    const answeredAt = before(concludedAt, 3 - i);
    const comments = (COMMENTS[o.language.slice(0, 2)] ?? COMMENTS.en)[i];
    await db('substantiations').insert({
      id: randomUUID(), outcome_id: o.id, substantiator_enc: substantiatorColumn(app.keyring, person), independent: true,
      description, significance, contribution, comments_enc: encryptJson(app.keyring, comments),
      answered_on: answeredAt.slice(0, 10), answered_at: answeredAt, answered_via: i === 0 ? 'evaluator' : 'link',
      answered_by: i === 0 ? evaluator : null, created_by: evaluator, created_at: before(concludedAt, 10), updated_at: answeredAt,
    });
  }
}

async function seedThread(db: Db, o: Row, partner: string, evaluator: string) {
  const at = (h: number) => new Date(Date.parse(o.updated_at) + h * 3600_000).toISOString();
  const thread = [
    { author_id: evaluator, body: 'Could you say which meeting this was, and who else was there? It helps us choose substantiators.', created_at: at(1) },
    { author_id: partner, body: 'The decision was taken at the council session; the minutes are attached as evidence. The clerk and two members can confirm.', created_at: at(5) },
  ];
  for (const c of thread) await db('comments').insert({ id: randomUUID(), entity_type: 'outcome', entity_id: o.id, ...c });
  await db('notifications').insert([
    { id: randomUUID(), user_id: partner, kind: 'outcome.commented', entity_type: 'outcome', entity_id: o.id, actor_id: evaluator, created_at: at(1) },
    { id: randomUUID(), user_id: evaluator, kind: 'outcome.commented', entity_type: 'outcome', entity_id: o.id, actor_id: partner, created_at: at(5) },
  ]);
}

export async function seedDemoReview(app: AppContext, db: Db, ids: DemoIds): Promise<void> {
  if (await db('harvests').where({ programme_id: ids.programmeId, title: TITLE }).first('id')) return;
  const outcomes: Row[] = await db('outcomes').whereIn('organisation_id', [ids.orgs.partner1, ids.orgs.partner2]).orderBy('seq')
    .select('id', 'status', 'organisation_id', 'language', 'updated_at');
  if (!outcomes.length) return;
  const evaluator = ids.users['evaluator@oogst.test'];
  const partnerOf: Record<string, string> = { [ids.orgs.partner1]: ids.users['partner@oogst.test'], [ids.orgs.partner2]: ids.users['partner2@oogst.test'] };
  const id = randomUUID();
  const steps = ['design', 'collecting', 'substantiating', 'analysing'];
  const stepAt = ['2024-01-10', '2024-02-01', '2025-03-01', '2025-10-01'].map((d) => `${d}T09:00:00.000Z`);
  await db('harvests').insert({
    id, programme_id: ids.programmeId, title: TITLE, questions: QUESTIONS, period_start: '2024-01-01', period_end: '2025-12-31',
    status: 'analysing', created_by: evaluator, created_at: stepAt[0], updated_at: stepAt[3],
  });
  await setDomains(db, id, DOMAINS, evaluator);
  await db('transitions').insert(steps.map((to, i) => ({ entity_type: 'harvest', entity_id: id, from_status: i ? steps[i - 1] : null, to_status: to, actor_id: evaluator, at: stepAt[i] })));
  await db('outcomes').whereIn('id', outcomes.map((o) => o.id)).update({ harvest_id: id });
  const concluded = await db('transitions').where({ entity_type: 'outcome' }).whereIn('entity_id', outcomes.map((o) => o.id))
    .whereIn('to_status', Object.keys(VERDICTS)).select('entity_id', 'to_status', 'at');
  const conclusionOf = new Map(concluded.map((t) => [t.entity_id, t]));
  let n = 0;
  for (const o of outcomes) {
    const c = conclusionOf.get(o.id);
    if (c) await seedSubstantiations(app, db, o, c.at, c.to_status, evaluator, n++);
    if (o.status === 'under_review') {
      await db('substantiations').insert({
        id: randomUUID(), outcome_id: o.id, substantiator_enc: substantiatorColumn(app.keyring, PEOPLE[n++ % PEOPLE.length]),
        independent: true, created_by: evaluator, created_at: o.updated_at, updated_at: o.updated_at,
      });
    }
  }
  const discussed = outcomes.filter((o) => o.status === 'under_review' || o.status === 'submitted').slice(0, 4);
  for (const o of discussed) await seedThread(db, o, partnerOf[o.organisation_id], evaluator);
  const waiting = outcomes.filter((o) => o.status === 'submitted');
  if (waiting.length) {
    await db('notifications').insert(waiting.map((o) => ({
      id: randomUUID(), user_id: evaluator, kind: 'outcome.submitted', entity_type: 'outcome', entity_id: o.id, actor_id: partnerOf[o.organisation_id], created_at: o.updated_at,
    })));
  }
}
