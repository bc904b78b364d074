import type { Page } from 'playwright-core';
import { CertificateBatchService } from '../../src/certificates/certificate-batch.service';
import { RoundIssuanceService } from '../../src/evaluation/round-issuance.service';
import { chinaMorning, signIn } from '../support/evaluation-round';
import { api, officer, Officer, startTestApp, TestApp } from '../support/test-app';
import { ensureBuilt, screenshotPath, isDisabledAfterRender } from './chromium';
import {
  answerPrompt,
  manyApplications,
  showsPanel,
  RoundBrowsers,
  roundThroughApi,
  settled,
  toast,
} from './round-steps';

/** Applicants of the round, issued in chunks of CHUNK that the test releases one at a time. */
const APPLICANTS = 40;
const CHUNK = 10;

/**
 * 评审 in the console after the meeting: objections during the publicity (one dismissed, one
 * upheld — that applicant gets no certificate), the publication blocked while one is open, a
 * proposal rejected by the other authority and proposed again, and the issuance followed
 * part-way and across a reload. The steps before are taken over the API.
 */
describe('office console: publicity, objections, publication and issuance progress (e2e)', () => {
  let t: TestApp;
  let browsers: RoundBrowsers;
  let roundId: number;
  let amrAdmin: Officer;

  beforeAll(async () => {
    ensureBuilt();
    t = await startTestApp({ now: chinaMorning('2026-11-02') });
    browsers = new RoundBrowsers(t);
    amrAdmin = await officer(t, 'amr-admin', 'amr', ['admin']);
    const hrss = await officer(t, 'hrss-admin', 'hrss', ['admin']);
    await officer(t, 'hrss-issuer', 'hrss', ['issuer']);
    const { csv } = manyApplications(APPLICANTS);
    ({ id: roundId } = await roundThroughApi(t, { amr: amrAdmin, hrss }, 'meeting-held', csv));
  }, 120_000);
  afterAll(async () => {
    await browsers?.closeAll();
    await t?.close();
  });

  const objectionRows = (page: Page) => page.locator('.publicity-table .el-table__body .el-table__row');

  async function fileObjection(page: Page, option: number, summary: string): Promise<string> {
    await page.locator('.publicity-select').click();
    const choice = page.getByRole('option').nth(option);
    const label = await choice.innerText();
    await choice.click();
    await page.locator('textarea[name="objectionSummary"]').fill(summary);
    await page.getByRole('button', { name: '登记异议' }).click();
    await toast(page, '已登记异议');
    await objectionRows(page).filter({ hasText: summary }).waitFor();
    return label.replace(/（.*$/, '');
  }

  async function resolve(page: Page, summary: string, button: string, finding: string): Promise<void> {
    await objectionRows(page).filter({ hasText: summary }).getByRole('button', { name: button }).click();
    await answerPrompt(page, finding, '确定');
    await toast(page, '已处理异议');
  }

  it('lists objections filed during the publicity and blocks the publication until each is resolved', async () => {
    await browsers.day('2026-12-21');
    const amr = await browsers.wizard('amr-admin', roundId);
    await showsPanel(amr, '结果公示');
    await amr.getByRole('button', { name: '开始公示' }).click();
    await toast(amr, '已开始公示');
    // The wizard moves on to the publication; objections are entered on the publicity's step.
    await showsPanel(amr, '联合发文');
    await amr.locator('.el-step').nth(6).click();
    await amr.getByTestId('publicity').getByText('2026-12-21 至 2026-12-25').waitFor();
    await amr.getByText('没有异议').waitFor();

    const dismissedName = await fileObjection(amr, 0, '反映其业绩材料中的检测报告系他人完成。');
    const upheldName = await fileObjection(amr, 1, '反映其论文存在抄袭。');
    expect(await objectionRows(amr).count()).toBe(2);
    expect(await objectionRows(amr).first().innerText()).toContain(dismissedName);
    expect(await objectionRows(amr).first().innerText()).toContain('2026-12-21');
    await resolve(amr, '检测报告', '不予采纳', '经核查，检测报告由本人主持完成，异议不成立。');
    await objectionRows(amr)
      .filter({ hasText: '检测报告' })
      .getByText('不予采纳：经核查，检测报告由本人主持完成，异议不成立。')
      .waitFor();
    await settled(amr);
    await amr.screenshot({ path: screenshotPath('office-round-objections'), fullPage: true });

    // After the publicity: one objection is still open, so neither authority may publish.
    await browsers.day('2026-12-28');
    const hrss = await browsers.wizard('hrss-admin', roundId);
    await showsPanel(hrss, '联合发文');
    expect(await isDisabledAfterRender(hrss.getByRole('button', { name: '提出联合发文' }), true)).toBe(true);
    await hrss.getByText('尚有未处理的异议。').waitFor();
    const hrssToken = (await signIn(t, { username: 'hrss-admin', password: 'pw-hrss-admin-correct-horse', token: '' }))
      .token;
    const early = await api(
      t,
      'POST',
      `/api/v1/evaluation/rounds/${roundId}/publication`,
      { jointDocument: '浙市监人〔2026〕50号', publishedOn: '2026-12-28' },
      hrssToken,
    );
    expect([early.status, early.body.code]).toEqual([409, 'OBJECTIONS_UNRESOLVED']);

    const amrLater = await browsers.wizard('amr-admin', roundId);
    await amrLater.locator('.el-step').nth(6).click();
    await resolve(amrLater, '抄袭', '异议成立', '经核查，论文第三章与他人已发表论文雷同，异议成立。');
    await objectionRows(amrLater).filter({ hasText: '抄袭' }).getByText('成立（不发证）').waitFor();
    const applications = await api(
      t,
      'GET',
      `/api/v1/evaluation/rounds/${roundId}/applications`,
      undefined,
      (await signIn(t, amrAdmin)).token,
    );
    const withheld = (applications.body as Array<{ name: string; withheld: boolean }>).filter((a) => a.withheld);
    expect(withheld.map((a) => a.name)).toEqual([upheldName]);

    await hrss.reload();
    expect(await isDisabledAfterRender(hrss.getByRole('button', { name: '提出联合发文' }), false)).toBe(false);
  });

  it('takes a rejected proposal back to the form, with the reason, and publishes on the second proposal', async () => {
    const hrss = await browsers.wizard('hrss-admin', roundId);
    await hrss.locator('input[name="jointDocument"]').fill('浙市监人〔2026〕5号');
    await hrss.getByRole('button', { name: '提出联合发文' }).click();
    await toast(hrss, '已提出联合发文');
    await hrss.getByText('等待另一机关确认').waitFor();

    const amr = await browsers.wizard('amr-admin', roundId);
    await showsPanel(amr, '联合发文');
    await amr.getByText('浙市监人〔2026〕5号').waitFor();
    await amr.getByRole('button', { name: '驳回' }).click();
    await answerPrompt(amr, '文号有误，应为浙市监人〔2026〕50号。', '驳回');
    await toast(amr, '已驳回联合发文');
    await amr.locator('input[name="jointDocument"]').waitFor();

    // The proposer learns why on reopening the step.
    await hrss.reload();
    await hrss.getByTestId('publication-rejection').getByText('文号有误，应为浙市监人〔2026〕50号。').waitFor();
    expect(await hrss.getByTestId('publication-rejection').innerText()).toContain('浙江省市场监督管理局');
    await settled(hrss);
    await hrss.screenshot({ path: screenshotPath('office-round-publication-rejected'), fullPage: true });
    await hrss.locator('input[name="jointDocument"]').fill('浙市监人〔2026〕50号');
    await hrss.getByRole('button', { name: '提出联合发文' }).click();
    await toast(hrss, '已提出联合发文');
    // The proposer cannot confirm its own proposal; the other authority does.
    expect(await isDisabledAfterRender(hrss.getByRole('button', { name: '确认联合发文' }), true)).toBe(true);
    await amr.reload();
    await amr.getByRole('button', { name: '确认联合发文' }).click();
    await toast(amr, '已确认联合发文');
    await amr.locator('.round-state').filter({ hasText: '已联合发文' }).waitFor();
  });

  it('shows the issuance part-way and, after a reload in the middle of the run, carries on to the end', async () => {
    const total = APPLICANTS - 1; // the applicant of the upheld objection gets no certificate
    const issuer = await browsers.wizard('hrss-issuer', roundId);
    await showsPanel(issuer, '批量发证');
    await issuer.getByTestId('issuance-progress').getByText(`尚未全部签发：0 / ${total}`).waitFor();

    // The run is held between chunks from outside the service (as issuance-progress.e2e-spec does
    // over the API): a chunk starts only once the test releases it, so "part-way" is certain.
    const issuance = t.app.get(RoundIssuanceService);
    const realIssueAll = issuance.issueAll.bind(issuance);
    jest
      .spyOn(issuance, 'issueAll')
      .mockImplementation((round, actor, options) => realIssueAll(round, actor, { ...options, chunkSize: CHUNK }));
    const batches = t.app.get(CertificateBatchService);
    const realIssueMany = batches.issueMany.bind(batches);
    let calls = 0;
    let released = 1;
    jest.spyOn(batches, 'issueMany').mockImplementation(async (requests, actor, withinWrite) => {
      const turn = calls++;
      while (released <= turn) await new Promise((resolve) => setTimeout(resolve, 20));
      return realIssueMany(requests, actor, withinWrite);
    });

    await issuer.getByRole('button', { name: '开始批量发证' }).click();
    const partWay = await barBetween(issuer);
    expect(partWay).toBeGreaterThan(0);
    expect(partWay).toBeLessThan(100);
    await issuer.screenshot({ path: screenshotPath('office-round-issuing'), fullPage: true });

    // A reload mid-run: the new page asks the server, which is still issuing, and follows it on.
    await issuer.reload();
    const running = issuer.getByTestId('issuance-progress').getByText(/^正在签发：\d+ \/ \d+/);
    await running.waitFor();
    const [done, of] = (/(\d+) \/ (\d+)/.exec(await running.innerText()) ?? []).slice(1).map(Number);
    expect(of).toBe(total);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(total);
    released = Number.POSITIVE_INFINITY;
    await issuer.getByTestId('issuance-progress').getByText(`已全部签发：${total} / ${total}`).waitFor();
    expect(await issuer.locator('.issuance-bar .el-progress-bar__innerText').innerText()).toBe('100%');
    await issuer.locator('.round-state').filter({ hasText: '证书已签发' }).waitFor();
    jest.restoreAllMocks();

    const token = (await signIn(t, amrAdmin)).token;
    const applications = (await api(t, 'GET', `/api/v1/evaluation/rounds/${roundId}/applications`, undefined, token))
      .body as Array<{ withheld: boolean; certificateNo: string | null }>;
    expect(applications.filter((a) => a.certificateNo !== null)).toHaveLength(total);
    expect(applications.filter((a) => a.withheld).map((a) => a.certificateNo)).toEqual([null]);
  }, 120_000);

  /** Waits until the bar shows a value strictly between 0 and 100 %, and returns it. */
  async function barBetween(page: Page): Promise<number> {
    const handle = await page.waitForFunction(
      () => {
        const text = document.querySelector('.issuance-bar .el-progress-bar__innerText')?.textContent ?? '';
        const value = Number(/^(\d+)%$/.exec(text.trim())?.[1] ?? 'NaN');
        return value > 0 && value < 100 ? value : false;
      },
      undefined,
      { timeout: 30_000 },
    );
    return (await handle.jsonValue()) as number;
  }
});
