import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entryHash } from '../../src/audit/audit-chain';
import { issuanceRequest } from '../support/builders';
import { runCli } from '../support/office-cli';
import { AdminConnection, asRole, OWNER_ROLE, RUNTIME_ROLE, splitRoleEnv } from '../support/postgres-roles';
import {
  api,
  freshDatabaseUrl,
  officer,
  Officer,
  POSTGRES_TEST_URL,
  startTestApp,
  TEST_DB,
  TestApp,
} from '../support/test-app';

/**
 * The audit log is append-only for the service itself: on SQLite a REPLACE cannot swap an
 * entry for another; on PostgreSQL the service's role owns nothing, so it can neither rewrite
 * entries nor switch off, drop or sidestep the triggers that refuse it.
 */
type AuditRow = {
  seq: number;
  at: string;
  actor: string;
  authority: string | null;
  action: string;
  subject: string | null;
  details: string;
  prev_hash: string;
  hash: string;
};

/** An auditor, an issuer and one issuance: three entries, the last one `certificate.issued`. */
async function withThreeEntries(t: TestApp): Promise<Officer> {
  const auditor = await officer(t, 'hrss-auditor', 'hrss', ['auditor']);
  const issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
  expect((await api(t, 'POST', '/api/v1/certificates', issuanceRequest(), issuer.token)).status).toBe(201);
  expect((await api(t, 'GET', '/api/v1/audit/verification', undefined, auditor.token)).body).toEqual({
    ok: true,
    entries: 3,
  });
  return auditor;
}

async function lastEntry(t: TestApp): Promise<AuditRow> {
  return (await t.dataSource.query<AuditRow[]>('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1'))[0];
}

/** Starts the compiled service (`npm test` builds it first) and returns how it exited. */
async function startMain(env: Record<string, string>): Promise<{ code: number; output: string }> {
  const main = join(__dirname, '../../dist/src/main.js');
  const base = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    PORT: '0',
    KEYS_DIR: mkdtempSync(join(tmpdir(), 'zjzc-roles-keys-')),
  };
  return promisify(execFile)(process.execPath, [main], { env: { ...base, ...env }, timeout: 20000 }).then(
    () => ({ code: 0, output: '' }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      output: error.stdout + error.stderr,
    }),
  );
}

describe('the audit log cannot be rewritten through the service (e2e)', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => t.close());

  if (TEST_DB === 'sqlite') {
    it('refuses REPLACE INTO and INSERT OR REPLACE of an existing entry, even one re-hashed to fit the chain', async () => {
      const auditor = await withThreeEntries(t);
      const last = await lastEntry(t);
      // A forgery the hash chain alone cannot tell: the last entry, re-hashed after its edit.
      const forged = { ...last, subject: 'ZJZ2026999999', details: '{}' };
      const hash = entryHash(forged.prev_hash, { ...forged, seq: Number(forged.seq) });
      const values = [
        forged.seq,
        forged.at,
        forged.actor,
        forged.authority,
        forged.action,
        forged.subject,
        forged.details,
        forged.prev_hash,
        hash,
      ];
      const columns =
        '(seq, at, actor, authority, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';
      await expect(t.dataSource.query(`REPLACE INTO audit_log ${columns}`, values)).rejects.toThrow(
        /append-only: REPLACE/,
      );
      await expect(t.dataSource.query(`INSERT OR REPLACE INTO audit_log ${columns}`, values)).rejects.toThrow(
        /append-only: REPLACE/,
      );
      expect(await lastEntry(t)).toEqual(last);
      expect((await api(t, 'GET', '/api/v1/audit/verification', undefined, auditor.token)).body).toEqual({
        ok: true,
        entries: 3,
      });
    });
  }

  if (TEST_DB === 'postgres') {
    it("runs as a role that owns nothing and may only read and append to the audit log; the owner's triggers stay on", async () => {
      const auditor = await withThreeEntries(t);
      const [me] = await t.dataSource.query<Array<{ name: string; super: boolean }>>(
        'SELECT current_user AS name, rolsuper AS super FROM pg_roles WHERE rolname = current_user',
      );
      expect(me).toEqual({ name: RUNTIME_ROLE, super: false });
      const owned = await t.dataSource.query<unknown[]>(
        `SELECT relname FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)`,
      );
      expect(owned).toEqual([]);
      const privileges = await t.dataSource.query<Array<{ privilege: string }>>(
        `SELECT p AS privilege FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) AS p WHERE has_table_privilege('audit_log', p)`,
      );
      expect(privileges.map((p) => p.privilege)).toEqual(['SELECT', 'INSERT']);

      const last = await lastEntry(t);
      const attempts = [
        `UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2`,
        'DELETE FROM audit_log WHERE seq = 3',
        'TRUNCATE audit_log',
        `INSERT INTO audit_log (seq, at, actor, action, details, prev_hash, hash) VALUES (3, 'x', 'x', 'x', '{}', 'x', 'x') ON CONFLICT (seq) DO UPDATE SET actor = 'someone-else'`,
        'ALTER TABLE audit_log DISABLE TRIGGER ALL',
        'ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete',
        'DROP TRIGGER audit_log_no_update_delete ON audit_log',
        'DROP TRIGGER audit_log_no_truncate ON audit_log',
        `CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
        'DROP TABLE audit_log',
        'SET session_replication_role = replica',
      ];
      for (const sql of attempts) {
        await expect(t.dataSource.query(sql)).rejects.toThrow(/permission denied|must be owner/);
      }

      const triggers = (await t.adminQuery(
        `SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND NOT tgisinternal ORDER BY tgname`,
      )) as unknown[];
      expect(triggers).toEqual([
        { tgname: 'audit_log_no_truncate', tgenabled: 'O' },
        { tgname: 'audit_log_no_update_delete', tgenabled: 'O' },
      ]);
      expect(await lastEntry(t)).toEqual(last);
      // The service still appends: the next issuance is entry 4, and the chain is intact.
      const issuer = await officer(t, 'amr-issuer-2', 'amr', ['issuer']);
      expect(
        (await api(t, 'POST', '/api/v1/certificates', issuanceRequest({ level: 'senior' }), issuer.token)).status,
      ).toBe(201);
      expect((await api(t, 'GET', '/api/v1/audit/verification', undefined, auditor.token)).body).toEqual({
        ok: true,
        entries: 5,
      });
    });
  }
});

describe('start-up with DATABASE_MIGRATION_URL (e2e)', () => {
  if (TEST_DB === 'postgres') {
    it('the office CLI migrates an empty schema as the owner, then works as the runtime role', async () => {
      const tablesOwnedBy = (admin: DataSource) =>
        admin.query<unknown[]>(`SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'`);
      await new AdminConnection(POSTGRES_TEST_URL).use(async (admin) => {
        await admin.query('DROP SCHEMA public CASCADE');
        await admin.query(`CREATE SCHEMA public AUTHORIZATION "${OWNER_ROLE}"`);
      });
      const env = { ...splitRoleEnv(POSTGRES_TEST_URL), KEYS_DIR: mkdtempSync(join(tmpdir(), 'zjzc-roles-keys-')) };
      const passwordFile = join(mkdtempSync(join(tmpdir(), 'zjzc-roles-password-')), 'password');
      writeFileSync(passwordFile, 'a-long-enough-password\n', { mode: 0o600 });
      const added = await runCli(
        env,
        'officer:add',
        '--username',
        'hrss-auditor',
        '--password-file',
        passwordFile,
        '--authority',
        'hrss',
        '--role',
        'auditor',
      );
      expect([added.code, added.stderr]).toEqual([0, '']);
      expect((await runCli(env, 'audit:verify')).stdout).toContain('intact: 1 entries');
      await new AdminConnection(POSTGRES_TEST_URL).use(async (admin) =>
        expect(await tablesOwnedBy(admin)).toEqual([{ tableowner: OWNER_ROLE }]),
      );
      // The runtime role alone cannot make the schema: it may not create anything in it.
      await new AdminConnection(POSTGRES_TEST_URL).use(async (admin) => {
        await admin.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
      });
      const alone = await runCli({ ...env, DATABASE_MIGRATION_URL: '' }, 'audit:verify');
      expect([alone.code, alone.stderr]).toEqual([
        1,
        expect.stringMatching(/no schema has been selected to create in|permission denied for schema public/),
      ]);
    });

    it("refuses to start when DATABASE_URL's role may not append to the audit log, and warns when it could rewrite it", async () => {
      const databaseUrl = await freshDatabaseUrl();
      await new AdminConnection(databaseUrl).use(async (admin) => {
        await admin.query(
          `DO $$ BEGIN CREATE ROLE zjzc_stranger LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`,
        );
      });
      const stranger = await startMain({
        DATABASE_URL: asRole(databaseUrl, 'zjzc_stranger'),
        DATABASE_MIGRATION_URL: asRole(databaseUrl, OWNER_ROLE),
      });
      expect([stranger.code, stranger.output]).toEqual([
        1,
        expect.stringContaining(
          'DATABASE_URL: role zjzc_stranger may not append to the audit log; make it a member of zjzc_runtime',
        ),
      ]);

      const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      try {
        const owner = await startTestApp({ databaseUrl, env: { DATABASE_URL: asRole(databaseUrl, OWNER_ROLE) } });
        await owner.close();
        expect(warn.mock.calls.map((call) => String(call[0]))).toContain(
          `DATABASE_URL: role ${OWNER_ROLE} could rewrite the audit log (owner, superuser or UPDATE/DELETE); run the service as a role that owns nothing (docs/database.md)`,
        );
      } finally {
        warn.mockRestore();
      }
    });
  }

  it('stops at start, naming DATABASE_MIGRATION_URL, when the migrations cannot run with it', async () => {
    const unreachable = 'postgres://zjzc_owner@127.0.0.1:1/test_unreachable';
    const refused = await startMain({
      DATABASE_URL: asRole(unreachable, RUNTIME_ROLE),
      DATABASE_MIGRATION_URL: unreachable,
    });
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(
      /DATABASE_MIGRATION_URL: the migrations could not run as zjzc_owner@127\.0\.0\.1:1\/test_unreachable: .*ECONNREFUSED/,
    );
    const invalid = await startMain({
      DATABASE_URL: 'sqlite:/tmp/never.sqlite',
      DATABASE_MIGRATION_URL: 'mysql://root@db/zjzc',
    });
    expect([invalid.code, invalid.output]).toEqual([
      1,
      expect.stringContaining('DATABASE_MIGRATION_URL: must be postgres://'),
    ]);
  });
});
