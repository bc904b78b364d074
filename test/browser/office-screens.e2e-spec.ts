import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { may, type Capability, type Role } from '../../web/office/src/access';
import { issuanceRequest } from '../support/builders';
import { api, officer, startTestApp, TestApp } from '../support/test-app';
import { ensureBuilt, screenshotPath } from './chromium';
import { OfficeBrowsers } from './office-session';
import { issueAndRevoke } from './revocation-steps';

/** Every capability-guarded screen of the console (web/office/src/router.ts), by a typed address. */
const SCREENS: Array<[path: string, capability: Capability]> = [
  ['/office/certificates', 'certificates'],
  ['/office/certificates/new', 'issue'],
  ['/office/certificates/ZJZ2026000001', 'certificates'],
  ['/office/revocations', 'revocations'],
  ['/office/evaluation', 'evaluation'],
  ['/office/evaluation/rounds/1', 'evaluation'],
  ['/office/audit', 'audit'],
  ['/office/officers', 'officers'],
];
const ROLES: Role[] = ['issuer', 'revoker', 'auditor', 'admin'];

/** The console's 证书 search and detail, 发起恢复 with the other authority's confirmation, and the screen guard. */
describe('office console: search, reinstatement and screen guard (e2e, browser)', () => {
  let t: TestApp;
  let revokedNo: string;
  let validNo: string;
  let browsers: OfficeBrowsers;

  beforeAll(async () => {
    ensureBuilt();
    t = await startTestApp({ now: new Date('2026-11-27T02:00:00Z') });
    const issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
    validNo = (await api(t, 'POST', '/api/v1/certificates', issuanceRequest(), issuer.token)).body
      .certificateNo as string;
    // 李四's certificate, revoked by AMR's proposal and HRSS's confirmation; its revokers are amr-revoker-8, hrss-revoker-8.
    revokedNo = (await issueAndRevoke(t, issuer.token)).certificateNo;
    for (const role of ROLES) await officer(t, `hrss-${role}`, 'hrss', [role]);
    browsers = new OfficeBrowsers(t);
  });
  afterAll(async () => t.close());
  afterEach(async () => browsers.closeAll());

  /** A form item of the tab shown (the hidden tabs' forms stay in the page). */
  const formItem = (page: Page, label: string) =>
    page.locator('.el-tab-pane:visible .el-form-item').filter({ has: page.getByText(label, { exact: true }) });

  async function fillDate(page: Page, label: string, date: string): Promise<void> {
    await formItem(page, label).locator('input').fill(date);
    await formItem(page, label).locator('input').press('Enter');
  }

  it('finds certificates by name or ID number, opens one, and shows its status history', async () => {
    const page = await browsers.signIn('hrss-auditor');
    await page.locator('input[name="holderName"]').fill('张三');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/\/office\/certificates\?name=/);
    const rows = page.locator('.search-table .el-table__row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toMatch(new RegExp(`${validNo}[\\s\\S]*有效[\\s\\S]*330102198001011272`));
    await page.screenshot({ path: screenshotPath('office-certificate-search') });

    // The ID number alone, typed in lower case where it ends in a letter; then the revoked certificate's detail.
    const [row] = await t.dataSource.query<Array<{ id_number: string }>>(
      `SELECT id_number FROM certificates WHERE certificate_no = '${revokedNo}'`,
    );
    await page.locator('input[name="holderName"]').fill('');
    await page.locator('input[name="holderIdNumber"]').fill(row.id_number.toLowerCase());
    await page.getByRole('button', { name: '查询' }).click();
    await rows.filter({ hasText: revokedNo }).getByText('已撤销').waitFor();
    await rows.filter({ hasText: revokedNo }).click();
    await page.waitForURL(new RegExp(`/office/certificates/${revokedNo}$`));
    const history = page.locator('.history-table');
    await history.getByText('浙市监人〔2026〕40号').waitFor();
    expect(await history.locator('.el-table__row').allInnerTexts()).toEqual([
      expect.stringMatching(/签发[\s\S]*有效[\s\S]*浙市监人〔2026〕12号/),
      expect.stringMatching(/撤销[\s\S]*已撤销[\s\S]*2026-11-27[\s\S]*浙市监人〔2026〕40号/),
    ]);
    // A revoked certificate has no PDF: no button that would save the service's 410 as a file.
    expect(await page.getByText('下载 PDF').count()).toBe(0);
    await page.getByText('证书已撤销，不提供 PDF 下载').waitFor();
    await page.screenshot({ path: screenshotPath('office-certificate-history'), fullPage: true });

    // Back to the results: the search is kept in the address.
    await page.goBack();
    await rows.filter({ hasText: revokedNo }).waitFor();
    expect(await page.locator('input[name="holderIdNumber"]').inputValue()).toBe(row.id_number);

    await page.locator('input[name="holderIdNumber"]').fill('');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('请输入证书编号，或姓名、身份证号').waitFor();
  });

  it('AMR proposes reinstating a revoked certificate, HRSS confirms it in the inbox, and /v says 有效 again', async () => {
    const amr = await browsers.signIn('amr-revoker-8');
    await amr.getByRole('menuitem', { name: '撤销与恢复' }).click();
    await amr.getByRole('tab', { name: '发起恢复' }).click();
    // A valid certificate has nothing to reinstate: refused under the number.
    await amr.locator('input[name="reinstateCertificateNo"]').fill(validNo);
    await amr.locator('textarea[name="reinstateDescription"]').fill('复审认定原撤销所依据的事实不成立。');
    await amr.locator('input[name="reinstateDecisionDocument"]').fill('浙市监人〔2026〕41号');
    await fillDate(amr, '决定日期', '2026-11-27');
    await fillDate(amr, '生效日期', '2026-11-27');
    await amr.getByRole('button', { name: '提交恢复决定' }).click();
    await expect(formItem(amr, '证书编号').locator('.el-form-item__error').innerText()).resolves.toContain(
      '没有已生效的撤销决定',
    );

    await amr.locator('input[name="reinstateCertificateNo"]').fill(revokedNo.toLowerCase());
    await amr.getByRole('button', { name: '查找' }).click();
    await formItem(amr, '证书信息').getByText('已撤销').waitFor();
    await amr.screenshot({ path: screenshotPath('office-reinstatement-form') });
    await amr.getByRole('button', { name: '提交恢复决定' }).click();
    const amrRow = amr.locator('.el-table__row').filter({ hasText: revokedNo });
    await amrRow.getByText('等待对方确认').waitFor();
    expect(await amrRow.innerText()).toMatch(/恢复[\s\S]*李四[\s\S]*浙市监人〔2026〕41号/);

    const hrss = await browsers.signIn('hrss-revoker-8');
    await hrss.getByRole('menuitem', { name: '撤销与恢复' }).click();
    const hrssRow = hrss.locator('.el-table__row').filter({ hasText: revokedNo });
    await hrssRow.getByRole('button', { name: '确认' }).click();
    const box = hrss.locator('.el-message-box');
    expect(await box.innerText()).toContain(`恢复证书 ${revokedNo}`);
    await box.getByRole('button', { name: '确认' }).click();
    await hrss.getByText(`已确认恢复证书 ${revokedNo}`).waitFor();
    await hrss.getByText('没有待确认的决定').waitFor();

    await hrss.goto(`${t.baseUrl}/v/${revokedNo}`);
    expect(await hrss.locator('#verdict-title').innerText()).toBe('有效');
  });

  it('covers every capability-guarded route of the router', () => {
    const router = readFileSync(join(__dirname, '../../web/office/src/router.ts'), 'utf8');
    // Each route object that names a capability: its path and the capability, in source order.
    const guarded = [...router.matchAll(/path: '([^']+)',[^}]*?capability: '(\w+)'/gs)].map(([, path, capability]) => [
      `/office/${path.replace(/:\w+/, (name) => (name === ':no' ? 'ZJZ2026000001' : '1'))}`,
      capability,
    ]);
    expect(guarded.length).toBeGreaterThanOrEqual(7);
    expect([...SCREENS].sort()).toEqual(guarded.sort());
  });

  it.each(ROLES)('role %s: every screen it may not use answers 无权访问, even typed as an address', async (role) => {
    const page = await browsers.signIn(`hrss-${role}`);
    for (const [path, capability] of SCREENS) {
      await page.goto(`${t.baseUrl}${path}`);
      // The guard resolves once the session is known; the router titles the page after it.
      await page.waitForFunction(() => document.title.endsWith(' · 职称电子证书'));
      const forbidden = new URL(page.url()).pathname === '/office/forbidden';
      expect([path, forbidden]).toEqual([path, !may({ username: role, authority: 'hrss', roles: [role] }, capability)]);
      if (forbidden) await page.getByText('无权访问').first().waitFor();
    }
    if (role === 'admin') await page.screenshot({ path: screenshotPath('office-forbidden-admin') });
  });
});
