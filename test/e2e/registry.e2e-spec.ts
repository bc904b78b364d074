import { issuanceRequest, makeIdNumber } from '../support/builders';
import { api, officer, startTestApp, TestApp } from '../support/test-app';
import { issueAndRevoke, REVOCATION } from '../browser/revocation-steps';

const ID = '330102198001011272';

describe('public registry API (e2e)', () => {
  let t: TestApp;
  let certificateNo: string;
  let seniorNo: string;
  let issuerToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    const issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
    issuerToken = issuer.token;
    certificateNo = (await api(t, 'POST', '/api/v1/certificates', issuanceRequest(), issuer.token)).body.certificateNo;
    const senior = issuanceRequest({
      level: 'senior',
      specialty: 'quality',
      evaluationYear: 2025,
      passedOn: '2025-11-20',
      approvalDocument: '浙市监人〔2025〕9号',
    });
    seniorNo = (await api(t, 'POST', '/api/v1/certificates', senior, issuer.token)).body.certificateNo;
    await api(
      t,
      'POST',
      '/api/v1/certificates',
      issuanceRequest({}, { name: '李四', gender: '女', idNumber: makeIdNumber('1985-03-04', 2) }),
      issuer.token,
    );
  });
  afterAll(async () => t.close());

  const get = (path: string, headers: Record<string, string> = {}) =>
    api(t, 'GET', path, undefined, undefined, headers);

  describe('by certificate number', () => {
    it('answers the public facts with Chinese labels, the ID number masked to 3 + 4', async () => {
      const response = await get(`/api/v1/registry/certificates/${certificateNo}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        certificateNo,
        holderName: '张三',
        gender: '男',
        idNumberMasked: '330***********1272',
        employer: '浙江省计量科学研究院',
        level: 'professor',
        levelName: '正高级工程师',
        specialty: 'metrology',
        specialtyName: '计量',
        evaluationYear: 2026,
        passedOn: '2026-11-20',
        approvalDocument: '浙市监人〔2026〕12号',
        issuers: ['amr', 'hrss'],
        issuedAt: '2026-11-27T02:00:00.000Z',
        status: 'VALID',
        revocation: null,
      });
      expect(JSON.stringify(response.body)).not.toContain(ID.slice(3, 14));
    });

    it('sends an ETag, a short Cache-Control and open CORS; If-None-Match gets 304', async () => {
      const first = await get(`/api/v1/registry/certificates/${certificateNo}`, { origin: 'https://hr.example.com' });
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect(first.headers.get('cache-control')).toBe('public, max-age=60');
      expect(first.headers.get('access-control-allow-origin')).toBe('*');
      const again = await get(`/api/v1/registry/certificates/${certificateNo}`, { 'if-none-match': etag as string });
      expect(again.status).toBe(304);
      expect(again.body).toBe('');
    });

    it('answers a CORS preflight for the registry, and keeps the rest of the API closed', async () => {
      const preflight = await fetch(`${t.baseUrl}/api/v1/registry/certificates/${certificateNo}`, {
        method: 'OPTIONS',
        headers: { origin: 'https://hr.example.com', 'access-control-request-method': 'GET' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
      const verification = await api(t, 'POST', '/api/v1/verifications', { token: 'x' }, undefined, {
        origin: 'https://hr.example.com',
      });
      expect(verification.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('shows REVOKED from the status column (revocation details once the revocation module lands)', async () => {
      await t.dataSource.query(`UPDATE certificates SET status = 'REVOKED' WHERE certificate_no = '${seniorNo}'`);
      try {
        const response = await get(`/api/v1/registry/certificates/${seniorNo}`);
        expect(response.body).toMatchObject({
          certificateNo: seniorNo,
          status: 'REVOKED',
          level: 'senior',
          levelName: '高级工程师',
          specialtyName: '质量',
        });
        expect(response.body).toHaveProperty('revocation');
      } finally {
        await t.dataSource.query(`UPDATE certificates SET status = 'VALID' WHERE certificate_no = '${seniorNo}'`);
      }
    });

    it('shows a revocation decided by both authorities, and the status on a date', async () => {
      const { certificateNo: revokedNo } = await issueAndRevoke(t, issuerToken);
      const response = await get(`/api/v1/registry/certificates/${revokedNo}`);
      expect(response.body).toMatchObject({
        status: 'REVOKED',
        revocation: {
          revokedOn: REVOCATION.date,
          reasonCategory: REVOCATION.reasonCategory,
          reasonCategoryName: REVOCATION.reasonCategoryName,
          decisionDocument: REVOCATION.decisionDocument,
        },
      });
      expect((await get(`/api/v1/registry/certificates/${revokedNo}?at=2026-11-27`)).body.status).toBe('REVOKED');
      const before = await get(`/api/v1/registry/certificates/${revokedNo}?at=2026-11-26`);
      expect([before.status, before.body.code]).toEqual([404, 'CERTIFICATE_NOT_FOUND']);
      const badDate = await get(`/api/v1/registry/certificates/${revokedNo}?at=27.11.2026`);
      expect([badDate.status, badDate.body.code]).toEqual([400, 'DATE_INVALID']);
      const page = await (await fetch(`${t.baseUrl}/v/${revokedNo}`)).text();
      for (const part of ['已撤销', '2026年11月27日撤销', REVOCATION.reasonCategoryName, REVOCATION.decisionDocument])
        expect(page).toContain(part);
    });

    it.each([
      ['an unknown number', '/api/v1/registry/certificates/ZJZ2026999999', 404, 'CERTIFICATE_NOT_FOUND'],
      ['a malformed number', '/api/v1/registry/certificates/ZJX2026000001', 400, 'CERTIFICATE_NO_INVALID'],
      ['a lowercase number', '/api/v1/registry/certificates/zjz2026000001', 400, 'CERTIFICATE_NO_INVALID'],
      ['an overlong number', `/api/v1/registry/certificates/ZJZ${'1'.repeat(20)}`, 400, 'CERTIFICATE_NO_INVALID'],
    ])('answers %s with 4xx and a code', async (_label, path, status, code) => {
      const response = await get(path);
      expect([response.status, response.body.code]).toEqual([status, code]);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
    });
  });

  describe('by name and ID number', () => {
    const search = (query: string) => get(`/api/v1/registry/certificates?${query}`);
    const q = (name: string, idNumber: string) =>
      `name=${encodeURIComponent(name)}&idNumber=${encodeURIComponent(idNumber)}`;

    it('lists every certificate of the holder, newest evaluation year first, never the full ID number', async () => {
      const response = await search(q('张三', ID));
      expect(response.status).toBe(200);
      expect(response.body.map((c: { certificateNo: string }) => c.certificateNo)).toEqual([certificateNo, seniorNo]);
      expect(response.body.every((c: { idNumberMasked: string }) => c.idNumberMasked === '330***********1272')).toBe(
        true,
      );
      expect(JSON.stringify(response.body)).not.toContain(ID);
      expect(response.headers.get('cache-control')).toBe('private, max-age=60');
      expect(response.headers.get('etag')).toMatch(/^"/);
    });

    it('matches exactly: another name, or the ID of someone else, finds nothing', async () => {
      for (const query of [q('张', ID), q('张三丰', ID), q('李四', ID), q('张三', makeIdNumber('1985-03-04', 2))]) {
        const response = await search(query);
        expect([response.status, response.body]).toEqual([200, []]);
      }
    });

    it('accepts a lowercase final x', async () => {
      const id = [...Array(200).keys()]
        .map((n) => makeIdNumber('1990-01-01', n + 1))
        .find((candidate) => candidate.endsWith('X')) as string;
      const response = await search(q('王五', id.toLowerCase()));
      expect([response.status, response.body]).toEqual([200, []]);
    });

    it.each([
      ['a name alone', 'name=%E5%BC%A0%E4%B8%89', 400, 'VALIDATION_FAILED'],
      ['an ID number alone', `idNumber=${ID}`, 400, 'VALIDATION_FAILED'],
      ['no parameter (no listing)', '', 400, 'VALIDATION_FAILED'],
      ['an ID number failing its check character', q('张三', '330102198001011273'), 400, 'ID_NUMBER_INVALID'],
      ['an ID number of 17 characters', q('张三', ID.slice(0, 17)), 400, 'ID_NUMBER_INVALID'],
      ['an empty name', q('', ID), 400, 'NAME_INVALID'],
      ['a repeated ID number', `${q('张三', ID)}&idNumber=${makeIdNumber('1985-03-04', 2)}`, 400, 'ID_NUMBER_INVALID'],
      ['an unknown parameter', `${q('张三', ID)}&limit=100`, 400, 'UNKNOWN_FIELD'],
    ])('refuses %s with 400 and a code', async (_label, query, status, code) => {
      const response = await search(query);
      expect([response.status, response.body.code]).toEqual([status, code]);
      expect(JSON.stringify(response.body)).not.toContain('330102198001011273');
      expect(JSON.stringify(response.body)).not.toContain(ID);
    });
  });

  it('puts helmet headers and a strict CSP on API responses', async () => {
    const response = await get(`/api/v1/registry/certificates/${certificateNo}`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
  });

  it('is described in the OpenAPI document', async () => {
    const json = await get('/docs-json');
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/registry/certificates', '/api/v1/registry/certificates/{certificateNo}']),
    );
  });
});
