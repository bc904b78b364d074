import { api, officer, startTestApp, TestApp } from '../support/test-app';

const T0 = new Date('2026-03-02T01:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

/** The `zjzc_session=…` pair of a Set-Cookie answer, as a browser sends it back. */
function cookieOf(setCookie: string | null): string {
  const pair = (setCookie ?? '').split(';')[0];
  if (!pair.startsWith('zjzc_session=')) throw new Error(`no session cookie in ${setCookie}`);
  return pair;
}

describe('the office console session (cookie)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ now: T0 });
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    t.clock.set(T0);
    await t.reset();
  });

  async function signIn(username: string, authority: 'amr' | 'hrss', roles: string[]) {
    const o = await officer(t, username, authority, roles);
    const res = await api(t, 'POST', '/api/v1/auth/session', { username, password: o.password });
    expect(res.status).toBe(200);
    return { res, cookie: cookieOf(res.headers.get('set-cookie')) };
  }

  it('signs in with an HttpOnly, SameSite=Strict, Secure cookie and never puts the secret in the body', async () => {
    const { res, cookie } = await signIn('amr-revoker', 'amr', ['revoker']);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^zjzc_session=[A-Za-z0-9_-]{40,}; /);
    expect(setCookie.split('; ').slice(1).sort()).toEqual(
      ['HttpOnly', 'Max-Age=1800', 'Path=/', 'SameSite=Strict', 'Secure'].sort(),
    );
    expect(res.body).toEqual({
      officer: { username: 'amr-revoker', authority: 'amr', roles: ['revoker'] },
      expiresAt: minutes(30).toISOString(),
    });
    expect(JSON.stringify(res.body)).not.toContain(cookie.split('=')[1]);

    const me = await api(t, 'GET', '/api/v1/auth/session', undefined, undefined, { cookie });
    expect(me.status).toBe(200);
    expect(me.body.officer.username).toBe('amr-revoker');
  });

  it('answers a wrong password like the token endpoint, and 401 AUTH_REQUIRED without a cookie', async () => {
    await officer(t, 'amr-admin', 'amr', ['admin']);
    const wrong = await api(t, 'POST', '/api/v1/auth/session', { username: 'amr-admin', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.headers.get('set-cookie')).toBeNull();

    const none = await api(t, 'GET', '/api/v1/auth/session');
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('AUTH_REQUIRED');
    const forged = await api(t, 'GET', '/api/v1/auth/session', undefined, undefined, {
      cookie: 'zjzc_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    });
    expect(forged.status).toBe(401);
  });

  it('slides: 30 idle minutes end it, activity keeps it to 8 hours after sign-in at most', async () => {
    const { cookie } = await signIn('amr-auditor', 'amr', ['auditor']);
    for (let m = 25; m <= 475; m += 25) {
      t.clock.set(minutes(m));
      const res = await api(t, 'GET', '/api/v1/auth/session', undefined, undefined, { cookie });
      expect(res.status).toBe(200);
      expect(res.body.expiresAt).toBe(minutes(Math.min(m + 30, 480)).toISOString());
      expect(res.headers.get('set-cookie')).toContain(`Max-Age=${Math.min(30, 480 - m) * 60}`);
    }
    // Every guarded request counts as activity too.
    t.clock.set(minutes(479));
    expect((await api(t, 'GET', '/api/v1/audit/entries', undefined, undefined, { cookie })).status).toBe(200);
    t.clock.set(minutes(480));
    expect((await api(t, 'GET', '/api/v1/auth/session', undefined, undefined, { cookie })).status).toBe(401);

    const idle = await signIn('amr-auditor2', 'amr', ['auditor']);
    t.clock.set(minutes(510));
    expect((await api(t, 'GET', '/api/v1/auth/session', undefined, undefined, { cookie: idle.cookie })).status).toBe(
      401,
    );
  });

  it('lets a cookie authenticate officer endpoints; unsafe ones need X-Requested-With: zjzc-office', async () => {
    const { cookie } = await signIn('amr-revoker', 'amr', ['revoker']);
    const bare = await api(t, 'POST', '/api/v1/revocations', {}, undefined, { cookie });
    expect(bare.status).toBe(403);
    expect(bare.body.code).toBe('CSRF_HEADER_MISSING');
    const wrongValue = await api(t, 'POST', '/api/v1/revocations', {}, undefined, {
      cookie,
      'x-requested-with': 'XMLHttpRequest',
    });
    expect(wrongValue.body.code).toBe('CSRF_HEADER_MISSING');
    const withHeader = await api(t, 'POST', '/api/v1/revocations', {}, undefined, {
      cookie,
      'x-requested-with': 'zjzc-office',
    });
    // Past the guard: the empty proposal itself is what is refused now.
    expect(withHeader.status).toBe(400);
    expect(withHeader.body.code).not.toBe('CSRF_HEADER_MISSING');
    // A role the officer lacks is still refused, whichever way they signed in.
    const audit = await api(t, 'GET', '/api/v1/audit/entries', undefined, undefined, { cookie });
    expect(audit.status).toBe(403);
    expect(audit.body.code).toBe('FORBIDDEN_ROLE');
  });

  it('signs out: 204, the cookie cleared and the session dead even if the cookie was kept', async () => {
    const { cookie } = await signIn('hrss-issuer', 'hrss', ['issuer']);
    const refused = await api(t, 'DELETE', '/api/v1/auth/session', undefined, undefined, { cookie });
    expect(refused.status).toBe(403);
    const out = await api(t, 'DELETE', '/api/v1/auth/session', undefined, undefined, {
      cookie,
      'x-requested-with': 'zjzc-office',
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^zjzc_session=; .*Max-Age=0/);
    const after = await api(t, 'GET', '/api/v1/auth/session', undefined, undefined, { cookie });
    expect(after.status).toBe(401);
  });

  it('stops the session of an officer disabled since, at the next request', async () => {
    const { cookie } = await signIn('amr-auditor', 'amr', ['auditor']);
    await t.adminQuery(`UPDATE officers SET disabled = ${t.dataSource.options.type === 'postgres' ? 'true' : '1'}`);
    const res = await api(t, 'GET', '/api/v1/audit/entries', undefined, undefined, { cookie });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTH_REQUIRED');
  });
});
