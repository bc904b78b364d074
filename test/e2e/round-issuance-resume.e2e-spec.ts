import { AuditService } from '../../src/audit/audit.service';
import { CertificateBatchService } from '../../src/certificates/certificate-batch.service';
import { RoundIssuanceService } from '../../src/evaluation/round-issuance.service';
import { TransparencyLogService } from '../../src/transparency/transparency-log.service';
import { chinaMorning, publishedProfessorRound } from '../support/evaluation-round';
import { api, officer, startTestApp, TestApp } from '../support/test-app';

const ACTOR = { actor: 'amr-issuer', authority: 'amr' };

/**
 * A round's issuance that dies part-way (a crash between chunks, or inside one after its numbers
 * were drawn and its rows written but before the commit) is completed by a rerun: every
 * applicant ends with exactly one certificate, linked, audited and logged once.
 */
describe('round issuance resumed after a crash (e2e)', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await startTestApp({ now: chinaMorning('2026-11-02') });
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  const rows = <T>(sql: string) => t.dataSource.query<T[]>(sql);
  const count = async (sql: string) => Number((await rows<{ n: string | number }>(sql))[0].n);

  async function round(): Promise<number> {
    // The run's officer (ACTOR): a run stops once its officer is no longer active.
    await officer(t, 'amr-issuer', 'amr', ['issuer']);
    return publishedProfessorRound(
      t,
      await officer(t, 'amr-office', 'amr', ['admin']),
      await officer(t, 'hrss-office', 'hrss', ['admin']),
    );
  }

  /** The third chunk's transaction fails after its rows are written, as if the process died before COMMIT. */
  function dieInThirdChunk(): void {
    const batches = t.app.get(CertificateBatchService);
    const real = batches.issueMany.bind(batches);
    let chunk = 0;
    jest.spyOn(batches, 'issueMany').mockImplementation((requests, actor, withinWrite) => {
      const mine = ++chunk;
      return real(requests, actor, async (manager, results) => {
        await withinWrite?.(manager, results);
        if (mine === 3) throw new Error('killed before COMMIT');
      });
    });
  }

  it('completes the batch on a rerun: nothing lost, nothing doubled', async () => {
    const id = await round();
    const issuance = t.app.get(RoundIssuanceService);
    dieInThirdChunk();
    await expect(issuance.issueAll(id, ACTOR, { chunkSize: 3, concurrency: 1 })).rejects.toThrow(
      'killed before COMMIT',
    );

    // The first two chunks committed whole; the third left nothing but a gap in the numbers.
    expect(await count('SELECT COUNT(*) AS n FROM certificates')).toBe(6);
    expect(await count('SELECT COUNT(*) AS n FROM evaluation_applications WHERE certificate_no IS NOT NULL')).toBe(6);
    expect(await count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'certificate.issued'")).toBe(6);
    expect(await count("SELECT COUNT(*) AS n FROM transparency_log_entries WHERE kind = 'issuance'")).toBe(6);
    expect((await issuance.progress(id)).done).toBe(6);

    jest.restoreAllMocks();
    const report = await issuance.issueAll(id, ACTOR, { chunkSize: 3 });
    expect(report).toEqual({ total: 8, done: 8, created: 2, existing: 6, conflicts: [], state: 'CERTIFICATES_ISSUED' });

    const perHolder = await rows<{ n: string | number }>(
      'SELECT COUNT(*) AS n FROM certificates GROUP BY id_number, level, evaluation_year',
    );
    expect(perHolder.map((r) => Number(r.n))).toEqual(Array(8).fill(1));
    const links = await rows<{ certificate_no: string | null; issued: string | null }>(
      `SELECT a.certificate_no, c.certificate_no AS issued FROM evaluation_applications a
       LEFT JOIN certificates c ON c.id_number = a.id_number WHERE a.round_id = ${id}`,
    );
    expect(links.every((l) => l.certificate_no !== null && l.certificate_no === l.issued)).toBe(true);
    // The drawn-but-unwritten numbers of the dead chunk stay unused: a gap, never a duplicate.
    const numbers = (await rows<{ certificate_no: string }>('SELECT certificate_no FROM certificates')).map((r) =>
      Number(r.certificate_no.slice(-6)),
    );
    expect(new Set(numbers).size).toBe(8);
    expect(Math.max(...numbers)).toBe(10);

    expect(await t.app.get(AuditService).verify()).toEqual({ ok: true, entries: expect.any(Number) as number });
    const logged = await rows<{ certificate_no: string }>(
      "SELECT certificate_no FROM transparency_log_entries WHERE kind = 'issuance'",
    );
    expect(new Set(logged.map((r) => r.certificate_no)).size).toBe(8);
    expect(logged).toHaveLength(8);
    // Each committed chunk left its checkpoint; the latest covers every entry.
    const latest = await t.app.get(TransparencyLogService).latestCheckpoint();
    expect(latest.size).toBe(await count('SELECT COUNT(*) AS n FROM transparency_log_entries'));
    const verify = await api(t, 'POST', '/api/v1/verifications', {
      credential: JSON.parse(
        (await rows<{ credential: string }>('SELECT credential FROM certificates ORDER BY id DESC LIMIT 1'))[0]
          .credential,
      ) as unknown,
    });
    expect([verify.status, verify.body.verdict]).toEqual([200, 'VALID']);
  });
});
