import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { api, officer, startTestApp, TEST_DB, TestApp } from '../support/test-app';

/**
 * A database that stops answering in time (here: a table another session holds locked) makes
 * a request a quick 503 SERVICE_UNAVAILABLE, past DATABASE_STATEMENT_TIMEOUT_MS, never a request
 * that hangs; the login throttle's shared store failing is a 503 too, never a login let through.
 */
const onPostgres = TEST_DB === 'postgres' ? describe : describe.skip;

onPostgres('a PostgreSQL database too slow to answer (e2e; skipped on SQLite: run with TEST_DB=postgres)', () => {
  const STATEMENT_TIMEOUT_MS = 300;
  let t: TestApp;
  let locker: Client;

  beforeAll(async () => {
    t = await startTestApp({ env: { DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS) } });
  });
  afterAll(async () => t?.close());
  beforeEach(async () => {
    locker = new Client({ connectionString: t.databaseUrl });
    await locker.connect();
  });
  afterEach(async () => {
    await locker.query('ROLLBACK').catch(() => undefined);
    await locker.end();
  });

  /** Holds `table` locked against reads and writes, as a stuck migration or a runaway session would. */
  const lock = async (table: string) => {
    await locker.query('BEGIN');
    await locker.query(`LOCK TABLE "${table}" IN ACCESS EXCLUSIVE MODE`);
  };

  /** The answer and how long it took, with the outage's log line kept out of the output. */
  async function timed(request: () => ReturnType<typeof api>) {
    const spy = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const started = performance.now();
    try {
      const response = await request();
      return { response, ms: performance.now() - started };
    } finally {
      spy.mockRestore();
    }
  }

  it('answers a lookup 503 soon after the statement timeout while its table is locked, 404 once free', async () => {
    await lock('certificates');
    const { response, ms } = await timed(() => api(t, 'GET', '/api/v1/registry/certificates/ZJZ2026000001'));
    expect([response.status, response.body.code, response.headers.get('retry-after')]).toEqual([
      503,
      'SERVICE_UNAVAILABLE',
      '30',
    ]);
    expect(ms).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS - 50);
    expect(ms).toBeLessThan(STATEMENT_TIMEOUT_MS + 2000);
    await locker.query('ROLLBACK');
    expect((await api(t, 'GET', '/api/v1/registry/certificates/ZJZ2026000001')).status).toBe(404);
  });

  it('refuses a login with 503 while the throttle cannot count, even with the right password', async () => {
    const target = await officer(t, 'amr-officer', 'amr', ['issuer']);
    await lock('rate_limits');
    const { response, ms } = await timed(() =>
      api(t, 'POST', '/api/v1/auth/token', { username: target.username, password: target.password }),
    );
    expect([response.status, response.body.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect(response.body.accessToken).toBeUndefined();
    expect(ms).toBeLessThan(STATEMENT_TIMEOUT_MS + 2000);
    await locker.query('ROLLBACK');
    expect(
      (await api(t, 'POST', '/api/v1/auth/token', { username: target.username, password: target.password })).status,
    ).toBe(200);
  });
});
