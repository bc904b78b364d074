import { CertificateBatchService } from '../../src/certificates/certificate-batch.service';
import { RoundIssuanceService } from '../../src/evaluation/round-issuance.service';
import { chinaMorning, publishedProfessorRound } from '../support/evaluation-round';
import { api, officer, Officer, startTestApp, TestApp } from '../support/test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issuing a round's certificates while it is already being issued: by a repeated click on
 * the same server, or by a second process (the CLI, another server) on the same database.
 */
describe('concurrent issuance of a round (e2e)', () => {
  let t: TestApp;
  let issuer: Officer;

  beforeEach(async () => {
    t = await startTestApp({ now: chinaMorning('2026-11-02') });
  });
  afterEach(async () => t.close());

  const issue = (app: TestApp, id: number, token: string) =>
    api(app, 'POST', `/api/v1/evaluation/rounds/${id}/issuance`, undefined, token);
  const count = async (sql: string) => Number((await t.dataSource.query<Array<{ n: string | number }>>(sql))[0].n);
  /** Certificates per applicant's ID number, and how often the round entered CERTIFICATES_ISSUED. */
  async function outcome(id: number): Promise<{ perHolder: number[]; issuedEntries: number }> {
    const rows = await t.dataSource.query<Array<{ n: string | number }>>(
      'SELECT id_number, COUNT(*) AS n FROM certificates GROUP BY id_number ORDER BY id_number',
    );
    const issuedEntries = await count(
      `SELECT COUNT(*) AS n FROM evaluation_round_history WHERE round_id = ${id} AND state = 'CERTIFICATES_ISSUED'`,
    );
    return { perHolder: rows.map((r) => Number(r.n)), issuedEntries };
  }

  /**
   * Holds every chunk of certificates `app` issues until `until()` is true, so the requests of
   * a test overlap however fast a batch of 8 runs; returns the spy (restored after each test).
   */
  function holdIssuance(app: TestApp, until: () => boolean): jest.SpyInstance {
    const batches = app.app.get(CertificateBatchService);
    const realIssue = batches.issueMany.bind(batches);
    return jest.spyOn(batches, 'issueMany').mockImplementation(async (requests, actor, withinWrite) => {
      while (!until()) await sleep(5);
      return realIssue(requests, actor, withinWrite);
    });
  }
  afterEach(() => jest.restoreAllMocks());

  it('answers three simultaneous requests with the one run’s final report, one certificate each', async () => {
    const id = await publishedProfessorRound(
      t,
      await officer(t, 'amr-office', 'amr', ['admin']),
      await officer(t, 'hrss-office', 'hrss', ['admin']),
    );
    issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
    const arrived = jest.spyOn(t.app.get(RoundIssuanceService), 'issueAll');
    holdIssuance(t, () => arrived.mock.calls.length === 3);

    const replies = await Promise.all([1, 2, 3].map(() => issue(t, id, issuer.token)));

    const report = { total: 8, created: 8, existing: 0, conflicts: [], state: 'CERTIFICATES_ISSUED' };
    expect(replies.map((r) => [r.status, r.body])).toEqual(Array(3).fill([200, report]));
    expect(await outcome(id)).toEqual({ perHolder: Array(8).fill(1), issuedEntries: 1 });
    expect(await count(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'certificate.issued'`)).toBe(8);
    // Afterwards a rerun reports everything as already issued.
    expect((await issue(t, id, issuer.token)).body).toEqual({
      total: 8,
      created: 0,
      existing: 8,
      conflicts: [],
      state: 'CERTIFICATES_ISSUED',
    });
  });

  it('succeeds when another process issued the same round and moved it on first', async () => {
    const id = await publishedProfessorRound(
      t,
      await officer(t, 'amr-office', 'amr', ['admin']),
      await officer(t, 'hrss-office', 'hrss', ['admin']),
    );
    issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
    const other = await startTestApp({ databaseUrl: t.databaseUrl, now: t.clock.now() });
    try {
      // This server's run has read the round (PUBLISHED) and waits at its first certificate
      // while the other process issues them all and completes the round.
      let released = false;
      const paused = holdIssuance(t, () => released);
      const first = issue(t, id, issuer.token);
      while (paused.mock.calls.length === 0) await sleep(5);
      const otherToken = (
        await api(other, 'POST', '/api/v1/auth/token', { username: issuer.username, password: issuer.password })
      ).body.accessToken as string;
      const second = await issue(other, id, otherToken);
      expect([second.status, second.body]).toEqual([
        200,
        { total: 8, created: 8, existing: 0, conflicts: [], state: 'CERTIFICATES_ISSUED' },
      ]);
      released = true;
      const late = await first;

      expect([late.status, late.body]).toEqual([
        200,
        { total: 8, created: 0, existing: 8, conflicts: [], state: 'CERTIFICATES_ISSUED' },
      ]);
      expect(await outcome(id)).toEqual({ perHolder: Array(8).fill(1), issuedEntries: 1 });
    } finally {
      await other.close();
    }
  });
});
