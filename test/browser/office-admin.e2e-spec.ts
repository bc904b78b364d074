import type { Page } from 'playwright-core';
import { api, officer, startTestApp, TestApp } from '../support/test-app';
import { ensureBuilt, screenshotPath, isDisabledAfterRender } from './chromium';
import { OfficeBrowsers, signInOn } from './office-session';

const NEW_PASSWORD = 'a-new-password-for-issuer2';

/** The console's 人员 (admin) and 审计 (auditor) screens in Debian's chromium. */
describe('office console: officers and audit (e2e, browser)', () => {
  let t: TestApp;
  let browsers: OfficeBrowsers;
  let page: Page;

  beforeAll(async () => {
    ensureBuilt();
    t = await startTestApp({ now: new Date('2026-12-01T02:00:00Z') });
    await officer(t, 'amr-admin', 'amr', ['admin']);
    await officer(t, 'amr-auditor', 'amr', ['auditor']);
    await officer(t, 'amr-issuer', 'amr', ['issuer']);
    await officer(t, 'hrss-admin', 'hrss', ['admin']);
    browsers = new OfficeBrowsers(t);
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    page = await browsers.newPage();
  });
  afterEach(async () => browsers.closeAll());

  async function signIn(username: string, landing: RegExp): Promise<void> {
    await signInOn(page, t.baseUrl, username);
    await page.waitForURL(landing);
  }

  const row = (username: string) => page.locator('.el-table__row').filter({ hasText: username });
  const dialog = (title: string) => page.getByRole('dialog').filter({ hasText: title });
  const signInStatus = async (username: string, password: string) =>
    (await api(t, 'POST', '/api/v1/auth/token', { username, password })).status;

  it('lets an AMR admin add an issuer, disable them (no more sign-in), reset their password and re-enable them', async () => {
    await signIn('amr-admin', /\/office\/evaluation$/);
    await page.locator('.el-menu-item', { hasText: '人员' }).click();
    await page.waitForURL(/\/office\/officers$/);
    await row('amr-auditor').waitFor();
    // Only the admin's own authority.
    expect(await page.locator('.el-table').innerText()).not.toContain('hrss-admin');
    // The admin's own row cannot be disabled.
    expect(await isDisabledAfterRender(row('amr-admin').getByRole('button', { name: '停用' }), true)).toBe(true);

    await page.getByRole('button', { name: '新增人员' }).click();
    const add = dialog('新增人员');
    await add.locator('input[name="newUsername"]').fill('amr-issuer2');
    await add.getByText('签发人员').click();
    await add.locator('input[name="newPassword"]').fill('pw-amr-issuer2-correct-horse');
    await add.locator('input[name="newPasswordAgain"]').fill('pw-amr-issuer2-correct-hors');
    await add.getByRole('button', { name: '新增' }).click();
    await add.getByText('两次输入的密码不一致').waitFor();
    await add.locator('input[name="newPasswordAgain"]').fill('pw-amr-issuer2-correct-horse');
    await add.getByRole('button', { name: '新增' }).click();
    await add.waitFor({ state: 'hidden' });
    await row('amr-issuer2').waitFor();
    expect(await row('amr-issuer2').innerText()).toMatch(/签发人员[\s\S]*启用中/);
    expect(await signInStatus('amr-issuer2', 'pw-amr-issuer2-correct-horse')).toBe(200);
    await page.screenshot({ path: screenshotPath('office-officers') });

    await row('amr-issuer2').getByRole('button', { name: '停用' }).click();
    await page.locator('.el-message-box').getByRole('button', { name: '停用' }).click();
    await row('amr-issuer2').getByText('已停用').waitFor();
    expect(await signInStatus('amr-issuer2', 'pw-amr-issuer2-correct-horse')).toBe(401);

    await row('amr-issuer2').getByRole('button', { name: '重置密码' }).click();
    const reset = dialog('重置密码');
    await reset.locator('input[name="resetPassword"]').fill(NEW_PASSWORD);
    await reset.locator('input[name="resetPasswordAgain"]').fill(NEW_PASSWORD);
    await reset.getByRole('button', { name: '重置' }).click();
    await page.getByText('已重置 amr-issuer2 的密码').waitFor();
    await row('amr-issuer2').getByRole('button', { name: '启用' }).click();
    await page.locator('.el-message-box').getByRole('button', { name: '启用' }).click();
    await row('amr-issuer2').getByText('启用中').waitFor();
    expect(await signInStatus('amr-issuer2', 'pw-amr-issuer2-correct-horse')).toBe(401);
    expect(await signInStatus('amr-issuer2', NEW_PASSWORD)).toBe(200);
  });

  it("shows the service's refusal in Chinese when the admin removes their own admin role", async () => {
    await signIn('amr-admin', /\/office\/evaluation$/);
    await page.goto(`${t.baseUrl}/office/officers`);
    await row('amr-admin').getByRole('button', { name: '修改角色' }).click();
    const roles = dialog('修改角色');
    await roles.getByText('管理员').click();
    await roles.getByText('审计人员').click();
    await roles.getByRole('button', { name: '保存' }).click();
    await roles.getByText('不能停用自己的账号，也不能取消自己的管理员角色。').waitFor();
    await page.screenshot({ path: screenshotPath('office-officers-self-lockout') });
    await roles.getByRole('button', { name: '取消' }).click();
    expect(await row('amr-admin').innerText()).not.toContain('审计人员');
  });

  it('shows an auditor the audit log and the chain as 完整', async () => {
    await signIn('amr-auditor', /\/office\/certificates$/);
    await page.locator('.el-menu-item', { hasText: '审计' }).click();
    await page.waitForURL(/\/office\/audit$/);
    await page.locator('.audit-table').getByText('officer.added').first().waitFor();
    await page.getByText('完整（共').waitFor();
    const table = await page.locator('.audit-table').innerText();
    for (const text of ['amr-admin', 'hrss-admin', '2026/12/1 10:00:00']) expect(table).toContain(text);
    // Each act in words, its code beneath for the 操作 filter.
    expect(table).toMatch(/新增人员\s+officer\.added/);
    await page.screenshot({ path: screenshotPath('office-audit') });
    // The filters are applied by the service, over the whole log.
    await page.locator('input[name="auditSubject"]').fill('hrss-admin');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.audit-table .el-table__row').length === 1);
    expect(await page.locator('.audit-table .el-table__row').innerText()).toContain('officer.added');
    await page.screenshot({ path: screenshotPath('office-audit-filtered') });
  });

  it('answers 无权访问 to an issuer who types /office/audit or /office/officers', async () => {
    await signIn('amr-issuer', /\/office\/certificates$/);
    for (const screen of ['audit', 'officers']) {
      await page.goto(`${t.baseUrl}/office/${screen}`);
      await page.waitForURL(/\/office\/forbidden$/);
      await page.getByText('无权访问').first().waitFor();
    }
  });
});
