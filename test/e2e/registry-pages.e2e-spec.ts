import { issuanceRequest } from '../support/builders';
import { api, officer, startTestApp, TEST_DB, TestApp } from '../support/test-app';

const ID = '330102198001011272';

describe('verification pages, security headers and public rate limits (e2e)', () => {
  let t: TestApp;
  let certificateNo: string;

  beforeAll(async () => {
    t = await startTestApp();
    const issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
    certificateNo = (await api(t, 'POST', '/api/v1/certificates', issuanceRequest(), issuer.token)).body.certificateNo;
  });
  afterAll(async () => t.close());

  const page = (path: string) => fetch(`${t.baseUrl}${path}`, { redirect: 'manual' });

  it('serves /v as a zh-CN page with no inline script or style, under a strict CSP', async () => {
    const response = await page('/v');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'",
    ])
      expect(csp).toContain(directive);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    const html = await response.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<script type="module" src="/v/assets/verify.js"></script>');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=|\son\w+=/);
  });

  it('sends the no-JavaScript lookup form on to /v/{no}, tidying what was typed', async () => {
    // Spaces, lowercase, full-width and a zero-width space pasted from a chat.
    const typed = [` ${certificateNo.toLowerCase()} `, `${certificateNo}\u200b`, 'ＺＪＺ' + certificateNo.slice(3)];
    for (const no of typed) {
      const response = await page(`/v?no=${encodeURIComponent(no)}`);
      expect([no, response.status, response.headers.get('location')]).toEqual([no, 303, `/v/${certificateNo}`]);
    }
    // Nothing left once tidied (a zero-width character alone, spaces): the empty form again, not a 404.
    for (const no of ['\u200b', ' ', '\u3000']) {
      const response = await page(`/v?no=${encodeURIComponent(no)}`);
      expect([no, response.status, response.headers.get('location')]).toEqual([no, 200, null]);
    }
  });

  it('renders the registry record at /v/{no} on the server, ID number masked', async () => {
    const response = await page(`/v/${certificateNo}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const text of [
      '有效',
      '张三',
      '330***********1272',
      '浙江省计量科学研究院',
      '正高级工程师',
      '2026年11月20日',
      '浙市监人〔2026〕12号',
    ])
      expect(html).toContain(text);
    expect(html).not.toContain(ID);
    expect(html).not.toContain('{{');
  });

  it('says 已撤销 on the record page of a revoked certificate', async () => {
    await t.dataSource.query(`UPDATE certificates SET status = 'REVOKED'`);
    try {
      const html = await (await page(`/v/${certificateNo}`)).text();
      expect(html).toContain('已撤销');
      expect(html).toContain('verdict-revoked');
    } finally {
      await t.dataSource.query(`UPDATE certificates SET status = 'VALID'`);
    }
  });

  it.each([
    ['an unknown number', '/v/ZJZ2026999999', 404, '未找到该证书'],
    ['a malformed number', '/v/ZJ%3Cb%3E', 400, '证书编号格式不正确'],
  ])('answers %s with an HTML page saying so', async (_label, path, status, text) => {
    const response = await page(path);
    // Not cached like a record: the number may be issued a moment later.
    expect([response.status, response.headers.get('cache-control')]).toEqual([status, 'no-store']);
    const html = await response.text();
    expect(html).toContain(text);
    expect(html).not.toContain('<b>');
  });

  it('lets Swagger UI keep its inline styles, and only there', async () => {
    const response = await page('/docs');
    expect(response.headers.get('content-security-policy')).toContain("style-src 'self' 'unsafe-inline'");
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self';");
  });

  describe('rate limits per client address', () => {
    let limited: TestApp;
    beforeAll(async () => {
      // On PostgreSQL the shared store a deployment may choose, so both stores stay covered.
      limited = await startTestApp({
        databaseUrl: t.databaseUrl,
        env: {
          PUBLIC_RATE_LIMIT_PER_MINUTE: '3',
          ...(TEST_DB === 'postgres' ? { PUBLIC_RATE_LIMIT_STORE: 'database' } : {}),
        },
      });
    });
    afterAll(async () => limited.close());

    it('answers the request past the limit with 429 RATE_LIMITED and Retry-After; verifications count apart', async () => {
      for (let i = 0; i < 3; i++)
        expect((await api(limited, 'GET', `/api/v1/registry/certificates/${certificateNo}`)).status).toBe(200);
      const blocked = await api(limited, 'GET', `/api/v1/registry/certificates/${certificateNo}`);
      expect([blocked.status, blocked.body.code]).toEqual([429, 'RATE_LIMITED']);
      expect(blocked.body.message).toMatch(/at most 3 a minute/);
      const retryAfter = Number(blocked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(blocked.headers.get('access-control-allow-origin')).toBe('*');
      // A person on the page gets a page in Chinese, not the API's JSON.
      const page = await fetch(`${limited.baseUrl}/v/${certificateNo}`);
      expect([page.status, page.headers.get('content-type')]).toEqual([429, 'text/html; charset=utf-8']);
      expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
      const html = await page.text();
      expect(html).toContain('查询过于频繁');
      expect(html).toMatch(/请\d+(秒|分钟|分\d+秒)后再试/);
      expect(html).toContain('<html lang="zh-CN">');
      // The QR landing page (a static shell that checks the signatures in the browser) and the
      // empty download form read nothing: still served.
      const shell = await fetch(`${limited.baseUrl}/v`);
      expect([shell.status, (await shell.text()).includes('verify.js')]).toEqual([200, true]);
      expect((await fetch(`${limited.baseUrl}/download`)).status).toBe(200);

      for (let i = 0; i < 3; i++)
        expect((await api(limited, 'POST', '/api/v1/verifications', { token: 'x' })).status).toBe(200);
      expect((await api(limited, 'POST', '/api/v1/verifications', { token: 'x' })).status).toBe(429);
    });

    it('counts the notices (page and API) and the status list against the lookup budget', async () => {
      const proxied = await startTestApp({
        databaseUrl: t.databaseUrl,
        env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: 'true' },
      });
      try {
        const paths = ['/notices', '/api/v1/notices', '/api/v1/status-lists/1'];
        for (const [i, path] of paths.entries()) {
          // Each path from its own client address, so that each starts with a whole budget.
          const from = { 'x-forwarded-for': `203.0.113.${10 + i}` };
          for (let n = 0; n < 2; n++)
            expect([path, (await api(proxied, 'GET', path, undefined, undefined, from)).status]).toEqual([path, 200]);
          const blocked = await api(proxied, 'GET', path, undefined, undefined, from);
          if (path.startsWith('/api/'))
            expect([path, blocked.status, blocked.body.code]).toEqual([path, 429, 'RATE_LIMITED']);
          else {
            expect([path, blocked.status, blocked.headers.get('content-type')]).toEqual([
              path,
              429,
              'text/html; charset=utf-8',
            ]);
            expect(blocked.body).toContain('违纪处理结果');
            expect(blocked.body).toContain('本设备在短时间内查询次数过多');
          }
          expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
          expect(
            (await api(proxied, 'GET', `/api/v1/registry/certificates/${certificateNo}`, undefined, undefined, from))
              .status,
          ).toBe(429);
        }
        expect(
          (await api(proxied, 'GET', '/api/v1/notices', undefined, undefined, { 'x-forwarded-for': '203.0.113.20' }))
            .status,
        ).toBe(200);
      } finally {
        await proxied.close();
      }
    });

    it('leaves the other endpoints to their own limits', async () => {
      for (let i = 0; i < 5; i++) expect((await api(limited, 'GET', '/api/v1/health')).status).toBe(200);
      expect((await api(limited, 'GET', '/.well-known/jwks.json')).status).toBe(200);
    });
  });
});
