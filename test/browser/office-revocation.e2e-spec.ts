import type { Page } from 'playwright-core';
import { issuanceRequest } from '../support/builders';
import { api, officer, startTestApp, TestApp } from '../support/test-app';
import { ensureBuilt, screenshotPath } from './chromium';
import { OfficeBrowsers } from './office-session';

/** 撤销与恢复 in the console: one authority proposes, the other confirms (docs/rules.md 四.四.3). */
describe('office console: revocation in a browser (e2e)', () => {
  let t: TestApp;
  let certificateNo: string;
  let browsers: OfficeBrowsers;

  beforeAll(async () => {
    ensureBuilt();
    t = await startTestApp();
    const issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
    await officer(t, 'amr-revoker', 'amr', ['revoker']);
    await officer(t, 'hrss-revoker', 'hrss', ['revoker']);
    const issued = await api(t, 'POST', '/api/v1/certificates', issuanceRequest(), issuer.token);
    certificateNo = issued.body.certificateNo as string;
    browsers = new OfficeBrowsers(t);
  });
  afterAll(async () => t.close());
  afterEach(async () => browsers.closeAll());

  /** A separate browser per officer, on 撤销与恢复. */
  async function signIn(username: string): Promise<Page> {
    const page = await browsers.signIn(username);
    await page.waitForURL(/\/office\/certificates$/);
    await page.getByRole('menuitem', { name: '撤销与恢复' }).click();
    await page.waitForURL(/\/office\/revocations$/);
    return page;
  }

  const formItem = (page: Page, label: string) =>
    page.locator('.el-form-item').filter({ has: page.getByText(label, { exact: true }) });

  async function fillDate(page: Page, label: string, date: string): Promise<void> {
    await formItem(page, label).locator('input').fill(date);
    await formItem(page, label).locator('input').press('Enter');
  }

  const caseRow = (page: Page) => page.locator('.el-table__row').filter({ hasText: certificateNo });

  it('AMR proposes with the holder shown first, waits for HRSS, HRSS confirms, and /v shows 已撤销', async () => {
    const amr = await signIn('amr-revoker');
    await amr.getByRole('tab', { name: '发起撤销' }).click();
    await amr.locator('input[name="certificateNo"]').fill(certificateNo.toLowerCase());
    await amr.getByRole('button', { name: '查找' }).click();
    const found = formItem(amr, '证书信息');
    await found.getByText('张三').waitFor();
    expect(await found.innerText()).toMatch(/正高级工程师[\s\S]*有效/);

    await formItem(amr, '撤销事由').locator('.el-select').click();
    await amr.getByRole('option', { name: '伪造、变造申报材料', exact: true }).click();
    await amr.locator('textarea[name="description"]').fill('申报材料中的业绩证明系伪造。');
    await amr.locator('input[name="decisionDocument"]').fill('浙市监人〔2026〕40号');
    // The app's today is 2026-11-27 (Beijing): a decision dated tomorrow is refused under its field.
    await fillDate(amr, '决定日期', '2026-11-28');
    await fillDate(amr, '生效日期', '2026-11-27');
    await amr.getByRole('button', { name: '提交撤销决定' }).click();
    await expect(formItem(amr, '决定日期').locator('.el-form-item__error').innerText()).resolves.toContain(
      '日期不能晚于今天',
    );
    await amr.screenshot({ path: screenshotPath('office-revocation-date-error'), fullPage: true });

    await fillDate(amr, '决定日期', '2026-11-27');
    await amr.getByRole('button', { name: '提交撤销决定' }).click();
    // The proposer's own case: listed, marked as waiting, with nothing to press.
    await caseRow(amr).getByText('等待对方确认').waitFor();
    expect(await caseRow(amr).getByRole('button').count()).toBe(0);
    expect(await caseRow(amr).innerText()).toContain('浙江省市场监督管理局 · amr-revoker');
    await amr.screenshot({ path: screenshotPath('office-revocation-own-pending') });

    const hrss = await signIn('hrss-revoker');
    await caseRow(hrss).getByRole('button', { name: '确认' }).click();
    const box = hrss.locator('.el-message-box');
    expect(await box.innerText()).toContain(`撤销证书 ${certificateNo}`);
    // Let the dialog finish fading in, so the screenshot shows it.
    await hrss.waitForFunction(() => document.getAnimations().length === 0);
    await hrss.screenshot({ path: screenshotPath('office-revocation-confirm') });
    await box.getByRole('button', { name: '确认' }).click();
    await hrss.getByText(`已确认撤销证书 ${certificateNo}`).waitFor();
    await hrss.getByText('没有待确认的决定').waitFor();

    await hrss.getByRole('tab', { name: '历史' }).click();
    await caseRow(hrss).getByText('浙江省人力资源和社会保障厅 · hrss-revoker').waitFor();
    await hrss.screenshot({ path: screenshotPath('office-revocation-history') });

    await hrss.goto(`${t.baseUrl}/v/${certificateNo}`);
    expect(await hrss.locator('#verdict-title').innerText()).toBe('已撤销');
  });
});
