import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issuanceRequest, makeIdNumber } from '../support/builders';
import { runCli, runCliOnTerminal } from '../support/office-cli';
import { api, bypassAuditTriggers, freshDatabaseUrl, startTestApp, TestApp } from '../support/test-app';

const cli = runCli;
/** A new officer's password comes from a file (or is typed twice), never from the command line. */
const PASSWORD_FILE = join(mkdtempSync(join(tmpdir(), 'zjzc-cli-password-')), 'password');
writeFileSync(PASSWORD_FILE, 'a-long-enough-password\n', { mode: 0o600 });

describe('office CLI (e2e)', () => {
  let t: TestApp | undefined;
  afterEach(async () => t?.close());

  it('officer:add creates an officer who can sign in; bad input exits non-zero with a code', async () => {
    const databaseUrl = await freshDatabaseUrl();
    const keysDir = mkdtempSync(join(tmpdir(), 'zjzc-cli-keys-'));
    const env = { DATABASE_URL: databaseUrl, KEYS_DIR: keysDir };
    const added = await cli(
      env,
      'officer:add',
      '--username',
      'hrss-revoker',
      '--password-file',
      PASSWORD_FILE,
      '--authority',
      'hrss',
      '--role',
      'revoker,auditor',
    );
    expect(added.stdout).toContain('Created officer hrss-revoker (hrss; roles: revoker, auditor)');
    expect(added.code).toBe(0);

    const again = await cli(
      env,
      'officer:add',
      '--username',
      'hrss-revoker',
      '--password-file',
      PASSWORD_FILE,
      '--authority',
      'hrss',
      '--role',
      'revoker',
    );
    expect([again.code, again.stderr]).toEqual([1, expect.stringContaining('OFFICER_EXISTS')]);
    const badRole = await cli(
      env,
      'officer:add',
      '--username',
      'someone',
      '--password-file',
      PASSWORD_FILE,
      '--authority',
      'amr',
      '--role',
      'king',
    );
    expect([badRole.code, badRole.stderr]).toEqual([1, expect.stringContaining('OFFICER_INVALID')]);

    t = await startTestApp({ databaseUrl, keysDir });
    const login = await api(t, 'POST', '/api/v1/auth/token', {
      username: 'hrss-revoker',
      password: 'a-long-enough-password',
    });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
  });

  it('officer:add on a terminal asks for the new password twice without echo; two different ones create nothing', async () => {
    const databaseUrl = await freshDatabaseUrl();
    const keysDir = mkdtempSync(join(tmpdir(), 'zjzc-cli-keys-'));
    const env = { DATABASE_URL: databaseUrl, KEYS_DIR: keysDir };
    const args = ['officer:add', '--username', 'amr-admin', '--authority', 'amr', '--role', 'admin'];
    const typeTwice = (first: string, second: string) =>
      runCliOnTerminal(env, args, [
        { when: /New password for amr-admin: $/, type: `${first}\r` },
        { when: /The same again: $/, type: `${second}\r` },
      ]);
    const differ = await typeTwice('first-password-123', 'other-password-123');
    expect([differ.code, differ.screen]).toEqual([
      1,
      expect.stringContaining('error OFFICER_INVALID: The two passwords differ'),
    ]);
    const same = await typeTwice('first-password-123', 'first-password-123');
    expect([same.code, same.screen]).toEqual([
      0,
      expect.stringContaining('Created officer amr-admin (amr; roles: admin)'),
    ]);
    expect(differ.screen + same.screen).not.toMatch(/first-password|other-password/);

    t = await startTestApp({ databaseUrl, keysDir });
    const login = await api(t, 'POST', '/api/v1/auth/token', { username: 'amr-admin', password: 'first-password-123' });
    expect(login.status).toBe(200);
  });

  it('keys:rotate: the new key signs, the retired key stays published, old certificates still verify', async () => {
    const databaseUrl = await freshDatabaseUrl();
    const keysDir = mkdtempSync(join(tmpdir(), 'zjzc-rotate-keys-'));
    const env = { DATABASE_URL: databaseUrl, KEYS_DIR: keysDir };
    expect(
      (
        await cli(
          env,
          'officer:add',
          '--username',
          'amr-issuer',
          '--password-file',
          PASSWORD_FILE,
          '--authority',
          'amr',
          '--role',
          'issuer',
        )
      ).code,
    ).toBe(0);
    t = await startTestApp({ databaseUrl, keysDir });
    const token = async (app: TestApp) =>
      (await api(app, 'POST', '/api/v1/auth/token', { username: 'amr-issuer', password: 'a-long-enough-password' }))
        .body.accessToken as string;
    const before = await api(t, 'POST', '/api/v1/certificates', issuanceRequest(), await token(t));
    const oldAmrKid = JSON.parse(Buffer.from(before.body.credential.signatures[0].protected, 'base64url').toString())
      .kid as string;
    await t.close();
    t = undefined;

    const rotated = await cli(env, 'keys:rotate', '--authority', 'amr');
    expect(rotated.code).toBe(0);
    const newKid = /new kid (\S+);/.exec(rotated.stdout)?.[1];
    expect(newKid).toBeDefined();

    t = await startTestApp({ databaseUrl, keysDir });
    const jwks = await api(t, 'GET', '/.well-known/jwks.json');
    const amrKids = jwks.body.keys
      .filter((k: { authority: string }) => k.authority === 'amr')
      .map((k: { kid: string }) => k.kid);
    expect(amrKids).toEqual([newKid, oldAmrKid]);
    expect((await api(t, 'POST', '/api/v1/verifications', { credential: before.body.credential })).body.verdict).toBe(
      'VALID',
    );

    const after = await api(
      t,
      'POST',
      '/api/v1/certificates',
      issuanceRequest({}, { idNumber: makeIdNumber('1979-09-09', 11) }),
      await token(t),
    );
    const afterKid = JSON.parse(Buffer.from(after.body.credential.signatures[0].protected, 'base64url').toString())
      .kid as string;
    expect(afterKid).toBe(newKid);
    expect((await api(t, 'POST', '/api/v1/verifications', { credential: after.body.credential })).body.verdict).toBe(
      'VALID',
    );
  });

  it('audit:verify passes an intact chain and names the first tampered entry', async () => {
    const databaseUrl = await freshDatabaseUrl();
    const keysDir = mkdtempSync(join(tmpdir(), 'zjzc-audit-keys-'));
    const env = { DATABASE_URL: databaseUrl, KEYS_DIR: keysDir };
    for (const name of ['amr-one', 'amr-two', 'amr-three']) {
      expect(
        (
          await cli(
            env,
            'officer:add',
            '--username',
            name,
            '--password-file',
            PASSWORD_FILE,
            '--authority',
            'amr',
            '--role',
            'auditor',
          )
        ).code,
      ).toBe(0);
    }
    const intact = await cli(env, 'audit:verify');
    expect([intact.code, intact.stdout]).toEqual([0, expect.stringContaining('intact: 3 entries')]);

    t = await startTestApp({ databaseUrl, keysDir });
    await bypassAuditTriggers(t.dataSource, async (run) => {
      await run(`UPDATE audit_log SET details = '{"authority":"hrss","roles":["admin"]}' WHERE seq = 2`);
    });
    const broken = await cli(env, 'audit:verify');
    expect([broken.code, broken.stderr]).toEqual([2, expect.stringContaining('BROKEN at entry 2')]);

    await bypassAuditTriggers(t.dataSource, async (run) => {
      await run(`DELETE FROM audit_log WHERE seq = 2`);
    });
    expect((await cli(env, 'audit:verify')).stderr).toContain('entry 2 is missing');
  });
});
