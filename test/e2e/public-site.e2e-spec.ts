import { issueAndRevoke, REVOCATION } from '../browser/revocation-steps';
import { issuanceRequest } from '../support/builders';
import { requestPdf } from '../support/pdf-tools';
import { api, officer, startTestApp, TestApp } from '../support/test-app';

/**
 * The public site over HTTP: the landing page, one layout for every page, and the holder's
 * download as a plain form post (no JavaScript), answered with the API's PDF or a Chinese page.
 */
const HOLDER = { certificateNo: 'ZJZ2026000001', name: '张三', idNumber: '330102198001011272' };
const NOW = new Date('2026-11-27T02:00:00Z');

interface FormResponse {
  status: number;
  headers: Headers;
  bytes: Buffer;
  text: string;
}

/** Posts the download form as a browser does: application/x-www-form-urlencoded. */
async function postForm(t: TestApp, path: string, fields: Record<string, string>): Promise<FormResponse> {
  const response = await fetch(`${t.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: bytes.toString('utf8') };
}

/** The verdict card of a page: what it says, without the re-filled form. */
const verdictOf = (html: string): string => /<section class="card result">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';

async function issueOne(t: TestApp): Promise<string> {
  const issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
  expect((await api(t, 'POST', '/api/v1/certificates', issuanceRequest(), issuer.token)).status).toBe(201);
  return issuer.token;
}

describe('public site (e2e)', () => {
  let t: TestApp;
  let issuerToken: string;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    issuerToken = await issueOne(t);
  });
  afterAll(async () => t.close());

  it('serves a landing page that links every service and names both authorities, AMR first', async () => {
    const home = await fetch(`${t.baseUrl}/`);
    const html = await home.text();
    expect([home.status, home.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect(html).toContain('<title>浙江省质量技术基础专业职称电子证书</title>');
    for (const link of ['href="/v"', 'href="/download"', 'href="/notices"', 'href="/docs"'])
      expect(html).toContain(link);
    for (const name of ['证书查验', '证书下载', '违纪处理公示', '接口说明']) expect(html).toContain(name);
    const intro = html.indexOf('联合颁发');
    expect(html.lastIndexOf('浙江省市场监督管理局', intro)).toBeLessThan(
      html.lastIndexOf('浙江省人力资源和社会保障厅', intro),
    );
    expect(html).not.toMatch(/<script|<style|\sstyle=|\son\w+=/);
  });

  it('gives every public page the one stylesheet and header, marking the current section', async () => {
    const pages: Array<[string, string]> = [
      ['/', ''],
      ['/v', '/v'],
      [`/v/${HOLDER.certificateNo}`, '/v'],
      ['/download', '/download'],
      ['/notices', '/notices'],
    ];
    for (const [path, current] of pages) {
      const html = await (await fetch(`${t.baseUrl}${path}`)).text();
      expect(html).toContain('<link rel="stylesheet" href="/v/assets/site.css">');
      expect(html).toContain('<nav class="site-nav" aria-label="栏目">');
      expect(html).not.toContain('{{');
      const marked = /href="([^"]+)" aria-current="page"/.exec(html)?.[1] ?? '';
      expect([path, marked]).toEqual([path, current]);
    }
    expect((await fetch(`${t.baseUrl}/notices.css`)).status).toBe(404);
  });

  it('answers the download form with the same signed PDF and file name as the API', async () => {
    const page = await postForm(t, '/download', HOLDER);
    const fromApi = await requestPdf(t, 'POST', '/api/v1/holder/certificate-pdf', HOLDER);
    expect([page.status, page.headers.get('content-type'), page.headers.get('cache-control')]).toEqual([
      200,
      'application/pdf',
      'no-store',
    ]);
    expect(page.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(page.headers.get('content-disposition')).toBe(fromApi.headers.get('content-disposition'));
    expect(page.bytes.equals(fromApi.bytes)).toBe(true);
  });

  it('says not found in the same words whichever field was wrong, and never shows the ID number', async () => {
    const attempts = [
      { ...HOLDER, name: '张四' },
      { ...HOLDER, certificateNo: 'ZJZ2026999999' },
      { ...HOLDER, idNumber: '330102198001011280' },
    ];
    const pages = await Promise.all(attempts.map((fields) => postForm(t, '/download', fields)));
    expect(pages.map((p) => p.status)).toEqual([404, 404, 404]);
    expect(verdictOf(pages[0].text)).toContain('未找到证书');
    expect(pages.map((p) => verdictOf(p.text))).toEqual(Array(3).fill(verdictOf(pages[0].text)));
    for (const [i, p] of pages.entries()) {
      expect(p.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(p.text).not.toContain(attempts[i].idNumber);
      // The form comes back with number and name, the ID number field empty.
      expect(p.text).toContain(`value="${attempts[i].certificateNo}"`);
      expect(p.text).toContain(`value="${attempts[i].name}"`);
      expect(p.text).toMatch(/name="idNumber" value=""/);
    }
  });

  it('says 已撤销 with the date and the decision for a revoked certificate', async () => {
    const { certificateNo } = await issueAndRevoke(t, issuerToken);
    const [holder] = await t.dataSource.query<Array<{ id_number: string }>>(
      `SELECT id_number FROM certificates WHERE certificate_no = '${certificateNo}'`,
    );
    const page = await postForm(t, '/download', { certificateNo, name: '李四', idNumber: holder.id_number });
    expect(page.status).toBe(410);
    const verdict = verdictOf(page.text);
    for (const part of ['已撤销', '2026年11月27日撤销', REVOCATION.decisionDocument, REVOCATION.reasonCategoryName])
      expect(verdict).toContain(part);
    expect(page.text).not.toContain(holder.id_number);
  });

  it('shows the notices in the site layout, saying 撤销 and writing dates in Chinese', async () => {
    const html = await (await fetch(`${t.baseUrl}/notices`)).text();
    expect(html).toContain('违纪处理结果公示');
    expect(html).toContain(`${REVOCATION.decisionDocument}（2026年11月27日）`);
    expect(html).toContain('撤销资格');
    expect(html).not.toContain('取消资格');
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('says why a name with an invisible character cannot match, and gives the form back without it', async () => {
    const page = await postForm(t, '/download', { ...HOLDER, name: '张\u200b三' });
    expect(page.status).toBe(400);
    expect(verdictOf(page.text)).toContain('U+200B');
    expect(/id="download-name" name="name" value="([^"]*)"/.exec(page.text)?.[1]).toBe('张三');
    // Sent again as shown, the form matches and downloads.
    const again = await postForm(t, '/download', { ...HOLDER, name: '张三' });
    expect([again.status, again.headers.get('content-type')]).toEqual([200, 'application/pdf']);
  });

  it('says a form that is not UTF-8, raw or percent-encoded, holds unreadable characters (400 page), not "not found"', async () => {
    const fields = `certificateNo=${HOLDER.certificateNo}&idNumber=${HOLDER.idNumber}`;
    for (const body of [Buffer.from(`${fields}&name=\xff`, 'latin1'), Buffer.from(`${fields}&name=%FF`)]) {
      const response = await fetch(`${t.baseUrl}/download`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      const html = await response.text();
      expect([response.status, response.headers.get('content-type')]).toEqual([400, 'text/html; charset=utf-8']);
      expect(verdictOf(html)).toContain('提交内容有误');
      expect(verdictOf(html)).toContain('不是 UTF-8 编码');
    }
  });

  it.each([
    ['GET', '/notices/', 404, '违纪处理结果公示'],
    ['GET', '/download/', 404, '证书下载'],
    ['GET', '/v/ZJZ2026000001/x', 404, '按证书编号查询'],
    ['POST', '/v', 405, '按证书编号查询'],
    ['DELETE', '/download', 405, '证书下载'],
  ])(
    'answers %s %s, which no page route takes, with a Chinese page (%d), not JSON',
    async (method, path, status, section) => {
      const response = await fetch(`${t.baseUrl}${path}`, { method });
      const html = await response.text();
      expect([response.status, response.headers.get('content-type')]).toEqual([status, 'text/html; charset=utf-8']);
      expect(html).toContain('<html lang="zh-CN">');
      expect(html).toContain(section);
      expect(html).not.toContain('ROUTE_NOT_FOUND');
      expect(html).toContain(status === 404 ? '页面不存在' : '无法处理该请求');
      if (status === 405) expect(response.headers.get('allow')).toMatch(/GET/);
    },
  );

  it('reads the number and ID number as typed on a phone: full-width, spaced, lowercase', async () => {
    const typed = {
      certificateNo: 'ｚｊｚ２０２６ ０００００１',
      name: HOLDER.name,
      idNumber: '３３０１０２１９８００１０１１２７２',
    };
    const page = await postForm(t, '/download', typed);
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    // The API reads them the same way (one normalisation, common/text-input.ts).
    const api = await requestPdf(t, 'POST', '/api/v1/holder/certificate-pdf', typed);
    expect(api.status).toBe(200);
  });

  it('refuses a form body on every other route with 415, and an oversized form', async () => {
    for (const path of ['/api/v1/holder/certificate-pdf', '/api/v1/auth/token', '/api/v1/verifications']) {
      const refused = await postForm(t, path, HOLDER);
      expect([path, refused.status, JSON.parse(refused.text).code]).toEqual([path, 415, 'UNSUPPORTED_MEDIA_TYPE']);
    }
    const oversized = await postForm(t, '/download', { ...HOLDER, padding: 'x'.repeat(8 * 1024) });
    expect(oversized.status).toBe(413);
  });
});

describe('public site download throttle (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    await issueOne(t);
  });
  afterAll(async () => t.close());

  it('counts failed form posts with the API and answers 429 with the wait in Chinese', async () => {
    // An incomplete form is not a lookup: said at once, and not counted (else 10 of them would block).
    for (let i = 0; i < 11; i++) {
      const incomplete = await postForm(t, '/download', {
        certificateNo: HOLDER.certificateNo,
        name: '',
        idNumber: '',
      });
      expect([incomplete.status, verdictOf(incomplete.text).includes('请填写证书编号、姓名和身份证号码')]).toEqual([
        400,
        true,
      ]);
    }
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await postForm(t, '/download', { ...HOLDER, name: '张四' })).status);
    // The tenth failure through the API: both doors count against one throttle.
    statuses.push((await requestPdf(t, 'POST', '/api/v1/holder/certificate-pdf', { ...HOLDER, name: '张四' })).status);
    expect(statuses).toEqual(Array(10).fill(404));
    const blocked = await postForm(t, '/download', HOLDER);
    expect([blocked.status, blocked.headers.get('content-type')]).toEqual([429, 'text/html; charset=utf-8']);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect(verdictOf(blocked.text)).toContain('尝试次数过多');
    expect(verdictOf(blocked.text)).toMatch(/请(15分钟|14分\d+秒)后再试/);
  });
});
