import { randomBytes } from 'node:crypto';
import { STATUS_LIST_TTL_SECONDS } from '../../src/revocation/status-list.service';
import { SigningService } from '../../src/signing/signing.service';
import { statusAt } from '../../src/signing/status-list';
import { issuanceRequest, makeIdNumber } from '../support/builders';
import { api, ApiResponse, officer, Officer, startTestApp, TEST_DB, TestApp } from '../support/test-app';

/**
 * Two instances of the service behind a load balancer, on one PostgreSQL database
 * (docs/deployment.md): two apps, each with its own container, connection pool, caches and
 * port, sharing only the database, the keys and RATE_LIMIT_KEY_SECRET. Whatever one does, the
 * other sees: certificate numbers, revocations, the throttles' counts; the status list within
 * its TTL. SQLite is served by one process by construction, so this runs on PostgreSQL only.
 */
const onPostgres = TEST_DB === 'postgres' ? describe : describe.skip;

onPostgres('two instances on one PostgreSQL database (e2e; skipped on SQLite: run with TEST_DB=postgres)', () => {
  const deployment = { RATE_LIMIT_KEY_SECRET: randomBytes(32).toString('hex'), TRUST_PROXY: 'true' };
  let a: TestApp;
  let b: TestApp;
  let issuerOnA: Officer;
  let issuerOnB: Officer;
  /** A holder's download request that matches a certificate issued by the first test. */
  let holder: Record<string, string>;

  beforeAll(async () => {
    a = await startTestApp({ env: deployment });
    b = await startTestApp({ databaseUrl: a.databaseUrl, env: deployment });
    issuerOnA = await officer(a, 'amr-issuer', 'amr', ['issuer']);
    issuerOnB = await officer(b, 'hrss-issuer', 'hrss', ['issuer']);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const from = (address: string) => ({ 'x-forwarded-for': address });
  const issue = (t: TestApp, by: Officer, sequence: number) =>
    api(
      t,
      'POST',
      '/api/v1/certificates',
      issuanceRequest({}, { idNumber: makeIdNumber('1980-01-01', sequence) }),
      by.token,
    );
  const login = (t: TestApp, username: string, password: string, address: string) =>
    api(t, 'POST', '/api/v1/auth/token', { username, password }, undefined, from(address));
  const codes = (r: ApiResponse) => [r.status, r.body.code];

  it('gives unique certificate numbers to issuances running in parallel on both instances', async () => {
    // Odd sequences: male ID numbers, as the builder's holder.
    const sequences = Array.from({ length: 24 }, (_, i) => 2 * i + 1);
    const answers = await Promise.all(
      sequences.map((n, i) => (i % 2 === 0 ? issue(a, issuerOnA, n) : issue(b, issuerOnB, n))),
    );
    expect(answers.map((r) => r.status)).toEqual(sequences.map(() => 201));
    const numbers = answers.map((r) => r.body.certificateNo as string);
    expect(new Set(numbers).size).toBe(sequences.length);
    const rows = await a.adminQuery('SELECT COUNT(DISTINCT certificate_no) AS n FROM certificates');
    expect(Number(rows[0].n)).toBe(sequences.length);
    holder = { certificateNo: numbers[0], name: '张三', idNumber: makeIdNumber('1980-01-01', sequences[0]) };
    // Each instance reads what the other wrote.
    for (const [t, no] of [
      [a, numbers[1]],
      [b, numbers[0]],
    ] as const) {
      expect((await api(t, 'GET', `/api/v1/registry/certificates/${no}`)).body.status).toBe('VALID');
    }
  });

  it('shows a revocation decided on one instance at once on the other (registry and verification); the status list within its TTL', async () => {
    const issued = await issue(a, issuerOnA, 101);
    expect(issued.status).toBe(201);
    const { certificateNo, credential } = issued.body as { certificateNo: string; credential: { payload: string } };
    const index = JSON.parse(Buffer.from(credential.payload, 'base64url').toString()).sl as number;
    const listBit = async (t: TestApp) => {
      const check = await t.app
        .get(SigningService)
        .checkStatusList((await api(t, 'GET', '/api/v1/status-lists/1')).body, t.clock.now());
      expect(check.reasons).toEqual([]);
      return statusAt(check.claims!.status_list.lst, index);
    };
    expect((await api(b, 'POST', '/api/v1/verifications', { credential })).body.verdict).toBe('VALID');
    // B builds and caches its list now, before the decision.
    expect(await listBit(b)).toBe(0);

    const amrRevoker = await officer(a, 'amr-revoker', 'amr', ['revoker']);
    const hrssRevoker = await officer(a, 'hrss-revoker', 'hrss', ['revoker']);
    const proposed = await api(
      a,
      'POST',
      '/api/v1/revocations',
      {
        certificateNo,
        reasonCategory: 'falsified-materials',
        description: '申报材料中的业绩证明系伪造。',
        decisionDocument: '浙市监人〔2026〕40号',
        decisionDate: '2026-11-27',
        effectiveDate: '2026-11-27',
        serious: true,
      },
      amrRevoker.token,
    );
    expect(proposed.status).toBe(201);
    const confirmed = await api(
      a,
      'POST',
      `/api/v1/revocations/${proposed.body.id as number}/confirmation`,
      undefined,
      hrssRevoker.token,
    );
    expect(confirmed.status).toBe(200);

    // At once on B: the registry and the verification API read the database, not a cache.
    expect((await api(b, 'GET', `/api/v1/registry/certificates/${certificateNo}`)).body.status).toBe('REVOKED');
    const verified = await api(b, 'POST', '/api/v1/verifications', { credential });
    expect([verified.body.verdict, verified.body.reasons.map((r: { code: string }) => r.code)]).toEqual([
      'REVOKED',
      ['CERTIFICATE_REVOKED'],
    ]);
    // A rebuilt its list on the decision; B's copy is at most the TTL old, which verifiers may cache anyway.
    expect(await listBit(a)).toBe(1);
    b.clock.set(new Date(b.clock.now().getTime() + (STATUS_LIST_TTL_SECONDS + 1) * 1000));
    expect(await listBit(b)).toBe(1);
  });

  it('locks an account after failures split across both instances, from any address', async () => {
    const target = await officer(a, 'amr-target', 'amr', ['issuer']);
    // Ten failures, five on each instance, each from its own address: only the username's count can add up.
    for (let i = 0; i < 10; i++) {
      const failed = await login(i % 2 === 0 ? a : b, target.username, `wrong-${i}`, `198.51.100.${i + 1}`);
      expect(codes(failed)).toEqual([401, 'INVALID_CREDENTIALS']);
    }
    for (const t of [a, b]) {
      const refused = await login(t, target.username, target.password, '198.51.100.200');
      expect(codes(refused)).toEqual([429, 'TOO_MANY_ATTEMPTS']);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('refuses an address after failed logins split across both instances, whatever the username', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await login(i % 2 === 0 ? a : b, `nobody-${i}`, 'wrong-wrong', '203.0.113.50')).status).toBe(401);
    }
    for (const t of [a, b])
      expect(codes(await login(t, 'nobody-else', 'wrong-wrong', '203.0.113.50'))).toEqual([429, 'TOO_MANY_ATTEMPTS']);
    expect((await login(b, 'nobody-else', 'wrong-wrong', '203.0.113.51')).status).toBe(401);
  });

  it('refuses holder downloads from an address after failures split across both instances', async () => {
    const download = (t: TestApp, body: Record<string, unknown>) =>
      api(t, 'POST', '/api/v1/holder/certificate-pdf', body, undefined, from('192.0.2.77'));
    for (let i = 0; i < 10; i++) {
      expect((await download(i % 2 === 0 ? a : b, { ...holder, name: `错${i}` })).status).toBe(404);
    }
    for (const t of [a, b]) expect(codes(await download(t, holder))).toEqual([429, 'TOO_MANY_ATTEMPTS']);
  });

  it('keeps no raw address or username in the shared counters', async () => {
    const keys = (await a.adminQuery('SELECT key FROM rate_limits')) as Array<{ key: string }>;
    expect(keys.length).toBeGreaterThan(0);
    for (const { key } of keys)
      expect(key).toMatch(/^(login-user|login-ip|pdf-failure|pdf-request|lookup|verification):[\w-]{43}$/);
  });
});
