// Accounts under pressure: optional two-factor sign-in (TOTP), enforced per organisation, and
// the admin's audit view, which also shows who read personal data from outside its organisation.
import * as OTPAuth from 'otpauth';
import { startTestApp, TestApp, Client, PASSWORD } from '../helpers/app';
import { outcomeBody } from '../helpers/fixtures';
import { fragmentBody, newStory, ok, sourceBody } from '../helpers/stories';
import { auditPersonalAccess } from '../../server/audit/log';
import { accountKeyOf } from '../../server/auth/throttle';

/** Failed sign-ins counted for an account across all addresses (server/auth/throttle.ts). */
const failuresOf = async (email: string) => Number((await t.ctx.db('rate_limits').where({ key: accountKeyOf(email) }).first())?.hits ?? 0);
let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(() => t.close());

/** The code of an authenticator app `steps` periods from now (codes must come in increasing steps). */
const codeAt = (secret: string, steps = 0) => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 })
  .generate({ timestamp: Date.now() + steps * 30_000 });

async function login(email: string, extra: Record<string, unknown> = {}): Promise<{ c: Client; status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const c = t.anon();
  const r = await c.post('/api/auth/login', { email, password: PASSWORD, ...extra });
  return { c, status: r.status, body: r.body };
}

/** A new user (with a password) in a new partner organisation of programme A; `link` is the two-factor set-up link's token where required. */
async function newPartner(key: string, requireTotp: boolean): Promise<{ email: string; orgId: string; id: string; link?: string }> {
  const admin = await t.as('admin');
  const org = await admin.post('/api/organisations', { name: `Org ${key}`, kind: 'partner', requireTotp });
  expect(org.status).toBe(201);
  const email = `${key}@test.oogst`;
  const u = await admin.post('/api/users', { email, name: `Person ${key}`, role: 'partner', organisationId: org.body.id });
  expect(u.status).toBe(201);
  const token = u.body.setPasswordLink.url.split('/').pop();
  expect((await t.anon().post('/api/auth/set-password', { token, password: PASSWORD })).status).toBe(204);
  expect(!!u.body.twoFactorLink).toBe(requireTotp);
  return { email, orgId: org.body.id, id: u.body.user.id, link: u.body.twoFactorLink?.url.split('/').pop() };
}

/** Turns two-factor sign-in on for a signed-in client (with the set-up link where required); its secret and recovery codes. */
async function enrol(c: Client, link?: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const secret = (await c.post('/api/auth/totp/setup')).body.secret as string;
  const r = await c.post('/api/auth/totp/enable', { code: codeAt(secret, 0), ...(link && { token: link }) });
  expect(r.status).toBe(200);
  return { secret, recoveryCodes: r.body.recoveryCodes };
}

describe('two-factor sign-in (TOTP)', () => {
  let secret: string;
  const email = 'partner2@test.oogst';

  test('when set up, then a secret and an otpauth URI come back, stored encrypted, not yet active', async () => {
    const { c } = await login(email);
    const r = await c.post('/api/auth/totp/setup');
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ secret: expect.stringMatching(/^[A-Z2-7]{32}$/), uri: expect.stringMatching(/^otpauth:\/\/totp\/Oogst:partner2%40test\.oogst\?/), enabled: false });
    secret = r.body.secret;
    const row = await t.ctx.db('users').where({ email }).first();
    expect(row.totp_secret_enc).toMatch(/^enc:v1:/);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.totp_enabled_at).toBeNull();
    expect((await c.get('/api/auth/me')).body.twoFactor).toEqual({ enabled: false, required: false });
    expect((await login(email)).status).toBe(200); // not active: the password alone still works
  });

  test('when enabled with a wrong code, then 403 and nothing changes; with the right one, other sessions end', async () => {
    const other = (await login(email)).c;
    const { c } = await login(email);
    const wrong = await c.post('/api/auth/totp/enable', { code: '000000' === codeAt(secret, 0) ? '111111' : '000000' });
    expect({ status: wrong.status, code: wrong.body.code }).toEqual({ status: 403, code: 'forbidden' });
    expect((await c.post('/api/auth/totp/enable', { code: 'abc' })).status).toBe(400);
    const ok = await c.post('/api/auth/totp/enable', { code: codeAt(secret, 0) });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ enabled: true, recoveryCodes: expect.arrayContaining([expect.stringMatching(/^[a-z2-9]{5}-[a-z2-9]{5}$/)]) });
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect((await c.get('/api/auth/me')).body.twoFactor).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 });
    expect((await other.get('/api/auth/me')).status).toBe(401);
    expect((await c.post('/api/auth/totp/setup')).status).toBe(409);
  });

  test('when logging in without a code, then {totpRequired} and no session; a wrong code counts as a failure', async () => {
    const bare = await login(email);
    expect(bare.status).toBe(200);
    expect(bare.body).toEqual({ totpRequired: true });
    expect(bare.c.cookie).toBeUndefined();
    expect((await bare.c.get('/api/auth/me')).status).toBe(401);
    const before = await failuresOf(email);
    const wrong = await login(email, { totp: codeAt(secret, 1) === '123456' ? '654321' : '123456' });
    expect({ status: wrong.status, code: wrong.body.code }).toEqual({ status: 401, code: 'invalid_credentials' });
    expect(await failuresOf(email)).toBe(before + 1);
    const badPassword = await t.anon().post('/api/auth/login', { email, password: 'wrong', totp: codeAt(secret, 1) });
    expect(badPassword.status).toBe(401);
  });

  test('when the code is right, then a session; the same code a second time is refused', async () => {
    const code = codeAt(secret, 1); // later steps only: a code is accepted once, in increasing steps
    const ok = await login(email, { totp: code });
    expect(ok.status).toBe(200);
    expect(ok.body.email).toBe(email);
    expect((await ok.c.get('/api/auth/me')).status).toBe(200);
    const replay = await login(email, { totp: code });
    expect({ status: replay.status, code: replay.body.code }).toEqual({ status: 401, code: 'invalid_credentials' });
    expect(await failuresOf(email)).toBe(1);
  });

  test('when disabled with a current code, then the password alone works again', async () => {
    await t.ctx.db('users').where({ email }).update({ totp_last_step: null }); // as if a minute had passed
    const { c } = await login(email, { totp: codeAt(secret, 0) });
    expect((await c.post('/api/auth/totp/disable', { code: '999999' === codeAt(secret, 1) ? '888888' : '999999' })).status).toBe(403);
    const r = await c.post('/api/auth/totp/disable', { code: codeAt(secret, 1) });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ enabled: false });
    expect((await t.ctx.db('users').where({ email }).first()).totp_secret_enc).toBeNull();
    expect((await login(email)).body.email).toBe(email);
    expect((await c.post('/api/auth/totp/disable', { code: codeAt(secret, 1) })).status).toBe(409);
    const actions = await t.ctx.db('audit_log').where({ entity_type: 'user' }).whereLike('action', 'auth.totp%').pluck('action');
    expect(actions).toEqual(expect.arrayContaining(['auth.totp_setup', 'auth.totp_enabled', 'auth.totp_disabled']));
  });

  test('when wrong codes keep coming, then further attempts wait, as after wrong passwords', async () => {
    const { c } = await login('partner1b@test.oogst');
    const s = (await c.post('/api/auth/totp/setup')).body.secret as string;
    expect((await c.post('/api/auth/totp/enable', { code: codeAt(s, 0) })).status).toBe(200);
    const bad = codeAt(s, 0) === '246810' ? '135791' : '246810';
    for (let i = 0; i < t.ctx.config.loginMaxFailures; i++) expect((await login('partner1b@test.oogst', { totp: bad })).status).toBe(401);
    const locked = await login('partner1b@test.oogst', { totp: codeAt(s, 1) });
    expect({ status: locked.status, code: locked.body.code }).toEqual({ status: 429, code: 'rate_limited' });
  });
});

describe('an organisation that requires two-factor sign-in', () => {
  test('when its user has none, then the session may only set it up; once on, everything opens', async () => {
    const p = await newPartner('totp-required', true);
    const { c, status, body } = await login(p.email);
    expect(status).toBe(200);
    expect(body.twoFactor).toEqual({ enabled: false, required: true });
    for (const [method, path] of [['GET', '/api/outcomes'], ['GET', '/api/programmes'], ['POST', '/api/outcomes'], ['PATCH', '/api/auth/me']]) {
      const r = await c.request(method, path, method === 'GET' ? undefined : {});
      expect({ path, status: r.status, code: r.body.code }).toEqual({ path, status: 403, code: 'totp_required' });
    }
    expect((await c.get('/api/auth/me')).status).toBe(200);
    const s = (await c.post('/api/auth/totp/setup')).body.secret as string;
    expect((await c.get('/api/outcomes')).status).toBe(403); // a pending secret is not enough
    // the password alone does not enrol a phone: the admin's set-up link is needed too
    const bare = await c.post('/api/auth/totp/enable', { code: codeAt(s, 0) });
    expect({ status: bare.status, code: bare.body.code }).toEqual({ status: 403, code: 'two_factor_link_needed' });
    const someoneElse = await newPartner('totp-required-other', true);
    const foreign = await c.post('/api/auth/totp/enable', { code: codeAt(s, 0), token: someoneElse.link });
    expect({ status: foreign.status, code: foreign.body.code }).toEqual({ status: 410, code: 'token_invalid' });
    const on = await c.post('/api/auth/totp/enable', { code: codeAt(s, 0), token: p.link });
    expect(on.status).toBe(200);
    expect(on.body.recoveryCodes).toHaveLength(10);
    expect((await c.get('/api/outcomes')).status).toBe(200);
    expect((await t.ctx.db('tokens').where({ purpose: 'two_factor', user_id: p.id }).first()).used_at).not.toBeNull();
    const off = await c.post('/api/auth/totp/disable', { code: codeAt(s, 1) });
    expect({ status: off.status, code: off.body.code }).toEqual({ status: 409, code: 'conflict' });
    expect((await login(p.email)).body).toEqual({ totpRequired: true });
  });

  test("when a user's phone is lost, then an admin turns two-factor off: the old codes open nothing, sessions end, and the organisation asks for a new setup", async () => {
    const p = await newPartner('totp-lost-phone', true);
    const { c } = await login(p.email);
    await enrol(c, p.link);
    expect(await t.ctx.db('recovery_codes').where({ user_id: p.id })).toHaveLength(10);
    const admin = await t.as('admin');
    expect((await admin.get(`/api/users/${p.id}`)).body.twoFactor).toBe(true);
    const partner = await t.as('partner1');
    expect((await partner.delete(`/api/users/${p.id}/totp`)).body.code).toBe('forbidden');
    const reset = await admin.delete(`/api/users/${p.id}/totp`);
    expect(reset.status).toBe(200);
    expect(reset.body.twoFactor).toBe(false);
    expect((await c.get('/api/auth/me')).status).toBe(401); // the session on the lost phone has ended
    const row = await t.ctx.db('users').where({ id: p.id }).first();
    expect([row.totp_secret_enc, row.totp_enabled_at]).toEqual([null, null]);
    expect(await t.ctx.db('recovery_codes').where({ user_id: p.id })).toHaveLength(0);
    // the password alone opens a session that may only set up a new device, as the organisation requires
    const again = await login(p.email);
    expect(again.body.twoFactor).toEqual({ enabled: false, required: true });
    expect((await again.c.get('/api/outcomes')).body.code).toBe('totp_required');
    expect((await admin.delete(`/api/users/${p.id}/totp`)).status).toBe(409);
    // the first link is used up; the admin issues a new one for the new phone
    const s2 = (await again.c.post('/api/auth/totp/setup')).body.secret as string;
    expect((await again.c.post('/api/auth/totp/enable', { code: codeAt(s2, 0), token: p.link })).body.code).toBe('token_invalid');
    const link = await admin.post(`/api/users/${p.id}/two-factor-link`);
    expect(link.status).toBe(201);
    expect((await again.c.post('/api/auth/totp/enable', { code: codeAt(s2, 1), token: link.body.url.split('/').pop() })).status).toBe(200);
    const audited = await t.ctx.db('audit_log').where({ action: 'user.totp_reset', entity_id: p.id });
    expect(audited).toHaveLength(1);
    expect(audited[0].actor_id).toBe(t.world.users.admin);
  });

  test("when the set-up link is opened, then its token moves into a cookie scoped to turning two-factor on, and that cookie is enough", async () => {
    const p = await newPartner('totp-link-cookie', true);
    const { c } = await login(p.email);
    const landed = await c.get(`/two-factor/${p.link}`);
    expect(landed.status).toBe(303);
    expect(landed.headers.get('location')).toBe('/two-factor');
    expect(landed.headers.get('set-cookie')).toMatch(/^oogst_link_two_factor=[^;]+; Max-Age=\d+; Path=\/api\/auth\/totp\/enable; HttpOnly; SameSite=Strict/);
    const s = (await c.post('/api/auth/totp/setup')).body.secret as string;
    const on = await c.post('/api/auth/totp/enable', { code: codeAt(s, 0) });
    expect(on.status).toBe(200);
    expect(on.headers.get('set-cookie')).toMatch(/^oogst_link_two_factor=; Max-Age=0/);
    const gone = await t.anon().get(`/two-factor/${p.link}`);
    expect([gone.status, gone.headers.get('location')]).toEqual([303, '/two-factor?link=gone']);
  });

  test('when the phone is lost, then each recovery code signs in once in place of a code, and renewing them ends the old ones', async () => {
    const p = await newPartner('totp-recovery', true);
    const { recoveryCodes } = await enrol((await login(p.email)).c, p.link);
    expect(recoveryCodes.every((r) => /^[a-z2-9]{5}-[a-z2-9]{5}$/.test(r))).toBe(true);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await t.ctx.db('recovery_codes').where({ user_id: p.id });
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0].replace('-', ''));
    // typed as read off paper: capitals and a space instead of the hyphen
    const typed = recoveryCodes[0].toUpperCase().replace('-', ' ');
    const first = await login(p.email, { recoveryCode: typed });
    expect(first.status).toBe(200);
    expect(first.body.twoFactor).toEqual({ enabled: true, required: true, recoveryCodesLeft: 9 });
    const twice = await login(p.email, { recoveryCode: recoveryCodes[0] });
    expect({ status: twice.status, code: twice.body.code }).toEqual({ status: 401, code: 'invalid_credentials' });
    // one code, two requests at once: only one gets in
    const race = await Promise.all([login(p.email, { recoveryCode: recoveryCodes[1] }), login(p.email, { recoveryCode: recoveryCodes[1] })]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 401]);
    const renewed = await first.c.post('/api/auth/totp/recovery-codes', { recoveryCode: recoveryCodes[2] });
    expect(renewed.status).toBe(200);
    expect(renewed.body.recoveryCodes).toHaveLength(10);
    expect((await login(p.email, { recoveryCode: recoveryCodes[3] })).status).toBe(401);
    expect((await login(p.email, { recoveryCode: renewed.body.recoveryCodes[0] })).status).toBe(200);
    expect((await first.c.get('/api/auth/me')).body.twoFactor.recoveryCodesLeft).toBe(9);
    const audited = await t.ctx.db('audit_log').where({ entity_id: p.id }).whereIn('action', ['auth.recovery_code_used', 'auth.recovery_codes_renewed']).pluck('action');
    expect(audited.filter((a: string) => a === 'auth.recovery_code_used')).toHaveLength(4);
    expect(audited).toContain('auth.recovery_codes_renewed');
  });

  test('when an admin turns the requirement on, then existing sessions without TOTP are limited at once', async () => {
    const p = await newPartner('totp-later', false);
    const { c } = await login(p.email);
    expect((await c.get('/api/outcomes')).status).toBe(200);
    const admin = await t.as('admin');
    expect((await admin.patch(`/api/organisations/${p.orgId}`, { requireTotp: true })).status).toBe(200);
    expect((await c.get('/api/outcomes')).body.code).toBe('totp_required');
    expect((await c.post('/api/auth/logout')).status).toBe(204);
  });
});

describe('security headers', () => {
  test('the client page and the API carry a CSP without unsafe-inline', async () => {
    for (const path of ['/', '/api/health', '/api/docs']) {
      const csp = (await t.anon().get(path)).headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    }
  });
});

describe('the audit view (GET /api/audit)', () => {
  test('when an admin filters by action, actor, record and period, then only those entries, newest first, paged', async () => {
    const admin = await t.as('admin');
    const all = await admin.get('/api/audit?pageSize=200');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 200, total: expect.any(Number) });
    const ids = all.body.items.map((e: { id: number }) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const user = t.world.users.partner2;
    const mine = await admin.get(`/api/audit?actor=${user}&action=auth.totp_enabled,auth.totp_disabled&entityType=user&entityId=${user}`);
    expect(mine.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['auth.totp_disabled', 'auth.totp_enabled']);
    expect(mine.body.items[0].actor).toMatchObject({ id: user, email: 'partner2@test.oogst', role: 'partner' });
    const prefix = await admin.get('/api/audit?action=auth.totp_*&pageSize=1');
    expect(prefix.status).toBe(400); // a prefix is written "auth.*"
    const auth = await admin.get('/api/audit?action=auth.*&pageSize=1&page=2');
    expect(auth.body.items).toHaveLength(1);
    expect(auth.body.items[0].action).toMatch(/^auth\./);
    const today = new Date().toISOString().slice(0, 10);
    expect((await admin.get(`/api/audit?from=${today}&to=${today}`)).body.total).toBe(all.body.total);
    expect((await admin.get('/api/audit?to=2000-01-01')).body.total).toBe(0);
    expect((await admin.get(`/api/audit?from=${new Date(Date.now() + 60_000).toISOString()}`)).body.total).toBe(0);
  });

  test('when the query is wrong or the caller is not an admin, then 400 or 403', async () => {
    const admin = await t.as('admin');
    for (const q of ['actor=me', 'from=yesterday', 'pageSize=500', 'colour=red']) {
      const r = await admin.get(`/api/audit?${q}`);
      expect({ q, status: r.status, code: r.body.code }).toEqual({ q, status: 400, code: 'validation_failed' });
    }
    for (const who of ['partner1', 'evaluator', 'donor'] as const) {
      expect((await (await t.as(who)).get('/api/audit')).body.code).toBe('forbidden');
    }
  });
});

describe('who read personal data (personal.view)', () => {
  let personal: string, plain: string;
  const views = async (id?: string) => {
    const q = t.ctx.db('audit_log').where({ action: 'personal.view' });
    if (id) q.where({ entity_id: id });
    return q.select('actor_id', 'entity_id', 'details');
  };
  beforeAll(async () => {
    const p1 = await t.as('partner1');
    personal = (await p1.post('/api/outcomes', outcomeBody({
      socialActor: { name: 'Imam Canary', type: 'individual' }, location: { country: 'ML', lat: 14.1, lon: -4.2 },
    }))).body.id;
    plain = (await p1.post('/api/outcomes', outcomeBody())).body.id;
    for (const id of [personal, plain]) expect((await p1.post(`/api/outcomes/${id}/transitions`, { to: 'submitted' })).status).toBe(200);
  });

  test('when its own organisation reads it, then nothing is recorded', async () => {
    const p1 = await t.as('partner1');
    expect((await p1.get(`/api/outcomes/${personal}`)).status).toBe(200);
    expect((await p1.get('/api/outcomes?pageSize=200')).status).toBe(200);
    expect(await views()).toEqual([]);
  });

  test('when an evaluator reads it in full, then who and which record are recorded, never the values', async () => {
    const ev = await t.as('evaluator');
    expect((await ev.get(`/api/outcomes/${personal}`)).body.socialActor.name).toBe('Imam Canary');
    expect((await ev.get(`/api/outcomes/${plain}`)).status).toBe(200);
    const rows = await views(personal);
    expect(rows).toEqual([{ actor_id: t.world.users.evaluator, entity_id: personal, details: JSON.stringify({ count: 1 }) }]);
    expect(await views(plain)).toEqual([]);
    const list = await ev.get('/api/outcomes?pageSize=200');
    expect(list.status).toBe(200);
    const entry = (await t.ctx.db('audit_log').where({ action: 'personal.view' }).whereNull('entity_id').orderBy('id', 'desc').first());
    expect(JSON.parse(entry.details)).toEqual({ count: 1, ids: [personal] });
    // the latitude as a value (14.1 followed by a delimiter), not a timestamp's seconds (…:14.105Z)
    expect(JSON.stringify(await t.ctx.db('audit_log'))).not.toMatch(/Canary|\b14\.1[,}\]]/);
    const admin = await t.as('admin');
    const seen = await admin.get(`/api/audit?action=personal.*&entityId=${personal}`);
    expect(seen.body.items).toHaveLength(1);
    expect(seen.body.items[0]).toMatchObject({ action: 'personal.view', entityType: 'outcome', actor: { id: t.world.users.evaluator, role: 'evaluator' } });
  });

  test('when a donor reads a redacted outcome, then nothing is recorded (there is nothing personal in it)', async () => {
    const before = (await views()).length;
    const donor = await t.as('donor');
    await donor.get(`/api/outcomes/${personal}`);
    await donor.get('/api/outcomes');
    expect((await views()).length).toBe(before);
  });

  test("when an evaluator reads a story in full, then the storyteller's data is recorded as read; its own organisation is not", async () => {
    const p1 = await t.as('partner1');
    const story = await newStory(p1, { storyteller: { role: 'market gardener', place: 'Canaryville', gender: 'woman' } });
    expect((await p1.post(`/api/stories/${story.id}/transitions`, { to: 'submitted' })).status).toBe(200);
    await p1.get(`/api/stories/${story.id}`);
    expect(await views(story.id)).toEqual([]);
    const ev = await t.as('evaluator');
    expect((await ev.get(`/api/stories/${story.id}`)).status).toBe(200);
    expect(await views(story.id)).toEqual([{ actor_id: t.world.users.evaluator, entity_id: story.id, details: JSON.stringify({ count: 1 }) }]);
    expect((await ev.get('/api/stories?pageSize=200')).status).toBe(200);
    const entry = await t.ctx.db('audit_log').where({ action: 'personal.view', entity_type: 'story' }).whereNull('entity_id').orderBy('id', 'desc').first();
    expect(JSON.parse(entry.details).ids).toContain(story.id);
    expect(JSON.stringify(await t.ctx.db('audit_log'))).not.toMatch(/Canaryville/);
  });

  test("when an evaluator reads a fragment in full, then the speaker's data is recorded as read", async () => {
    const p1 = await t.as('partner1');
    const source = await ok(p1.post('/api/sources', sourceBody()), 201) as { id: string };
    const fragment = await ok(p1.post('/api/fragments', fragmentBody(source.id)), 201) as { id: string };
    expect((await p1.post(`/api/fragments/${fragment.id}/transitions`, { to: 'submitted' })).status).toBe(200);
    await p1.get(`/api/fragments/${fragment.id}`);
    expect(await views(fragment.id)).toEqual([]);
    expect((await (await t.as('evaluator')).get(`/api/fragments/${fragment.id}`)).status).toBe(200);
    expect(await views(fragment.id)).toEqual([{ actor_id: t.world.users.evaluator, entity_id: fragment.id, details: JSON.stringify({ count: 1 }) }]);
    expect(JSON.stringify(await t.ctx.db('audit_log'))).not.toMatch(/Recorder Canary/);
  });

  test("when an evaluator reads an outcome's evidence, then the outcome and its linked story are recorded as read; its own organisation is not", async () => {
    const p1 = await t.as('partner1');
    const story = await newStory(p1, { storyteller: { role: 'teacher', place: 'Canarytown', gender: 'woman' } });
    expect((await p1.post(`/api/stories/${story.id}/transitions`, { to: 'submitted' })).status).toBe(200);
    expect((await p1.post(`/api/outcomes/${personal}/evidence-links`, { storyId: story.id, relation: 'supports' })).status).toBe(201);
    const before = (await views()).length;
    expect((await p1.get(`/api/outcomes/${personal}/evidence`)).status).toBe(200);
    expect((await views()).length).toBe(before);
    const ev = await t.as('evaluator');
    const read = await ev.get(`/api/outcomes/${personal}/evidence`);
    expect(read.body.stories[0].story.storyteller.place).toBe('Canarytown');
    const added = (await views()).slice(before);
    expect(added).toEqual(expect.arrayContaining([
      { actor_id: t.world.users.evaluator, entity_id: personal, details: JSON.stringify({ count: 1 }) },
      { actor_id: t.world.users.evaluator, entity_id: null, details: JSON.stringify({ count: 1, ids: [story.id] }) },
    ]));
    expect(added).toHaveLength(2);
    expect(JSON.stringify(await t.ctx.db('audit_log'))).not.toMatch(/Canarytown/);
  });

  describe("when an evaluator reads a record's revisions in full", () => {
    /** Audit entries for this record made while `read` ran. */
    const seenWhile = async (id: string, read: () => Promise<unknown>) => {
      const before = (await views(id)).length;
      await read();
      return (await views(id)).slice(before);
    };
    const kinds: Array<{ kind: string; make: (p1: Client) => Promise<string>; personal: Record<string, unknown>; plain: Record<string, unknown> }> = [
      {
        kind: 'outcomes',
        make: async (p1) => (await ok(p1.post('/api/outcomes', outcomeBody()), 201) as { id: string }).id,
        personal: { socialActor: { name: 'Mayor Canary', type: 'individual' } }, plain: { significance: 'It matters more than we thought.' },
      },
      {
        kind: 'stories',
        make: async (p1) => (await newStory(p1)).id,
        personal: { storyteller: { role: 'midwife', place: 'Canary Hill', gender: 'woman' } }, plain: { title: 'A new title' },
      },
      {
        kind: 'fragments',
        make: async (p1) => (await ok(p1.post('/api/fragments', fragmentBody((await ok(p1.post('/api/sources', sourceBody()), 201) as { id: string }).id)), 201) as { id: string }).id,
        personal: { speaker: { role: 'teacher', gender: 'woman', ageBand: '25-34' } }, plain: { locator: 'p. 7' },
      },
    ];
    test.each(kinds)('$kind: a change to a personal field is recorded as read; other changes and its own organisation are not', async ({ kind, make, personal, plain }) => {
      const p1 = await t.as('partner1');
      const ev = await t.as('evaluator');
      const [other, id] = [await make(p1), await make(p1)];
      await ok(p1.patch(`/api/${kind}/${other}`, plain));
      await ok(p1.patch(`/api/${kind}/${id}`, personal));
      for (const x of [other, id]) await ok(p1.post(`/api/${kind}/${x}/transitions`, { to: 'submitted' }));
      expect(await seenWhile(other, () => ok(ev.get(`/api/${kind}/${other}/revisions`)))).toEqual([]);
      expect(await seenWhile(id, () => ok(p1.get(`/api/${kind}/${id}/revisions`)))).toEqual([]);
      const read = await seenWhile(id, () => ok(ev.get(`/api/${kind}/${id}/revisions`)));
      expect(read).toEqual([{ actor_id: t.world.users.evaluator, entity_id: id, details: JSON.stringify({ count: 1 }) }]);
      expect(JSON.stringify(await t.ctx.db('audit_log'))).not.toMatch(/Canary Hill|Mayor Canary/);
    });
  });

  test('auditPersonalAccess records an export by count, for the interop module', async () => {
    await auditPersonalAccess(t.ctx.db, { actorId: t.world.users.admin, entityType: 'outcome', count: 42, action: 'personal.export' });
    const r = await (await t.as('admin')).get('/api/audit?action=personal.export');
    expect(r.body.items[0]).toMatchObject({ action: 'personal.export', entityType: 'outcome', entityId: null, details: { count: 42 } });
  });
});
