import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { chinaMorning } from '../support/evaluation-round';
import { api, officer, startTestApp, TestApp } from '../support/test-app';
import { ensureBuilt, OFFICE_SCREEN, openPhone, Phone, screenshotPath, isDisabledAfterRender } from './chromium';
import { showsPanel } from './round-steps';

const FIXTURES = join(__dirname, '../fixtures/evaluation');
const fixture = (name: string) => join(FIXTURES, name);
/** The ID numbers of the 8 applicants of applications-professor.csv, in file order. */
const ID_NUMBERS = readFileSync(fixture('applications-professor.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(',')[1]);

/**
 * 评审 in the console: one professor round from the pool to issued certificates, every step
 * clicked by an officer of the authority that takes it, each on its day as in
 * test/support/evaluation-round.ts (the app's clock and the browser's clock move together).
 */
describe('office console: an evaluation round in a browser (e2e)', () => {
  let t: TestApp;
  let roundId: number;
  const browsers: Phone[] = [];

  beforeAll(async () => {
    ensureBuilt();
    t = await startTestApp({ now: chinaMorning('2026-11-02') });
    await officer(t, 'amr-admin', 'amr', ['admin']);
    await officer(t, 'hrss-admin', 'hrss', ['admin']);
    await officer(t, 'hrss-issuer', 'hrss', ['issuer']);
    await officer(t, 'amr-revoker', 'amr', ['revoker']);
  });
  afterAll(async () => {
    await closeBrowsers();
    await t.close();
  });

  async function closeBrowsers(): Promise<void> {
    for (const browser of browsers.splice(0)) {
      await browser.close();
      expect(browser.problems).toEqual([]);
    }
  }

  /** Days pass: a session does not outlive them, so each day's officers sign in afresh. */
  async function day(date: string): Promise<void> {
    await closeBrowsers();
    t.clock.set(chinaMorning(date));
  }

  /** A separate browser (its own cookie jar) per officer, its clock at the app's. */
  async function signIn(username: string, path?: string): Promise<Page> {
    const browser = await openPhone({ now: t.clock.now() });
    browsers.push(browser);
    const page = browser.page;
    await page.setViewportSize(OFFICE_SCREEN);
    await page.goto(`${t.baseUrl}/office/login`);
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(`pw-${username}-correct-horse`);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
    if (path) await page.goto(`${t.baseUrl}/office${path}`);
    return page;
  }
  const wizard = (username: string) => signIn(username, `/evaluation/rounds/${roundId}`);

  async function fillDate(page: Page, name: string, date: string): Promise<void> {
    const input = page.locator(`input[name="${name}"]`);
    await input.fill(date);
    await input.press('Enter');
  }
  /** Screenshots without the success messages over the page (they fade after 3 s). */
  const settled = (page: Page) => page.waitForFunction(() => !document.querySelector('.el-message'));
  const toast = (page: Page, text: string) => page.locator('.el-message').filter({ hasText: text }).first().waitFor();

  it('runs a round from the pool to issued certificates with a live progress bar', async () => {
    await day('2026-11-02');
    const amr = await signIn('amr-admin');
    await amr.waitForURL(/\/office\/evaluation$/);
    await amr.locator('input[name="pool"]').setInputFiles(fixture('pool-professor.csv'));
    await fillDate(amr, 'reviewedOn', '2026-06-30');
    await amr.getByRole('button', { name: '导入专家库' }).click();
    await toast(amr, '已导入正高级工程师专家库：64 人');

    await amr.locator('.el-form-item').filter({ hasText: '资格名称' }).first().locator('.el-select').click();
    await amr.getByRole('option', { name: '正高级工程师', exact: true }).click();
    await fillDate(amr, 'meetingDate', '2026-12-18');
    await amr.getByRole('button', { name: '新建', exact: true }).click();
    await amr.waitForURL(/\/office\/evaluation\/rounds\/\d+$/);
    roundId = Number(/rounds\/(\d+)$/.exec(amr.url())?.[1]);
    await showsPanel(amr, '申报受理');

    // A file with bad lines imports nothing and lists each line, column and reason.
    await amr.locator('input[name="applications"]').setInputFiles(fixture('applications-invalid.csv'));
    await amr.getByRole('button', { name: '导入申报' }).click();
    const problems = amr.locator('.csv-problems');
    await problems.waitFor();
    const table = await problems.innerText();
    expect(table).toMatch(/3\s+身份证号\s+身份证号无效/);
    expect(table).toContain('单位公示不足 5 个工作日');
    expect(table).toContain('申报人未作真实性承诺');
    // Every line in the officer's words: no English reason of the service's beside it.
    expect(table).not.toMatch(/[A-Za-z]{3,} [A-Za-z]{3,}/);
    await amr.screenshot({ path: screenshotPath('office-round-csv-errors'), fullPage: true });

    await amr.locator('input[name="applications"]').setInputFiles(fixture('applications-professor.csv'));
    await amr.getByRole('button', { name: '导入申报' }).click();
    await toast(amr, '已导入 8 份申报');
    expect(await problems.count()).toBe(0);
    await amr.getByRole('button', { name: '截止申报' }).click();
    await toast(amr, '已截止申报');
    await amr.getByRole('button', { name: '← 评审轮次' }).click();
    await amr.locator('.round-list .el-table__row').filter({ hasText: '申报已截止' }).waitFor();
    await settled(amr);
    await amr.screenshot({ path: screenshotPath('office-round-list'), fullPage: true });

    await day('2026-12-01');
    const drawing = await wizard('amr-admin');
    await showsPanel(drawing, '资格审查');
    await drawing.getByRole('button', { name: '资格审查', exact: true }).click();
    await toast(drawing, '资格审查已完成');
    await showsPanel(drawing, '抽取评委');
    await drawing.getByRole('button', { name: '在本机生成种子' }).click();
    const seed = await drawing.getByTestId('seed').innerText();
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    await drawing.getByRole('button', { name: '公布承诺值' }).click();
    await toast(drawing, '已公布承诺值');
    const commitment = await drawing.getByTestId('commitment').innerText();
    expect(commitment).toMatch(/^[0-9a-f]{64}$/);
    // The witness may be recorded by either authority; the reveal only by AMR.
    const hrssWitness = await wizard('hrss-admin');
    expect(await isDisabledAfterRender(hrssWitness.getByRole('button', { name: '揭示种子并抽取评委' }), true)).toBe(
      true,
    );
    await hrssWitness.locator('input[name="witnessValue"]').fill('03 09 14 21 27 33 + 08');
    await hrssWitness.locator('input[name="witnessSource"]').fill('中国福利彩票 双色球 2026138期 开奖号码');
    await hrssWitness.getByRole('button', { name: '记录见证值' }).click();
    await toast(hrssWitness, '已记录见证值');
    await drawing.reload();
    await drawing.locator('input[name="seed"]').fill(seed);
    await drawing.getByRole('button', { name: '揭示种子并抽取评委' }).click();
    await toast(drawing, '已抽取评委');
    await drawing.locator('.el-step').nth(2).click();
    await drawing.getByTestId('verification').getByText('一致').waitFor();
    expect(await drawing.locator('.draw-table .el-table__row').count()).toBe(25);
    await settled(drawing);
    await drawing.screenshot({ path: screenshotPath('office-round-draw'), fullPage: true });

    await day('2026-12-08');
    const reporting = await wizard('amr-admin');
    await showsPanel(reporting, '报送核准');
    expect(await reporting.getByTestId('report-latest').innerText()).toBe('2026-12-04');
    await fillDate(reporting, 'reportedOn', '2026-12-04');
    await reporting.getByRole('button', { name: '记录报送' }).click();
    await toast(reporting, '已记录报送');
    await showsPanel(reporting, '人社厅核准');
    expect(await isDisabledAfterRender(reporting.getByRole('button', { name: '记录核准' }), true)).toBe(true);
    const approving = await wizard('hrss-admin');
    await approving.locator('input[name="approvalDocument"]').fill('浙人社〔2026〕88号');
    await approving.getByRole('button', { name: '记录核准' }).click();
    await toast(approving, '已记录核准');

    await day('2026-12-18');
    const meeting = await wizard('amr-admin');
    await showsPanel(meeting, '评审会议');
    // Attendance by ticking: 17 of the 25 members present.
    const ticks = meeting.locator('.meeting-table').first().locator('.el-table__body .el-checkbox');
    expect(await ticks.count()).toBe(25);
    for (let i = 0; i < 17; i++) await ticks.nth(i).click();
    await meeting.getByRole('button', { name: '保存签到（已勾选 17 / 25 人）' }).click();
    await toast(meeting, '已保存签到：17 人到会');
    const tally = ['身份证号,赞成,反对,弃权', ...ID_NUMBERS.map((id) => `${id},15,1,1`)].join('\n');
    await meeting.locator('input[name="tally"]').setInputFiles({
      name: 'tally.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(tally, 'utf8'),
    });
    await meeting.getByRole('button', { name: '导入计票文件' }).click();
    await toast(meeting, '已录入计票结果：通过 8 人，未通过 0 人');
    await meeting.locator('.meeting-select').click();
    await meeting.getByRole('option').filter({ hasText: '主任委员' }).first().click();
    await meeting.getByRole('button', { name: '确认评审结果' }).click();
    await toast(meeting, '已确认评审结果');

    await day('2026-12-21');
    const publicity = await wizard('amr-admin');
    await showsPanel(publicity, '结果公示');
    // The form starts today and ends on the earliest day the service's calendar allows.
    expect(await publicity.locator('input[name="publicityEnd"]').inputValue()).toBe('2026-12-25');
    await publicity.getByRole('button', { name: '开始公示' }).click();
    await toast(publicity, '已开始公示');

    await day('2026-12-28');
    const proposing = await wizard('hrss-admin');
    await showsPanel(proposing, '联合发文');
    await proposing.locator('input[name="jointDocument"]').fill('浙市监人〔2026〕50号');
    await proposing.getByRole('button', { name: '提出联合发文' }).click();
    await toast(proposing, '已提出联合发文');
    expect(await isDisabledAfterRender(proposing.getByRole('button', { name: '确认联合发文' }), true)).toBe(true);
    const confirming = await wizard('amr-admin');
    await confirming.getByRole('button', { name: '确认联合发文' }).click();
    await toast(confirming, '已确认联合发文');

    const issuing = await wizard('hrss-issuer');
    await showsPanel(issuing, '批量发证');
    await issuing.getByTestId('issuance-progress').getByText('尚未全部签发：0 / 8').waitFor();
    // Reloaded once the server has the run (the POST answers only when it ends, the bar polls meanwhile).
    const started = issuing.waitForResponse(
      (response) => response.url().endsWith(`/rounds/${roundId}/issuance`) && response.request().method() === 'GET',
    );
    await issuing.getByRole('button', { name: '开始批量发证' }).click();
    await started;
    // The page asks the server where the run stands: a reload shows the same.
    await issuing.reload();
    await issuing.getByTestId('issuance-progress').getByText('已全部签发：8 / 8').waitFor();
    expect(await issuing.locator('.issuance-bar .el-progress-bar__innerText').innerText()).toBe('100%');
    await issuing.screenshot({ path: screenshotPath('office-round-issued'), fullPage: true });
    await issuing.reload();
    await issuing.getByTestId('issuance-progress').getByText('已全部签发：8 / 8').waitFor();
    expect(await issuing.locator('.round-state').innerText()).toBe('证书已签发');

    const token = (
      await api(t, 'POST', '/api/v1/auth/token', {
        username: 'hrss-issuer',
        password: 'pw-hrss-issuer-correct-horse',
      })
    ).body.accessToken as string;
    const applications = await api(t, 'GET', `/api/v1/evaluation/rounds/${roundId}/applications`, undefined, token);
    const numbers = (applications.body as Array<{ certificateNo: string | null }>).map((a) => a.certificateNo);
    expect(numbers).toHaveLength(8);
    for (const no of numbers) {
      expect(no).toMatch(/^ZJZ2026\d{6}$/);
      expect((await api(t, 'GET', `/api/v1/certificates/${no}`, undefined, token)).status).toBe(200);
    }
    // A whole round in eleven browser sessions: 30 s on CI, twice that on a loaded machine.
  }, 180_000);

  it('answers 无权访问 to an officer without the evaluation screen who types its address', async () => {
    const page = await signIn('amr-revoker', '/evaluation');
    await page.waitForURL(/\/office\/forbidden$/);
    await page.getByText('无权访问').first().waitFor();
  });
});
