import type { Page } from 'playwright-core';
import { api, officer, Officer, startTestApp, TestApp } from '../support/test-app';
import { chinaMorning, signIn } from '../support/evaluation-round';
import { ensureBuilt, screenshotPath, isDisabledAfterRender } from './chromium';
import { answerPrompt, showsPanel, refusal, RoundBrowsers, roundThroughApi, settled, toast } from './round-steps';

/**
 * 评审 in the console, the meeting's side roads: members who declare a conflict (回避) before
 * attendance is taken, and the tally typed into the form — first with sums the API refuses
 * (shown in Chinese), then right. The steps before are taken over the API (round-steps.ts).
 */
describe('office console: withdrawals and the tally form of a round (e2e)', () => {
  let t: TestApp;
  let browsers: RoundBrowsers;
  let roundId: number;
  let drawn: string[];
  let amrAdmin: Officer;

  beforeAll(async () => {
    ensureBuilt();
    t = await startTestApp({ now: chinaMorning('2026-11-02') });
    browsers = new RoundBrowsers(t);
    amrAdmin = await officer(t, 'amr-admin', 'amr', ['admin']);
    const hrss = await officer(t, 'hrss-admin', 'hrss', ['admin']);
    ({ id: roundId, members: drawn } = await roundThroughApi(t, { amr: amrAdmin, hrss }, 'approved'));
  });
  afterAll(async () => {
    await browsers?.closeAll();
    await t?.close();
  });

  const memberRows = (page: Page) => page.locator('.meeting-table').first().locator('.el-table__body .el-table__row');
  const rowOf = (page: Page, code: string) => memberRows(page).filter({ hasText: code });
  async function sittingCodes(page: Page): Promise<string[]> {
    return memberRows(page).evaluateAll((rows) =>
      rows.map((row) => row.querySelectorAll('td')[1]?.textContent?.trim() ?? ''),
    );
  }

  async function declareWithdrawal(page: Page, code: string, reason: string): Promise<string> {
    const name = (await rowOf(page, code).locator('td').nth(2).innerText()).trim();
    await rowOf(page, code).getByRole('button', { name: '回避' }).click();
    await page.locator('.el-message-box').getByText(`${name}（${code}）申请回避`).waitFor();
    await answerPrompt(page, reason, '登记回避');
    await toast(page, `${name} 已回避`);
    const replaced = page.locator('.el-message--info').filter({ hasText: '递补' }).first();
    return /（(\w+)）递补/.exec(await replaced.innerText())?.[1] ?? '';
  }

  it('seats the next expert for a member who withdraws before the meeting, and records it in the draw', async () => {
    await browsers.day('2026-12-08');
    const page = await browsers.wizard('amr-admin', roundId);
    await showsPanel(page, '评审会议');
    expect(await sittingCodes(page)).toEqual(drawn);
    // Ten days before the meeting: attendance waits for the day, withdrawals do not.
    expect(await isDisabledAfterRender(page.getByRole('button', { name: /保存签到/ }), true)).toBe(true);
    await page.getByText('评审会议日（2026-12-18）起方可办理。').first().waitFor();

    const leaving = drawn[5];
    const replacement = await declareWithdrawal(page, leaving, '与申报人陈晓峰系近亲属关系。');
    expect(replacement).toMatch(/^Z\d{3}$/);
    expect(drawn).not.toContain(replacement);
    await rowOf(page, replacement).waitFor();
    const sitting = await sittingCodes(page);
    expect(sitting).toHaveLength(25);
    expect(sitting).not.toContain(leaving);

    // The published draw record names the withdrawal and still recomputes.
    await page.locator('.el-step').nth(2).click();
    await page.getByText(`${leaving}（本人申请）由 ${replacement} 递补`).waitFor();
    await page.getByTestId('verification').getByText('一致').waitFor();
    await settled(page);
    await page.screenshot({ path: screenshotPath('office-round-withdrawal'), fullPage: true });
  });

  it('takes the tally from the form, shows a refusal of the API in Chinese, and confirms the result', async () => {
    await browsers.day('2026-12-18');
    const page = await browsers.wizard('amr-admin', roundId);
    await showsPanel(page, '评审会议');
    // A second member withdraws on the morning of the meeting, before attendance.
    const replacement = await declareWithdrawal(page, drawn[10], '本人为申报人林雪的论文合作者。');
    const sitting = await sittingCodes(page);
    expect(sitting).toContain(replacement);

    const ticks = memberRows(page).locator('.el-checkbox');
    for (let i = 0; i < 17; i++) await ticks.nth(i).click();
    await page.getByRole('button', { name: '保存签到（已勾选 17 / 25 人）' }).click();
    await toast(page, '已保存签到：17 人到会');
    // Attendance taken: the meeting has begun and nobody withdraws any more.
    expect(await isDisabledAfterRender(rowOf(page, sitting[20]).getByRole('button', { name: '回避' }), true)).toBe(
      true,
    );
    await page.getByText('回避：已签到，不能再登记回避。').waitFor();

    const tallyRows = page.locator('.meeting-table').nth(1).locator('.el-table__body .el-table__row');
    expect(await tallyRows.count()).toBe(8);
    const vote = (row: number, column: number) => tallyRows.nth(row).locator('td').nth(column).locator('input');
    // Votes of 17 present members: 12 yes passes (≥ 2/3 of 17), 11 does not.
    for (let row = 0; row < 8; row++) {
      const [yes, no, abstain] = row === 7 ? [11, 4, 2] : [12, 3, 2];
      await vote(row, 2).fill(String(yes));
      await vote(row, 3).fill(String(no));
      await vote(row, 4).fill(String(abstain));
    }
    // A slip: the first row adds up to 16 of 17 present.
    await vote(0, 4).fill('1');
    await page.getByRole('button', { name: '提交计票结果' }).click();
    await refusal(page).waitFor();
    // Said in Chinese, naming the applicant whose line is wrong (the service answers with an id, in English).
    const said = await refusal(page).innerText();
    const firstApplicant = await tallyRows.first().locator('td').first().innerText();
    expect(said).toContain(
      `每位申报人的赞成、反对、弃权票之和应等于到会委员人数。（${firstApplicant.trim()}：赞成、反对、弃权共 16 票，到会委员 17 人）`,
    );
    expect(said).not.toMatch(/ballots|Application/);
    await page.screenshot({ path: screenshotPath('office-round-tally-refused'), fullPage: true });
    const untallied = await api(
      t,
      'GET',
      `/api/v1/evaluation/rounds/${roundId}/applications`,
      undefined,
      (await signIn(t, amrAdmin)).token,
    );
    expect((untallied.body as Array<{ tally: unknown }>).every((a) => a.tally === null)).toBe(true);

    await vote(0, 4).fill('2');
    await page.getByRole('button', { name: '提交计票结果' }).click();
    await toast(page, '已录入计票结果');
    await tallyRows.first().getByText('通过').waitFor();
    const results = await tallyRows.evaluateAll((rows) =>
      rows.map((row) => row.querySelectorAll('td')[5]?.textContent?.trim()),
    );
    expect(results).toEqual([...Array<string>(7).fill('通过'), '未通过']);
    expect(await isDisabledAfterRender(page.getByRole('button', { name: '提交计票结果' }), true)).toBe(true);

    await page.locator('.meeting-select').click();
    await page.getByRole('option').filter({ hasText: '主任委员' }).first().click();
    await page.getByRole('button', { name: '确认评审结果' }).click();
    await toast(page, '已确认评审结果');
    await page
      .locator('.round-state')
      .filter({ hasText: /^评审会议已举行$/ })
      .waitFor();
    await showsPanel(page, '结果公示');
  });
});
