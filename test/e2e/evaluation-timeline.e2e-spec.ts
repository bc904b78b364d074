import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeIdNumber } from '../support/builders';
import { chinaMorning, signIn } from '../support/evaluation-round';
import { api, ApiResponse, officer, Officer, startTestApp, TestApp } from '../support/test-app';

const FIXTURES = join(__dirname, '../fixtures/evaluation');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const CSV = { 'content-type': 'text/csv; charset=utf-8' };

/** A 422 TIMELINE_OUT_OF_ORDER whose details and message name both steps and both dates. */
function outOfOrder(response: ApiResponse, step: string, date: string, otherStep: string, otherDate: string): void {
  expect([response.status, response.body.code, response.body.details]).toEqual([
    422,
    'TIMELINE_OUT_OF_ORDER',
    { step, date, otherStep, otherDate },
  ]);
  expect(response.body.message).toEqual(expect.stringContaining(date));
  expect(response.body.message).toEqual(expect.stringContaining(otherDate));
}

describe("a round's dates follow the plan's order and none is in the future (e2e)", () => {
  let t: TestApp;
  let amr: Officer;
  let hrss: Officer;

  beforeAll(async () => {
    t = await startTestApp({ now: chinaMorning('2026-11-02') });
    await t.reset();
    amr = await officer(t, 'amr-office', 'amr', ['admin']);
    hrss = await officer(t, 'hrss-office', 'hrss', ['admin']);
  });
  afterAll(async () => t.close());

  async function day(date: string): Promise<void> {
    t.clock.set(chinaMorning(date));
    [amr, hrss] = await Promise.all([amr, hrss].map((o) => signIn(t, o)));
  }
  const post = (path: string, body?: unknown, by = amr, headers: Record<string, string> = {}) =>
    api(t, 'POST', `/api/v1/evaluation${path}`, body, by.token, headers);

  it('refuses each date out of order with 422 naming both, from the closure to the publication', async () => {
    await post('/pools/professor/import?reviewedOn=2026-06-30', fixture('pool-professor.csv'), amr, CSV);
    const id = (await post('/rounds', { level: 'professor', year: 2026, meetingDate: '2026-12-18' })).body.id as number;
    await post(`/rounds/${id}/applications/import`, fixture('applications-professor.csv'), amr, CSV);
    const late = await post(`/rounds/${id}/applications`, {
      name: '周明',
      idNumber: makeIdNumber('1975-05-05', 31),
      employer: '浙江省计量科学研究院',
      specialty: 'metrology',
      channel: 'regular',
      quantitativeScore: null,
      pledge: true,
      employerPublicityStart: '2026-10-26',
      employerPublicityEnd: '2026-10-30',
      departmentReviewed: true,
      intermediateRecommended: false,
    });
    expect(late.status).toBe(201);

    // Applications close after every employer's publicity ended and before the meeting.
    await day('2026-10-29');
    outOfOrder(
      await post(`/rounds/${id}/applications-closure`),
      'applicationsClosure',
      '2026-10-29',
      'employerPublicityEnd',
      '2026-10-30',
    );
    await day('2026-12-19');
    outOfOrder(
      await post(`/rounds/${id}/applications-closure`),
      'applicationsClosure',
      '2026-12-19',
      'meeting',
      '2026-12-18',
    );
    await day('2026-11-02');
    expect((await post(`/rounds/${id}/applications-closure`)).body).toMatchObject({
      state: 'APPLICATIONS_CLOSED',
      applicationsClosedOn: '2026-11-02',
    });

    // The draw: after the closure, before the meeting (dated the day it is drawn).
    await day('2026-12-01');
    await post(`/rounds/${id}/eligibility-check`);
    const seed = randomBytes(32).toString('hex');
    const commitment = createHash('sha256').update(seed).digest('hex');
    expect((await post(`/rounds/${id}/draw-commitment`, { commitment, committeeSize: 25, viceChairs: 2 })).status).toBe(
      200,
    );
    const witness = { value: '2026138', source: '中国福利彩票 双色球 2026138期', publishedOn: '2026-12-01' };
    expect((await post(`/rounds/${id}/draw-witness`, witness)).status).toBe(200);
    await day('2026-12-19');
    outOfOrder(await post(`/rounds/${id}/draw`, { seed }), 'draw', '2026-12-19', 'meeting', '2026-12-18');
    await day('2026-12-01');
    expect((await post(`/rounds/${id}/draw`, { seed })).status).toBe(200);

    // The report: after the draw, not in the future; HRSS's approval after the report, before the meeting.
    outOfOrder(
      await post(`/rounds/${id}/pre-evaluation-report`, { reportedOn: '2026-11-30' }),
      'preEvaluationReport',
      '2026-11-30',
      'draw',
      '2026-12-01',
    );
    outOfOrder(
      await post(`/rounds/${id}/pre-evaluation-report`, { reportedOn: '2026-12-02' }),
      'preEvaluationReport',
      '2026-12-02',
      'today',
      '2026-12-01',
    );
    await day('2026-12-08');
    expect((await post(`/rounds/${id}/pre-evaluation-report`, { reportedOn: '2026-12-04' })).status).toBe(200);
    const approval = (approvedOn: string) =>
      post(`/rounds/${id}/hrss-approval`, { approvalDocument: '浙人社〔2026〕88号', approvedOn }, hrss);
    outOfOrder(await approval('2026-12-03'), 'hrssApproval', '2026-12-03', 'preEvaluationReport', '2026-12-04');
    outOfOrder(await approval('2026-12-09'), 'hrssApproval', '2026-12-09', 'today', '2026-12-08');
    await day('2026-12-19');
    outOfOrder(await approval('2026-12-19'), 'hrssApproval', '2026-12-19', 'meeting', '2026-12-18');
    // Its document is numbered in the approval's year, not before the round's.
    for (const approvalDocument of ['浙人社〔2099〕88号', '浙人社〔2025〕88号']) {
      const refused = await post(`/rounds/${id}/hrss-approval`, { approvalDocument, approvedOn: '2026-12-08' }, hrss);
      expect([refused.status, refused.body.code, refused.body.details]).toEqual([
        400,
        'DECISION_DOCUMENT_INVALID',
        { field: 'approvalDocument', earliest: 2026, latest: 2026 },
      ]);
    }
    expect((await approval('2026-12-08')).body.state).toBe('PRE_EVALUATION_REPORTED');

    // The meeting's steps are taken on or after the meeting date.
    await day('2026-12-17');
    const members = (
      (await api(t, 'GET', `/api/v1/evaluation/rounds/${id}/committee`, undefined, amr.token)).body as Array<{
        code: string;
      }>
    ).map((m) => m.code);
    const early = await post(`/rounds/${id}/attendance`, { present: members.slice(0, 17) });
    expect([early.status, early.body.code, early.body.details]).toEqual([
      422,
      'MEETING_DATE_NOT_REACHED',
      { meetingDate: '2026-12-18' },
    ]);
    await day('2026-12-18');
    await post(`/rounds/${id}/attendance`, { present: members.slice(0, 17) });
    const applications = (await api(t, 'GET', `/api/v1/evaluation/rounds/${id}/applications`, undefined, amr.token))
      .body as Array<{ id: number }>;
    await post(`/rounds/${id}/tally`, {
      tallies: applications.map((a) => ({ applicationId: a.id, yes: 15, no: 1, abstain: 1 })),
    });
    expect((await post(`/rounds/${id}/result-confirmation`, { presidingCode: members[0] })).body.state).toBe(
      'MEETING_HELD',
    );

    // The results publicity starts after the meeting and by today; it ends after it starts.
    await day('2026-12-21');
    const publicity = (start: string, end: string) => post(`/rounds/${id}/results-publicity`, { start, end });
    outOfOrder(
      await publicity('2026-12-17', '2026-12-25'),
      'resultsPublicityStart',
      '2026-12-17',
      'meeting',
      '2026-12-18',
    );
    outOfOrder(
      await publicity('2026-12-22', '2026-12-29'),
      'resultsPublicityStart',
      '2026-12-22',
      'today',
      '2026-12-21',
    );
    outOfOrder(
      await publicity('2026-12-21', '2026-12-20'),
      'resultsPublicityEnd',
      '2026-12-20',
      'resultsPublicityStart',
      '2026-12-21',
    );
    expect((await publicity('2026-12-21', '2026-12-25')).body.state).toBe('RESULTS_PUBLICISED');

    // The publication: after the publicity, not in the future.
    await day('2026-12-28');
    const publication = (publishedOn: string) =>
      post(`/rounds/${id}/publication`, { jointDocument: '浙市监人〔2026〕50号', publishedOn });
    outOfOrder(await publication('2026-12-29'), 'publication', '2026-12-29', 'today', '2026-12-28');
    for (const jointDocument of ['浙市监人〔2027〕50号', '浙市监人〔2016〕50号']) {
      const refused = await post(`/rounds/${id}/publication`, { jointDocument, publishedOn: '2026-12-28' });
      expect([refused.status, refused.body.code, refused.body.details]).toEqual([
        400,
        'APPROVAL_DOCUMENT_INVALID',
        { field: 'jointDocument', earliest: 2026, latest: 2026 },
      ]);
    }
    expect((await publication('2026-12-28')).body.publicationProposedBy).toBe('amr-office');
    expect((await post(`/rounds/${id}/publication/confirmation`, undefined, hrss)).body).toMatchObject({
      state: 'PUBLISHED',
      applicationsClosedOn: '2026-11-02',
      reportedOn: '2026-12-04',
      hrssApprovedOn: '2026-12-08',
      publicityStart: '2026-12-21',
      publicityEnd: '2026-12-25',
      publishedOn: '2026-12-28',
    });
  });
});
