import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chinaMorning, signIn } from '../support/evaluation-round';
import { api, ApiResponse, officer, Officer, startTestApp, TestApp } from '../support/test-app';
import { DEFAULT_TEST_NOW } from '../support/test-clock';

const FIXTURES = join(__dirname, '../fixtures/evaluation');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const CSV = { 'content-type': 'text/csv; charset=utf-8' };

/**
 * The round opens on the test clock's day, Friday 27 November 2026. Every step before the
 * meeting may be taken that day, the report included; it must reach HRSS 10 working days before
 * the meeting (四.三.4): 30 November – 4 December and 7–11 December, so Friday 11 December is the
 * earliest meeting.
 */
const TODAY = '2026-11-27';
const EARLIEST = '2026-12-11';

describe('opening a round: a meeting its timeline can reach, a threshold only where the level has one (e2e)', () => {
  let t: TestApp;
  let amr: Officer;
  let hrss: Officer;

  beforeAll(async () => {
    t = await startTestApp({ now: DEFAULT_TEST_NOW });
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    await t.reset();
    t.clock.set(DEFAULT_TEST_NOW);
    amr = await officer(t, 'amr-office', 'amr', ['admin']);
    hrss = await officer(t, 'hrss-office', 'hrss', ['admin']);
  });

  async function day(date: string): Promise<void> {
    t.clock.set(chinaMorning(date));
    [amr, hrss] = await Promise.all([amr, hrss].map((o) => signIn(t, o)));
  }
  const post = (path: string, body?: unknown, by = amr, headers: Record<string, string> = {}) =>
    api(t, 'POST', `/api/v1/evaluation${path}`, body, by.token, headers);
  /** A step that must succeed: its refusal fails the test with the API's reply. */
  const step = async (path: string, body?: unknown, by = amr, headers: Record<string, string> = {}) => {
    const response = await post(path, body, by, headers);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response;
  };

  function tooEarly(response: ApiResponse, meetingDate: string): void {
    expect([response.status, response.body.code, response.body.details]).toEqual([
      422,
      'MEETING_DATE_TOO_EARLY',
      { field: 'meetingDate', meetingDate, earliest: EARLIEST },
    ]);
    expect(response.body.message).toEqual(expect.stringContaining(EARLIEST));
  }

  /**
   * Every step before the meeting, on the day the round opens: applications, eligibility, the
   * draw (committed, witnessed, drawn) and the report to HRSS. The drawn members' codes.
   */
  async function drawnAndReported(id: number): Promise<string[]> {
    await step(`/rounds/${id}/applications/import`, fixture('applications-professor.csv'), amr, CSV);
    await step(`/rounds/${id}/applications-closure`);
    await step(`/rounds/${id}/eligibility-check`);
    const seed = randomBytes(32).toString('hex');
    const commitment = createHash('sha256').update(seed).digest('hex');
    await step(`/rounds/${id}/draw-commitment`, { commitment, committeeSize: 25, viceChairs: 2 });
    await step(`/rounds/${id}/draw-witness`, {
      value: '2026137',
      source: '中国福利彩票 双色球 2026137期',
      publishedOn: TODAY,
    });
    const members = ((await step(`/rounds/${id}/draw`, { seed })).body as Array<{ code: string }>).map((m) => m.code);
    await step(`/rounds/${id}/pre-evaluation-report`, { reportedOn: TODAY });
    return members;
  }

  it.each([
    ['in a past year', '2025-03-01'],
    ['in the past', '2026-03-01'],
    ['yesterday', '2026-11-26'],
    ['today', TODAY],
    ['the day before the earliest', '2026-12-10'],
  ])('refuses a meeting %s (%s): the timeline cannot reach it, and the level and year stay free', async (_, date) => {
    const year = Number(date.slice(0, 4));
    tooEarly(await post('/rounds', { level: 'professor', year, meetingDate: date }), date);
    tooEarly(await post('/rounds', { level: 'senior', year, meetingDate: date, scoreThreshold: 80 }), date);
    expect((await api(t, 'GET', '/api/v1/evaluation/rounds', undefined, amr.token)).body.items).toEqual([]);
  });

  it('refuses a round for a year after next, which would hold that level and year for good', async () => {
    for (const year of [2028, 9999]) {
      const refused = await post('/rounds', { level: 'professor', year, meetingDate: `${year}-03-01` });
      expect([year, refused.status, refused.body.code, refused.body.details]).toEqual([
        year,
        400,
        'EVALUATION_YEAR_INVALID',
        { field: 'year', latest: 2027 },
      ]);
    }
    expect((await api(t, 'GET', '/api/v1/evaluation/rounds', undefined, amr.token)).body.items).toEqual([]);
    // Next year's round may be opened now (its applications come in ahead of the meeting).
    expect((await post('/rounds', { level: 'professor', year: 2027, meetingDate: '2027-03-05' })).status).toBe(201);
  });

  it('keeps a round without applications open: closing it would leave a round that can go no further', async () => {
    const id = (await step('/rounds', { level: 'professor', year: 2027, meetingDate: '2027-03-05' })).body.id as number;
    const refused = await post(`/rounds/${id}/applications-closure`);
    expect([refused.status, refused.body.code]).toEqual([409, 'NO_APPLICATIONS']);
    const round = await api(t, 'GET', `/api/v1/evaluation/rounds/${id}`, undefined, amr.token);
    expect(round.body.state).toBe('OPEN');
  });

  it('accepts the earliest meeting, and the round reaches it with every step on time', async () => {
    await step('/pools/professor/import?reviewedOn=2026-06-30', fixture('pool-professor.csv'), amr, CSV);
    const created = await step('/rounds', { level: 'professor', year: 2026, meetingDate: EARLIEST });
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    const round = await api(t, 'GET', `/api/v1/evaluation/rounds/${id}`, undefined, amr.token);
    expect(round.body).toMatchObject({ meetingDate: EARLIEST, preEvaluationReportLatest: TODAY });

    // Everything before the meeting on the day the round opens.
    const members = await drawnAndReported(id);
    await day('2026-12-01');
    const approved = await step(
      `/rounds/${id}/hrss-approval`,
      { approvalDocument: '浙人社〔2026〕88号', approvedOn: '2026-12-01' },
      hrss,
    );
    expect(approved.body.state).toBe('PRE_EVALUATION_REPORTED');

    await day(EARLIEST);
    await step(`/rounds/${id}/attendance`, { present: members.slice(0, 17) });
    const applications = (await api(t, 'GET', `/api/v1/evaluation/rounds/${id}/applications`, undefined, amr.token))
      .body as Array<{ id: number }>;
    await step(`/rounds/${id}/tally`, {
      tallies: applications.map((a) => ({ applicationId: a.id, yes: 15, no: 1, abstain: 1 })),
    });
    const held = await step(`/rounds/${id}/result-confirmation`, { presidingCode: members[0] });
    expect(held.body).toMatchObject({ state: 'MEETING_HELD', meetingDate: EARLIEST });
  });

  it("takes HRSS's approval of next year's round, opened in December, under this year's document number", async () => {
    const calendar = JSON.parse(
      readFileSync(join(__dirname, '../../docs/examples/calendar-2027.json'), 'utf8'),
    ) as unknown;
    const imported = await api(t, 'PUT', '/api/v1/calendar/years/2027', calendar, amr.token);
    expect(imported.status).toBeLessThan(300);
    await step('/pools/professor/import?reviewedOn=2026-06-30', fixture('pool-professor.csv'), amr, CSV);
    const id = (await step('/rounds', { level: 'professor', year: 2027, meetingDate: '2027-01-15' })).body.id as number;
    await drawnAndReported(id);
    await day('2026-12-01');
    const approval = (approvalDocument: string) =>
      post(`/rounds/${id}/hrss-approval`, { approvalDocument, approvedOn: '2026-12-01' }, hrss);
    const early = await approval('浙人社〔2025〕88号');
    expect([early.status, early.body.code, early.body.details]).toEqual([
      400,
      'DECISION_DOCUMENT_INVALID',
      { field: 'approvalDocument', earliest: 2026, latest: 2026 },
    ]);
    expect((await approval('浙人社〔2026〕88号')).body.state).toBe('PRE_EVALUATION_REPORTED');
  });

  it('takes an explicit null threshold as no threshold: refused for senior as a missing one is, accepted for professor', async () => {
    const missing = await post('/rounds', { level: 'senior', year: 2026, meetingDate: '2026-12-18' });
    const explicitNull = await post('/rounds', {
      level: 'senior',
      year: 2026,
      meetingDate: '2026-12-18',
      scoreThreshold: null,
    });
    expect([explicitNull.status, explicitNull.body.code, explicitNull.body.details]).toEqual([
      400,
      'SCORE_THRESHOLD_INVALID',
      { field: 'scoreThreshold' },
    ]);
    expect(explicitNull.body).toEqual(missing.body);

    const professor = await post('/rounds', {
      level: 'professor',
      year: 2026,
      meetingDate: '2026-12-18',
      scoreThreshold: null,
    });
    expect([professor.status, professor.body.scoreThreshold]).toEqual([201, null]);
  });
});
