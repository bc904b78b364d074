import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { makeIdNumber } from '../support/builders';
import { chinaMorning, signIn as freshToken } from '../support/evaluation-round';
import { api, ApiResponse, Officer, TestApp } from '../support/test-app';
import { OFFICE_SCREEN, openPhone, Phone } from './chromium';

const FIXTURES = join(__dirname, '../fixtures/evaluation');
export const fixture = (name: string) => join(FIXTURES, name);

/**
 * The officers' browsers of a round spec: one browser (its own cookie jar) per sign-in, its
 * clock at the app's. Days pass: a session does not outlive them, so `day` closes every browser
 * and each day's officers sign in afresh. Every browser must close without a CSP violation or
 * page error.
 */
export class RoundBrowsers {
  private readonly open: Phone[] = [];

  constructor(private readonly t: TestApp) {}

  async day(date: string): Promise<void> {
    await this.closeAll();
    this.t.clock.set(chinaMorning(date));
  }

  async closeAll(): Promise<void> {
    for (const browser of this.open.splice(0)) {
      await browser.close();
      expect(browser.problems).toEqual([]);
    }
  }

  async signIn(username: string, path?: string): Promise<Page> {
    const browser = await openPhone({ now: this.t.clock.now() });
    this.open.push(browser);
    const page = browser.page;
    await page.setViewportSize(OFFICE_SCREEN);
    await page.goto(`${this.t.baseUrl}/office/login`);
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(`pw-${username}-correct-horse`);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
    if (path) await page.goto(`${this.t.baseUrl}/office${path}`);
    return page;
  }

  /** An officer on the wizard of a round. */
  wizard(username: string, roundId: number): Promise<Page> {
    return this.signIn(username, `/evaluation/rounds/${roundId}`);
  }
}

export async function fillDate(page: Page, name: string, date: string): Promise<void> {
  const input = page.locator(`input[name="${name}"]`);
  await input.fill(date);
  await input.press('Enter');
}
export const panelTitle = (page: Page) => page.locator('.round-panel-title');
/** Waits until the wizard shows this step: after an act it reloads the round, then moves on. */
export const showsPanel = (page: Page, title: string) =>
  panelTitle(page)
    .filter({ hasText: new RegExp(`^${title}$`) })
    .waitFor();
/** Screenshots without the success messages over the page (they fade after 3 s). */
export const settled = (page: Page) => page.waitForFunction(() => !document.querySelector('.el-message'));
export const toast = (page: Page, text: string) =>
  page.locator('.el-message').filter({ hasText: text }).first().waitFor();
/** A refusal of the API as the console shows it: an error message, in Chinese. */
export const refusal = (page: Page) => page.locator('.el-message--error').first();

/** The prompt of an ElMessageBox (回避 reason, objection finding, rejection reason): typed and confirmed. */
export async function answerPrompt(page: Page, text: string, confirm: string): Promise<void> {
  const box = page.locator('.el-message-box');
  await box.locator('textarea').fill(text);
  await box.getByRole('button', { name: confirm }).click();
  await box.waitFor({ state: 'hidden' });
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国文';
const SPECIALTIES = ['计量', '质量', '标准化'];

/**
 * An applications CSV of `count` regular professor applicants, each eligible (pledge, employer
 * publicity of 5 working days, department review), with distinct valid ID numbers: a round
 * big enough that its issuance takes seconds, so the progress bar is seen part-way.
 */
export function manyApplications(count: number): { csv: string; idNumbers: string[] } {
  const header =
    '姓名,身份证号,工作单位,专业,申报渠道,量化赋分,真实性承诺,单位公示开始,单位公示结束,主管部门审核,中评委推荐';
  const idNumbers: string[] = [];
  const rows = Array.from({ length: count }, (_, i) => {
    // 900 sequence numbers a birth date, 101 days between dates: distinct ID numbers.
    const birth = new Date(Date.UTC(1970, 0, 1) + Math.floor(i / 900) * 101 * 86_400_000).toISOString().slice(0, 10);
    const id = makeIdNumber(birth, 100 + (i % 900));
    idNumbers.push(id);
    const name = SURNAMES[i % SURNAMES.length] + GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length] + GIVEN[i % 7];
    return `${name},${id},浙江省计量科学研究院,${SPECIALTIES[i % 3]},常规,,是,2026-10-12,2026-10-16,是,`;
  });
  return { csv: [header, ...rows].join('\n'), idNumbers };
}

export type RoundStage = 'approved' | 'meeting-held';

/**
 * Brings a professor round of 2026 (meeting 2026-12-18) to a stage through the API, each step on
 * its day as in test/support/evaluation-round.ts: the way in for a browser spec of a later step.
 * 'approved' stops after HRSS's approval (clock on 2026-12-08), 'meeting-held' after the result
 * is confirmed with every applicant passing (clock on 2026-12-18). Returns the round id and the
 * codes of the committee in the draw's order.
 */
export async function roundThroughApi(
  t: TestApp,
  officers: { amr: Officer; hrss: Officer },
  stage: RoundStage,
  applicationsCsv = readFileSync(fixture('applications-professor.csv'), 'utf8'),
): Promise<{ id: number; members: string[] }> {
  let { amr, hrss } = officers;
  const day = async (date: string) => {
    t.clock.set(chinaMorning(date));
    [amr, hrss] = await Promise.all([freshToken(t, amr), freshToken(t, hrss)]);
  };
  const step = async (path: string, body?: unknown, by = amr, csv = false): Promise<ApiResponse> => {
    const headers: Record<string, string> = csv ? { 'content-type': 'text/csv; charset=utf-8' } : {};
    const response = await api(t, 'POST', `/api/v1/evaluation${path}`, body, by.token, headers);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response;
  };

  await day('2026-11-02');
  const pool = readFileSync(fixture('pool-professor.csv'), 'utf8');
  await step('/pools/professor/import?reviewedOn=2026-06-30', pool, amr, true);
  const id = (await step('/rounds', { level: 'professor', year: 2026, meetingDate: '2026-12-18' })).body.id as number;
  await step(`/rounds/${id}/applications/import`, applicationsCsv, amr, true);
  await step(`/rounds/${id}/applications-closure`);
  await day('2026-12-01');
  await step(`/rounds/${id}/eligibility-check`);
  const seed = randomBytes(32).toString('hex');
  const commitment = createHash('sha256').update(seed).digest('hex');
  await step(`/rounds/${id}/draw-commitment`, { commitment, committeeSize: 25, viceChairs: 2 });
  const witness = { value: '2026138', source: '中国福利彩票 双色球 2026138期', publishedOn: '2026-12-01' };
  await step(`/rounds/${id}/draw-witness`, witness);
  const members = ((await step(`/rounds/${id}/draw`, { seed })).body as Array<{ code: string }>).map((m) => m.code);
  await day('2026-12-08');
  await step(`/rounds/${id}/pre-evaluation-report`, { reportedOn: '2026-12-04' });
  const approval = { approvalDocument: '浙人社〔2026〕88号', approvedOn: '2026-12-08' };
  await step(`/rounds/${id}/hrss-approval`, approval, hrss);
  if (stage === 'approved') return { id, members };

  await day('2026-12-18');
  await step(`/rounds/${id}/attendance`, { present: members.slice(0, 17) });
  // The teller's CSV (a JSON body of thousands of tallies is over the JSON limit): everyone passes.
  const idNumbers = applicationsCsv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[1]);
  const tally = ['身份证号,赞成,反对,弃权', ...idNumbers.map((idNumber) => `${idNumber},15,1,1`)].join('\n');
  await step(`/rounds/${id}/tally/import`, tally, amr, true);
  await step(`/rounds/${id}/result-confirmation`, { presidingCode: members[0] });
  return { id, members };
}
