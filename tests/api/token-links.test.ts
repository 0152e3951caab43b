// Links with a token in their path (set-password, substantiation): the first request trades the
// token for a short-lived, path-scoped HttpOnly cookie and a 303 to an address without it; the
// pages then work through the cookie, without JavaScript; and the app's log, read after every
// token route, never holds a token.
import { Writable } from 'node:stream';
import { startTestApp, TestApp, Client, PASSWORD } from '../helpers/app';
import { askSubstantiator, Crew, form, FORM, outcomeIn } from '../helpers/review';
import { errorSerializer, requestSerializer } from '../../server/logger';

let t: TestApp;
let ev: Client, admin: Client;
let crew: Crew;
const logLines: string[] = [];
/** every token a link was made with: none may be in the log */
const tokens = new Set<string>();

beforeAll(async () => {
  const logTo = new Writable({ write(chunk, _enc, done) { logLines.push(String(chunk)); done(); } });
  t = await startTestApp({ logTo });
  [ev, admin] = await Promise.all([t.as('evaluator'), t.as('admin')]);
  crew = { partner: await t.as('partner1'), evaluator: ev };
});
afterAll(() => t.close());

const ANSWER = { description: 'agree', significance: 'partly', contribution: 'agree' };
const tokenOf = (url: string) => url.split('/').pop()!;
const cookieOf = (c: Client) => c.cookie;

async function substantiationLink(): Promise<{ url: string; sid: string }> {
  const id = await outcomeIn(crew, 'under_review');
  const s = await askSubstantiator(ev, id);
  const r = await ev.post(`/api/outcomes/${id}/substantiations/${s.id}/link`);
  expect(r.status).toBe(201);
  tokens.add(tokenOf(r.body.url));
  return { url: r.body.url, sid: s.id };
}

async function setPasswordLink(email: string): Promise<string> {
  const r = await admin.post('/api/users', { email, name: 'Invited Person', role: 'partner', organisationId: t.world.orgs.p1 });
  expect(r.status).toBe(201);
  tokens.add(tokenOf(r.body.setPasswordLink.url));
  return r.body.setPasswordLink.url;
}

/** The log so far, once pino-http has written the line of the last response. */
async function log(): Promise<string> {
  await new Promise((r) => setTimeout(r, 50));
  return logLines.join('');
}

async function expectNoTokenInLog(): Promise<void> {
  const text = await log();
  for (const token of tokens) expect(text.includes(token)).toBe(false);
}

describe('the substantiation link', () => {
  test('when the link is opened, then a 303 without the token sets an HttpOnly cookie scoped to /substantiate', async () => {
    const { url } = await substantiationLink();
    const r = await t.anon().get(`${url}?lang=fr`);
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/substantiate?lang=fr');
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    expect(r.headers.get('set-cookie')).toBe(`oogst_link_substantiation=${tokenOf(url)}; Max-Age=3600; Path=/substantiate; HttpOnly; SameSite=Lax`);
    expect(await log()).toMatch(/"path":"\/substantiate\/\[redacted\]"/);
    await expectNoTokenInLog();
  });

  test('when the token expires sooner than the cookie would, then the cookie ends with it', async () => {
    const { url, sid } = await substantiationLink();
    await t.ctx.db('tokens').where({ subject_id: sid }).update({ expires_at: new Date(Date.now() + 600_000).toISOString() });
    const maxAge = Number(/Max-Age=(\d+)/.exec((await t.anon().get(url)).headers.get('set-cookie')!)![1]);
    expect(maxAge).toBeGreaterThan(590);
    expect(maxAge).toBeLessThanOrEqual(600);
  });

  test('when the cookie is there, then the page and its plain form answer, the cookie is cleared, and the used cookie gets the gone page', async () => {
    const { url } = await substantiationLink();
    const browser = t.anon();
    await browser.get(url);
    const used = cookieOf(browser);
    const page = await browser.get('/substantiate');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<form method="post" action="/substantiate?lang=en">');
    expect(page.text).not.toMatch(/<script/);
    const done = await browser.request('POST', '/substantiate?lang=en', form({ ...ANSWER, comments: 'Seen at the council.' }), FORM);
    expect(done.status).toBe(200);
    expect(done.text).toContain('Your answer has been recorded');
    expect(done.headers.get('set-cookie')).toMatch(/^oogst_link_substantiation=; Max-Age=0; Path=\/substantiate; HttpOnly; SameSite=Lax$/);
    expect(browser.cookie).toBeUndefined();

    const replay = new Client(t.base);
    replay.cookie = used;
    const gone = await replay.get('/substantiate');
    expect(gone.status).toBe(410);
    expect(gone.text).toContain('This link does not work any more');
    expect(gone.headers.get('set-cookie')).toMatch(/^oogst_link_substantiation=; Max-Age=0;/); // a dead link's cookie is dropped
    replay.cookie = used; // a browser that kept it anyway
    expect((await replay.request('POST', '/substantiate', form(ANSWER), FORM)).status).toBe(410);
    expect((await t.anon().get(url)).status).toBe(410); // the link itself is gone too: no cookie for it
    await expectNoTokenInLog();
  });

  test('when there is no cookie, then GET and POST /substantiate say to open the link again', async () => {
    const page = await t.anon().get('/substantiate?lang=fr');
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain('Ouvrez à nouveau votre lien');
    expect((await t.anon().request('POST', '/substantiate', form(ANSWER), FORM)).status).toBe(400);
  });

  test('when an older form posts to /substantiate/:token, then it still answers, and the log holds no token', async () => {
    const { url } = await substantiationLink();
    const r = await t.anon().request('POST', `${url}?lang=en`, form(ANSWER), FORM);
    expect(r.status).toBe(200);
    expect((await t.anon().request('POST', url, form(ANSWER), FORM)).status).toBe(410);
    expect((await t.anon().get(`${url}?lang=ar`)).status).toBe(410);
    await expectNoTokenInLog();
  });

  test('when the app runs in production, then the cookie is Secure', async () => {
    const { url } = await substantiationLink();
    const env = t.ctx.config.env;
    t.ctx.config.env = 'production';
    try {
      expect((await t.anon().get(url)).headers.get('set-cookie')).toMatch(/; Secure; SameSite=Lax$/);
    } finally {
      t.ctx.config.env = env;
    }
  });
});

describe('the set-password link', () => {
  test('when the link is opened, then a 303 to /set-password sets a cookie only the API call receives, and the password is set through it', async () => {
    const url = await setPasswordLink('invited-cookie@test.oogst');
    const browser = t.anon();
    const r = await browser.get(url);
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/set-password');
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('set-cookie')).toBe(`oogst_link_set_password=${tokenOf(url)}; Max-Age=1800; Path=/api/auth/set-password; HttpOnly; SameSite=Strict`);
    const used = cookieOf(browser);
    const set = await browser.post('/api/auth/set-password', { password: 'chosen through the cookie' });
    expect(set.status).toBe(204);
    expect(set.headers.get('set-cookie')).toMatch(/^oogst_link_set_password=; Max-Age=0; Path=\/api\/auth\/set-password; HttpOnly; SameSite=Strict$/);
    expect((await t.anon().post('/api/auth/login', { email: 'invited-cookie@test.oogst', password: 'chosen through the cookie' })).status).toBe(200);

    const replay = new Client(t.base);
    replay.cookie = used;
    const again = await replay.post('/api/auth/set-password', { password: 'chosen a second time' });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 410, code: 'token_invalid' });
    expect(await log()).toMatch(/"path":"\/set-password\/\[redacted\]"/);
    await expectNoTokenInLog();
  });

  test('when the link is dead, then it leads to /set-password?link=gone; with no cookie and no token the API says to reopen it', async () => {
    const url = await setPasswordLink('invited-dead@test.oogst');
    expect((await t.anon().post('/api/auth/set-password', { token: tokenOf(url), password: 'the API client way' })).status).toBe(204);
    const r = await t.anon().get(url);
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/set-password?link=gone');
    expect(r.headers.get('set-cookie')).toMatch(/^oogst_link_set_password=; Max-Age=0;/);
    expect((await t.anon().get('/set-password/not-a-token')).headers.get('location')).toBe('/set-password?link=gone');
    const none = await t.anon().post('/api/auth/set-password', { password: PASSWORD });
    expect({ status: none.status, code: none.body.code }).toEqual({ status: 400, code: 'link_missing' });
    await expectNoTokenInLog();
  });
});

describe('the two-factor set-up link', () => {
  test('when the link is opened, then a 303 to /two-factor sets a cookie only the call that turns two-factor on receives; the log holds no token', async () => {
    const org = await admin.post('/api/organisations', { name: 'Org with two-factor required', kind: 'partner', requireTotp: true });
    const r = await admin.post('/api/users', { email: 'invited-2fa@test.oogst', name: 'Invited Person', role: 'partner', organisationId: org.body.id });
    expect(r.status).toBe(201);
    const url = r.body.twoFactorLink.url as string;
    tokens.add(tokenOf(url));
    tokens.add(tokenOf(r.body.setPasswordLink.url));
    const again = await admin.post(`/api/users/${r.body.user.id}/two-factor-link`);
    tokens.add(tokenOf(again.body.url));
    // a new link ends the earlier one
    expect((await t.anon().get(url)).headers.get('location')).toBe('/two-factor?link=gone');
    const landed = await t.anon().get(again.body.url);
    expect(landed.status).toBe(303);
    expect(landed.headers.get('location')).toBe('/two-factor');
    expect(landed.headers.get('set-cookie')).toBe(`oogst_link_two_factor=${tokenOf(again.body.url)}; Max-Age=3600; Path=/api/auth/totp/enable; HttpOnly; SameSite=Strict`);
    expect(await log()).toMatch(/"path":"\/two-factor\/\[redacted\]"/);
    await expectNoTokenInLog();
  });
});

describe('the log', () => {
  const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';
  test('when a request is logged, then a link token anywhere in its path is redacted and the query dropped', () => {
    const path = (url: string) => requestSerializer({ method: 'GET', url }).path;
    expect(path(`/substantiate/${token}?lang=fr`)).toBe('/substantiate/[redacted]');
    expect(path(`/set-password/${token}`)).toBe('/set-password/[redacted]');
    expect(path(`/two-factor/${token}`)).toBe('/two-factor/[redacted]');
    expect(path('/SUBSTANTIATE/short-junk/more')).toBe('/SUBSTANTIATE/[redacted]/more');
    expect(path(`/%73ubstantiate/${token}`)).toBe('/%73ubstantiate/[redacted]');
    expect(path(`//x/${token}/y`)).toBe('//x/[redacted]/y');
    expect(path('/api/outcomes/3f1c2a9e-8b7d-4c6e-9a5f-1b2c3d4e5f60')).toBe('/api/outcomes/3f1c2a9e-8b7d-4c6e-9a5f-1b2c3d4e5f60');
    expect(path('/substantiate?lang=ar')).toBe('/substantiate');
  });

  test('when an error quoting a link is logged, then its message and stack lose the token', () => {
    const out = errorSerializer(new Error(`could not open http://x.example/set-password/${token}`)) as { message: string; stack: string };
    expect(out.message).toBe('could not open http://x.example/set-password/[redacted]');
    expect(out.stack).not.toContain(token);
  });

  test('after every token route, no token is anywhere in the log', async () => {
    expect(tokens.size).toBeGreaterThanOrEqual(6);
    expect((await log()).split('\n').filter((l) => l.includes('"path":"/substantiate/[redacted]"')).length).toBeGreaterThan(5);
    await expectNoTokenInLog();
  });
});
