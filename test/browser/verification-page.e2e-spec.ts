import * as QRCode from 'qrcode';
import { issuanceRequest } from '../support/builders';
import { decodeQrCodes } from '../support/pdf-tools';
import { api, bypassAuditTriggers, officer, startTestApp, TestApp } from '../support/test-app';
import { ensureBuilt, openPhone, Phone, screenshotPath } from './chromium';
import { issueAndRevoke, REVOCATION } from './revocation-steps';

/**
 * The page the QR code opens, in Debian's chromium on a phone-sized screen: the browser runs
 * the server's own verifier (bundled) against the published keys, then asks the registry.
 */
describe('verification page in a browser (e2e)', () => {
  let t: TestApp;
  let token: string;
  let certificateNo: string;
  let phone: Phone;
  let issuerToken: string;

  beforeAll(async () => {
    ensureBuilt();
    t = await startTestApp();
    issuerToken = (await officer(t, 'amr-issuer', 'amr', ['issuer'])).token;
    certificateNo = (await api(t, 'POST', '/api/v1/certificates', issuanceRequest(), issuerToken)).body.certificateNo;
    token = (
      await t.dataSource.query<Array<{ qr_token: string }>>(
        `SELECT qr_token FROM certificates WHERE certificate_no = '${certificateNo}'`,
      )
    )[0].qr_token;
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    phone = await openPhone({ now: t.clock.now() });
  });
  afterEach(async () => {
    // Close first: a failed expectation must not leave a browser running.
    await phone.close();
    expect(phone.problems).toEqual([]);
  });

  const title = () => phone.page.locator('#verdict-title');
  const detail = () => phone.page.locator('#verdict-detail');
  const open = (fragment: string) => phone.page.goto(`${t.baseUrl}/v#${fragment}`);

  it('says 有效 for a genuine token, within a second, with the fields and both signatures', async () => {
    const started = performance.now();
    await open(token);
    await title()
      .filter({ hasText: /^有效$/ })
      .waitFor({ timeout: 10_000 });
    const elapsed = Math.round(performance.now() - started);
    console.log(`有效 shown ${elapsed} ms after navigation`);
    expect(elapsed).toBeLessThan(3000);
    const fields = await phone.page.locator('#fields').innerText();
    for (const text of [
      certificateNo,
      '张三',
      '正高级工程师',
      '计量',
      '2026年11月20日',
      '330***********1272',
      '浙江省计量科学研究院',
      '浙市监人〔2026〕12号',
    ])
      expect(fields).toContain(text);
    expect(fields).not.toContain('330102198001011272');
    const signatures = await phone.page.locator('.signature').allInnerTexts();
    expect(signatures).toEqual([
      expect.stringMatching(/浙江省市场监督管理局\s*签名有效/),
      expect.stringMatching(/浙江省人力资源和社会保障厅\s*签名有效/),
    ]);
    await phone.page.screenshot({ path: screenshotPath('verify-valid'), fullPage: true });
  });

  it('verifies the transparency log in the browser and says 已公开登记 with the log index', async () => {
    await open(token);
    await phone.page.locator('#checked-at').filter({ hasText: '已公开登记' }).waitFor({ timeout: 10_000 });
    expect(await phone.page.locator('#checked-at').innerText()).toContain('已公开登记（登记序号 0）');
    expect(await title().innerText()).toBe('有效');
  });

  it('says 无效 for a certificate the transparency log does not hold (未公开登记)', async () => {
    const issued = await api(
      t,
      'POST',
      '/api/v1/certificates',
      issuanceRequest({}, { idNumber: '11010519491231002X', gender: '女' }),
      issuerToken,
    );
    const [row] = await t.dataSource.query<Array<{ qr_token: string }>>(
      `SELECT qr_token FROM certificates WHERE certificate_no = '${issued.body.certificateNo as string}'`,
    );
    await bypassAuditTriggers(t.dataSource, async (sql) => {
      await sql(`DELETE FROM transparency_log_entries WHERE certificate_no = '${issued.body.certificateNo as string}'`);
    });
    await open(row.qr_token);
    await title()
      .filter({ hasText: /^无效$/ })
      .waitFor({ timeout: 10_000 });
    expect(await detail().innerText()).toContain('未公开登记');
  });

  it('says 无效 for a tampered token and names the signature that failed', async () => {
    const [first, second] = token.split('~');
    const signature = second.split('..')[1];
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    await open(`${first}~${second.split('..')[0]}..${flipped}`);
    await title()
      .filter({ hasText: /^无效$/ })
      .waitFor();
    expect(await detail().innerText()).toContain('浙江省人力资源和社会保障厅的电子签名验证失败');
    expect(await phone.page.locator('.signature-invalid').innerText()).toContain('浙江省人力资源和社会保障厅');
    expect(await phone.page.locator('.signature-valid').innerText()).toContain('浙江省市场监督管理局');
    expect(await phone.page.locator('#fields').innerText()).toBe('');
    await phone.page.screenshot({ path: screenshotPath('verify-tampered'), fullPage: true });
  });

  it('says 无效 for a signature by a key that is not published', async () => {
    const [first, second] = token.split('~');
    const header = JSON.parse(Buffer.from(second.split('.')[0], 'base64url').toString()) as Record<string, string>;
    const forgedHeader = Buffer.from(
      JSON.stringify({ ...header, kid: 'not-a-published-key-000000000000000000000' }),
    ).toString('base64url');
    await open(`${first}~${forgedHeader}..${second.split('..')[1]}`);
    await title()
      .filter({ hasText: /^无效$/ })
      .waitFor();
    expect(await detail().innerText()).toContain('第 2 个电子签名使用的密钥不是发证机关公布的密钥');
  });

  it('says 已撤销 for a certificate revoked by both authorities, with date, reason and decision', async () => {
    const revoked = await issueAndRevoke(t, issuerToken);
    await open(revoked.token);
    await title()
      .filter({ hasText: /^已撤销$/ })
      .waitFor();
    const text = await detail().innerText();
    for (const part of ['2026年11月27日撤销', REVOCATION.reasonCategoryName, REVOCATION.decisionDocument])
      expect(text).toContain(part);
    expect(await phone.page.locator('.signature-valid').count()).toBe(2);
    await phone.page.screenshot({ path: screenshotPath('verify-revoked'), fullPage: true });
  });

  it('with the status request blocked: signatures valid, status unknown, and when it was last known', async () => {
    await open(token);
    await title()
      .filter({ hasText: /^有效$/ })
      .waitFor();
    // Offline now: the registry and even the key set are out of reach; the keys come from localStorage.
    await phone.page.route('**/api/v1/**', (route) => route.abort('internetdisconnected'));
    await phone.page.route('**/.well-known/jwks.json', (route) => route.abort('internetdisconnected'));
    await phone.page.reload();
    await title().filter({ hasText: '签名有效，状态未知' }).waitFor();
    expect(await detail().innerText()).toMatch(
      /暂时无法连接登记系统.*本设备上次于 \d{4}年\d+月\d+日 \d\d:\d\d 查询时，状态为“有效”/s,
    );
    expect(await phone.page.locator('.signature-valid').count()).toBe(2);
    expect(await phone.page.locator('#checked-at').innerText()).toContain('保存的公钥');
    await phone.page.screenshot({ path: screenshotPath('verify-status-unknown'), fullPage: true });
  });

  it('says status unknown, with no earlier answer, when the very first status requests are blocked', async () => {
    await phone.page.route('**/api/v1/verifications', (route) => route.abort());
    await phone.page.route('**/api/v1/status-lists/**', (route) => route.abort());
    await open(token);
    await title().filter({ hasText: '签名有效，状态未知' }).waitFor();
    expect(await detail().innerText()).toContain('本设备没有该证书此前的查询记录');
  });

  it('with only the registry out of reach, a revoked certificate shows 已撤销 from the status list', async () => {
    const revoked = await issueAndRevoke(t, issuerToken, 12);
    await phone.page.route('**/api/v1/verifications', (route) => route.abort());
    await open(revoked.token);
    await title()
      .filter({ hasText: /^已撤销$/ })
      .waitFor();
    expect(await detail().innerText()).toContain('证书状态列表');
  });

  it('with only the registry out of reach, answers from the signed status list and says its age', async () => {
    await phone.page.route('**/api/v1/verifications', (route) => route.abort());
    await open(token);
    await title()
      .filter({ hasText: /^有效$/ })
      .waitFor();
    expect(await detail().innerText()).toMatch(
      /暂时无法连接登记系统；根据两个发证机关于 \d{4}年\d+月\d+日 \d\d:\d\d 发布的证书状态列表（.+），该证书未被撤销/,
    );
    await phone.page.screenshot({ path: screenshotPath('verify-from-status-list'), fullPage: true });
  });

  it('verifies from a photo of the QR code chosen as a file', async () => {
    const png = await QRCode.toBuffer(`https://zs.example.test/v#${token}`, {
      errorCorrectionLevel: 'M',
      margin: 4,
      scale: 6,
    });
    await phone.page.goto(`${t.baseUrl}/v`);
    // The script offers the chooser (the template hides it for browsers without JavaScript).
    await phone.page.locator('#file-card').waitFor({ state: 'visible' });
    await phone.page.screenshot({ path: screenshotPath('verify-start'), fullPage: true });
    await phone.page.setInputFiles('#file-input', { name: 'qr.png', mimeType: 'image/png', buffer: png });
    await title()
      .filter({ hasText: /^有效$/ })
      .waitFor();
    expect(await phone.page.locator('#file-status').innerText()).toContain('已识别二维码');
  });

  describe('the downloaded certificate PDF', () => {
    let pdf: Buffer;
    beforeAll(async () => {
      const response = await fetch(`${t.baseUrl}/api/v1/holder/certificate-pdf`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ certificateNo, name: '张三', idNumber: '330102198001011272' }),
      });
      expect(response.status).toBe(200);
      pdf = Buffer.from(await response.arrayBuffer());
    });

    it('its QR, scanned, opens the page that says 有效', async () => {
      const [url] = await decodeQrCodes(pdf);
      expect(url).toBe(`https://zs.example.test/v#${token}`);
      await phone.page.goto(url.replace('https://zs.example.test', t.baseUrl));
      await title()
        .filter({ hasText: /^有效$/ })
        .waitFor();
    });

    it('chosen as a file on a desk computer, is read in the browser and verified', async () => {
      await phone.page.setViewportSize({ width: 1280, height: 900 });
      await phone.page.goto(`${t.baseUrl}/v`);
      await phone.page.setInputFiles('#file-input', {
        name: 'certificate.pdf',
        mimeType: 'application/pdf',
        buffer: pdf,
      });
      await title()
        .filter({ hasText: /^有效$/ })
        .waitFor({ timeout: 20_000 });
      await phone.page.screenshot({ path: screenshotPath('verify-from-pdf-desktop'), fullPage: true });
    });
  });

  it('looks up a certificate by number, and renders it without JavaScript', async () => {
    const noScript = await openPhone({ now: t.clock.now(), javaScriptEnabled: false });
    try {
      await noScript.page.goto(`${t.baseUrl}/v`);
      // Reading a chosen file needs the script: without it the chooser is not offered.
      expect(await noScript.page.locator('#file-card').isVisible()).toBe(false);
      await noScript.page.fill('#lookup-no', ` ${certificateNo.toLowerCase()} `);
      await noScript.page.click('button[type=submit]');
      await noScript.page.waitForURL(`${t.baseUrl}/v/${certificateNo}`);
      expect(await noScript.page.locator('#verdict-title').innerText()).toBe('有效');
      expect(await noScript.page.locator('#fields').innerText()).toContain('330***********1272');
      await noScript.page.screenshot({ path: screenshotPath('record-no-javascript'), fullPage: true });
    } finally {
      await noScript.close();
    }
  });
});
