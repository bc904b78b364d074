// The console's pure 评审 logic, run by the unit project under Node (tsconfig.json checks this
// spec; tsconfig.office.json, the browser's view, leaves specs out).
import { ROUND_STATES as SERVICE_STATES } from '../../../src/evaluation/round-states';
import {
  currentStepIndex,
  mayAct,
  mayManageRounds,
  ROUND_STATES,
  roundSteps,
  type RoundContext,
  type RoundDetail,
} from './round-steps';

const amrAdmin = { username: 'amr-admin', authority: 'amr', roles: ['admin'] };
const hrssAdmin = { username: 'hrss-admin', authority: 'hrss', roles: ['admin'] };
const issuer = { username: 'hrss-issuer', authority: 'hrss', roles: ['issuer'] };
const auditor = { username: 'amr-auditor', authority: 'amr', roles: ['auditor'] };

function round(patch: Partial<RoundDetail> = {}): RoundDetail {
  return {
    id: 1,
    level: 'professor',
    year: 2026,
    meetingDate: '2026-12-18',
    state: 'OPEN',
    scoreThreshold: null,
    commitment: null,
    snapshotSha256: null,
    seed: null,
    applicationsClosedOn: null,
    drawnAt: null,
    reportedOn: null,
    reportedBy: null,
    hrssApprovalDocument: null,
    hrssApprovedOn: null,
    attendance: null,
    presidingCode: null,
    publicityStart: null,
    publicityEnd: null,
    jointDocument: null,
    publishedOn: null,
    publicationProposedBy: null,
    publicationProposedAuthority: null,
    preEvaluationReportLatest: '2026-12-04',
    resultsPublicityEarliestEnd: '2026-12-03',
    resultsPublicityWorkingDays: null,
    publicationRejection: null,
    ...patch,
  };
}
const context = (patch: Partial<RoundContext> = {}): RoundContext => ({
  today: '2026-12-01',
  witnessRecorded: false,
  tallied: false,
  openObjections: 0,
  ...patch,
});

describe('the 评审 wizard (web/office/src/round-steps.ts)', () => {
  it('keeps the service’s order of states', () => {
    expect(ROUND_STATES).toEqual(SERVICE_STATES);
  });

  it('lists the steps in the plan’s order, done up to the one the round waits for', () => {
    const drawn = round({
      state: 'ELIGIBILITY_CHECKED',
      applicationsClosedOn: '2026-11-02',
      drawnAt: '2026-12-01T02:00:00Z',
    });
    const steps = roundSteps(drawn);
    expect(steps.map((s) => s.title)).toEqual([
      '申报受理',
      '资格审查',
      '抽取评委',
      '报送核准',
      '人社厅核准',
      '评审会议',
      '结果公示',
      '联合发文',
      '批量发证',
    ]);
    expect(steps.map((s) => s.status)).toEqual([
      'done',
      'done',
      'done',
      'current',
      'pending',
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
    expect(steps[0].dates).toEqual(['截止：2026-11-02']);
    expect(steps[2].dates).toEqual(['抽取：2026-12-01']);
    expect(steps[3].dates).toEqual(['最迟：2026-12-04（会前 10 个工作日）']);
    expect(currentStepIndex(round({ state: 'CERTIFICATES_ISSUED' }))).toBe(9);
  });

  it('shows the recorded publicity with the working days the service counted', () => {
    const publicised = round({
      state: 'RESULTS_PUBLICISED',
      publicityStart: '2026-12-21',
      publicityEnd: '2026-12-25',
      resultsPublicityWorkingDays: 5,
    });
    const steps = roundSteps(publicised);
    expect(steps[6].dates).toEqual(['2026-12-21 至 2026-12-25', '共 5 个工作日']);
    expect(steps[7]).toMatchObject({ status: 'current', dates: ['公示期满（2026-12-25）后'] });
  });

  it('lets only AMR admins open rounds and run AMR’s steps, with the reason otherwise', () => {
    expect(mayManageRounds(amrAdmin)).toEqual({ allowed: true });
    expect(mayManageRounds(hrssAdmin)).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('市场监督管理局'),
    });
    expect(mayAct('importApplications', amrAdmin, round(), context())).toEqual({ allowed: true });
    expect(mayAct('importApplications', hrssAdmin, round(), context()).allowed).toBe(false);
    expect(mayAct('importApplications', auditor, round(), context())).toMatchObject({ allowed: false });
    expect(mayAct('checkEligibility', amrAdmin, round(), context())).toEqual({
      allowed: false,
      reason: '尚未到此步骤。',
    });
    expect(mayAct('importApplications', amrAdmin, round({ state: 'APPLICATIONS_CLOSED' }), context())).toEqual({
      allowed: false,
      reason: '此步骤已完成。',
    });
  });

  it('walks the draw: commitment, a witness by either authority, then the reveal', () => {
    const checked = round({ state: 'ELIGIBILITY_CHECKED' });
    expect(mayAct('commitDraw', amrAdmin, checked, context()).allowed).toBe(true);
    expect(mayAct('recordWitness', hrssAdmin, checked, context())).toEqual({
      allowed: false,
      reason: '须先公布承诺值。',
    });
    const committed = round({ state: 'ELIGIBILITY_CHECKED', commitment: 'a'.repeat(64) });
    expect(mayAct('commitDraw', amrAdmin, committed, context()).allowed).toBe(false);
    expect(mayAct('recordWitness', hrssAdmin, committed, context()).allowed).toBe(true);
    expect(mayAct('revealDraw', amrAdmin, committed, context()).allowed).toBe(false);
    expect(mayAct('revealDraw', amrAdmin, committed, context({ witnessRecorded: true })).allowed).toBe(true);
    expect(mayAct('revealDraw', hrssAdmin, committed, context({ witnessRecorded: true })).allowed).toBe(false);
  });

  it('leaves the approval to HRSS once AMR has reported', () => {
    const reported = round({ state: 'ELIGIBILITY_CHECKED', drawnAt: 'x', reportedOn: '2026-12-04' });
    expect(mayAct('approveReport', hrssAdmin, reported, context()).allowed).toBe(true);
    expect(mayAct('approveReport', amrAdmin, reported, context())).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('人力资源和社会保障厅'),
    });
    expect(mayAct('withdrawMember', amrAdmin, reported, context()).allowed).toBe(true);
  });

  it('opens the meeting’s steps on the meeting day, in order, and closes withdrawals at attendance', () => {
    const approved = round({ state: 'PRE_EVALUATION_REPORTED', drawnAt: 'x' });
    expect(mayAct('recordAttendance', amrAdmin, approved, context({ today: '2026-12-17' }))).toEqual({
      allowed: false,
      reason: '评审会议日（2026-12-18）起方可办理。',
    });
    const meetingDay = context({ today: '2026-12-18' });
    expect(mayAct('recordAttendance', amrAdmin, approved, meetingDay).allowed).toBe(true);
    expect(mayAct('recordTally', amrAdmin, approved, meetingDay)).toEqual({ allowed: false, reason: '须先签到。' });
    const present = round({ state: 'PRE_EVALUATION_REPORTED', drawnAt: 'x', attendance: ['Z001'] });
    expect(mayAct('withdrawMember', amrAdmin, present, meetingDay).allowed).toBe(false);
    expect(mayAct('recordTally', amrAdmin, present, meetingDay).allowed).toBe(true);
    expect(mayAct('confirmResult', amrAdmin, present, meetingDay).allowed).toBe(false);
    const tallied = context({ today: '2026-12-18', tallied: true });
    expect(mayAct('confirmResult', amrAdmin, present, tallied).allowed).toBe(true);
    expect(mayAct('recordAttendance', amrAdmin, present, tallied).allowed).toBe(false);
  });

  it('publishes after the publicity, objections resolved, confirmed by the other authority', () => {
    const publicised = round({ state: 'RESULTS_PUBLICISED', publicityStart: '2026-12-21', publicityEnd: '2026-12-25' });
    expect(mayAct('proposePublication', hrssAdmin, publicised, context({ today: '2026-12-25' })).allowed).toBe(false);
    const after = context({ today: '2026-12-28' });
    expect(mayAct('proposePublication', hrssAdmin, publicised, after).allowed).toBe(true);
    expect(mayAct('proposePublication', hrssAdmin, publicised, { ...after, openObjections: 1 })).toEqual({
      allowed: false,
      reason: '尚有未处理的异议。',
    });
    const proposed = {
      ...publicised,
      publicationProposedAuthority: 'amr' as const,
      publicationProposedBy: 'amr-admin',
    };
    expect(mayAct('confirmPublication', amrAdmin, proposed, after).allowed).toBe(false);
    expect(mayAct('confirmPublication', hrssAdmin, proposed, after).allowed).toBe(true);
    expect(mayAct('rejectPublication', amrAdmin, proposed, after).allowed).toBe(true);
  });

  it('leaves the issuance to issuers of either authority once published', () => {
    const published = round({ state: 'PUBLISHED' });
    expect(mayAct('issueCertificates', issuer, published, context()).allowed).toBe(true);
    expect(mayAct('issueCertificates', amrAdmin, published, context())).toEqual({
      allowed: false,
      reason: '仅签发人员可以发证。',
    });
    expect(mayAct('issueCertificates', issuer, round({ state: 'CERTIFICATES_ISSUED' }), context()).allowed).toBe(false);
  });
});
