// The admin screens in the browser: an admin creates an organisation and a user in it, copies the
// set-password link; someone else opens it in a fresh browser, chooses a password and logs in.
// Errors from the API land on their field, and axe finds no violation on any admin screen.
import type { Browser, Page } from 'playwright-core';
import * as OTPAuth from 'otpauth';
import { axe, BASE, launch, loginAs, open, overflowing, settled, shot } from './browser';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const stamp = Date.now().toString(36);
const ORG = `Women Mediators ${stamp}`;
const EMAIL = `mediator-${stamp}@example.org`;
const NEW_PASSWORD = 'a-long-new-passphrase';

async function checked(page: Page, name: string, found: string[]): Promise<void> {
  await settled(page);
  found.push(...(await axe(page)).map((v) => `${name}: ${v}`));
  await shot(page, `admin-${name}`);
}

test('when an admin creates an organisation and a user, then the user sets a password through the link and logs in', async () => {
  const admin = await open(browser);
  const page = admin.page;
  await loginAs(page, 'admin');
  const found: string[] = [];

  await page.goto('/admin');
  await checked(page, 'hub', found);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Administration' }).getAttribute('aria-current')).resolves.toBe('page');
  await page.getByRole('link', { name: 'Organisations' }).click();
  await settled(page);
  await page.getByText('Create an organisation', { exact: true }).first().click();
  await checked(page, 'organisations', found);
  // nothing filled in: the errors are on the fields, before asking the server
  await page.getByRole('button', { name: 'Create an organisation' }).click();
  await expect(page.getByLabel(/^Name/).getAttribute('aria-invalid')).resolves.toBe('true');
  await page.getByLabel(/^Name/).fill(ORG);
  await page.getByLabel(/^Kind/).selectOption('partner');
  await page.getByLabel(/^Country/).selectOption('ML');
  await page.getByRole('button', { name: 'Create an organisation' }).click();
  await page.waitForURL(/\/admin\/organisations\/[0-9a-f-]{36}/);
  await checked(page, 'organisation-edit', found);
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(ORG);

  await page.goto('/admin/users?new=1');
  await checked(page, 'users', found);
  const fill = async (email: string) => {
    await page.getByLabel(/^Email/).fill(email);
    await page.getByLabel(/^Name/).fill('Aminata Diallo');
    await page.getByLabel(/^Role/).first().selectOption('partner');
    await page.getByLabel(/^Organisation/).first().selectOption({ label: ORG });
    await page.getByRole('button', { name: 'Create a user' }).click();
  };
  // the API's problem+json errors[].path lands on the email field
  await fill('admin@oogst.test');
  await page.waitForSelector('[data-path="/email"] .field-error:not([hidden])');
  await expect(page.locator('[data-path="/email"] .field-error').textContent()).resolves.toBe('is taken');
  await expect(page.getByLabel(/^Email/).getAttribute('aria-invalid')).resolves.toBe('true');
  await fill(EMAIL);
  const linkInput = page.locator('#set-password-link');
  await linkInput.waitFor();
  const link = await linkInput.inputValue();
  expect(link).toMatch(/\/set-password\/[^/]+$/);
  await checked(page, 'user-created', found);

  await page.getByRole('link', { name: 'Open their account' }).click();
  await checked(page, 'user-edit', found);
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Aminata Diallo');
  expect(found).toEqual([]);
  expect(admin.errors).toEqual([]);
  await admin.context.close();

  // someone else, in a browser that has never logged in
  const invited = await open(browser);
  await invited.page.goto(link);
  await settled(invited.page);
  expect(await axe(invited.page)).toEqual([]);
  await invited.page.getByLabel('New password').fill(NEW_PASSWORD);
  await invited.page.getByRole('button', { name: 'Set password' }).click();
  await invited.page.getByText('Your password is set.').waitFor();
  await invited.page.getByRole('link', { name: 'Log in' }).click();
  await settled(invited.page);
  await invited.page.getByLabel('Email').fill(EMAIL);
  await invited.page.getByLabel('Password').fill(NEW_PASSWORD);
  await invited.page.getByRole('button', { name: 'Log in' }).click();
  await invited.page.waitForURL((u) => !u.pathname.startsWith('/login') && u.pathname !== '/');
  await settled(invited.page);
  await expect(invited.page.locator('.account .who').textContent()).resolves.toContain('Aminata Diallo');
  expect(invited.errors).toEqual([]);
  await invited.context.close();
}, 180_000);

test("when a person's phone is lost, then an admin turns off their two-factor sign-in and the session on that phone ends", async () => {
  const headers = { origin: BASE };
  const admin = await open(browser);
  await loginAs(admin.page, 'admin');
  // a partner with two-factor sign-in on, set up through the API with a code from the secret
  const me = await (await admin.page.request.get('/api/auth/me')).json();
  const orgs = await (await admin.page.request.get('/api/organisations?pageSize=200')).json() as { items: Array<{ id: string; kind: string }> };
  const created = await admin.page.request.post('/api/users', { headers, data: {
    email: `lost-phone-${stamp}@example.org`, name: 'Mariam Touré', role: 'partner', organisationId: orgs.items.find((o) => o.kind === 'partner' && o.id !== me.organisation.id)!.id,
  } });
  expect(created.status()).toBe(201);
  const { user, setPasswordLink } = await created.json() as { user: { id: string }; setPasswordLink: { url: string } };
  const phone = await open(browser);
  const token = setPasswordLink.url.split('/').pop();
  expect((await phone.page.request.post('/api/auth/set-password', { headers, data: { token, password: NEW_PASSWORD } })).status()).toBe(204);
  expect((await phone.page.request.post('/api/auth/login', { headers, data: { email: `lost-phone-${stamp}@example.org`, password: NEW_PASSWORD } })).status()).toBe(200);
  const { secret } = await (await phone.page.request.post('/api/auth/totp/setup', { headers })).json() as { secret: string };
  const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
  expect((await phone.page.request.post('/api/auth/totp/enable', { headers, data: { code } })).status()).toBe(200);
  expect((await phone.page.request.get('/api/auth/me')).status()).toBe(200);

  const page = admin.page;
  await page.goto(`/admin/users/${user.id}`);
  await settled(page);
  const section = page.getByRole('region', { name: 'Two-factor sign-in' });
  await expect(section.textContent()).resolves.toContain('On: this person signs in with a code');
  await section.getByRole('button', { name: 'Turn off two-factor sign-in' }).click();
  const dialog = page.getByRole('dialog', { name: 'Turn off two-factor sign-in' });
  await expect(dialog.textContent()).resolves.toContain('Mariam Touré has lost their phone');
  expect(await axe(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Turn off two-factor sign-in' }).click();
  await section.getByText('Two-factor sign-in is off; their sessions have ended.').waitFor();
  await expect(section.textContent()).resolves.toContain('Off: this person signs in with the password alone.');
  // off: the only button left makes a set-up link for the new phone
  await expect(section.getByRole('button').allTextContents()).resolves.toEqual(['Make a two-factor set-up link']);
  await shot(page, 'admin-user-two-factor-off');
  expect((await phone.page.request.get('/api/auth/me')).status()).toBe(401);
  expect(admin.errors).toEqual([]);
  await phone.context.close();
  await admin.context.close();
}, 120_000);

test('when an organisation requires two-factor sign-in, then a new person enrols their phone through the link the admin made, keeps recovery codes, and signs in with a code', async () => {
  const headers = { origin: BASE };
  const admin = await open(browser);
  await loginAs(admin.page, 'admin');
  const org = await admin.page.request.post('/api/organisations', { headers, data: { name: `Defenders Network ${stamp}`, kind: 'partner', requireTotp: true } });
  expect(org.status()).toBe(201);
  // the admin creates the person on the admin screen: both links are shown, to pass on by hand
  const page = admin.page;
  await page.goto('/admin/users?new=1');
  await settled(page);
  const email = `defender-${stamp}@example.org`;
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Name/).fill('Awa Diallo');
  await page.getByLabel(/^Role/).first().selectOption('partner');
  await page.getByLabel(/^Organisation/).first().selectOption({ label: `Defenders Network ${stamp}` });
  await page.getByRole('button', { name: 'Create a user' }).click();
  const passwordLink = await page.locator('#set-password-link').inputValue();
  const twoFactorLink = await page.locator('#two-factor-link').inputValue();
  expect(twoFactorLink).toMatch(/\/two-factor\/[A-Za-z0-9_-]{43}$/);
  expect(await axe(page)).toEqual([]);
  await shot(page, 'admin-user-created-two-factor-link');

  const phone = await open(browser, { width: 390 });
  const p = phone.page;
  await p.goto(passwordLink);
  await p.getByLabel('New password').fill(NEW_PASSWORD);
  await p.getByRole('button', { name: 'Set password' }).click();
  await p.getByText('Your password is set.').waitFor();
  // the link first: its token waits in a cookie while the person logs in
  await p.goto(twoFactorLink);
  await settled(p);
  expect(new URL(p.url()).pathname).toBe('/two-factor');
  await p.getByLabel('Email').fill(email);
  await p.getByLabel('Password').fill(NEW_PASSWORD);
  // a link opened before logging in is not a session that ended
  await expect(p.locator('main').textContent()).resolves.not.toContain('Your session has ended');
  await p.getByRole('button', { name: 'Log in' }).click();
  await p.getByRole('heading', { level: 1, name: 'Two-factor sign-in' }).waitFor();
  await settled(p);
  await expect(p.locator('main').textContent()).resolves.toContain('Your organisation requires two-factor sign-in');
  // nowhere else to go until it is on: another address shows the same set-up
  await p.goto('/outcomes');
  await settled(p);
  await expect(p.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Two-factor sign-in');
  await expect(p.getByRole('navigation', { name: 'Main' }).count()).resolves.toBe(0);
  await p.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
  await p.getByRole('img', { name: /QR code/ }).waitFor();
  const secret = (await p.locator('.secret').textContent())!.replace(/\s/g, '');
  expect(await axe(p)).toEqual([]);
  expect(await overflowing(p)).toEqual([]);
  await shot(p, 'two-factor-setup-390');
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
  await p.getByLabel('Code from the app').fill(totp.generate());
  await p.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  await p.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
  const codes = await p.locator('.codes code').allTextContents();
  expect(codes).toHaveLength(10);
  expect(await axe(p)).toEqual([]);
  expect(await overflowing(p)).toEqual([]);
  await shot(p, 'two-factor-recovery-codes-390');
  await expect(p.getByRole('button', { name: 'Continue' }).isDisabled()).resolves.toBe(true);
  await p.getByLabel('I have kept these codes somewhere safe').check();
  await p.getByRole('button', { name: 'Continue' }).click();
  await p.waitForURL(/\/outcomes$/);
  await settled(p);
  // the next login asks for the code after the password; a recovery code works in its place
  await p.getByRole('button', { name: 'Menu' }).click();
  await p.getByRole('button', { name: 'Log out' }).click();
  await settled(p);
  await p.goto('/login');
  await p.getByLabel('Email').fill(email);
  await p.getByLabel('Password').fill(NEW_PASSWORD);
  await p.getByRole('button', { name: 'Log in' }).click();
  await p.getByLabel('Code from your authenticator app').waitFor();
  expect(await axe(p)).toEqual([]);
  await shot(p, 'login-code-390');
  await p.getByLabel('Code from your authenticator app').fill(codes[0]);
  await p.getByRole('button', { name: 'Log in' }).click();
  await p.waitForURL(/\/two-factor\?recovered=1$/);
  await settled(p);
  await expect(p.locator('main').textContent()).resolves.toContain('You signed in with a recovery code');
  await expect(p.locator('main').textContent()).resolves.toContain('You have 9 recovery codes left.');
  await shot(p, 'two-factor-on-390');
  expect(phone.errors).toEqual([]);
  await phone.context.close();

  // the same person in Arabic on a desktop: the page reads right to left, the codes left to right
  const desk = await open(browser, { width: 1280 });
  expect((await desk.page.request.post('/api/auth/login', { headers, data: { email, password: NEW_PASSWORD, recoveryCode: codes[1] } })).status()).toBe(200);
  await desk.page.goto('/two-factor?lang=ar');
  await settled(desk.page);
  await expect(desk.page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
  await expect(desk.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('تسجيل الدخول بخطوتين');
  expect(await axe(desk.page)).toEqual([]);
  await shot(desk.page, 'two-factor-on-ar');
  expect(desk.errors).toEqual([]);
  await desk.context.close();
  expect(admin.errors).toEqual([]);
  await admin.context.close();
}, 180_000);

test('when an admin creates a programme and imports a framework file, then both are listed and axe finds no violation', async () => {
  const { page, context, errors } = await open(browser);
  await loginAs(page, 'admin');
  const found: string[] = [];
  await page.goto('/admin/programmes');
  await checked(page, 'programmes', found);
  await page.getByRole('link', { name: 'Create a programme' }).click();
  await checked(page, 'programme-new', found);
  await page.getByLabel(/^Name/).fill(`Land and peace ${stamp}`);
  // a wrong IATI identifier comes back from the API as a problem on its field
  await page.getByLabel(/^IATI activity identifier/).fill('no spaces allowed');
  await page.getByRole('group', { name: 'Partner organisations' }).getByRole('checkbox').first().check();
  await page.getByRole('button', { name: 'Create a programme' }).click();
  await page.waitForSelector('[data-path="/iatiIdentifier"] .field-error:not([hidden])');
  await page.getByLabel(/^IATI activity identifier/).fill(`NL-KVK-1234-${stamp}`);
  await page.getByRole('button', { name: 'Create a programme' }).click();
  await page.waitForURL(/\/admin\/programmes\/[0-9a-f-]{36}/);
  await checked(page, 'programme-edit', found);
  await expect(page.getByRole('group', { name: 'Partner organisations' }).getByRole('checkbox', { checked: true }).count()).resolves.toBe(1);

  await page.goto('/admin/frameworks');
  await checked(page, 'frameworks', found);
  const id = `test-${stamp}`;
  const framework = { id, name: `Test framework ${stamp}`, goals: [{ code: 'G1', name: 'Participation', children: [{ code: 'G1.1', name: 'Women in peace talks' }] }] };
  await page.getByLabel('Framework file (JSON)').setInputFiles({ name: 'framework.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(framework)) });
  await page.getByRole('button', { name: 'Import a framework' }).click();
  await page.getByText('The framework was imported.').waitFor();
  await expect(page.getByRole('row', { name: new RegExp(id) }).getByRole('cell').last().textContent()).resolves.toBe('2');
  await checked(page, 'frameworks-imported', found);
  await page.goto('/admin/audit?action=framework.*,programme.*');
  await checked(page, 'audit', found);
  await expect(page.getByRole('cell', { name: 'framework.import' }).count()).resolves.toBeGreaterThan(0);
  await expect(page.getByRole('cell', { name: 'programme.create' }).count()).resolves.toBeGreaterThan(0);
  expect(found).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);

test('when the interface is Arabic, then axe finds no violation on the admin screens', async () => {
  const { page, context, errors } = await open(browser);
  await loginAs(page, 'admin');
  const found: string[] = [];
  for (const p of ['/admin', '/admin/users', '/admin/organisations', '/admin/programmes', '/admin/programmes/new', '/admin/frameworks', '/admin/audit']) {
    await page.goto(`${p}?lang=ar`);
    await settled(page);
    found.push(...(await axe(page)).map((v) => `${p}: ${v}`));
  }
  await expect(page.evaluate(() => document.documentElement.dir)).resolves.toBe('rtl');
  expect(found).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);
