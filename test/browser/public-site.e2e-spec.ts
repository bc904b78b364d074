import { readFileSync } from 'node:fs';
import { issuanceRequest } from '../support/builders';
import { api, officer, startTestApp, TestApp } from '../support/test-app';
import { ensureBuilt, openPhone, Phone, screenshotPath } from './chromium';
import { issueAndRevoke, REVOCATION } from './revocation-steps';

/**
 * The public site in Debian's chromium on a phone-sized screen: the landing page's links, and
 * the holder's download with JavaScript switched off (the form alone must do it).
 */
const HOLDER = { certificateNo: 'ZJZ2026000001', name: '张三', idNumber: '330102198001011272' };
const DESK = { width: 1366, height: 768 };

describe('public site in a browser (e2e)', () => {
  let t: TestApp;
  let phone: Phone;
  let revoked: { certificateNo: string; idNumber: string };

  beforeAll(async () => {
    ensureBuilt();
    t = await startTestApp({ now: new Date('2026-11-27T02:00:00Z') });
    const issuerToken = (await officer(t, 'amr-issuer', 'amr', ['issuer'])).token;
    expect((await api(t, 'POST', '/api/v1/certificates', issuanceRequest(), issuerToken)).status).toBe(201);
    const { certificateNo } = await issueAndRevoke(t, issuerToken);
    const [row] = await t.dataSource.query<Array<{ id_number: string }>>(
      `SELECT id_number FROM certificates WHERE certificate_no = '${certificateNo}'`,
    );
    revoked = { certificateNo, idNumber: row.id_number };
  });
  afterAll(async () => t.close());
  afterEach(async () => {
    // Close first: a failed expectation must not leave a browser running.
    await phone.close();
    expect(phone.problems).toEqual([]);
  });

  /** Fills and sends the download form as a holder does. */
  async function fillDownload(fields: typeof HOLDER): Promise<void> {
    await phone.page.goto(`${t.baseUrl}/download`);
    await phone.page.fill('#download-no', fields.certificateNo);
    await phone.page.fill('#download-name', fields.name);
    await phone.page.fill('#download-id', fields.idNumber);
  }

  it('opens each service from the landing page', async () => {
    phone = await openPhone({ now: t.clock.now() });
    await phone.page.goto(`${t.baseUrl}/`);
    await phone.page.screenshot({ path: screenshotPath('site-home'), fullPage: true });
    const links: Array<[string, string, RegExp]> = [
      ['证书查验', '/v', /查验职称电子证书/],
      ['证书下载', '/download', /下载职称电子证书/],
      ['违纪处理公示', '/notices', /违纪处理结果公示/],
    ];
    for (const [label, path, heading] of links) {
      await phone.page.goto(`${t.baseUrl}/`);
      await phone.page.locator('.services').getByText(label, { exact: true }).click();
      await phone.page.waitForURL(`${t.baseUrl}${path}`);
      expect(await phone.page.locator('h1').innerText()).toMatch(heading);
      // The header marks where the reader is.
      expect(await phone.page.locator('.site-nav-link[aria-current="page"]').innerText()).toBe(label);
    }
    await phone.page.goto(`${t.baseUrl}/`);
    await phone.page.locator('.services').getByText('接口说明', { exact: true }).click();
    await phone.page.waitForURL(/\/docs/);
  });

  it('downloads the PDF without JavaScript', async () => {
    phone = await openPhone({ now: t.clock.now(), javaScriptEnabled: false });
    await fillDownload(HOLDER);
    await phone.page.screenshot({ path: screenshotPath('site-download-form'), fullPage: true });
    const [download] = await Promise.all([
      phone.page.waitForEvent('download'),
      phone.page.click('#download-form button[type=submit]'),
    ]);
    expect(download.suggestedFilename()).toBe('职称证书-ZJZ2026000001.pdf');
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('says not found in Chinese for a wrong name, keeping number and name but not the ID number', async () => {
    phone = await openPhone({ now: t.clock.now(), javaScriptEnabled: false });
    await fillDownload({ ...HOLDER, name: '张四' });
    await phone.page.click('#download-form button[type=submit]');
    await phone.page.waitForURL(`${t.baseUrl}/download`);
    expect(await phone.page.locator('.verdict-title').innerText()).toBe('未找到证书');
    expect(await phone.page.locator('.verdict-detail').innerText()).toContain(
      '证书编号、姓名或身份证号码与登记信息不一致',
    );
    expect(await phone.page.inputValue('#download-no')).toBe(HOLDER.certificateNo);
    expect(await phone.page.inputValue('#download-name')).toBe('张四');
    expect(await phone.page.inputValue('#download-id')).toBe('');
    await phone.page.screenshot({ path: screenshotPath('site-download-not-found'), fullPage: true });
  });

  it('says 已撤销 with the date and decision for a revoked certificate', async () => {
    phone = await openPhone({ now: t.clock.now(), javaScriptEnabled: false });
    await fillDownload({ certificateNo: revoked.certificateNo, name: '李四', idNumber: revoked.idNumber });
    await phone.page.click('#download-form button[type=submit]');
    await phone.page
      .locator('.verdict-title')
      .filter({ hasText: /^已撤销$/ })
      .waitFor();
    const detail = await phone.page.locator('.verdict-detail').innerText();
    for (const part of ['2026年11月27日撤销', REVOCATION.decisionDocument]) expect(detail).toContain(part);
    await phone.page.screenshot({ path: screenshotPath('site-download-revoked'), fullPage: true });
  });

  it('shows the notices in the shared look, on a phone and on a desk', async () => {
    phone = await openPhone({ now: t.clock.now() });
    await phone.page.goto(`${t.baseUrl}/notices`);
    const record = phone.page.locator('.notice-record');
    expect(await record.count()).toBe(1);
    expect(await record.innerText()).toContain('2026年11月27日');
    // The site's masthead colour, not a look of its own.
    const masthead = await phone.page.locator('.masthead').evaluate((el) => getComputedStyle(el).backgroundImage);
    expect(masthead).toContain('rgb(13, 74, 134)');
    const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await phone.page.screenshot({ path: screenshotPath('site-notices'), fullPage: true });
    await phone.page.setViewportSize(DESK);
    for (const path of ['/', '/download', '/notices']) {
      await phone.page.goto(`${t.baseUrl}${path}`);
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(DESK.width);
      await phone.page.screenshot({
        path: screenshotPath(`site-desk${path === '/' ? '-home' : path.replace('/', '-')}`),
      });
    }
  });
});
