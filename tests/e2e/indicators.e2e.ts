// Indicators in the browser: an evaluator finds an indicator of her programme, enters three values
// at once in the grid with one bad row — the error shows on that row and nothing is written — fixes
// it and sees all three saved; validates and withdraws values; a kept grid survives a reload. A
// donor reads the same indicator without any entry form. She also records an indicator through its
// form, with the API's refusal shown on its field. Axe finds no violation on any of these screens.
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { axe, BASE, launch, loginAs, open, settled, shot } from './browser';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const stamp = Date.now().toString(36).toUpperCase();
const CODE = `E2E-GRID-${stamp}`;
const headers = { origin: BASE };
type Value = { value: number; status: string; periodEnd: string; disaggregation: Record<string, string> };

async function valuesOf(request: APIRequestContext, id: string): Promise<Value[]> {
  const res = await request.get(`/api/indicators/${id}/values?pageSize=200`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: Value[] }).items;
}

/** The grid's control for a column in a row: named by its column header and its row header. */
function cell(page: Page, column: string, row: number) {
  const role = column.startsWith('Value') ? 'spinbutton' : ['Country', 'Sex', 'Status'].includes(column) ? 'combobox' : 'textbox';
  return page.locator('.entry-grid').getByRole(role, { name: `${column} Row ${row}`, exact: true });
}

async function fillRow(page: Page, row: number, v: { start: string; end: string; value: string; country: string; sex: string; status?: string }): Promise<void> {
  await cell(page, 'Period start', row).fill(v.start);
  await cell(page, 'Period end', row).fill(v.end);
  await cell(page, 'Value (women)', row).fill(v.value);
  await cell(page, 'Country', row).selectOption(v.country);
  await cell(page, 'Sex', row).selectOption(v.sex);
  if (v.status) await cell(page, 'Status', row).selectOption(v.status);
}

async function checked(page: Page, name: string, found: string[]): Promise<void> {
  await settled(page);
  found.push(...(await axe(page)).map((v) => `${name}: ${v}`));
  await shot(page, `indicators-${name}`);
}

test('when an evaluator enters three values with one bad row, then the row shows the error and nothing is saved; fixed, all three are saved and shown', async () => {
  const { page, context, errors } = await open(browser);
  await loginAs(page, 'evaluator');
  const me = await (await page.request.get('/api/auth/me')).json();
  const created = await page.request.post('/api/indicators', { headers, data: {
    code: CODE, name: `Women mediators trained (${stamp})`, unit: 'women', direction: 'increase', goals: ['NL-IV-1.2'],
    disaggregations: ['country', 'sex'], baseline: { value: 4, date: '2023-01-01' }, targets: [{ value: 40, date: '2026-12-31' }],
    description: 'Counted from **training registers**.', programmeId: me.programmes[0].id,
  } });
  expect(created.status()).toBe(201);
  const id = ((await created.json()) as { id: string }).id;
  const found: string[] = [];

  // the list, filtered by code, leads to the indicator
  await page.goto(`/indicators?code=${CODE}&lang=en`);
  await checked(page, 'list', found);
  await expect(page.locator('.result-count').textContent()).resolves.toBe('1 indicator');
  await expect(page.getByRole('row', { name: new RegExp(CODE) }).textContent()).resolves.toContain('No values yet.');
  await page.getByRole('link', { name: new RegExp(CODE) }).click();
  await page.getByRole('heading', { level: 1, name: `Women mediators trained (${stamp})` }).waitFor();
  await checked(page, 'detail-empty', found);
  await expect(page.locator('.prose strong').textContent()).resolves.toBe('training registers');

  // three rows; the second ends before it starts
  await fillRow(page, 1, { start: '2024-01-01', end: '2024-06-30', value: '12', country: 'ML', sex: 'female' });
  await page.getByRole('button', { name: 'Add a row' }).click();
  await expect(cell(page, 'Period start', 2).inputValue()).resolves.toBe('2024-01-01'); // the period of the row above
  await fillRow(page, 2, { start: '2024-01-01', end: '2023-12-31', value: '7.5', country: 'ML', sex: 'male' });
  await page.getByRole('button', { name: 'Add a row' }).click();
  await fillRow(page, 3, { start: '2024-07-01', end: '2024-12-31', value: '15', country: 'SD', sex: 'female', status: 'validated' });
  await page.getByRole('button', { name: 'Save the values' }).click();

  const summary = page.locator('.entry-form .error-summary');
  await summary.waitFor({ state: 'visible' });
  await expect(summary.getAttribute('role')).resolves.toBe('alert');
  await expect(summary.textContent()).resolves.toContain('Row 2, Period end: The period ends before it starts.');
  const badEnd = cell(page, 'Period end', 2);
  await expect(badEnd.getAttribute('aria-invalid')).resolves.toBe('true');
  const describedBy = (await badEnd.getAttribute('aria-describedby'))!.split(' ');
  await expect(page.locator(`[id="${describedBy[0]}"]`).textContent()).resolves.toBe('The period ends before it starts.');
  await expect(cell(page, 'Period end', 1).getAttribute('aria-invalid')).resolves.toBeNull();
  await expect(cell(page, 'Value (women)', 1).inputValue()).resolves.toBe('12'); // nothing typed is lost
  await expect(cell(page, 'Value (women)', 3).inputValue()).resolves.toBe('15');
  expect(await valuesOf(page.request, id)).toEqual([]); // all or nothing: nothing was written
  await checked(page, 'grid-error', found);

  // the summary's link takes the focus to the field
  await summary.getByRole('link', { name: /Row 2, Period end/ }).click();
  await expect(badEnd.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  await badEnd.fill('2024-06-30');
  await page.getByRole('button', { name: 'Save the values' }).click();
  await page.locator('.entry-form .form-feedback', { hasText: '3 values saved.' }).waitFor();
  await settled(page);
  const saved = await valuesOf(page.request, id);
  expect(saved.map((v) => v.value).sort((a, b) => a - b)).toEqual([7.5, 12, 15]);
  expect(saved.find((v) => v.value === 15)?.status).toBe('validated');
  const table = page.getByRole('table', { name: /3 values \(women\)/ });
  await expect(table.locator('tbody tr').count()).resolves.toBe(3);
  await expect(table.textContent()).resolves.toMatch(/July 1, 2024 – December 31, 2024.*15.*Country: Sudan · Sex: Female/);
  await expect(table.textContent()).resolves.toContain('7.5');
  await expect(cell(page, 'Value (women)', 1).inputValue()).resolves.toBe(''); // a fresh grid
  await checked(page, 'detail-values', found);

  // per value: validate one draft, withdraw the other
  const row12 = table.locator('tr', { hasText: 'Country: Mali · Sex: Female' });
  await row12.getByRole('button', { name: /^Validate/ }).click();
  await row12.getByText('Validated').waitFor();
  const row75 = table.locator('tr', { hasText: 'Country: Mali · Sex: Male' });
  await row75.getByRole('button', { name: /^Withdraw/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Withdraw' }).click();
  await page.getByRole('table', { name: /2 values/ }).waitFor();
  expect((await valuesOf(page.request, id)).map((v) => `${v.value} ${v.status}`).sort()).toEqual(['12 validated', '15 validated']);

  // rows typed but not saved survive a reload
  await cell(page, 'Period start', 1).fill('2025-01-01');
  await cell(page, 'Value (women)', 1).fill('21');
  await page.waitForTimeout(700); // the debounce of keeping the rows on this device
  await page.reload();
  await settled(page);
  await expect(cell(page, 'Value (women)', 1).inputValue()).resolves.toBe('21');
  await expect(page.getByText(/We restored rows you had not saved yet/).isVisible()).resolves.toBe(true);
  await page.getByRole('button', { name: 'Discard kept text' }).click();
  await expect(cell(page, 'Value (women)', 1).inputValue()).resolves.toBe('');

  // back in the list, the latest actual of the two breakdowns comes with the page: no request per indicator
  const asked: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/api/indicators')) asked.push(new URL(r.url()).pathname); });
  await page.goto(`/indicators?code=${CODE}&lang=en`);
  await settled(page);
  await expect(page.getByRole('row', { name: new RegExp(CODE) }).textContent()).resolves.toContain('12 to 15 (2 breakdowns)');
  expect(asked).toEqual(['/api/indicators']);
  expect(found).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();

  // a donor of the programme reads the indicator and its validated values, with no way to change them
  const donor = await open(browser);
  await loginAs(donor.page, 'donor');
  await donor.page.goto(`/indicators/${id}?lang=en`);
  await settled(donor.page);
  await donor.page.getByRole('heading', { level: 1, name: `Women mediators trained (${stamp})` }).waitFor();
  await expect(donor.page.getByRole('table', { name: /2 values/ }).locator('tbody tr').count()).resolves.toBe(2);
  await expect(donor.page.getByRole('heading', { name: 'Enter values' }).count()).resolves.toBe(0);
  await expect(donor.page.getByRole('button', { name: 'Save the values' }).count()).resolves.toBe(0);
  await expect(donor.page.getByRole('button', { name: /^Validate|^Withdraw|^Correct/ }).count()).resolves.toBe(0);
  await expect(donor.page.getByRole('link', { name: 'Edit indicator' }).count()).resolves.toBe(0);
  await expect(donor.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Indicators' }).getAttribute('aria-current')).resolves.toBe('page');
  expect(await axe(donor.page)).toEqual([]);
  await shot(donor.page, 'indicators-donor-detail');
  expect(donor.errors).toEqual([]);
  await donor.context.close();
}, 180_000);

test('when an evaluator records an indicator through the form, then the API\u2019s refusal lands on its field and, fixed, the indicator opens', async () => {
  const { page, context, errors } = await open(browser);
  await loginAs(page, 'evaluator');
  const found: string[] = [];
  await page.goto('/indicators?lang=en');
  await settled(page);
  await page.getByRole('link', { name: 'New indicator' }).click();
  await checked(page, 'new', found);
  const code = `E2E-FORM-${stamp}`;
  await page.getByLabel(/^Code/).fill(code);
  await page.getByLabel(/^Name \(required\)$/).fill(`Local peace committees with a woman chair (${stamp})`);
  await page.getByLabel(/^Unit \(required\)$/).fill('committees');
  await page.getByLabel(/^Breakdowns/).fill('country');
  await page.getByRole('checkbox', { name: /NL-IV-1\.1/ }).check();
  const baseline = page.getByRole('group', { name: /^Baseline/ });
  await baseline.getByLabel('Value', { exact: true }).fill('3');
  await baseline.getByLabel('Date', { exact: true }).fill('2024-01-01');
  await page.getByRole('button', { name: 'Add a target' }).click();
  await page.getByLabel('Value (target 1)').fill('20');
  await page.getByLabel('Date (target 1)').fill('2023-06-30'); // before the baseline: the server refuses
  await page.getByRole('button', { name: 'Create the indicator' }).click();
  await page.waitForSelector('[data-path="/targets"] > .field-error:not([hidden])');
  await expect(page.locator('.error-summary').isVisible()).resolves.toBe(true);
  await checked(page, 'new-error', found);
  await page.getByLabel('Date (target 1)').fill('2026-12-31');
  await page.getByRole('button', { name: 'Create the indicator' }).click();
  await page.waitForURL(/\/indicators\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { level: 1, name: `Local peace committees with a woman chair (${stamp})` }).waitFor();
  const list = await (await page.request.get(`/api/indicators?code=${code}`)).json();
  expect(list.items[0]).toMatchObject({ code, unit: 'committees', disaggregations: ['country'], goals: ['NL-IV-1.1'], baseline: { value: 3, date: '2024-01-01' }, targets: [{ value: 20, date: '2026-12-31' }] });
  await page.getByRole('link', { name: 'Edit indicator' }).click();
  await checked(page, 'edit', found);
  await expect(page.getByLabel(/^Code/).inputValue()).resolves.toBe(code);
  // a revision changes what was changed, and only that
  await page.getByLabel(/^Unit \(required\)$/).fill('peace committees');
  // the name in French, folded under the name until opened
  await page.getByText(/^Name in other languages/).click();
  await page.getByLabel('Name in French').fill(`Comités locaux de paix présidés par une femme (${stamp})`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.waitForURL(/\/indicators\/[0-9a-f-]{36}$/);
  await settled(page);
  await expect(page.locator('.facts').last().textContent()).resolves.toContain('peace committees');
  const revisions = await (await page.request.get(`/api/indicators/${list.items[0].id}/revisions`)).json();
  expect(revisions.items.flatMap((r: { changes: Array<{ field: string }> }) => r.changes.map((c) => c.field))).toEqual(['unit', 'names']);
  const saved = await (await page.request.get(`/api/indicators/${list.items[0].id}`)).json();
  expect(saved.names).toEqual({ fr: `Comités locaux de paix présidés par une femme (${stamp})` });
  expect(found).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);
