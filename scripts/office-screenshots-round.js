/**
 * The 评审 pictures of docs/office.md, for scripts/office-screenshots.js: one professor round of
 * 2026 (meeting on 2026-12-18) taken over the API from the pool to the issued certificates, each
 * step on its day (the app's clock moves forward only, starting where the other pictures were
 * taken), and photographed at the draw, the attendance, the objections and the issuance.
 * The steps follow test/browser/round-steps.ts; the fixtures are those of the browser specs.
 */
/* global fetch, document -- Node 20's fetch; `document` inside functions run in the page */
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const FIXTURES = join(__dirname, '..', 'test', 'fixtures', 'evaluation');
const fixture = (name) => readFileSync(join(FIXTURES, name), 'utf8');
/** 10:00 in Beijing on a date. */
const chinaMorning = (date) => new Date(`${date}T02:00:00Z`);
const password = (username) => `pw-${username}-correct-horse`;

/**
 * @param ctx.baseUrl the app's address
 * @param ctx.clock the app's FixedClock, moved day by day
 * @param ctx.addOfficer (username, authority, roles) → adds an account
 * @param ctx.as (username, now) → a signed-in page whose clock is at `now`
 * @param ctx.shoot (page, name) → writes docs/office/name.png
 */
async function shootRound({ baseUrl, clock, addOfficer, as, shoot }) {
  const tokens = {};
  const signIn = async (username) => {
    const response = await fetch(`${baseUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: password(username) }),
    });
    tokens[username] = (await response.json()).accessToken;
  };
  await addOfficer('hrss-admin', 'hrss', ['admin']);
  await addOfficer('hrss-issuer', 'hrss', ['issuer']);
  const admins = ['amr-admin', 'hrss-admin'];
  // Access tokens live 15 minutes and the clock moves by days: each day's officers sign in afresh.
  const day = async (date) => {
    clock.set(chinaMorning(date));
    for (const username of admins) await signIn(username);
  };
  const step = async (path, body, by = 'amr-admin', csv = false) => {
    const response = await fetch(`${baseUrl}/api/v1/evaluation${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens[by]}`,
        ...(body === undefined ? {} : { 'content-type': csv ? 'text/csv; charset=utf-8' : 'application/json' }),
      },
      body: body === undefined ? undefined : csv ? body : JSON.stringify(body),
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(answer)}`);
    return answer;
  };
  const get = (path) =>
    fetch(`${baseUrl}/api/v1/evaluation${path}`, { headers: { authorization: `Bearer ${tokens['amr-admin']}` } }).then(
      (response) => response.json(),
    );
  const now = () => clock.now();
  const wizard = async (username, id) => {
    const page = await as(username, now());
    await page.goto(`${baseUrl}/office/evaluation/rounds/${id}`);
    await page.locator('.round-panel-title').waitFor();
    return page;
  };
  /** No success message over the picture (they fade after 3 s). */
  const settled = (page) => page.waitForFunction(() => !document.querySelector('.el-message'));

  await day('2026-11-27');
  await step('/pools/professor/import?reviewedOn=2026-06-30', fixture('pool-professor.csv'), 'amr-admin', true);
  const { id } = await step('/rounds', { level: 'professor', year: 2026, meetingDate: '2026-12-18' });
  const applicationsCsv = fixture('applications-professor.csv');
  await step(`/rounds/${id}/applications/import`, applicationsCsv, 'amr-admin', true);
  await step(`/rounds/${id}/applications-closure`);

  await day('2026-12-01');
  await step(`/rounds/${id}/eligibility-check`);
  // A fixed seed (never one to use in a real round): the picture changes only when the console does.
  const seed = createHash('sha256').update('office-screenshots').digest('hex');
  const commitment = createHash('sha256').update(seed).digest('hex');
  await step(`/rounds/${id}/draw-commitment`, { commitment, committeeSize: 25, viceChairs: 2 });
  const witness = {
    value: '03 09 14 21 27 33 + 08',
    source: '中国福利彩票 双色球 2026138期 开奖号码',
    publishedOn: '2026-12-01',
  };
  await step(`/rounds/${id}/draw-witness`, witness, 'hrss-admin');
  const members = (await step(`/rounds/${id}/draw`, { seed })).map((m) => m.code);
  const drawing = await wizard('amr-admin', id);
  // The wizard opens on the next step (报送核准); the draw's record is on its own step.
  await drawing.locator('.el-step').nth(2).click();
  await drawing.getByTestId('verification').getByText('一致').waitFor();
  await drawing.locator('.round-panel-title').evaluate((title) => title.scrollIntoView());
  await settled(drawing);
  await shoot(drawing, 'round-draw');

  await day('2026-12-08');
  await step(`/rounds/${id}/pre-evaluation-report`, { reportedOn: '2026-12-04' });
  await step(
    `/rounds/${id}/hrss-approval`,
    { approvalDocument: '浙人社〔2026〕88号', approvedOn: '2026-12-08' },
    'hrss-admin',
  );
  // A member withdraws before the meeting; the next expert of the draw's order takes the seat.
  await step(`/rounds/${id}/committee/withdrawals`, { code: members[5], reason: '与申报人系近亲属关系。' });

  await day('2026-12-18');
  const meeting = await wizard('amr-admin', id);
  const ticks = meeting.locator('.meeting-table').first().locator('.el-table__body .el-checkbox');
  for (let i = 0; i < 17; i++) await ticks.nth(i).click();
  await meeting.getByRole('button', { name: '保存签到（已勾选 17 / 25 人）' }).waitFor();
  // Ticking scrolled the list; the picture starts at the chair.
  await meeting
    .locator('.meeting-table')
    .first()
    .locator('.el-scrollbar__wrap')
    .evaluate((list) => list.scrollTo(0, 0));
  await shoot(meeting, 'round-attendance');
  await meeting.getByRole('button', { name: '保存签到（已勾选 17 / 25 人）' }).click();
  await meeting.locator('.el-message').filter({ hasText: '已保存签到' }).first().waitFor();
  const idNumbers = applicationsCsv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[1]);
  const tally = ['身份证号,赞成,反对,弃权', ...idNumbers.map((idNumber) => `${idNumber},15,1,1`)].join('\n');
  await step(`/rounds/${id}/tally/import`, tally, 'amr-admin', true);
  const sitting = (await get(`/rounds/${id}/committee`)).map((m) => m.code);
  await step(`/rounds/${id}/result-confirmation`, { presidingCode: sitting[0] });

  await day('2026-12-21');
  await step(`/rounds/${id}/results-publicity`, { start: '2026-12-21', end: '2026-12-25' });
  const applications = await get(`/rounds/${id}/applications`);
  const objection = (n, summary, receivedOn) =>
    step(`/rounds/${id}/objections`, { applicationId: applications[n].id, summary, receivedOn });
  const first = await objection(0, '反映其业绩材料中的检测报告系他人完成。', '2026-12-21');
  const second = await objection(1, '反映其论文存在抄袭。', '2026-12-21');
  await step(`/rounds/${id}/objections/${first.id}/resolution`, {
    outcome: 'dismissed',
    finding: '经核查，检测报告由本人主持完成，异议不成立。',
  });
  const publicity = await wizard('amr-admin', id);
  await publicity.locator('.el-step').nth(6).click();
  await publicity.locator('.publicity-table .el-table__row').filter({ hasText: '抄袭' }).waitFor();
  await settled(publicity);
  await shoot(publicity, 'round-publicity');

  await day('2026-12-28');
  await step(`/rounds/${id}/objections/${second.id}/resolution`, {
    outcome: 'upheld',
    finding: '经核查，论文第三章与他人已发表论文雷同，异议成立。',
  });
  const publication = { jointDocument: '浙市监人〔2026〕50号', publishedOn: '2026-12-28' };
  await step(`/rounds/${id}/publication`, publication, 'hrss-admin');
  await step(`/rounds/${id}/publication/confirmation`);
  const issuing = await wizard('hrss-issuer', id);
  await issuing.getByRole('button', { name: '开始批量发证' }).click();
  await issuing.getByTestId('issuance-progress').getByText('已全部签发：7 / 7').waitFor();
  await issuing.locator('.round-state').filter({ hasText: '证书已签发' }).waitFor();
  await settled(issuing);
  await shoot(issuing, 'round-issued');

  const list = await as('amr-admin', now());
  await list.goto(`${baseUrl}/office/evaluation`);
  await list.locator('.round-list .el-table__row').filter({ hasText: '证书已签发' }).waitFor();
  await settled(list);
  await shoot(list, 'round-list');
}

module.exports = { shootRound };
