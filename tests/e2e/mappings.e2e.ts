// The form-mapping editor in the browser: a partner starts from the KoboToolbox export of
// tests/fixtures/kobo, maps its questions (templates, a geopoint, a photo, a select_multiple
// translated into goals) with fixed values for the rest, sees a server error land on its field,
// saves, imports the export through the import screen with that mapping (every row passes the
// check), and finds the saved values when editing it again.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { axe, launch, loginAs, open, settled, shot } from './browser';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const FIXTURE = path.resolve(__dirname, '../fixtures/kobo/gc-scripts-hub_api-v2-data-response.json');
const NAME = `Arboles (Kobo) ${Date.now().toString(36)}`;
const TRANSLATIONS = 'shade = PART\nfood = RR\nwildlife_habitat = PROT\nbeauty = PREV';

const row = (page: Page, column: string) => page.locator(`fieldset.mapping-row[data-path="/fields/${column}"]`);

async function fromForm(page: Page, column: string, field: string): Promise<void> {
  const r = row(page, column);
  await r.getByLabel('Comes from').selectOption('from');
  await r.getByLabel('Form field', { exact: true }).fill(field);
}

async function fixed(page: Page, column: string, value: string): Promise<void> {
  const r = row(page, column);
  await r.getByLabel('Comes from').selectOption('value');
  const control = r.getByLabel('Value for every record');
  if (await control.evaluate((el) => el.tagName === 'SELECT')) await control.selectOption(value);
  else await control.fill(value);
}

async function template(page: Page, column: string, text: string): Promise<void> {
  const r = row(page, column);
  await r.getByLabel('Comes from').selectOption('template');
  await r.getByLabel('Template', { exact: true }).fill(text);
}

const valueOf = (l: Locator) => l.inputValue();

test('when a partner maps the Kobo export with fixed goals and saves it, then the export imports through it with every row checked, and editing shows the saved values', async () => {
  const { page, context, errors } = await open(browser);
  await loginAs(page, 'partner');
  const found: string[] = [];
  const check = async (name: string) => {
    await settled(page);
    found.push(...(await axe(page)).map((v) => `${name}: ${v}`));
    await shot(page, `mappings-en-${name}`);
  };

  await page.goto('/import?lang=en');
  await settled(page);
  await page.getByRole('link', { name: 'Manage form mappings (KoboToolbox, ODK Central)' }).click();
  await page.getByRole('heading', { level: 1, name: 'Form mappings' }).waitFor();
  await check('list');
  await page.getByRole('link', { name: 'New mapping' }).click();
  await page.getByRole('heading', { level: 1, name: 'New form mapping' }).waitFor();
  await check('new');

  await page.getByLabel(/^Name/).fill(NAME);
  await page.getByLabel('Sample submission (JSON)').fill(fs.readFileSync(FIXTURE, 'utf8'));
  await page.getByRole('button', { name: 'Read the field names' }).click();
  await expect(page.locator('.sample-status').textContent()).resolves.toMatch(/^Found \d+ form fields:.*Record_your_current_location/);
  // the sample's paths are offered to every path input
  const offered = await page.locator('datalist option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(offered).toEqual(expect.arrayContaining(['today', 'username', 'I_like_this_tree_because', 'Take_a_photo_of_this_tree', 'meta/instanceID']));
  expect(offered).not.toContain('_attachments');

  // a control character in a template: the server refuses it (400) and the error lands on that row
  await template(page, 'title', 'Tree \u0007 of {Estimate_height_of_your_tree_in_meters} m');
  await page.getByRole('button', { name: 'Save the mapping' }).click();
  await row(page, 'title').locator('.field-error:not([hidden])').waitFor();
  await expect(page.locator('.error-summary').isVisible()).resolves.toBe(true);
  await check('server-error');

  await template(page, 'title', 'Tree of {Estimate_height_of_your_tree_in_meters} m cared for by the community');
  await template(page, 'description', 'Reasons given: {I_like_this_tree_because}');
  await fixed(page, 'significance', 'Shared trees anchor community meetings.');
  await fixed(page, 'contribution', 'Collected in community monitoring visits.');
  await fromForm(page, 'socialActorName', 'username');
  await fromForm(page, 'occurredOn', 'today');
  await fromForm(page, 'coordinates', 'Record_your_current_location');
  await fromForm(page, 'evidence', 'Take_a_photo_of_this_tree');
  for (const [column, value] of [['socialActorType', 'community'], ['changeType', 'OH-PRACTICE'], ['quadrant', 'GAW-NORMS'], ['country', 'ML'],
    ['positive', 'true'], ['intended', 'true'], ['sensitivity', 'restricted'], ['language', 'en']]) await fixed(page, column, value);
  const goals = row(page, 'otherGoals');
  await goals.getByRole('checkbox', { name: /^NL-IV-2\.1 / }).check();
  await goals.getByLabel('More goals from a form field', { exact: true }).fill('I_like_this_tree_because');
  await goals.getByText('Translate the answers (optional)').click();
  await goals.getByLabel('Answers and the values they stand for').fill(TRANSLATIONS);
  await check('filled');
  await page.getByRole('button', { name: 'Save the mapping' }).click();

  await page.waitForURL(/\/import\/mappings\?saved=/);
  const id = new URL(page.url()).searchParams.get('saved')!;
  await page.locator('#main').getByText(`Mapping \u201c${NAME}\u201d saved.`).waitFor();
  const saved = await (await page.request.get(`/api/import-mappings/${id}`)).json();
  expect(saved.fields).toMatchObject({
    title: { template: 'Tree of {Estimate_height_of_your_tree_in_meters} m cared for by the community' }, socialActorName: { from: 'username' },
    occurredOn: { from: 'today', as: 'date' }, coordinates: { from: 'Record_your_current_location', as: 'geopoint' },
    evidence: { from: 'Take_a_photo_of_this_tree', as: 'attachments' }, positive: { value: true }, country: { value: 'ML' },
    primaryGoal: { value: 'NL-IV-2.1' }, otherGoals: { from: 'I_like_this_tree_because', as: 'list', map: { shade: 'PART', food: 'RR', wildlife_habitat: 'PROT', beauty: 'PREV' } },
  });
  await check('saved');

  // the import screen offers the mapping; the Kobo export passes the dry run through it
  await page.goto('/import?lang=en');
  await settled(page);
  await page.getByLabel('File format').selectOption('kobo-json');
  await page.getByLabel('Form mapping').selectOption({ label: NAME });
  await page.getByLabel('File', { exact: true }).setInputFiles(FIXTURE);
  await page.getByRole('button', { name: 'Upload and check' }).click();
  await page.getByRole('heading', { name: 'Check report' }).waitFor();
  await expect(page.locator('dd[data-rows]').getAttribute('data-rows')).resolves.toBe('3');
  await expect(page.locator('dd[data-errors]').getAttribute('data-errors')).resolves.toBe('0');
  await expect(page.locator('.import-status').textContent()).resolves.toBe('All rows are valid: ready to commit.');

  // editing shows what was saved
  await page.goto('/import/mappings?lang=en');
  await settled(page);
  await page.getByRole('link', { name: `Edit: ${NAME}` }).click();
  await page.getByRole('heading', { level: 1, name: `Form mapping: ${NAME}` }).waitFor();
  await settled(page);
  await expect(valueOf(page.getByLabel(/^Name/))).resolves.toBe(NAME);
  await expect(valueOf(row(page, 'title').getByLabel('Comes from'))).resolves.toBe('template');
  await expect(valueOf(row(page, 'title').getByLabel('Template', { exact: true }))).resolves.toBe('Tree of {Estimate_height_of_your_tree_in_meters} m cared for by the community');
  await expect(valueOf(row(page, 'socialActorName').getByLabel('Form field', { exact: true }))).resolves.toBe('username');
  await expect(valueOf(row(page, 'country').getByLabel('Value for every record'))).resolves.toBe('ML');
  await expect(valueOf(row(page, 'positive').getByLabel('Value for every record'))).resolves.toBe('true');
  await expect(valueOf(row(page, 'adminArea').getByLabel('Comes from'))).resolves.toBe('none');
  await expect(goals.getByRole('checkbox', { name: /^NL-IV-2\.1 / }).isChecked()).resolves.toBe(true);
  await expect(valueOf(goals.getByLabel('More goals from a form field', { exact: true }))).resolves.toBe('I_like_this_tree_because');
  await expect(valueOf(goals.getByLabel('Answers and the values they stand for'))).resolves.toBe(TRANSLATIONS);
  await check('edit');

  await page.goto(`/import/mappings/${id}?lang=ar`);
  await settled(page);
  found.push(...(await axe(page)).map((v) => `edit (ar): ${v}`));
  await shot(page, 'mappings-ar-edit');
  expect(found).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
}, 240_000);

test('when a saved ODK mapping (groups, a template, a geopoint, translated goals) is opened and saved unchanged, then it is the same mapping', async () => {
  const { page, context, errors } = await open(browser);
  await loginAs(page, 'partner');
  const { items } = await (await page.request.get('/api/import-mappings')).json() as { items: Array<{ id: string; name: string; fields: Record<string, unknown> }> };
  const demo = items.find((m) => m.name === 'WPS outcome log (ODK Central)');
  expect(demo).toBeDefined();
  await page.goto(`/import/mappings/${demo!.id}?lang=en`);
  await settled(page);
  await expect(valueOf(row(page, 'description').getByLabel('Template', { exact: true }))).resolves.toBe('{change/what}. Reported from {place/region}.');
  await page.getByRole('button', { name: 'Save the mapping' }).click();
  await page.waitForURL(/\/import\/mappings\?saved=/);
  const after = await (await page.request.get(`/api/import-mappings/${demo!.id}`)).json() as { fields: Record<string, unknown> };
  expect(after.fields).toEqual(demo!.fields);
  expect(errors).toEqual([]);
  await context.close();
});

test('when an evaluator opens the mappings, then they make one for indicator values, the only kind they import', async () => {
  const { page, context, errors } = await open(browser);
  await loginAs(page, 'evaluator');
  const found: string[] = [];
  await page.goto('/import/mappings?lang=en');
  await settled(page);
  await page.getByRole('heading', { level: 1, name: 'Form mappings' }).waitFor();
  await page.getByRole('link', { name: 'New mapping' }).click();
  await page.getByRole('heading', { level: 1, name: 'New form mapping' }).waitFor();
  await settled(page);
  const kinds = await page.getByLabel(/^What it imports/).locator('option').allTextContents();
  expect(kinds).toEqual(['Indicator values']);
  const name = `Referrals (Kobo) ${Date.now().toString(36)}`;
  await page.getByLabel(/^Name/).fill(name);
  await fromForm(page, 'indicatorCode', 'indicator');
  await fromForm(page, 'periodStart', 'month_start');
  await fromForm(page, 'periodEnd', 'month_end');
  await fromForm(page, 'value', 'referrals');
  found.push(...(await axe(page)).map((v) => `new (evaluator): ${v}`));
  await page.getByRole('button', { name: 'Save the mapping' }).click();
  await page.waitForURL(/\/import\/mappings\?saved=/);
  await settled(page);
  await expect(page.getByRole('button', { name: `Delete: ${name}` }).count()).resolves.toBe(1);
  const { items } = await (await page.request.get('/api/import-mappings')).json() as { items: Array<{ name: string; kind: string; id: string; fields: unknown }> };
  const saved = items.find((m) => m.name === name);
  expect(saved).toMatchObject({ kind: 'indicator-values', fields: { indicatorCode: { from: 'indicator' }, periodStart: { from: 'month_start', as: 'date' }, value: { from: 'referrals' } } });
  expect(found).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
