import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { api, officer, startTestApp, TestApp } from '../support/test-app';
import { ensureBuilt, screenshotPath } from './chromium';
import { OfficeBrowsers, signInOn } from './office-session';

/** The office console (/office) in Debian's chromium: sign-in, the role menu, issuance and lookup. */
describe('office console in a browser (e2e)', () => {
  let t: TestApp;
  let browsers: OfficeBrowsers;
  let page: Page;

  beforeAll(async () => {
    ensureBuilt();
    t = await startTestApp();
    await officer(t, 'amr-issuer', 'amr', ['issuer']);
    browsers = new OfficeBrowsers(t);
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    page = await browsers.newPage();
  });
  afterEach(async () => browsers.closeAll());

  async function signIn(username: string): Promise<void> {
    await signInOn(page, t.baseUrl, username);
    await page.waitForURL(/\/office\/certificates$/);
  }

  const formItem = (label: string) =>
    page.locator('.el-form-item').filter({ has: page.getByText(label, { exact: true }) });

  async function choose(label: string, option: string): Promise<void> {
    await formItem(label).locator('.el-select').click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  async function fillIssuance(idNumber: string): Promise<void> {
    await page.locator('input[name="name"]').fill('张三');
    await page.locator('input[name="idNumber"]').fill(idNumber);
    await page.locator('input[name="employer"]').fill('浙江省计量科学研究院');
    await choose('资格名称', '正高级工程师');
    await choose('专业', '计量');
    await formItem('评审通过日期').locator('input').fill('2026-11-20');
    await formItem('评审通过日期').locator('input').press('Enter');
    await page.locator('input[name="approvalDocument"]').fill('浙市监人〔2026〕12号');
  }

  it('signs an issuer in, shows the field error under 身份证号, issues, finds the certificate and keeps the session on reload', async () => {
    await signIn('amr-issuer');
    // An issuer sees 证书, and 评审 (where it issues a round's certificates); nothing else.
    expect(await page.locator('.el-menu-item').allInnerTexts()).toEqual(['证书', '评审']);
    // The session lives in an HttpOnly cookie, out of JavaScript's reach.
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([
      0,
      0,
      '',
    ]);

    await page.getByRole('button', { name: '签发证书' }).click();
    // An empty form names every field to fill at once, and sends nothing.
    await page.getByRole('button', { name: '签发', exact: true }).click();
    await expect(formItem('姓名').locator('.el-form-item__error').innerText()).resolves.toBe('请填写姓名。');
    await expect(formItem('批准文号').locator('.el-form-item__error').innerText()).resolves.toBe('请填写批准文号。');
    expect(await page.locator('.el-form-item__error').count()).toBe(7);
    await fillIssuance('330102198001011273'); // check digit off by one
    await page.getByRole('button', { name: '签发', exact: true }).click();
    // Waited for by its text: the empty-form message under the field may still be fading out.
    await formItem('身份证号').locator('.el-form-item__error', { hasText: '身份证号无效' }).waitFor();
    await page.screenshot({ path: screenshotPath('office-issue-id-error') });

    await page.locator('input[name="idNumber"]').fill('330102198001011272');
    await page.getByRole('button', { name: '签发', exact: true }).click();
    await page.waitForURL(/\/office\/certificates\/ZJZ\d+$/);
    const certificateNo = page.url().split('/').pop() ?? '';

    await page.goto(`${t.baseUrl}/office/certificates`);
    await page.locator('input[name="certificateNo"]').fill(certificateNo.toLowerCase());
    await page.getByRole('button', { name: '查询' }).click();
    const details = page.locator('.el-descriptions');
    await details.getByText('浙江省计量科学研究院').waitFor();
    for (const text of [
      certificateNo,
      '有效',
      '张三',
      '330102198001011272',
      '正高级工程师',
      '计量',
      '浙市监人〔2026〕12号',
    ])
      expect(await details.innerText()).toContain(text);
    await page.screenshot({ path: screenshotPath('office-certificate-detail') });

    const download = page.waitForEvent('download');
    await page.getByText('下载 PDF').click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe(`职称证书-${certificateNo}.pdf`);
    expect(
      readFileSync(await saved.path())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');

    // A refusal is shown in the officer's words, not saved as a file (a renderer at capacity here).
    await page.route('**/api/v1/certificates/*/pdf', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ code: 'PDF_BUSY', message: 'Too many PDFs are being rendered; try again shortly.' }),
      }),
    );
    await page.getByText('下载 PDF').click();
    await page.getByText('PDF 生成繁忙，请稍后再试。').waitFor();
    await page.unroute('**/api/v1/certificates/*/pdf');

    await page.reload();
    await details.getByText('浙江省计量科学研究院').waitFor();
    expect(page.url()).toBe(`${t.baseUrl}/office/certificates/${certificateNo}`);
    expect(await page.locator('.el-header').innerText()).toContain('amr-issuer');

    // The same holder, level and year with another employer: refused in the officer's words,
    // naming the certificate that stands (the service's English never reaches the screen).
    await page.goto(`${t.baseUrl}/office/certificates`);
    await page.getByRole('button', { name: '签发证书' }).click();
    await fillIssuance('330102198001011272');
    await page.locator('input[name="employer"]').fill('浙江省特种设备科学研究院');
    await page.getByRole('button', { name: '签发', exact: true }).click();
    const refusal = page.getByText('该持证人本年度此资格已有证书，且登记信息与本次不同。');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain(`（证书编号 ${certificateNo}）`);
    expect(await page.locator('.office-page').innerText()).not.toMatch(/already has|different details/);
  });

  it('refuses a screen the officer may not use, even typed as an address: 无权访问 and a link home', async () => {
    await signIn('amr-issuer');
    await page.goto(`${t.baseUrl}/office/officers`);
    await page.getByText('无权访问').waitFor();
    await page.screenshot({ path: screenshotPath('office-forbidden') });
    await page.getByRole('link', { name: '返回首页' }).click();
    await page.waitForURL(/\/office\/certificates$/);
  });

  it('sends an officer without a session to 登录, and back to the typed address after signing in', async () => {
    await page.goto(`${t.baseUrl}/office/certificates/new`);
    await page.waitForURL(/\/office\/login\?next=/);
    await page.screenshot({ path: screenshotPath('office-login') });
    await page.locator('input[name="username"]').fill('amr-issuer');
    await page.locator('input[name="password"]').fill('wrong password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('用户名或密码不正确').waitFor();
    await page.locator('input[name="password"]').fill('pw-amr-issuer-correct-horse');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/office\/certificates\/new$/);
  });

  it('serves the console under the strict policy: index.html never cached, hashed assets immutable', async () => {
    const index = await fetch(`${t.baseUrl}/office/certificates/ZJZ2026000001`);
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-store');
    const policy = index.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self';");
    const asset = /\/office\/assets\/[\w-]+\.js/.exec(await index.text())?.[0] ?? 'missing';
    const script = await fetch(`${t.baseUrl}${asset}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // Read to the end: an unread megabyte holds the server's response (and its close) open.
    expect((await script.arrayBuffer()).byteLength).toBeGreaterThan(0);
    expect((await api(t, 'GET', '/office/assets/none.js')).status).toBe(404);
  });
});
