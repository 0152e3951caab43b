// Which rule of policy-rules.ts each route of the registry follows. Every route needs an entry:
// a new route without one fails tests/api/policy.test.ts until someone says who may use it.
//   gate    — rule 3: 'public', 'user' (every role) or the roles admitted
//   target  — the kind of record that fills the route's parameters (see the test's `records`)
//   probes  — what to send and the verdict expected per caller and record (rules 4 and 5);
//             without probes: a GET expects 2xx, a write is sent an empty body and expects to get
//             past every access check (400 then, since the body is not valid)
import type { Caller, Rec, Role, Verdict } from './policy-rules';
import { harvest, indicator, MOVES_TO_TRY, notification, outcome, OutcomeRec, programme } from './policy-rules';
import { domains, EvidenceRec, EVIDENCE_MOVES, evidenceLink, evidenceRecord, file, imported, selectionRound, source } from './policy-rules-evidence';

export type Probe = {
  label: string;
  body?: (r: Rec, n: number) => unknown;
  verdict: (c: Caller, r: Rec) => Verdict;
  /** a 2xx changes the record's state: make a new one before the next caller */
  mutates?: boolean;
};
export type Entry = {
  gate: 'public' | 'user' | readonly Role[];
  target?: string;
  probes?: Probe[] | ((r: Rec) => Probe[]);
  /** the call ends the caller's session: use a session of its own */
  fresh?: boolean;
  /** a query string the route needs (e.g. ?kind=outcomes) */
  query?: string;
};

const ok = (): Verdict => 'ok';
const relaxed = (f: (c: Caller, r: Rec) => Verdict) => (c: Caller, r: Rec): Verdict => (f(c, r) === 'ok' ? 'allowed' : f(c, r));

const PUBLIC: Entry = { gate: 'public' };
const USER: Entry = { gate: 'user' };
const ADMIN = ['admin'] as const;
const ADMIN_ONLY: Entry = { gate: ADMIN };
const RECORDERS = ['partner', 'admin'] as const;
const DISCUSSANTS = ['partner', 'evaluator', 'admin'] as const;
const REVIEWERS = ['evaluator', 'admin'] as const;
const INDICATOR_WRITERS = ['admin', 'evaluator', 'partner'] as const;

const read = (target: string, verdict: Probe['verdict']): Entry => ({ gate: 'user', target, probes: [{ label: 'read', verdict }] });
const outcomeRead = read('outcome', outcome.read);
const IMPORTERS = ['partner', 'evaluator', 'admin'] as const;
const recordsOutcomes = (c: Caller): Verdict => (RECORDERS.includes(c.role as never) ? 'ok' : 'refused');
const language = (n: number) => `fr-p${String(n).padStart(5, '0')}`;

/** Stories and fragments share their lifecycle and their rules. */
const evidenceKind = (kind: 'story' | 'fragment', writers: readonly Role[], path: string): Record<string, Entry> => ({
  [`GET /api/${path}`]: USER,
  [`POST /api/${path}`]: { gate: writers },
  [`GET /api/${path}/:id`]: read(kind, evidenceRecord.read),
  [`PATCH /api/${path}/:id`]: { gate: DISCUSSANTS, target: kind, probes: [{ label: 'edit', body: (_r, n) => (kind === 'story' ? { title: `Edited (${n})` } : { locator: `p. ${n}` }), verdict: evidenceRecord.edit }] },
  [`POST /api/${path}/:id/transitions`]: {
    gate: DISCUSSANTS, target: kind,
    probes: (r) => EVIDENCE_MOVES[(r as EvidenceRec).status].map((to) => ({ label: `move to ${to}`, body: () => ({ to, comment: 'Moved by the policy test.' }), verdict: evidenceRecord.move(to), mutates: true })),
  },
  [`GET /api/${path}/:id/revisions`]: read(kind, evidenceRecord.read),
  [`POST /api/${path}/:id/consent`]: { gate: DISCUSSANTS, target: kind, probes: [{ label: 'record consent', body: () => ({ level: 'anonymous', method: 'written', givenOn: '2025-03-01', recordedBy: 'Policy Test' }), verdict: evidenceRecord.tend, mutates: true }] },
  [`POST /api/${path}/:id/consent/withdraw`]: { gate: DISCUSSANTS, target: kind, probes: [{ label: 'withdraw consent', body: () => ({ reason: 'The policy test asked.' }), verdict: evidenceRecord.tend, mutates: true }] },
});

export const POLICY: Record<string, Entry> = {
  // operations and sign-in
  'GET /api/health': PUBLIC,
  'GET /api/openapi.json': PUBLIC,
  'GET /api/docs': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  'POST /api/auth/set-password': PUBLIC,
  'GET /set-password/:token': { gate: 'public', target: 'token' },
  'POST /api/auth/logout': { gate: 'user', fresh: true, probes: [{ label: 'log out', verdict: ok }] },
  'GET /api/auth/me': USER,
  'GET /api/auth/session': PUBLIC,
  'PATCH /api/auth/me': USER,
  'POST /api/auth/totp/setup': { gate: 'user', probes: [{ label: 'start setup', verdict: ok }] },
  'POST /api/auth/totp/enable': USER,
  'POST /api/auth/totp/disable': USER,
  'POST /api/auth/totp/recovery-codes': USER,
  'GET /two-factor/:token': { gate: 'public', target: 'token' },

  // administration
  'GET /api/organisations': ADMIN_ONLY,
  'POST /api/organisations': ADMIN_ONLY,
  'GET /api/organisations/:id': { gate: ADMIN, target: 'organisation', probes: [{ label: 'read', verdict: ok }] },
  'PATCH /api/organisations/:id': { gate: ADMIN, target: 'organisation', probes: [{ label: 'edit', body: () => ({ country: 'ML' }), verdict: ok }] },
  'GET /api/users': ADMIN_ONLY,
  'POST /api/users': ADMIN_ONLY,
  'GET /api/users/:id': { gate: ADMIN, target: 'user', probes: [{ label: 'read', verdict: ok }] },
  'PATCH /api/users/:id': { gate: ADMIN, target: 'user', probes: [{ label: 'edit', body: () => ({ language: 'fr' }), verdict: ok }] },
  // the policy's users have no second factor: 409 once past the gate
  'DELETE /api/users/:id/totp': { gate: ADMIN, target: 'user', probes: [{ label: 'reset two-factor', verdict: () => 'state' }] },
  'POST /api/users/:id/password-link': { gate: ADMIN, target: 'user', probes: [{ label: 'new link', verdict: ok }] },
  'POST /api/users/:id/two-factor-link': { gate: ADMIN, target: 'user', probes: [{ label: 'new link', verdict: ok }] },
  'GET /api/audit': ADMIN_ONLY,
  'GET /api/programmes': USER,
  'POST /api/programmes': ADMIN_ONLY,
  'GET /api/programmes/:id': read('programme', programme.read),
  'PATCH /api/programmes/:id': { gate: ADMIN, target: 'programme', probes: [{ label: 'edit', body: () => ({ description: 'Checked by the policy test.' }), verdict: ok }] },

  // reference data: read by everyone signed in, imported by admins
  'GET /api/frameworks': USER,
  'GET /api/rules': USER,
  'POST /api/frameworks': ADMIN_ONLY,
  'GET /api/frameworks/:id/goals': read('framework', ok),
  'GET /api/typologies': USER,

  // outcomes: lists show what each may see; single records follow rules 4 and 5
  'GET /api/outcomes': USER,
  'POST /api/outcomes': { gate: RECORDERS },
  'GET /api/outcomes/:id': outcomeRead,
  'PATCH /api/outcomes/:id': { gate: DISCUSSANTS, target: 'outcome', probes: [{ label: 'edit the title', body: (_r, n) => ({ title: `Edited by the policy test (${n})` }), verdict: outcome.edit }] },
  'DELETE /api/outcomes/:id': { gate: RECORDERS, target: 'outcome', probes: [{ label: 'withdraw', verdict: outcome.withdraw, mutates: true }] },
  'POST /api/outcomes/:id/transitions': {
    gate: DISCUSSANTS, target: 'outcome',
    probes: (r) => MOVES_TO_TRY[(r as OutcomeRec).status].map((to) => ({
      label: `move to ${to}`, body: () => ({ to, comment: 'Moved by the policy test.' }), verdict: outcome.move(to), mutates: true,
    })),
  },
  'GET /api/outcomes/:id/revisions': outcomeRead,
  'POST /api/outcomes/:id/translations': { gate: DISCUSSANTS, target: 'outcome', probes: [{ label: 'translate', body: (_r, n) => ({ language: `fr-p${String(n).padStart(5, '0')}`, title: 'Traduit par le test' }), verdict: outcome.discuss }] },
  // outsiders see the published record, not its making: the thread is its organisation's and evaluators'
  'GET /api/outcomes/:id/comments': read('outcome', outcome.discuss),
  'POST /api/outcomes/:id/comments': { gate: DISCUSSANTS, target: 'outcome', probes: [{ label: 'comment', body: () => ({ body: 'A question from the policy test.' }), verdict: outcome.discuss }] },
  'GET /api/outcomes/:id/history': outcomeRead,
  'GET /api/outcomes/:id/chain': outcomeRead,
  'POST /api/outcomes/:id/links': { gate: DISCUSSANTS, target: 'outcome', probes: [{ label: 'link', body: (r) => ({ targetId: r.linkTarget, relation: 'contributes_to' }), verdict: outcome.link }] },
  // removing a link between two outcomes of one organisation: the rule of evidence links (its organisation, its evaluators)
  'DELETE /api/outcomes/:id/links/:linkId': { gate: DISCUSSANTS, target: 'outcomeLink', probes: [{ label: 'unlink', verdict: evidenceLink.change, mutates: true }] },
  'GET /api/outcomes/:id/substantiations': outcomeRead,
  'POST /api/outcomes/:id/substantiations': { gate: REVIEWERS, target: 'outcome', probes: [{ label: 'ask', body: () => ({ substantiator: { name: 'Policy Test', relationship: 'neighbour' }, independent: true }), verdict: outcome.substantiate }] },
  'PUT /api/outcomes/:id/substantiations/:sid': { gate: REVIEWERS, target: 'substantiation', probes: [{ label: 'answer', body: () => ({ description: 'agree', significance: 'partly', contribution: 'agree', answeredOn: '2025-02-01' }), verdict: outcome.substantiate }] },
  'POST /api/outcomes/:id/substantiations/:sid/link': { gate: REVIEWERS, target: 'substantiation', probes: [{ label: 'link for the substantiator', verdict: relaxed(outcome.substantiate) }] },
  'GET /substantiate/:token': { gate: 'public', target: 'token' },
  // without the link's cookie: a page saying to open the link again (400)
  'GET /substantiate': { gate: 'public', probes: [{ label: 'read without the link cookie', verdict: () => 'allowed' }] },
  'POST /substantiate': PUBLIC,
  'POST /substantiate/:token': { gate: 'public', target: 'token' },
  'GET /api/notifications': USER,
  'POST /api/notifications/:id/read': { gate: 'user', target: 'notification', probes: [{ label: 'mark read', verdict: notification.mark }] },

  // harvests: the people of the programme read; its evaluators run them
  'GET /api/harvests': USER,
  'POST /api/harvests': { gate: REVIEWERS },
  'GET /api/harvests/:id': read('harvest', harvest.read),
  'PATCH /api/harvests/:id': { gate: REVIEWERS, target: 'harvest', probes: [{ label: 'edit', body: (_r, n) => ({ title: `Harvest edited by the policy test (${n})` }), verdict: harvest.run }] },
  'GET /api/harvests/:id/summary': read('harvest', harvest.read),

  // indicators
  'GET /api/indicators': USER,
  'POST /api/indicators': { gate: INDICATOR_WRITERS },
  'GET /api/indicators/:id': read('indicator', indicator.read),
  'PATCH /api/indicators/:id': { gate: INDICATOR_WRITERS, target: 'indicator', probes: [{ label: 'edit', body: () => ({ notes: 'Checked by the policy test.' }), verdict: indicator.manage }] },
  'DELETE /api/indicators/:id': { gate: INDICATOR_WRITERS, target: 'indicator', probes: [{ label: 'retire', verdict: indicator.manage, mutates: true }] },
  'GET /api/indicators/:id/revisions': read('indicator', indicator.read),
  'GET /api/indicators/:id/values': read('indicator', indicator.read),
  'GET /api/indicators/:id/progress': read('indicator', indicator.read),
  'POST /api/indicators/:id/values': { gate: INDICATOR_WRITERS, target: 'indicator', probes: [{ label: 'enter a value', body: (_r, n) => { const day = new Date(Date.UTC(1990, 0, 1) + n * 86_400_000).toISOString().slice(0, 10); return { periodStart: day, periodEnd: day, value: 12 }; }, verdict: indicator.manage }] },
  'PATCH /api/indicators/:id/values/:valueId': { gate: INDICATOR_WRITERS, target: 'indicatorValue', probes: [{ label: 'correct', body: (_r, n) => ({ note: `Checked (${n})` }), verdict: indicator.correctValue }] },
  'DELETE /api/indicators/:id/values/:valueId': { gate: INDICATOR_WRITERS, target: 'indicatorValue', probes: [{ label: 'withdraw', verdict: indicator.withdrawValue, mutates: true }] },

  // stories, fragments and what comes with them (issue 5)
  ...evidenceKind('story', RECORDERS, 'stories'),
  'POST /api/stories/:id/translations': { gate: DISCUSSANTS, target: 'story', probes: [{ label: 'translate', body: (_r, n) => ({ language: language(n), title: 'Traduit', story: 'Traduit par le test.' }), verdict: evidenceRecord.tend }] },
  'GET /api/stories/:id/selections': read('story', evidenceRecord.read),
  'GET /api/selection-rounds': USER,
  'POST /api/selection-rounds': { gate: REVIEWERS },
  'GET /api/selection-rounds/:id': read('selectionRound', selectionRound.read),
  'POST /api/selection-rounds/:id/feedback': { gate: DISCUSSANTS, target: 'selectionRound', probes: [{ label: 'feedback', body: () => ({ method: 'village meeting', givenOn: '2025-03-01', note: 'We told them why.' }), verdict: selectionRound.feedback }] },
  ...evidenceKind('fragment', DISCUSSANTS, 'fragments'),
  'GET /api/sources': USER,
  'POST /api/sources': { gate: DISCUSSANTS },
  'GET /api/sources/:id': read('source', source.read),
  'PATCH /api/sources/:id': { gate: DISCUSSANTS, target: 'source', probes: [{ label: 'edit', body: (_r, n) => ({ title: `Focus group (${n})` }), verdict: source.edit }] },
  'GET /api/themes': USER,
  'POST /api/themes': { gate: REVIEWERS },
  'PATCH /api/themes/:code': { gate: REVIEWERS, target: 'theme', probes: [{ label: 'rename', body: (_r, n) => ({ name: `Voice (${n})` }), verdict: ok }] },
  'DELETE /api/themes/:code': { gate: REVIEWERS, target: 'theme', probes: [{ label: 'remove', verdict: ok, mutates: true }] },
  'POST /api/files': { gate: DISCUSSANTS },
  'GET /api/files/:id': read('file', file.read),
  'GET /api/outcomes/:id/evidence': outcomeRead,
  'POST /api/outcomes/:id/evidence-links': { gate: DISCUSSANTS, target: 'outcome', probes: [{ label: 'link a story', body: (r) => ({ storyId: r.evidenceTarget ?? '00000000-0000-4000-8000-000000000000', relation: 'supports' }), verdict: relaxed(evidenceLink.change) }] },
  'DELETE /api/outcomes/:id/evidence-links/:linkId': { gate: DISCUSSANTS, target: 'evidenceLink', probes: [{ label: 'unlink', verdict: evidenceLink.change, mutates: true }] },
  'GET /api/harvests/:id/domains': read('harvest', harvest.read),
  'POST /api/harvests/:id/domains': { gate: REVIEWERS, target: 'harvest', probes: [{ label: 'add a domain', body: (_r, n) => ({ name: `Domain ${n}` }), verdict: domains.add }] },
  'PATCH /api/harvests/:id/domains/:code': { gate: REVIEWERS, target: 'harvest', probes: [{ label: 'name a domain in French', body: () => ({ names: { fr: 'La voix dans les conseils locaux' } }), verdict: domains.add }] },
  'GET /api/search': { gate: 'user', query: '?q=women' },

  // imports (issue 8): the organisation's own
  // the template of a kind is for those who may record that kind (outcomes: partners and admins)
  'GET /api/imports/template.csv': { gate: 'user', query: '?kind=outcomes', probes: [{ label: 'template', verdict: recordsOutcomes }] },
  'GET /api/imports/template.xlsx': { gate: 'user', query: '?kind=outcomes', probes: [{ label: 'template', verdict: recordsOutcomes }] },
  'POST /api/imports': { gate: IMPORTERS },
  'GET /api/imports': { gate: IMPORTERS },
  'GET /api/imports/:id': { gate: IMPORTERS, target: 'import', probes: [{ label: 'read', verdict: imported.read }] },
  'POST /api/imports/:id/commit': { gate: IMPORTERS, target: 'import', probes: [{ label: 'commit', verdict: imported.commit, mutates: true }] },
  'GET /api/import-mappings': { gate: IMPORTERS },
  'POST /api/import-mappings': { gate: IMPORTERS },
  'GET /api/import-mappings/:id': { gate: IMPORTERS, target: 'mapping', probes: [{ label: 'read', verdict: imported.read }] },
  'PATCH /api/import-mappings/:id': { gate: IMPORTERS, target: 'mapping', probes: [{ label: 'rename', body: (_r, n) => ({ name: `Kobo form (${n})` }), verdict: imported.change }] },
  'DELETE /api/import-mappings/:id': { gate: IMPORTERS, target: 'mapping', probes: [{ label: 'delete', verdict: imported.change, mutates: true }] },

  // aggregates and exports: everyone signed in; each counts and carries only what they may see
  // (what is inside is proved by tests/api/canaries.test.ts)
  'GET /api/dashboard/timeline': USER,
  'GET /api/dashboard/transformation': USER,
  'GET /api/dashboard/coverage': USER,
  'GET /api/dashboard/map': USER,
  'GET /api/dashboard/pathways': USER,
  ...Object.fromEntries(['outcomes', 'stories', 'fragments', 'indicator-values'].flatMap((kind) => ['csv', 'xlsx', 'json'].map((f) => [`GET /api/exports/${kind}.${f}`, USER]))),
  'GET /api/codebook.qdc': USER,
  'POST /api/codebook.qdc': { gate: REVIEWERS },

  // reports of published data (issue 8): for the people of the programme or harvest
  // (an activity needs its IATI identifiers and dates first: 409 until then, past every access check)
  'GET /api/programmes/:id/iati.xml': read('programme', relaxed(programme.read)),
  'GET /api/harvests/:id/report.html': read('harvest', harvest.read),
  'GET /api/harvests/:id/report.md': read('harvest', harvest.read),
  'GET /api/reports/report.css': PUBLIC,
};
