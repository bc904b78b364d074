import { AuditService } from '../../src/audit/audit.service';
import { certificateRow, CERTIFICATE_INSERT_TARGET } from '../../src/certificates/certificate-rows';
import { CertificatesService } from '../../src/certificates/certificates.service';
import type { IssueCertificateDto } from '../../src/certificates/dto/issue-certificate.dto';
import { insertRows } from '../../src/database/insert-rows';
import { issuanceRequest } from '../support/builders';
import { runCli } from '../support/office-cli';
import { api, officer, startTestApp, TestApp } from '../support/test-app';

const LEGACY_HOLDERS = ['330102198001011272', '11010519491231002X'];

/** Certificates issued before the transparency log existed get their issuance leaf from `log:backfill`. */
describe('log:backfill (e2e)', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await startTestApp({ now: new Date('2026-11-21T02:00:00Z') });
  });
  afterEach(async () => t.close());

  const backfill = () => runCli({ DATABASE_URL: t.databaseUrl, KEYS_DIR: t.config.keysDir }, 'log:backfill');
  const request = (idNumber: string) =>
    issuanceRequest({}, { idNumber, gender: Number(idNumber[16]) % 2 ? '男' : '女' }) as unknown as IssueCertificateDto;

  /** A certificate as the service wrote it before the log: signed and stored, no leaf. */
  async function legacyCertificate(idNumber: string, no: string): Promise<unknown> {
    const record = await t.app
      .get(CertificatesService)
      .signedRecord(request(idNumber), no, new Date('2026-01-10T02:00:00Z'), 1000 + Number(no.slice(-1)));
    await insertRows(t.dataSource.manager, CERTIFICATE_INSERT_TARGET, [certificateRow(record)]);
    return JSON.parse(record.credential) as unknown;
  }

  it('logs every certificate without a leaf, oldest first, once', async () => {
    const legacy = [
      await legacyCertificate(LEGACY_HOLDERS[0], 'ZJZ2026000001'),
      await legacyCertificate(LEGACY_HOLDERS[1], 'ZJZ2026000002'),
    ];
    const before = await api(t, 'POST', '/api/v1/verifications', { credential: legacy[0] });
    expect(before.body).toMatchObject({ verdict: 'INVALID', reasons: [{ code: 'NOT_IN_TRANSPARENCY_LOG' }] });
    // One certificate issued since the log exists: it has its leaf already.
    const issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
    await t.dataSource.query(
      "INSERT INTO certificate_sequences (level, year, last_value) VALUES ('professor', 2026, 2)",
    );
    const recent = await api(t, 'POST', '/api/v1/certificates', request('330106196501010010'), issuer.token);
    expect(recent.status).toBe(201);

    const first = await backfill();
    expect([first.code, first.stderr]).toEqual([0, '']);
    expect(first.stdout).toContain('Logged 2 certificates');
    const entries = await t.dataSource.query<Array<{ idx: number; certificate_no: string }>>(
      "SELECT idx, certificate_no FROM transparency_log_entries WHERE kind = 'issuance' ORDER BY idx",
    );
    expect(entries.map((e) => e.certificate_no)).toEqual(['ZJZ2026000003', 'ZJZ2026000001', 'ZJZ2026000002']);
    for (const credential of legacy) {
      const after = await api(t, 'POST', '/api/v1/verifications', { credential });
      expect(after.body).toMatchObject({ verdict: 'VALID', log: { inclusionVerified: true } });
    }
    expect(await t.app.get(AuditService).verify()).toMatchObject({ ok: true });

    const again = await backfill();
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Every certificate already has its issuance entry in the transparency log.');
    const count = await t.dataSource.query<Array<{ n: string | number }>>(
      'SELECT COUNT(*) AS n FROM transparency_log_entries',
    );
    expect(Number(count[0].n)).toBe(3);
  });
});
