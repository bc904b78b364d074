import { api, officer, Officer, startTestApp, TestApp } from '../support/test-app';

const T0 = new Date('2026-03-02T01:00:00Z');
const NEW_PASSWORD = 'a brand new passphrase';

describe('officer management by an admin of one authority', () => {
  let t: TestApp;
  let admin: Officer;

  beforeAll(async () => {
    t = await startTestApp({ now: T0 });
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
    admin = await officer(t, 'amr-admin', 'amr', ['admin']);
  });

  async function auditActions(): Promise<Array<{ actor: string; action: string; subject: string }>> {
    const rows = (await t.adminQuery(
      `SELECT actor, action, subject FROM audit_log WHERE action LIKE 'officer.%' ORDER BY seq`,
    )) as Array<{ actor: string; action: string; subject: string }>;
    return rows.map(({ actor, action, subject }) => ({ actor, action, subject }));
  }

  it("lists, adds, changes and resets officers of the admin's own authority, each audited", async () => {
    await officer(t, 'hrss-issuer', 'hrss', ['issuer']);
    const created = await api(
      t,
      'POST',
      '/api/v1/officers',
      { username: 'amr-issuer2', roles: ['issuer'], password: 'initial password 1' },
      admin.token,
    );
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      username: 'amr-issuer2',
      authority: 'amr',
      roles: ['issuer'],
      disabled: false,
      createdAt: T0.toISOString(),
    });

    const list = await api(t, 'GET', '/api/v1/officers', undefined, admin.token);
    expect(list.body.items.map((o: { username: string }) => o.username)).toEqual(['amr-admin', 'amr-issuer2']);
    expect(JSON.stringify(list.body)).not.toContain('argon2');

    const patched = await api(
      t,
      'PATCH',
      '/api/v1/officers/amr-issuer2',
      { roles: ['issuer', 'revoker'] },
      admin.token,
    );
    expect(patched.status).toBe(200);
    expect(patched.body.roles).toEqual(['issuer', 'revoker']);

    // Signed in under the old password, by token and by console session…
    const oldToken = (
      await api(t, 'POST', '/api/v1/auth/token', { username: 'amr-issuer2', password: 'initial password 1' })
    ).body.accessToken as string;
    const session = await api(t, 'POST', '/api/v1/auth/session', {
      username: 'amr-issuer2',
      password: 'initial password 1',
    });
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0];
    expect((await api(t, 'GET', '/api/v1/auth/session', undefined, undefined, { cookie })).status).toBe(200);
    const reset = await api(
      t,
      'POST',
      '/api/v1/officers/amr-issuer2/password',
      { password: NEW_PASSWORD },
      admin.token,
    );
    expect(reset.status).toBe(204);
    const login = await api(t, 'POST', '/api/v1/auth/token', { username: 'amr-issuer2', password: NEW_PASSWORD });
    expect(login.status).toBe(200);
    const old = await api(t, 'POST', '/api/v1/auth/token', { username: 'amr-issuer2', password: 'initial password 1' });
    expect(old.status).toBe(401);
    // …neither outlives the reset (a reset is how an admin shuts out someone who has the password).
    const byOldToken = await api(t, 'GET', '/api/v1/certificates?certificateNo=ZJZ2026000001', undefined, oldToken);
    expect([byOldToken.status, byOldToken.body.code]).toEqual([401, 'AUTH_TOKEN_INVALID']);
    const byOldSession = await api(t, 'GET', '/api/v1/auth/session', undefined, undefined, { cookie });
    expect(byOldSession.status).toBe(401);
    const newToken = login.body.accessToken as string;
    expect((await api(t, 'GET', '/api/v1/certificates?certificateNo=ZJZ2026000001', undefined, newToken)).status).toBe(
      200,
    );

    expect(await auditActions()).toEqual([
      { actor: 'test', action: 'officer.added', subject: 'amr-admin' },
      { actor: 'test', action: 'officer.added', subject: 'hrss-issuer' },
      { actor: 'amr-admin', action: 'officer.added', subject: 'amr-issuer2' },
      { actor: 'amr-admin', action: 'officer.updated', subject: 'amr-issuer2' },
      { actor: 'amr-admin', action: 'officer.password-reset', subject: 'amr-issuer2' },
    ]);
  });

  it('answers every shape error of a new officer with OFFICER_INVALID, and refuses control characters in a password', async () => {
    const add = (username: string, password: string) =>
      api(t, 'POST', '/api/v1/officers', { username, roles: ['issuer'], password }, admin.token);
    const answers = [
      await add('amr-new', 'short'),
      await add('amr-new', 'x'.repeat(257)),
      await add('a'.repeat(65), 'a long enough password'),
      await add('amr-new', '\u0000'.repeat(12)),
    ].map((r) => [r.status, r.body.code, r.body.message]);
    expect(answers).toEqual([
      [400, 'OFFICER_INVALID', 'password must be 12 to 256 characters long.'],
      [400, 'OFFICER_INVALID', 'password must be 12 to 256 characters long.'],
      [400, 'OFFICER_INVALID', 'username must be 3–64 characters of a-z, 0-9, dot, dash or underscore.'],
      [400, 'OFFICER_INVALID', 'password must not contain control characters.'],
    ]);
    const reset = await api(
      t,
      'POST',
      '/api/v1/officers/amr-admin/password',
      { password: '\u0000'.repeat(12) },
      admin.token,
    );
    expect([reset.status, reset.body.code]).toEqual([400, 'OFFICER_INVALID']);
  });

  it('refuses a change that names nothing, and records no entry for one that changes nothing', async () => {
    await officer(t, 'amr-issuer', 'amr', ['issuer', 'auditor']);
    for (const body of [
      {},
      { roles: null },
      { disabled: null },
      { roles: null, disabled: null },
      { roles: null, disabled: true },
      { roles: ['issuer'], disabled: null },
    ]) {
      const refused = await api(t, 'PATCH', '/api/v1/officers/amr-issuer', body, admin.token);
      expect([JSON.stringify(body), refused.status, refused.body.code]).toEqual([
        JSON.stringify(body),
        400,
        'VALIDATION_FAILED',
      ]);
    }
    for (const body of [
      { disabled: false },
      { roles: ['auditor', 'issuer'] },
      { roles: ['issuer', 'auditor'], disabled: false },
    ]) {
      const same = await api(t, 'PATCH', '/api/v1/officers/amr-issuer', body, admin.token);
      expect([same.status, same.body.roles, same.body.disabled]).toEqual([200, ['issuer', 'auditor'], false]);
    }
    expect((await auditActions()).filter((entry) => entry.action === 'officer.updated')).toEqual([]);
    const changed = await api(t, 'PATCH', '/api/v1/officers/amr-issuer', { disabled: true }, admin.token);
    expect([changed.status, changed.body.disabled]).toEqual([200, true]);
    expect((await auditActions()).filter((entry) => entry.action === 'officer.updated')).toHaveLength(1);
  });

  it("refuses an admin the other authority's officers (403) and non-admins (403)", async () => {
    const hrss = await officer(t, 'hrss-issuer', 'hrss', ['issuer']);
    const patch = await api(t, 'PATCH', '/api/v1/officers/hrss-issuer', { disabled: true }, admin.token);
    expect([patch.status, patch.body.code]).toEqual([403, 'OFFICER_OTHER_AUTHORITY']);
    const reset = await api(
      t,
      'POST',
      '/api/v1/officers/hrss-issuer/password',
      { password: NEW_PASSWORD },
      admin.token,
    );
    expect([reset.status, reset.body.code]).toEqual([403, 'OFFICER_OTHER_AUTHORITY']);
    const missing = await api(t, 'PATCH', '/api/v1/officers/nobody', { disabled: true }, admin.token);
    expect([missing.status, missing.body.code]).toEqual([404, 'OFFICER_NOT_FOUND']);
    // A name no officer can have is not echoed: a bidi override would garble the message.
    const garbled = await api(t, 'PATCH', '/api/v1/officers/%E2%80%AEx', { disabled: true }, admin.token);
    expect([garbled.status, garbled.body.code]).toEqual([404, 'OFFICER_NOT_FOUND']);
    expect(garbled.body.message).not.toContain('\u202e');
    const notAdmin = await api(t, 'GET', '/api/v1/officers', undefined, hrss.token);
    expect([notAdmin.status, notAdmin.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    // The body cannot pick the authority.
    const sneaky = await api(
      t,
      'POST',
      '/api/v1/officers',
      { username: 'x-officer', roles: ['issuer'], password: 'initial password 1', authority: 'hrss' },
      admin.token,
    );
    expect(sneaky.status).toBe(400);
  });

  it('refuses to let an admin remove their own admin role or disable themselves (409)', async () => {
    const demote = await api(t, 'PATCH', '/api/v1/officers/amr-admin', { roles: ['auditor'] }, admin.token);
    expect([demote.status, demote.body.code]).toEqual([409, 'OFFICER_SELF_LOCKOUT']);
    const disable = await api(t, 'PATCH', '/api/v1/officers/amr-admin', { disabled: true }, admin.token);
    expect([disable.status, disable.body.code]).toEqual([409, 'OFFICER_SELF_LOCKOUT']);
    const keep = await api(t, 'PATCH', '/api/v1/officers/amr-admin', { roles: ['admin', 'auditor'] }, admin.token);
    expect(keep.status).toBe(200);
  });

  it('a disabled officer can no longer sign in, nor use a token or session they already hold', async () => {
    const issuer = await officer(t, 'amr-issuer', 'amr', ['issuer', 'auditor']);
    const session = await api(t, 'POST', '/api/v1/auth/session', {
      username: issuer.username,
      password: issuer.password,
    });
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0];
    expect((await api(t, 'GET', '/api/v1/audit/entries', undefined, issuer.token)).status).toBe(200);
    const disabled = await api(t, 'PATCH', '/api/v1/officers/amr-issuer', { disabled: true }, admin.token);
    expect([disabled.status, disabled.body.disabled]).toEqual([200, true]);

    const byToken = await api(t, 'GET', '/api/v1/audit/entries', undefined, issuer.token);
    expect(byToken.status).toBe(401);
    const bySession = await api(t, 'GET', '/api/v1/audit/entries', undefined, undefined, { cookie });
    expect(bySession.status).toBe(401);
    for (const path of ['/api/v1/auth/token', '/api/v1/auth/session']) {
      const login = await api(t, 'POST', path, { username: issuer.username, password: issuer.password });
      expect([login.status, login.body.code]).toEqual([401, 'INVALID_CREDENTIALS']);
    }
    const enabled = await api(t, 'PATCH', '/api/v1/officers/amr-issuer', { disabled: false }, admin.token);
    expect(enabled.status).toBe(200);
    // Re-enabling does not bring back what the officer held before: they sign in again.
    expect((await api(t, 'GET', '/api/v1/audit/entries', undefined, issuer.token)).status).toBe(401);
    expect((await api(t, 'GET', '/api/v1/audit/entries', undefined, undefined, { cookie })).status).toBe(401);
    expect(
      (await api(t, 'POST', '/api/v1/auth/token', { username: issuer.username, password: issuer.password })).status,
    ).toBe(200);
  });
});
