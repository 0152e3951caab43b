// The interop screens in a browser: a partner takes the CSV template from the import screen, fills
// two outcomes into it, sees the dry run pass, commits and finds them in the list; an evaluator
// designs a harvest through its form. axe finds no violation on any of these screens.
import type { Browser } from 'playwright-core';
import { axe, launch, loginAs, open, settled } from './browser';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function outcomeRow(title: string): Record<string, string> {
  return {
    title, description: 'Four women from Sévaré joined in March.', socialActorName: 'Mopti district council', socialActorType: 'local_government',
    changeType: 'OH-POLICY', quadrant: 'GAW-RULES', occurredOn: '2024-03', country: 'ML', adminArea: 'Mopti',
    significance: 'Women sit where peace is negotiated.', contribution: 'We trained and lobbied.', positive: 'yes', intended: 'yes',
    sensitivity: 'public', language: 'en', primaryGoal: 'NL-IV-1.3', evidence: 'Council minutes, 12 March 2024',
  };
}

test('when a partner imports two outcomes from the CSV template, then the dry run shows 2 rows and 0 errors, and after the commit they are in the list', async () => {
  const { page, context, errors } = await open(browser);
  await loginAs(page, 'partner');
  await page.goto('/import?lang=en'); // the demo partner works in French
  await settled(page);
  expect(await axe(page)).toEqual([]);

  const href = await page.getByRole('link', { name: 'Download the CSV template' }).getAttribute('href');
  expect(href).toBe('/api/imports/template.csv?kind=outcomes');
  const template = await page.request.get(href!);
  expect(template.status()).toBe(200);
  const header = (await template.text()).replace(/^\uFEFF/, '').split(/\r?\n/)[0].split(',');
  expect(header).toContain('title');

  const stamp = Date.now().toString(36);
  const titles = [`Imported council outcome ${stamp} one`, `Imported council outcome ${stamp} two`];
  const csv = [header.join(','), ...titles.map((title) => header.map((h) => cell(outcomeRow(title)[h] ?? '')).join(','))].join('\r\n');
  await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'outcomes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Upload and check' }).click();
  await page.getByRole('heading', { name: 'Check report' }).waitFor();
  await expect(page.locator('dd[data-rows]').getAttribute('data-rows')).resolves.toBe('2');
  await expect(page.locator('dd[data-errors]').getAttribute('data-errors')).resolves.toBe('0');
  expect(await axe(page)).toEqual([]);

  const commit = page.getByRole('button', { name: 'Commit the import' });
  await expect(commit.isEnabled()).resolves.toBe(true);
  await commit.click();
  await page.getByText('Imported.', { exact: true }).waitFor();

  await page.goto('/outcomes');
  await settled(page);
  for (const title of titles) await page.getByRole('link', { name: title }).waitFor();
  const csvExport = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
  expect(csvExport).toMatch(/^\/api\/exports\/outcomes\.csv\?/);
  expect((await page.request.get(csvExport!)).status()).toBe(200);
  expect(await axe(page)).toEqual([]);
  for (const list of ['/stories', '/fragments']) {
    await page.goto(list);
    await settled(page);
    const href = await page.getByRole('link', { name: 'Download Excel' }).getAttribute('href');
    expect(href).toContain(`/api/exports${list}.xlsx?`);
    expect((await page.request.get(href!)).status()).toBe(200);
  }
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);

test('when an evaluator designs a harvest through the form, then it is listed with its report and IATI links', async () => {
  const { page, context, errors } = await open(browser);
  await loginAs(page, 'evaluator');
  await page.goto('/harvests/new');
  await settled(page);
  expect(await axe(page)).toEqual([]);

  const title = `Harvest ${Date.now().toString(36)}`;
  await page.getByLabel('Title', { exact: false }).fill(title);
  await page.getByLabel('Harvest questions').fill('What changed for **women** in local councils?');
  await page.getByLabel('Period start').fill('2025-01-01');
  await page.getByLabel('Period end').fill('2025-12-31');
  await page.getByLabel('Domains of change').fill('Participation\nSafety');
  await page.getByRole('button', { name: 'Save the harvest' }).click();
  await page.getByRole('heading', { level: 1, name: 'Harvests' }).waitFor();
  await settled(page);
  const card = page.locator('li.card', { has: page.getByRole('heading', { name: title }) });
  await card.waitFor();
  const report = await card.getByRole('link', { name: 'Report (web page)' }).getAttribute('href');
  expect((await page.request.get(report!)).status()).toBe(200);
  expect(await axe(page)).toEqual([]);

  await card.getByRole('link', { name: `Edit ${title}` }).click();
  await settled(page);
  expect(await axe(page)).toEqual([]);
  await page.getByLabel('Move the harvest on to “Collecting”').check();
  await page.getByRole('button', { name: 'Save the harvest' }).click();
  await page.getByRole('heading', { level: 1, name: 'Harvests' }).waitFor();
  await settled(page);
  await expect(page.locator('li.card', { has: page.getByRole('heading', { name: title }) }).locator('.badge').textContent()).resolves.toBe('Collecting');
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);
