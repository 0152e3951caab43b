// The whole job in the browser: a partner logs in and records an outcome (with a kept draft
// surviving a reload), submits it; an evaluator takes it into review, gets it substantiated,
// concludes and publishes it (the check before publishing finds the substantiator's name in the
// reasoning; the evaluator confirms she reviewed it); the donor finds it on the change-over-time
// chart. Axe on each screen.
import type { Browser, Page } from 'playwright-core';
import { axe, launch, loginAs, open, settled, shot, PASSWORD } from './browser';

const TITLE = `Village council in Mopti opens its land commission to women (${Date.now()})`;
let browser: Browser;
let outcomeUrl = '';

beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

async function fillOutcome(page: Page): Promise<void> {
  await page.getByLabel('Kind of social actor').selectOption('local_government');
  await page.getByLabel(/^Name of the social actor/).fill('Village council of Sévaré');
  await page.getByLabel(/^Title/).fill(TITLE);
  await page.getByLabel(/^Description of the change/).fill('In **March 2025** the council admitted two women to its land commission.');
  await page.getByRole('radio', { name: 'Policy' }).check();
  await page.getByRole('radio', { name: 'The month' }).check();
  await page.getByLabel(/^When did it happen/).fill('2025-03');
  await page.getByLabel(/^Country/).selectOption('ML');
  await page.getByLabel(/^Significance/).fill('Women now take part in decisions on land, a frequent source of conflict.');
  await page.getByLabel(/^Contribution/).fill('We trained the women candidates and met the council twice.');
  await page.getByRole('checkbox', { name: /NL-IV-1\.1/ }).check();
  await page.getByRole('radio', { name: /Formal rules and policies/ }).check();
  await page.getByRole('radio', { name: /^Public/ }).check();
}

describe('an outcome from record to publication', () => {
  test('when a partner logs in with the form, then she lands on her outcomes with no axe violation', async () => {
    const { page, context, errors } = await open(browser);
    await page.goto('/?lang=en');
    await settled(page);
    expect(await axe(page)).toEqual([]);
    await shot(page, '01-login');
    await page.getByLabel('Email').fill('partner@oogst.test');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Our outcomes' }).waitFor();
    await settled(page);
    expect(new URL(page.url()).pathname).toBe('/outcomes');
    expect(await axe(page)).toEqual([]);
    await shot(page, '02-partner-outcomes');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('when the partner submits an incomplete form, then each error is shown on its field and in a summary; a draft needs only its title, and its page says what is still missing', async () => {
    const { page, context } = await open(browser);
    await loginAs(page, 'partner');
    await page.goto('/outcomes/new?lang=en');
    await settled(page);
    expect(await axe(page)).toEqual([]);
    const summary = page.locator('.error-summary');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(summary.isVisible()).resolves.toBe(true);
    await expect(page.locator('[aria-invalid="true"]').count()).resolves.toBe(1); // the title, all a draft needs
    await page.getByRole('button', { name: 'Save and submit for review' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[aria-invalid="true"]').length > 1).catch(() => undefined);
    await expect(page.locator('[aria-invalid="true"]').count()).resolves.toBeGreaterThan(5);
    expect(await axe(page)).toEqual([]);
    await shot(page, '03-form-errors');
    await page.getByLabel(/^Title/).fill('Women observers at the Sévaré land committee');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/outcomes\/[0-9a-f-]{36}\?saved=1$/);
    const missing = page.locator('.still-missing');
    await missing.waitFor();
    await expect(missing.textContent()).resolves.toMatch(/Still to fill in before it can be submitted \(\d+\):.*Description/);
    await expect(page.locator('.facts').textContent()).resolves.toContain('no date yet');
    // submitted from its page as it is, it is refused in words that point at the list
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    const refusal = page.getByRole('dialog').getByRole('alert').filter({ hasText: 'not complete yet' });
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toContain('Description of the change');
    await shot(page, '03-draft-refused');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(await axe(page)).toEqual([]);
    await shot(page, '03-draft-missing');
    await context.close();
  });

  test('when the page reloads mid-form, then the text typed is restored from this device', async () => {
    const { page, context } = await open(browser);
    await loginAs(page, 'partner');
    await page.goto('/outcomes/new');
    await settled(page);
    await page.getByLabel(/^Title/).fill('Kept through a reload');
    await page.waitForTimeout(700); // the autosave debounce
    await page.reload();
    await settled(page);
    await expect(page.getByLabel(/^Title/).inputValue()).resolves.toBe('Kept through a reload');
    await expect(page.locator('.notice').first().textContent()).resolves.toContain('We restored text');
    await page.getByRole('button', { name: 'Discard kept text' }).click();
    await settled(page);
    await expect(page.getByLabel(/^Title/).inputValue()).resolves.toBe('');
    await context.close();
  });

  test('when the session ends while saving, then the login appears in place and the text comes back after it', async () => {
    const { page, context } = await open(browser);
    await loginAs(page, 'partner');
    await page.goto('/outcomes/new?lang=en');
    await settled(page);
    await fillOutcome(page);
    await context.clearCookies(); // the session is gone, as after a long time offline
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await expect(page.locator('.notice').first().textContent()).resolves.toContain('Your session has ended');
    await page.getByLabel('Email').fill('partner@oogst.test');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Record an outcome' }).waitFor();
    await settled(page);
    expect(new URL(page.url()).pathname).toBe('/outcomes/new');
    await expect(page.getByLabel(/^Title/).inputValue()).resolves.toBe(TITLE);
    await expect(page.getByRole('checkbox', { name: /NL-IV-1\.1/ }).isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Discard kept text' }).click();
    await context.close();
  });

  test('when the partner records a complete outcome and submits it, then it is submitted', async () => {
    const { page, context, errors } = await open(browser);
    await loginAs(page, 'partner');
    await page.goto('/outcomes/new');
    await settled(page);
    await fillOutcome(page);
    await expect(page.locator('.preview strong').first().textContent()).resolves.toBe('March 2025');
    await shot(page, '04-form-filled');
    await page.getByRole('button', { name: 'Save and submit for review' }).click();
    await page.waitForURL(/\/outcomes\/[0-9a-f-]{36}\?submitted=1/);
    await settled(page);
    outcomeUrl = new URL(page.url()).pathname;
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(TITLE);
    await expect(page.locator('.record-head .badge').first().textContent()).resolves.toBe('Submitted');
    expect(await axe(page)).toEqual([]);
    await shot(page, '05-outcome-submitted');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('when the evaluator reviews, gets it substantiated, concludes and publishes it, then it is published', async () => {
    const { page, context, errors } = await open(browser);
    await loginAs(page, 'evaluator');
    await page.goto('/review?lang=en');
    await settled(page);
    expect(await axe(page)).toEqual([]);
    await shot(page, '06-review-queue');
    const row = page.getByRole('row').filter({ hasText: TITLE });
    await row.getByRole('button', { name: 'Take into review' }).click();
    await settled(page);
    await page.goto(outcomeUrl);
    await settled(page);
    await expect(page.locator('.record-head .badge').first().textContent()).resolves.toBe('Under review');
    // a substantiator, then their answer entered by the evaluator
    await page.locator('summary', { hasText: 'Ask someone to substantiate' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Fatoumata Coulibaly');
    await page.getByLabel('Relationship to the change').fill('Member of the land commission');
    await page.getByRole('button', { name: 'Ask someone to substantiate' }).click();
    await page.getByRole('button', { name: 'Enter the answer' }).click();
    const dialog = page.getByRole('dialog');
    for (const part of ['Is the description of the change accurate?', 'Is the significance as described?', 'Is the contribution as described?']) {
      await dialog.getByRole('group', { name: part }).getByRole('radio', { name: 'Agree', exact: true }).check();
    }
    expect(await axe(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('.verdict').first().textContent()).resolves.toBe('Agree');
    await page.getByRole('button', { name: 'Conclude: substantiated' }).click();
    // the reasoning names the substantiator: the check before publishing will find it
    await page.getByRole('dialog').getByLabel('Comment (required)').fill('Confirmed by Fatoumata Coulibaly of the commission.');
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await page.locator('.record-head .badge', { hasText: 'Substantiated' }).waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    const publish = page.getByRole('dialog');
    await publish.getByRole('button', { name: 'Confirm' }).click();
    const finding = publish.getByRole('group', { name: 'Check before publishing' }).getByRole('checkbox', { name: "Reasoning of the conclusion: holds a substantiator’s name" });
    await finding.waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, '07a-publish-check');
    await expect(page.locator('.record-head .badge').first().textContent()).resolves.toBe('Substantiated');
    await finding.check();
    await publish.getByRole('button', { name: 'Confirm' }).click();
    await page.locator('.record-head .badge', { hasText: 'Published' }).waitFor();
    await settled(page);
    expect(await axe(page)).toEqual([]);
    await shot(page, '07-outcome-published');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('when the evaluator links it on its pathway to the outcome it built on, then both pages show the link, and it can be removed', async () => {
    const { page, context, errors } = await open(browser);
    await loginAs(page, 'evaluator');
    await page.goto(outcomeUrl);
    await settled(page);
    const pathway = page.locator('section.pathway');
    await expect(pathway.textContent()).resolves.toContain('Not linked to other outcomes yet.');
    await pathway.getByRole('button', { name: 'Link to another outcome' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Find an outcome (words from its title or text)').fill('Mopti market traders');
    await dialog.getByRole('button', { name: 'Search' }).click();
    await dialog.getByRole('radio', { name: /Mopti market traders' association/ }).check();
    await dialog.getByRole('radio', { name: 'The outcome chosen contributed to this one' }).check();
    expect(await axe(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Link', exact: true }).click();
    const builtOn = page.locator('section.pathway .pathway-group', { hasText: 'Builds on' });
    await builtOn.getByRole('link', { name: /Mopti market traders' association/ }).waitFor();
    await settled(page);
    expect(await axe(page)).toEqual([]);
    await shot(page, '07b-pathway-linked');
    // the other end shows it too, as a contribution
    await builtOn.getByRole('link', { name: /Mopti market traders' association/ }).click();
    await page.locator('section.pathway .pathway-group', { hasText: 'Contributes to' }).getByRole('link', { name: TITLE }).waitFor();
    await page.goBack();
    await page.locator('section.pathway .pathway-group', { hasText: 'Builds on' }).getByRole('button', { name: /Remove link/ }).click();
    await page.locator('section.pathway', { hasText: 'Not linked to other outcomes yet.' }).waitFor();
    await page.locator('section.pathway .pathway-status', { hasText: 'Link removed. It stays in the history.' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('when the donor opens the dashboard, then the published outcome is on the change-over-time chart', async () => {
    const { page, context, errors } = await open(browser);
    await loginAs(page, 'donor');
    await page.goto('/dashboard?lang=en');
    await settled(page);
    const frame = page.locator('#change-over-time');
    await frame.locator('svg.chart').first().waitFor();
    // the chart's own data, as its table view shows it
    await frame.getByRole('button', { name: 'Show as table' }).click();
    await expect(frame.locator('table').first().textContent()).resolves.toContain(TITLE);
    await frame.getByRole('button', { name: 'Show as table' }).click();
    // and by keyboard: focus the chart, find the mark, open it
    await frame.locator('svg.chart').first().focus();
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowUp'); // the first lane: NL-IV-1, the outcome's goal
    let found = false;
    for (let i = 0; i < 150 && !found; i++) {
      found = ((await frame.locator('.visually-hidden[role=status]').textContent()) ?? '').includes(TITLE);
      if (!found) await page.keyboard.press('ArrowRight');
    }
    expect(found).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('heading', { level: 2, name: TITLE }).waitFor();
    await settled(page);
    expect(await axe(page)).toEqual([]);
    await shot(page, '08-donor-record-from-chart');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a story of change', () => {
  test('when a partner records a story with anonymous consent and submits it, then it is submitted with its consent', async () => {
    const { page, context, errors } = await open(browser);
    await loginAs(page, 'partner');
    await page.goto('/stories/new?lang=en');
    await settled(page);
    const title = `The day the women spoke at the council (${Date.now()})`;
    await page.getByLabel(/^Title/).fill(title);
    await page.getByLabel(/^The story/).fill('When the council met, *we spoke first*. Nobody stopped us.');
    await page.getByLabel(/^Why the storyteller finds it significant/).fill('Because before, we were not even in the room.');
    await page.getByLabel(/^Role/).fill('market trader');
    await page.getByRole('radio', { name: /^Anonymous/ }).check();
    await page.getByLabel('Given on').fill('2025-02-14');
    await page.getByLabel('Recorded by').fill('Field officer');
    await page.getByLabel(/^Collected by/).fill('Field officer');
    await page.getByLabel(/^Collected on/).fill('2025-02-14');
    await page.getByLabel(/^Country/).selectOption('ML');
    await page.getByRole('checkbox', { name: /NL-IV-1\.1/ }).check();
    await page.getByRole('button', { name: 'Save and submit for review' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await settled(page);
    await expect(page.locator('.record-head .badge').first().textContent()).resolves.toBe('Submitted');
    await expect(page.locator('.facts').textContent()).resolves.toContain('Anonymous');
    expect(await axe(page)).toEqual([]);
    await shot(page, '09-story-submitted');
    expect(errors).toEqual([]);
    await context.close();
  });
});
