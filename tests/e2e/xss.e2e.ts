// Hostile markup stored in every markdown and text field of an outcome and a story, then shown in
// every view that renders them (lists, records, revisions, the dashboard, the harvest report, the
// no-JavaScript substantiation page): no script runs, no dialog opens, and no live element with an
// event handler, a javascript: URL, a script, style or frame reaches the page — so the sanitiser
// stopped it, not only the CSP. (CSP violation reports cannot be the detector: Chromium reports
// them even while parsing into the inert document the client's sanitiser walks.)
import type { Browser, Page } from 'playwright-core';
import { BASE, launch, loginAs, open, settled } from './browser';

const PAYLOADS = [
  '<script>window.__xss = 1; alert(1)</script>',
  '<img src=x onerror="window.__xss = 2; alert(2)">',
  '[click me](javascript:window.__xss=3)',
  '<svg onload="window.__xss = 4"></svg>',
  '"><iframe src="javascript:alert(5)"></iframe>',
  '<a href="javascript:window.__xss=6">link</a>',
  '![img](javascript:window.__xss=7)',
  '<details open ontoggle="window.__xss=8">x</details>',
  '<style>body{display:none}</style><math><mtext><table><mglyph><style><img src=x onerror=alert(9)>',
];
const hostile = (label: string) => `${label}: ${PAYLOADS.join(' \n\n ')}`;

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(() => browser.close());

type Api = (method: string, path: string, data?: unknown) => Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function apiAs(page: Page): Promise<Api> {
  return async (method, path, data) => {
    const res = await page.request.fetch(path, { method, data, headers: { origin: BASE } });
    return { status: res.status(), body: await res.json().catch(() => null) };
  };
}

async function watched(who: string) {
  const { context, page, errors } = await open(browser);
  const dialogs: string[] = [];
  const refused: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  // live markup that could run: handlers, javascript: URLs, scripts, styles or frames in the body
  const collect = async () => {
    const seen = await page.evaluate(() => {
      const bad: string[] = [];
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        for (const a of Array.from(el.attributes)) {
          if (/^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)) bad.push(`${el.tagName.toLowerCase()}[${a.name}]`);
        }
        const ownBundle = el.tagName === 'SCRIPT' && /^\/[\w.-]+\.js$/.test(el.getAttribute('src') ?? ''); // the app itself
        if (['SCRIPT', 'STYLE', 'IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName) && !ownBundle) bad.push(el.tagName.toLowerCase());
      }
      return bad;
    });
    refused.push(...seen.map((v) => `${new URL(page.url()).pathname}: ${v}`));
  };
  if (who !== 'anonymous') await loginAs(page, who);
  const check = async (path: string, mustShow?: RegExp) => {
    await page.goto(path);
    await settled(page).catch(() => undefined);
    // the record really is on the screen, as text
    if (mustShow) await expect(page.getByText(mustShow).first().isVisible({ timeout: 10_000 })).resolves.toBe(true);
    expect({ path, xss: await page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null) }).toEqual({ path, xss: null });
    await collect();
  };
  return { context, page, errors, dialogs, refused, check, collect };
}

test('the detector itself works: live markup injected into a page is caught', async () => {
  const w = await watched('partner');
  await w.page.goto('/outcomes');
  await w.page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="window.__xss=99">'));
  await w.page.waitForTimeout(300);
  await w.collect();
  expect(w.refused).toEqual(['/outcomes: img[onerror]']); // the check sees live markup
  await w.context.close();
});

test('stored XSS payloads never run in any view that shows them', async () => {
  const partner = await watched('partner');
  const api = await apiAs(partner.page);
  const created = await api('POST', '/api/outcomes', {
    title: `Hostile title ${PAYLOADS[1]}`.slice(0, 300), description: hostile('description'), significance: hostile('significance'),
    contribution: hostile('contribution'), socialActor: { name: `Actor ${PAYLOADS[0]}`.slice(0, 300), type: 'local_government' },
    changeType: 'OH-POLICY', quadrant: 'GAW-RULES', occurredOn: { date: '2025-06', precision: 'month' },
    location: { country: 'ML', adminArea: `Mopti ${PAYLOADS[3]}` }, positive: true, intended: true, sensitivity: 'public', language: 'en',
    goals: [{ code: 'NL-IV-1.3', primary: true }], evidence: [{ kind: 'document', title: `Minutes ${PAYLOADS[5]}` }],
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  expect((await api('PATCH', `/api/outcomes/${id}`, { description: hostile('edited description') })).status).toBe(200);
  expect((await api('POST', `/api/outcomes/${id}/translations`, { language: 'fr', title: `Titre ${PAYLOADS[2]}`, description: hostile('traduction') })).status).toBe(201);
  const story = await api('POST', '/api/stories', {
    title: `Story ${PAYLOADS[4]}`.slice(0, 300), story: hostile('story'), whySignificant: hostile('why'), domain: 'any-other-change',
    collectedBy: 'Field officer', collectedOn: '2025-02-14', location: { country: 'ML', adminArea: 'Mopti' }, language: 'en',
    storyteller: { role: 'Market trader', ageBand: '25-34', gender: 'female', place: 'Mopti' },
    consent: { level: 'anonymous', method: 'verbal', givenOn: '2025-02-14', recordedBy: 'Field officer' },
    goals: [{ code: 'NL-IV-1.1', primary: true }], sensitivity: 'public',
  });
  expect(story.status).toBe(201);
  expect((await api('POST', `/api/outcomes/${id}/transitions`, { to: 'submitted' })).status).toBe(200);

  // the evaluator takes it through review, with a substantiation link, and publishes it
  const evaluator = await watched('evaluator');
  const ev = await apiAs(evaluator.page);
  expect((await ev('POST', `/api/outcomes/${id}/transitions`, { to: 'under_review' })).status).toBe(200);
  const harvests = await ev('GET', '/api/harvests');
  const harvestId = harvests.body.items[0].id as string;
  expect((await ev('PATCH', `/api/outcomes/${id}`, { harvestId })).status).toBe(200);
  const sub = await ev('POST', `/api/outcomes/${id}/substantiations`, { substantiator: { name: 'Independent person', relationship: 'council member' }, independent: true });
  const link = await ev('POST', `/api/outcomes/${id}/substantiations/${sub.body.id}/link`);
  await ev('POST', `/api/outcomes/${id}/comments`, { body: hostile('comment') });
  const entered = await ev('POST', `/api/outcomes/${id}/substantiations`, { substantiator: { name: 'Second person', relationship: 'clerk' }, independent: true });
  await ev('PUT', `/api/outcomes/${id}/substantiations/${entered.body.id}`, { description: 'agree', significance: 'agree', contribution: 'partly', comments: hostile('verdict'), answeredOn: '2025-07-01' });

  const anonymous = await watched('anonymous');
  await anonymous.check(new URL(link.body.url, BASE).pathname, /edited description/);

  expect((await ev('POST', `/api/outcomes/${id}/transitions`, { to: 'substantiated', comment: hostile('reasoning') })).status).toBe(200);
  expect((await ev('POST', `/api/outcomes/${id}/transitions`, { to: 'published' })).status).toBe(200);
  await ev('POST', `/api/stories/${story.body.id}/transitions`, { to: 'submitted' }).catch(() => undefined);
  await api('POST', `/api/stories/${story.body.id}/transitions`, { to: 'submitted' });
  await ev('POST', `/api/stories/${story.body.id}/transitions`, { to: 'published' });

  await partner.check(`/outcomes/${id}`, /edited description/);
  await partner.check(`/stories/${story.body.id}`, /story: /);
  await partner.check(`/api/harvests/${harvestId}/report.html`, /Hostile title/);
  for (const path of ['/outcomes', `/outcomes/${id}?tab=revisions`, '/library', '/stories']) await partner.check(path);
  for (const path of ['/review', `/outcomes/${id}`, `/api/harvests/${harvestId}/report.html`, '/dashboard']) await evaluator.check(path);
  const donor = await watched('donor');
  await donor.check(`/outcomes/${id}`, /edited description/);
  for (const path of ['/library', `/stories/${story.body.id}`, '/dashboard']) await donor.check(path);

  for (const w of [partner, evaluator, donor, anonymous]) {
    expect(w.dialogs).toEqual([]);
    expect(w.refused).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.context.close();
  }
});
