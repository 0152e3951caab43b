// Harvest reports: what they hold, as each reader may see it (a donor's holds no personal data and
// nothing confidential), user text never as markup, charts inline, printable; and the PDF.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, TestApp, Client } from '../helpers/app';
import { newHarvest, outcomeIn } from '../helpers/review';
import { newStory, ok, publish } from '../helpers/stories';
import { printReport, reportPage } from '../../server/reports/print';

jest.setTimeout(60_000);

let t: TestApp;
let p1: Client, ev: Client, donor: Client, donorB: Client;
let harvestId: string;

beforeAll(async () => {
  t = await startTestApp();
  [p1, ev, donor, donorB] = await Promise.all((['partner1', 'evaluator', 'donor', 'donorB'] as const).map((w) => t.as(w)));
  harvestId = (await newHarvest(t, ev, {
    title: 'Harvest 2024 <i>Sahel</i>', questions: 'Which **changes** did women bring about?\n\n<script>alert(1)</script>', domains: ['Participation in local peace', 'Safety'],
  })).id;
  const crew = { partner: p1, evaluator: ev };
  await outcomeIn(crew, 'published', { harvestId, title: 'Commander opens the checkpoint talks to women', socialActor: { name: 'Commander Zakaria Canary', type: 'individual' }, goals: [{ code: 'NL-IV-3.1', primary: true }] });
  await outcomeIn(crew, 'published', { harvestId, title: 'Council admits women mediators', occurredOn: { date: '2023', precision: 'year' }, quadrant: 'GAW-NORMS' });
  await outcomeIn(crew, 'substantiated', { harvestId, title: 'Substantiated, not yet published' });
  await outcomeIn(crew, 'published', { harvestId, title: 'Confidential: the safe house moved', sensitivity: 'confidential' });
  const story = await newStory(p1, { harvestId, title: 'The widow who asked for her garden' });
  await publish('stories', story.id, p1, ev);
  await ok(ev.post('/api/selection-rounds', {
    level: 'partner', domain: 'any-other-change', harvestId, panel: [{ role: 'women leaders', count: 5 }], storyIds: [story.id], selectedStoryId: story.id,
    reasons: 'It shows a displaced woman heard **in public** for the first time.', heldOn: '2025-03-01',
  }), 201);
  const ind = await ok(ev.post('/api/indicators', { code: 'R-MEDIATORS', name: 'Women mediators', unit: 'women', direction: 'increase', programmeId: t.world.programmes.A, baseline: { value: 10, date: '2022-01-01' }, targets: [{ value: 30, date: '2025-12-31' }] }), 201);
  await ok(ev.post(`/api/indicators/${ind.id}/values`, { periodStart: '2024-01-01', periodEnd: '2024-12-31', value: 21, status: 'validated' }), 201);
  // reported by country only: the report's latest actual is their sum, and says so
  const split = await ok(ev.post('/api/indicators', { code: 'R-COMMITTEES', name: 'Women on committees', unit: 'women', direction: 'increase', disaggregations: ['country'], programmeId: t.world.programmes.A }), 201);
  await ok(ev.post(`/api/indicators/${split.id}/values`, ['ML', 'NE'].map((country, k) => ({ periodStart: '2024-01-01', periodEnd: '2024-12-31', value: 7 + k, disaggregation: { country }, status: 'validated' }))), 201);
});
afterAll(() => t.close());

describe('HTML', () => {
  test("when a donor reads it, then the harvest's published outcomes by goal, the selected story with its reasons, indicators and charts — no personal data, nothing confidential", async () => {
    const r = await donor.get(`/api/harvests/${harvestId}/report.html`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(r.headers.get('content-security-policy')).not.toMatch(/unsafe-inline/);
    const html = r.text;
    expect(html).toContain('Harvest 2024 &lt;i&gt;Sahel&lt;/i&gt;');
    expect(html).toContain('<strong>changes</strong>');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).toContain('<link rel="stylesheet" href="/api/reports/report.css">');
    expect(html).toContain('Commander opens the checkpoint talks to women');
    expect(html).toContain('Council admits women mediators');
    expect(html).not.toContain('Substantiated, not yet published');
    expect(html).not.toContain('safe house');
    expect(html).not.toContain('Canary');
    expect(html).not.toContain('Awa Diallo'); // the substantiator
    expect(html).toMatch(/1 independent answer — description: 1 agree/);
    expect(html).toContain('NL-IV-3 Protection');
    expect(html).toContain('The widow who asked for her garden');
    expect(html).toContain('heard <strong>in public</strong>');
    expect(html).toContain('Women mediators');
    expect(html).toMatch(/Women on committees<\/th>.*15 women \(2024-12-31\) · sum of the breakdowns/);
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(3);
  });

  test('when its evaluator reads it, then the outcomes under review and the personal data too, still nothing confidential', async () => {
    const html = (await ev.get(`/api/harvests/${harvestId}/report.html`)).text;
    expect(html).toContain('Substantiated, not yet published');
    expect(html).toContain('Commander Zakaria Canary');
    expect(html).not.toContain('safe house');
  });

  test("when its evaluator reads it, then the personal data read from the partner's outcomes is recorded (personal.view); a donor's redacted report records nothing", async () => {
    const views = () => t.ctx.db('audit_log').where({ action: 'personal.view', entity_type: 'outcome' }).whereNull('entity_id').orderBy('id').select('actor_id', 'details');
    const before = (await views()).length;
    expect((await donor.get(`/api/harvests/${harvestId}/report.md`)).status).toBe(200);
    expect(await views()).toHaveLength(before);
    expect((await ev.get(`/api/harvests/${harvestId}/report.md`)).status).toBe(200);
    const added = (await views()).slice(before);
    expect(added).toHaveLength(1);
    const commander = await t.ctx.db('outcomes').where({ title: 'Commander opens the checkpoint talks to women' }).first('id');
    expect(added[0].actor_id).toBe(t.world.users.evaluator);
    expect(JSON.parse(added[0].details).ids).toContain(commander.id);
  });

  test('when someone outside the programme asks, then 404; anonymous, 401', async () => {
    expect((await donorB.get(`/api/harvests/${harvestId}/report.html`)).status).toBe(404);
    expect((await t.anon().get(`/api/harvests/${harvestId}/report.md`)).status).toBe(401);
  });

  test('the stylesheet is public, with print rules', async () => {
    const r = await t.anon().get('/api/reports/report.css');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/css/);
    expect(r.text).toMatch(/@media print/);
  });
});

describe('markdown', () => {
  test('when asked for markdown, then the same report with plain text escaped and narratives as written', async () => {
    const r = await donor.get(`/api/harvests/${harvestId}/report.md`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(r.text).toMatch(/^# Harvest 2024 \\<i\\>Sahel\\<\/i\\>/);
    expect(r.text).toContain('Which **changes** did women bring about?');
    expect(r.text).toContain('## Outcomes by goal');
    expect(r.text).toContain('#### Council admits women mediators');
    expect(r.text).toContain('It shows a displaced woman heard **in public** for the first time.');
    expect(r.text).toMatch(/\| Women mediators \| 10 women \(2022-01-01\) \| 30 women \(2025-12-31\) \| 21 women \(2024-12-31\) \|/);
    expect(r.text).not.toContain('Canary');
    expect(r.text).not.toContain('safe house');
  });
});

describe("in the reader's language", () => {
  /** The words of the page, without its markup (charts carry codes as keys, never as text). */
  const words = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  const CODES = ['OH-POLICY', 'GAW-RULES', 'GAW-NORMS', 'any-other-change', 'local_government', 'partly_substantiated'];

  beforeAll(async () => {
    // an indicator with its name and unit in French, as a seed gives them
    await t.ctx.db('indicators').where({ code: 'R-MEDIATORS' }).update({ names: JSON.stringify({ fr: 'Femmes médiatrices' }), unit_names: JSON.stringify({ fr: 'femmes' }) });
  });

  test('when a French reader asks for ?lang=fr, then goals, types of change, quadrants, states, the domain and the indicators are named in French, never by their codes', async () => {
    const r = await donor.get(`/api/harvests/${harvestId}/report.html?lang=fr`);
    expect(r.status).toBe(200);
    expect(r.text).toContain('<html lang="fr" dir="ltr">');
    const text = words(r.text);
    expect(text).toContain('Rapport de récolte');
    expect(text).toContain('NL-IV-3 Protection');
    expect(text).toContain('NL-IV-1.3 Processus de paix inclusifs'); // in the coverage chart, shortened to fit
    expect(text).toContain('Politique · Règles formelles et politiques');
    expect(text).toContain('Collectivité locale');
    expect(text).toContain('Conception'); // the harvest's state
    expect(text).toContain(' · Publié · ');
    expect(text).toContain('« Tout autre changement »');
    expect(text).toContain('Femmes médiatrices');
    expect(text).toMatch(/10 femmes \(2022-01-01\)/);
    for (const code of CODES) expect([code, text.includes(code)]).toEqual([code, false]);
    for (const english of ['Formal rules and policies', 'Any other change', 'Harvest report', 'Social actor']) expect([english, text.includes(english)]).toEqual([english, false]);
  });

  test('when an Arabic reader asks, then the page runs right to left with the Arabic names', async () => {
    const r = await donor.get(`/api/harvests/${harvestId}/report.html?lang=ar`);
    expect(r.text).toContain('<html lang="ar" dir="rtl">');
    const text = words(r.text);
    expect(text).toContain('تقرير الحصاد');
    expect(text).toContain('الحماية'); // NL-IV-3
    expect(text).toContain('القواعد والسياسات الرسمية');
    expect(text).toContain('«أي تغيير آخر»');
    for (const code of CODES) expect([code, text.includes(code)]).toEqual([code, false]);
  });

  test("when a Dutch reader's profile is in Dutch, then the markdown report is in Dutch without asking", async () => {
    expect((await ev.patch('/api/auth/me', { language: 'nl' })).status).toBe(200);
    try {
      const md = (await ev.get(`/api/harvests/${harvestId}/report.md`)).text;
      expect(md).toContain('Oogstrapport');
      expect(md).toContain('## Outcomes per doel');
      expect(md).toContain('### NL-IV-1 Participatie');
      expect(md).toContain('| Informele normen en diepe structuren | 1 |');
      expect(md).toContain('Elke andere verandering');
      for (const code of CODES) expect([code, md.includes(code)]).toEqual([code, false]);
    } finally {
      await ev.patch('/api/auth/me', { language: 'en' });
    }
  });

  test('when the language asked for is not one of the four, then 400', async () => {
    expect((await donor.get(`/api/harvests/${harvestId}/report.html?lang=de`)).status).toBe(400);
  });
});

describe('from the command line (no one signed in)', () => {
  test('when drawn without --as, then it is the published view: what a donor reads, and nobody is recorded as having read personal data', async () => {
    const audited = async () => Number((await t.ctx.db('audit_log').where({ action: 'personal.view' }).count({ n: '*' }))[0].n);
    const before = await audited();
    const html = await reportPage(t.ctx, harvestId);
    expect(html).toContain('Commander opens the checkpoint talks to women');
    expect(html).not.toContain('Substantiated, not yet published');
    expect(html).not.toContain('safe house');
    expect(html).not.toContain('Canary');
    expect(await audited()).toBe(before);
  });

  test('when drawn --as an evaluator of the programme, then as they see it: the concluded outcome too, with the actor\'s name', async () => {
    const html = await reportPage(t.ctx, harvestId, 'evaluator@test.oogst');
    expect(html).toContain('Substantiated, not yet published');
    expect(html).toContain('Canary');
    expect(html).not.toContain('safe house'); // confidential records are left out of every report
  });

  test('when --as names no active user, then it says so and prints nothing', async () => {
    await expect(reportPage(t.ctx, harvestId, 'nobody@test.oogst')).rejects.toThrow(/no active user nobody@test.oogst/);
  });
});

describe('PDF', () => {
  test('when printed, then a PDF of the published view', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-report-')), 'report.pdf');
    await printReport(t.ctx, harvestId, file);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(5000);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
