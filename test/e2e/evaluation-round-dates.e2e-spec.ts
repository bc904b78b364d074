import { chinaMorning, publishedProfessorRound, signIn } from '../support/evaluation-round';
import { api, officer, startTestApp, TestApp } from '../support/test-app';

/** GET …/rounds/{id} carries the dates the working-day calendar gives: the console's wizard shows them. */
describe('a round with its working-day dates (e2e)', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await startTestApp({ now: chinaMorning('2026-11-02') });
  });
  afterEach(async () => t.close());

  it('gives the report deadline, the publicity’s earliest end and its working days', async () => {
    const amr = await officer(t, 'amr-office', 'amr', ['admin']);
    const hrss = await officer(t, 'hrss-office', 'hrss', ['admin']);
    const id = await publishedProfessorRound(t, amr, hrss);
    const auditor = await signIn(t, await officer(t, 'hrss-auditor', 'hrss', ['auditor']));
    const round = await api(t, 'GET', `/api/v1/evaluation/rounds/${id}`, undefined, auditor.token);
    expect(round.status).toBe(200);
    expect(round.body).toMatchObject({
      state: 'PUBLISHED',
      meetingDate: '2026-12-18',
      // Friday 4 December: the 10th working day before Friday 18 December (四.三.4).
      preEvaluationReportLatest: '2026-12-04',
      // The recorded publicity, 21–25 December: 5 working days, the least it may have (四.三.6).
      resultsPublicityEarliestEnd: '2026-12-25',
      resultsPublicityWorkingDays: 5,
    });
  });

  it('counts a publicity not yet recorded from the meeting while it is ahead (it follows the meeting)', async () => {
    const amr = await officer(t, 'amr-office', 'amr', ['admin']);
    const created = await api(
      t,
      'POST',
      '/api/v1/evaluation/rounds',
      { level: 'professor', year: 2026, meetingDate: '2026-12-18' },
      amr.token,
    );
    expect(created.status).toBe(201);
    const round = await api(t, 'GET', `/api/v1/evaluation/rounds/${created.body.id}`, undefined, amr.token);
    // From Friday 18 December (the meeting), not today (2 November): 18, 21–24 December.
    expect(round.body).toMatchObject({
      preEvaluationReportLatest: '2026-12-04',
      resultsPublicityEarliestEnd: '2026-12-24',
      resultsPublicityWorkingDays: null,
    });
  });
});
