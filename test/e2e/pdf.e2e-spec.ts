import { CertificatesService } from '../../src/certificates/certificates.service';
import { KeyStore } from '../../src/keys/key-store';
import { CertificateRenderer } from '../../src/pdf/certificate-renderer';
import { qrSymbol } from '../../src/pdf/qr-symbol';
import { issuanceRequest, makeIdNumber } from '../support/builders';
import {
  decodeQrCodes,
  opensslVerifySignatures,
  pdfFonts,
  pdfSignatures,
  pdfText,
  qpdfCheck,
  requestPdf,
  withOneByteChanged,
  type PdfResponse,
} from '../support/pdf-tools';
import { api, officer, Officer, startTestApp, TestApp } from '../support/test-app';

const HOLDER = { certificateNo: 'ZJZ2026000001', name: '张三', idNumber: '330102198001011272' };
const FILENAME = `attachment; filename="certificate.pdf"; filename*=UTF-8''${encodeURIComponent('职称证书-ZJZ2026000001.pdf')}`;

describe('certificate PDFs (e2e)', () => {
  let t: TestApp;
  let issuer: Officer;
  /** One download shared by the read-only checks: rendering and the tools cost ~1 s. */
  let pdf: PdfResponse;

  const holderPdf = (body: Record<string, unknown>) => requestPdf(t, 'POST', '/api/v1/holder/certificate-pdf', body);
  const verificationUrl = async (certificateNo = HOLDER.certificateNo) => {
    const record = await t.app.get(CertificatesService).getByNumber(certificateNo);
    return t.app.get(CertificatesService).verificationUrl(record);
  };

  beforeAll(async () => {
    t = await startTestApp();
    issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
    expect((await api(t, 'POST', '/api/v1/certificates', issuanceRequest(), issuer.token)).status).toBe(201);
    pdf = await holderPdf(HOLDER);
  });
  afterAll(async () => t.close());

  it('gives the holder a PDF download named in Chinese (RFC 6266/5987), never cached', () => {
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(FILENAME);
    expect(pdf.headers.get('cache-control')).toBe('no-store');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.bytes.length).toBeLessThan(300 * 1024);
  });

  it('prints the holder name, ID number and certificate number as text', async () => {
    const text = await pdfText(pdf.bytes);
    // The title is letter-spaced, so its characters come out space-separated.
    expect(text.replace(/\s+/g, '')).toContain('职称证书');
    for (const expected of [
      '张三',
      '330102198001011272',
      'ZJZ2026000001',
      '正高级工程师',
      '计量',
      '浙市监人〔2026〕12号',
      '扫码验证',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text.replace(/\s+/g, '')).toContain('浙江省质量技术基础专业正高级工程师职务任职资格评审委员会');
    expect(text).toContain('https://zs.example.test/v');
  });

  it('carries a QR that decodes in a 100 dpi scan to the verification URL, whose token verifies VALID', async () => {
    const url = await verificationUrl();
    // Version 19 (93 modules) in 50 mm: 0.54 mm a module, 2.1 px at 100 dpi (docs/pdf.md, QR code).
    expect(qrSymbol(url).version).toBeLessThanOrEqual(19);
    expect(await decodeQrCodes(pdf.bytes, 100)).toEqual([url]);
    const token = url.slice(url.indexOf('#') + 1);
    const verified = await api(t, 'POST', '/api/v1/verifications', { token });
    expect([verified.status, verified.body.verdict]).toEqual([200, 'VALID']);
  });

  it('is signed by AMR, then by HRSS in an incremental update, both valid, the first still covering its revision', async () => {
    expect(await pdfSignatures(pdf.bytes)).toEqual([
      {
        fieldName: 'amr-seal',
        commonName: expect.stringMatching(/^浙江省市场监督管理局电子文档签名/) as string,
        validation: 'Signature is Valid.',
        // It covers the first revision; the second revision (HRSS's signature) comes after it.
        totalDocument: false,
      },
      {
        fieldName: 'hrss-seal',
        commonName: expect.stringMatching(/^浙江省人力资源和社会保障厅电子文档签名/) as string,
        validation: 'Signature is Valid.',
        totalDocument: true,
      },
    ]);
  });

  it('gives two PKCS#7 signatures that openssl cms -verify accepts under the provincial root', async () => {
    const results = await opensslVerifySignatures(pdf.bytes, t.app.get(KeyStore).rootCertificatePem());
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(results.map((r) => r.output)).toEqual([
      expect.stringContaining('Verification successful'),
      expect.stringContaining('Verification successful'),
    ]);
  });

  it("breaks both signatures when one byte of the page changes, and HRSS's when its revision changes", async () => {
    const page = await pdfSignatures(withOneByteChanged(pdf.bytes, 'zj-title-certificates'));
    expect(page.map((s) => s.validation)).toEqual(['Digest Mismatch.', 'Digest Mismatch.']);
    // A byte of the second revision is outside the first signature: only HRSS's breaks.
    const second = pdf.bytes.lastIndexOf('/Type /Sig');
    const update = await pdfSignatures(withOneByteChanged(pdf.bytes, '/Location', second));
    expect(update.map((s) => [s.validation, s.totalDocument])).toEqual([
      ['Signature is Valid.', false],
      ['Digest Mismatch.', true],
    ]);
  });

  it('passes qpdf --check (both revisions well formed)', async () => {
    const check = await qpdfCheck(pdf.bytes);
    expect(check.exitCode).toBe(0);
    expect(check.output).toContain('No syntax or stream encoding errors found');
  });

  it('typesets Chinese: one issuer order, the date once, no lone character, the subtitle as words', async () => {
    const text = await pdfText(pdf.bytes);
    expect(text).toContain('PROFESSIONAL TITLE CERTIFICATE');
    // The same order as on /v and in the footer: AMR first, on one row under the seals.
    const layout = await pdfText(pdf.bytes, 'layout');
    const issuers = layout.split('\n').find((line) => line.includes('浙江省市场监督管理局') && !line.includes('监制'));
    expect(issuers?.replace(/\s+/g, ' ').trim()).toBe('浙江省市场监督管理局 浙江省人力资源和社会保障厅');
    expect(text).toContain('浙江省市场监督管理局、浙江省人力资源和社会保障厅监制');
    expect(text).not.toContain('发证日期');
    expect(text.match(/二〇二\S年\S+月\S+日/g)).toHaveLength(1);
    const statement = text
      .split('\n')
      .filter((line) => line.includes('经浙江省') || line.includes('特发此证'))
      .map((line) => line.trim());
    const last = statement[statement.length - 1].replace(/[，。]/g, '');
    expect(last.length).toBeGreaterThanOrEqual(2);
  });

  it('embeds every font (no standard-14 font a reader would substitute)', async () => {
    const fonts = await pdfFonts(pdf.bytes);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((font) => !font.embedded)).toEqual([]);
    expect(fonts.map((font) => font.name).join(' ')).not.toMatch(/Helvetica|Times|Courier/);
  });

  it('renders the same twice-signed bytes for the holder, the office and a fresh renderer', async () => {
    const auditor = await officer(t, 'hrss-auditor', 'hrss', ['auditor']);
    const office = await requestPdf(t, 'GET', '/api/v1/certificates/ZJZ2026000001/pdf', undefined, auditor.token);
    expect(office.status).toBe(200);
    expect(office.headers.get('content-disposition')).toBe(FILENAME);
    expect(office.bytes.equals(pdf.bytes)).toBe(true);
    const record = await t.app.get(CertificatesService).getByNumber(HOLDER.certificateNo);
    const keys = t.app.get(KeyStore);
    const fresh = await new CertificateRenderer().renderSigned(
      record,
      await verificationUrl(),
      { amr: keys.documentSigner('amr'), hrss: keys.documentSigner('hrss') },
      { development: keys.usesDevelopmentKeys() },
    );
    expect(fresh.equals(pdf.bytes)).toBe(true);
  });

  it('accepts what people type: surrounding spaces, a lowercase x', async () => {
    const x = issuanceRequest({}, { name: '李四', gender: '女', idNumber: '11010519491231002X' });
    const issued = await api(t, 'POST', '/api/v1/certificates', x, issuer.token);
    const typed = await holderPdf({
      certificateNo: ` ${issued.body.certificateNo as string} `,
      name: ' 李四 ',
      idNumber: '11010519491231002x',
    });
    expect(typed.status).toBe(200);
  });

  it('answers every mismatch with the same 404 as an unknown number', async () => {
    const attempts = [
      { ...HOLDER, name: '张四' },
      { ...HOLDER, idNumber: '330102198001011280' },
      { ...HOLDER, certificateNo: 'ZJZ2026999999' },
      { ...HOLDER, certificateNo: 'not-a-number' },
      { ...HOLDER, name: '张三', idNumber: '11010519491231002X' },
    ];
    const responses = await Promise.all(attempts.map((body) => holderPdf(body)));
    expect(responses.map((r) => r.status)).toEqual(Array(attempts.length).fill(404));
    expect(responses.map((r) => JSON.stringify(r.json))).toEqual(
      Array(attempts.length).fill(JSON.stringify(responses[0].json)),
    );
    expect(responses[0].json.code).toBe('CERTIFICATE_NOT_FOUND');
    expect((await holderPdf({ ...HOLDER, name: 42 })).status).toBe(400);
  });

  it('gives the office its PDF only with a role, and a 404 for an unknown number', async () => {
    expect((await requestPdf(t, 'GET', '/api/v1/certificates/ZJZ2026000001/pdf')).json.code).toBe('AUTH_REQUIRED');
    const unknown = await requestPdf(t, 'GET', '/api/v1/certificates/ZJZ2026999999/pdf', undefined, issuer.token);
    expect([unknown.status, unknown.json.code]).toEqual([404, 'CERTIFICATE_NOT_FOUND']);
  });

  it('refuses a PDF of a revoked certificate with 410, to the holder and the office', async () => {
    const idNumber = makeIdNumber('1985-03-04', 1);
    const issued = await api(
      t,
      'POST',
      '/api/v1/certificates',
      issuanceRequest({ level: 'senior', specialty: 'quality' }, { name: '王五', idNumber }),
      issuer.token,
    );
    await t.dataSource.query(
      `UPDATE certificates SET status = 'REVOKED' WHERE certificate_no = '${issued.body.certificateNo as string}'`,
    );
    const holder = await holderPdf({ certificateNo: issued.body.certificateNo, name: '王五', idNumber });
    expect([holder.status, holder.json.code]).toEqual([410, 'CERTIFICATE_REVOKED']);
    const office = await requestPdf(
      t,
      'GET',
      `/api/v1/certificates/${issued.body.certificateNo as string}/pdf`,
      undefined,
      issuer.token,
    );
    expect([office.status, office.json.code]).toEqual([410, 'CERTIFICATE_REVOKED']);
  });
});

describe('holder PDF throttle (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('refuses an address after 10 failed downloads, with Retry-After', async () => {
    for (let i = 0; i < 10; i++) {
      expect(
        (await requestPdf(t, 'POST', '/api/v1/holder/certificate-pdf', { ...HOLDER, name: `错${i}` })).status,
      ).toBe(404);
    }
    const refused = await requestPdf(t, 'POST', '/api/v1/holder/certificate-pdf', HOLDER);
    expect([refused.status, refused.json.code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
