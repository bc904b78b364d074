import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { issuanceRequest, makeIdNumber } from '../support/builders';
import {
  api,
  ApiResponse,
  emptyPostgresSchema,
  officer,
  Officer,
  POSTGRES_TEST_URL,
  startTestApp,
  TEST_DB,
  TestApp,
} from '../support/test-app';

/**
 * A database that goes away, or comes back empty, while the service runs: every request that
 * needs it is a 503 SERVICE_UNAVAILABLE with Retry-After (a page: a Chinese 503 page in its
 * own look), logged once; health says which; everything works again once the database does.
 */
const CERTIFICATE_NO = 'ZJZ2026000001';
const OTHER_ID = makeIdNumber('1980-01-01', 17);

function expectApiOutage(response: ApiResponse, database: 'down' | 'schema-missing'): void {
  expect([
    response.status,
    response.body.code,
    response.body.details?.database,
    response.headers.get('retry-after'),
  ]).toEqual([503, 'SERVICE_UNAVAILABLE', database, '30']);
}

function expectOutagePage(response: ApiResponse, look: string): void {
  expect([
    response.status,
    response.headers.get('content-type'),
    response.headers.get('retry-after'),
    response.headers.get('cache-control'),
  ]).toEqual([503, 'text/html; charset=utf-8', '30', 'no-store']);
  expect(response.body).toContain('暂时无法查询，请稍后再试');
  expect(response.body).toContain(look);
}

/** Error log lines written while `work` runs (and keeps them out of the test output). */
async function errorLogOf(work: () => Promise<void>): Promise<string[]> {
  const spy = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  try {
    await work();
    return spy.mock.calls.map((call) => String(call[0]));
  } finally {
    spy.mockRestore();
  }
}

/** Issues the certificate the lookups ask for; returns its credential. */
async function issueOne(t: TestApp, issuer: Officer): Promise<unknown> {
  const issued = await api(t, 'POST', '/api/v1/certificates', issuanceRequest(), issuer.token);
  expect([issued.status, issued.body.certificateNo]).toEqual([201, CERTIFICATE_NO]);
  return issued.body.credential;
}

/** The registry, the page and health all answer normally. */
async function expectServing(t: TestApp): Promise<void> {
  expect((await api(t, 'GET', `/api/v1/registry/certificates/${CERTIFICATE_NO}`)).status).toBe(200);
  expect((await api(t, 'GET', `/v/${CERTIFICATE_NO}`)).status).toBe(200);
  expect((await api(t, 'GET', '/notices')).status).toBe(200);
  const health = await api(t, 'GET', '/api/v1/health');
  expect([health.status, health.body]).toEqual([200, { status: 'ok', database: 'up' }]);
}

if (TEST_DB === 'postgres') {
  describe('PostgreSQL unreachable, then back empty, under a running service (e2e)', () => {
    // A database of its own, so cutting it off cannot disturb any other test.
    const name = `${new URL(POSTGRES_TEST_URL).pathname.slice(1)}_outage`;
    const urlOf = (database: string) =>
      Object.assign(new URL(POSTGRES_TEST_URL), { pathname: `/${database}` }).toString();
    const server = new DataSource({ type: 'postgres', url: urlOf('postgres') });
    let t: TestApp;
    let issuer: Officer;
    let credential: unknown;

    beforeAll(async () => {
      if (!name.includes('test')) throw new Error(`Refusing to use database "${name}": its name lacks "test".`);
      await server.initialize();
      await server.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await server.query(`CREATE DATABASE "${name}"`);
      await emptyPostgresSchema(urlOf(name));
      t = await startTestApp({ databaseUrl: urlOf(name) });
      issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
      credential = await issueOne(t, issuer);
    });
    afterAll(async () => {
      await server.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
      await t?.close();
      await server.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await server.destroy();
    });

    /** Runs `work` while the database refuses new connections and its open ones are cut. */
    async function whileUnreachable(work: () => Promise<void>): Promise<void> {
      await server.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      try {
        await server.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
          [name],
        );
        await work();
      } finally {
        await server.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
      }
    }

    it('answers 503 SERVICE_UNAVAILABLE while the database refuses connections, and 200 once it is back', async () => {
      await whileUnreachable(async () => {
        const log = await errorLogOf(async () => {
          expectApiOutage(await api(t, 'GET', `/api/v1/registry/certificates/${CERTIFICATE_NO}`), 'down');
          expectApiOutage(await api(t, 'POST', '/api/v1/verifications', { credential }), 'down');
          expectApiOutage(
            await api(t, 'POST', '/api/v1/auth/token', { username: issuer.username, password: issuer.password }),
            'down',
          );
          expectApiOutage(
            await api(t, 'POST', '/api/v1/certificates', issuanceRequest({}, { idNumber: OTHER_ID }), issuer.token),
            'down',
          );
          expectOutagePage(await api(t, 'GET', `/v/${CERTIFICATE_NO}`), '/v/assets/site.css');
          expectOutagePage(await api(t, 'GET', '/notices'), '违纪处理结果公示');
        });
        // One line a request, naming it and the cause (a page used to log a second error on top).
        expect(log.map((line) => /^Database down on (\S+ \S+): /.exec(line)?.[1])).toEqual([
          `GET /api/v1/registry/certificates/${CERTIFICATE_NO}`,
          'POST /api/v1/verifications',
          'POST /api/v1/auth/token',
          'POST /api/v1/certificates',
          `GET /v/${CERTIFICATE_NO}`,
          'GET /notices',
        ]);
        // The first query may meet a pooled connection the server cut (57P01); later ones are refused.
        expect(log.at(-1)).toContain('not currently accepting connections');
        const health = await api(t, 'GET', '/api/v1/health');
        expect([health.status, health.body, health.headers.get('retry-after')]).toEqual([
          503,
          { status: 'degraded', database: 'down' },
          '30',
        ]);
      });

      await expectServing(t);
      expect((await api(t, 'POST', '/api/v1/verifications', { credential })).body.verdict).toBe('VALID');
    });

    it('says schema-missing (503) when the database comes back empty, and up once migrated again', async () => {
      const direct = new DataSource({ type: 'postgres', url: urlOf(name) });
      await direct.initialize();
      await direct.query('DROP SCHEMA public CASCADE');
      await direct.query('CREATE SCHEMA public');
      await direct.destroy();

      const health = await api(t, 'GET', '/api/v1/health');
      expect([health.status, health.body]).toEqual([503, { status: 'degraded', database: 'schema-missing' }]);
      const log = await errorLogOf(async () => {
        expectApiOutage(await api(t, 'GET', `/api/v1/registry/certificates/${CERTIFICATE_NO}`), 'schema-missing');
        expectApiOutage(
          await api(t, 'POST', '/api/v1/auth/token', { username: issuer.username, password: issuer.password }),
          'schema-missing',
        );
        expectOutagePage(await api(t, 'GET', `/v/${CERTIFICATE_NO}`), '/v/assets/site.css');
      });
      expect(log).toHaveLength(3);
      expect(log[2]).toMatch(
        // The public budget's counter (rate_limits) is the first table the page's request reads.
        /^Database schema-missing on GET \/v\/ZJZ2026000001: .*relation "(rate_limits|certificates)" does not exist/,
      );

      await emptyPostgresSchema(urlOf(name));
      issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
      await issueOne(t, issuer);
      await expectServing(t);
    });
  });
} else {
  describe('SQLite locked, closed or emptied under a running service (e2e)', () => {
    let t: TestApp;
    let issuer: Officer;

    beforeEach(async () => {
      t = await startTestApp();
      issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
      await issueOne(t, issuer);
    });
    afterEach(async () => t.app.close().catch(() => undefined));

    it('answers 503 when another process holds the write lock past the busy timeout, 201 once it lets go', async () => {
      const other = new DataSource({
        type: 'better-sqlite3',
        database: t.config.database.kind === 'sqlite' ? t.config.database.path : '',
      });
      await other.initialize();
      await other.query('BEGIN IMMEDIATE');
      try {
        const log = await errorLogOf(async () =>
          expectApiOutage(
            await api(t, 'POST', '/api/v1/certificates', issuanceRequest({}, { idNumber: OTHER_ID }), issuer.token),
            'down',
          ),
        );
        expect(log).toEqual([
          expect.stringMatching(/^Database down on POST \/api\/v1\/certificates: .*database is locked/),
        ]);
      } finally {
        await other.query('ROLLBACK');
        await other.destroy();
      }
      expect(
        (await api(t, 'POST', '/api/v1/certificates', issuanceRequest({}, { idNumber: OTHER_ID }), issuer.token))
          .status,
      ).toBe(201);
    });

    it('answers 503 on the API and the pages once the connection is gone', async () => {
      await t.dataSource.destroy();
      const log = await errorLogOf(async () => {
        expectApiOutage(await api(t, 'GET', `/api/v1/registry/certificates/${CERTIFICATE_NO}`), 'down');
        expectApiOutage(
          await api(t, 'POST', '/api/v1/auth/token', { username: issuer.username, password: issuer.password }),
          'down',
        );
        expectOutagePage(await api(t, 'GET', `/v/${CERTIFICATE_NO}`), '/v/assets/site.css');
        expectOutagePage(await api(t, 'GET', '/notices'), '违纪处理结果公示');
      });
      // One line a request, naming it (a page used to log a second error on top).
      expect(log.map((line) => /^Database down on (\S+ \S+): /.exec(line)?.[1])).toEqual([
        `GET /api/v1/registry/certificates/${CERTIFICATE_NO}`,
        'POST /api/v1/auth/token',
        `GET /v/${CERTIFICATE_NO}`,
        'GET /notices',
      ]);
    });

    it('says schema-missing (503) when the tables are gone', async () => {
      await t.dataSource.query('PRAGMA foreign_keys = OFF');
      await t.dataSource.query('DROP TABLE certificates');
      const health = await api(t, 'GET', '/api/v1/health');
      expect([health.status, health.body]).toEqual([503, { status: 'degraded', database: 'schema-missing' }]);
      const log = await errorLogOf(async () => {
        expectApiOutage(await api(t, 'GET', `/api/v1/registry/certificates/${CERTIFICATE_NO}`), 'schema-missing');
        expectOutagePage(await api(t, 'GET', `/v/${CERTIFICATE_NO}`), '/v/assets/site.css');
      });
      expect(log).toEqual([
        expect.stringMatching(/^Database schema-missing on GET .*no such table: certificates/),
        expect.stringMatching(/^Database schema-missing on GET \/v\//),
      ]);
    });
  });
}
