// Every screen, for every role, in English and in Arabic: on a phone (390 px) nothing sticks out
// of the screen; at desktop width axe-core finds no violation; Arabic lays out right to left
// (charts included), the language switch is kept in the profile, and each dashboard view is saved
// as a screenshot to look at.
import type { Browser, Page } from 'playwright-core';
import { axe, englishOnlyNames, launch, loginAs, open, overflowing, settled, shot, shownNames } from './browser';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const SCREENS: Record<string, string[]> = {
  partner: ['/outcomes', '/outcomes/new', '/library', '/stories', '/stories/new', '/fragments', '/fragments/new', '/search?q=women', '/dashboard', '/notifications', '/no-such-page', '/indicators', '/indicators/new', '/import', '/import/mappings', '/import/mappings/new'],
  evaluator: ['/review', '/outcomes', '/stories', '/fragments', '/selections', '/themes', '/harvests', '/dashboard', '/indicators', '/indicators/new', '/import/mappings', '/goals/NL-IV-3'],
  donor: ['/dashboard', '/library', '/stories', '/indicators', '/two-factor', '/goals/NL-IV-1'],
  admin: ['/outcomes', '/review', '/dashboard', '/indicators', '/indicators/new'],
};

/** A published record of each kind, to open its detail screen. */
async function details(page: Page): Promise<string[]> {
  const first = async (kind: string) => {
    const res = await page.request.get(`/api/${kind}?pageSize=1&status=published`);
    const id = res.ok() ? ((await res.json()) as { items: Array<{ id: string }> }).items[0]?.id : undefined;
    return id ? [`/${kind}/${id}`] : [];
  };
  // a partner's indicator with breakdowns: its writers see the value-entry grid, the donor only reads it
  const indicators = await page.request.get('/api/indicators?code=WLP-ML-GBV-REFERRALS');
  const indicatorId = indicators.ok() ? ((await indicators.json()) as { items: Array<{ id: string }> }).items[0]?.id : undefined;
  return [...(await first('outcomes')), ...(await first('stories')), ...(await first('fragments')), ...(indicatorId ? [`/indicators/${indicatorId}`] : [])];
}

describe.each(['en', 'ar'])('the %s interface', (lang) => {
  test.each(Object.keys(SCREENS))('when %s opens each of their screens, then nothing is wider than a phone and axe finds no violation', async (who) => {
    const { page, context, errors } = await open(browser, { width: 390 });
    await loginAs(page, who);
    const paths = [...SCREENS[who], ...(await details(page))];
    const found: string[] = [];
    for (const p of paths) {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${p}${p.includes('?') ? '&' : '?'}lang=${lang}`);
      await settled(page);
      found.push(...(await overflowing(page)).map((v) => `${p} at 390 px: ${v}`));
      await page.setViewportSize({ width: 1280, height: 900 });
      await settled(page);
      found.push(...(await axe(page)).map((v) => `${p}: ${v}`));
      await shot(page, `screen-${lang}-${who}${p.replace(/[^a-z0-9]+/gi, '-').replace(/-[0-9a-f]{8}-.*$/, '-detail').replace(/-lang.*$/, '')}`);
    }
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});

test('when the interface is Arabic, then the page and the charts run right to left', async () => {
  const { page, context } = await open(browser);
  await loginAs(page, 'donor');
  await page.goto('/dashboard?lang=ar');
  await settled(page);
  await expect(page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).resolves.toEqual(['ar', 'rtl']);
  await expect(page.locator('#change-over-time svg.chart').first().getAttribute('direction')).resolves.toBe('rtl');
  // the lane labels sit on the right of an Arabic chart
  const box = await page.locator('#change-over-time svg.chart').first().boundingBox();
  const label = await page.locator('#change-over-time .lanes text').first().boundingBox();
  expect(label!.x).toBeGreaterThan(box!.x + box!.width / 2);
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('لوحة المتابعة');
  await context.close();
});

test('when the language is switched, then the interface changes at once and the profile remembers it', async () => {
  const { page, context } = await open(browser);
  await loginAs(page, 'evaluator');
  await page.goto('/review');
  await settled(page);
  await page.getByLabel(/Language|Langue|اللغة|Taal/).selectOption('fr');
  await page.getByRole('heading', { level: 1, name: 'File d’examen' }).waitFor();
  const me = await (await page.request.get('/api/auth/me')).json();
  expect(me.language).toBe('fr');
  await page.getByLabel('Langue').selectOption('en');
  await page.getByRole('heading', { level: 1, name: 'Review queue' }).waitFor();
  await context.close();
});

test.each(['en', 'ar'])('when the dashboards are drawn in %s, then each view is saved as a screenshot', async (lang) => {
  const { page, context } = await open(browser, { width: 1400 });
  await loginAs(page, 'evaluator');
  await page.goto(`/dashboard?lang=${lang}`);
  await settled(page);
  const frames = page.locator('.chart-frame');
  const n = await frames.count();
  expect(n).toBe(6);
  for (let i = 0; i < n; i++) {
    const id = await frames.nth(i).getAttribute('id');
    await frames.nth(i).screenshot({ path: `tests/artifacts/dashboard-${lang}-${id}.png` });
  }
  await shot(page, `dashboard-${lang}`);
  await context.close();
});

test('when the demo donor opens change over time, then each programme indicator of the goals in view is a line with a point per validated period; global series sit in their own band', async () => {
  const { page, context, errors } = await open(browser);
  await loginAs(page, 'donor');
  await page.goto('/dashboard?lang=en');
  await settled(page);
  const range = await (await page.request.get('/api/dashboard/timeline?bucket=quarter')).json() as { from: string; to: string };
  type Ind = { id: string; code: string; programme: { id: string } | null };
  const all = ((await (await page.request.get('/api/indicators?pageSize=100')).json()) as { items: Ind[] }).items;
  const expected: Record<string, number> = {};
  for (const i of all.filter((x) => x.programme)) {
    // what a donor may see: validated values only; a period counts once, whatever its breakdowns
    const values = ((await (await page.request.get(`/api/indicators/${i.id}/values?pageSize=200&from=${range.from}&to=${range.to}`)).json()) as { items: Array<{ periodStart: string; periodEnd: string; status: string }> }).items;
    expect(values.every((v) => v.status === 'validated')).toBe(true);
    if (values.length) expected[i.code] = new Set(values.map((v) => `${v.periodStart}|${v.periodEnd}`)).size;
  }
  expect(Object.keys(expected).length).toBeGreaterThanOrEqual(5);
  const chart = page.locator('#change-over-time svg.chart').first();
  const drawn: Record<string, number> = {};
  for (const code of await chart.locator('g.indicator').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-indicator')!))) {
    drawn[code] = await chart.locator(`g.indicator[data-indicator="${code}"] circle.point`).count();
  }
  expect(drawn).toEqual(expected);
  // the global reference series: not among the programme's lines, in a band closed until asked for
  const band = page.locator('#change-over-time .context-band');
  await expect(band.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false);
  await band.locator('summary').click();
  const global = await band.locator('g.indicator').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-indicator')!));
  expect(global.length).toBeGreaterThan(0);
  expect(global.every((c) => !all.find((i) => i.code === c)?.programme)).toBe(true);
  await shot(page, 'dashboard-en-indicator-lines');
  expect(errors).toEqual([]);
  await context.close();
});

test('when the demo donor opens the dashboards, then colour says the conclusion and harvests under way are named, not counted', async () => {
  const { page, context, errors } = await open(browser);
  await loginAs(page, 'donor');
  await page.goto('/dashboard?lang=en');
  await settled(page);
  const fills = await page.locator('#change-over-time svg.chart').first().locator('.marks .mark path.symbol')
    .evaluateAll((ps) => [...new Set(ps.map((p) => p.getAttribute('fill')))]);
  expect(fills.length).toBeGreaterThanOrEqual(2); // substantiated and partly substantiated
  expect(fills.some((f) => f?.startsWith('url('))).toBe(false); // a donor has nothing "not yet concluded"
  const running = ((await (await page.request.get('/api/harvests?status=collecting,substantiating,analysing')).json()) as { items: Array<{ title: string }> }).items;
  expect(running.length).toBeGreaterThan(0);
  const note = page.locator('.under-review');
  for (const h of running) await expect(note.textContent()).resolves.toContain(h.title);
  const coverage = page.locator('#coverage');
  await coverage.scrollIntoViewIfNeeded();
  await coverage.locator('svg.chart').waitFor();
  await expect(coverage.locator('rect.tone-partly_substantiated').count()).resolves.toBeGreaterThan(0);
  await expect(coverage.locator('rect.tone-pending').count()).resolves.toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});

test('when the demo donor follows a goal from an outcome, then its story opens: evidence, outcomes by year, selected stories, indicators as lines, countries; printed without the navigation', async () => {
  const { page, context, errors } = await open(browser);
  await loginAs(page, 'donor');
  const outcome = ((await (await page.request.get('/api/outcomes?goal=NL-IV-1.2&pageSize=1')).json()) as { items: Array<{ id: string }> }).items[0];
  await page.goto(`/outcomes/${outcome.id}?lang=en`);
  await settled(page);
  await page.locator('.facts .goal-list a', { hasText: 'NL-IV-1.2' }).first().click();
  await page.getByRole('heading', { level: 1, name: /^NL-IV-1\.2 / }).waitFor();
  await settled(page);
  for (const part of ['How strong the evidence is', 'Outcomes over time', 'Stories of change the panels selected', 'Its indicators', 'Where']) {
    await page.getByRole('heading', { level: 2, name: part }).waitFor();
  }
  await expect(page.locator('#goal-strength ~ .chart-scroll svg.chart, .goal-part svg.chart').count()).resolves.toBeGreaterThan(0);
  await expect(page.locator('.goal-outcomes li').count()).resolves.toBeGreaterThan(0);
  await expect(page.locator('.goal-selections .panel-reasons').count()).resolves.toBeGreaterThan(0);
  await expect(page.locator('.goal-indicator svg.chart').count()).resolves.toBeGreaterThan(0);
  expect(await axe(page)).toEqual([]);
  await shot(page, 'goal-story-en');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header.banner').isVisible()).resolves.toBe(false);
  await expect(page.locator('.goal-printed').isVisible()).resolves.toBe(true);
  await page.emulateMedia({ media: 'screen' });
  // from the dashboard too: a goal chosen there links to its story
  await page.goto('/dashboard?lang=en&goal=NL-IV-1');
  await page.getByRole('link', { name: /The story of this goal: NL-IV-1 / }).click();
  await page.getByRole('heading', { level: 1, name: /^NL-IV-1 / }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
});

test.each(['fr', 'ar', 'nl'])('when the demo donor reads the dashboards, an outcome, a goal and a harvest report in %s, then no English reference name shows', async (lang) => {
  const { page, context, errors } = await open(browser);
  await loginAs(page, 'donor');
  const names = await englishOnlyNames(page, lang);
  expect(names.length).toBeGreaterThan(100); // the frameworks' goals alone
  const outcome = ((await (await page.request.get('/api/outcomes?pageSize=1&status=published')).json()) as { items: Array<{ id: string }> }).items[0];
  const harvest = ((await (await page.request.get('/api/harvests?pageSize=1')).json()) as { items: Array<{ id: string }> }).items[0];
  const found: string[] = [];
  for (const path of ['/dashboard', `/outcomes/${outcome.id}`, '/goals/NL-IV-1', ...(harvest ? [`/api/harvests/${harvest.id}/report.html`] : [])]) {
    await page.goto(`${path}?lang=${lang}`);
    await settled(page);
    // the views below the overview draw when scrolled near
    for (const frame of await page.locator('.chart-frame').all()) { await frame.scrollIntoViewIfNeeded(); await page.waitForTimeout(300); }
    await settled(page);
    found.push(...(await shownNames(page, names)).map((n) => `${path}: ${n}`));
  }
  expect(found).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);

test('when a chart is downloaded, then SVG and PNG files come out', async () => {
  const { page, context } = await open(browser);
  await loginAs(page, 'evaluator');
  await page.goto('/dashboard?lang=en');
  await settled(page);
  const frame = page.locator('#transformation');
  const [svg] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: 'Download SVG' }).click()]);
  expect(svg.suggestedFilename()).toBe('oogst-transformation.svg');
  const [png] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: 'Download PNG' }).click()]);
  expect(png.suggestedFilename()).toBe('oogst-transformation.png');
  await context.close();
});
