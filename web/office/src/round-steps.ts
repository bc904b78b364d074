import type { Officer } from './access';
import type { components } from './api/schema';

/**
 * The 评审 wizard's logic (docs/evaluation.md, "States" and "Who records each step"): the steps
 * of a round in the plan's order, which is done and which is current, and who may take each
 * action now. Pure, so the wizard shows no button the API would refuse, and a unit spec checks it.
 */
export type RoundDetail = components['schemas']['RoundDetailDto'];
export type RoundState = RoundDetail['state'];

/**
 * The states in the service's order (src/evaluation/round-states.ts; that file throws the
 * service's errors, so the console keeps this copy and the unit spec checks the two agree).
 */
export const ROUND_STATES: readonly RoundState[] = [
  'OPEN',
  'APPLICATIONS_CLOSED',
  'ELIGIBILITY_CHECKED',
  'PRE_EVALUATION_REPORTED',
  'MEETING_HELD',
  'RESULTS_PUBLICISED',
  'PUBLISHED',
  'CERTIFICATES_ISSUED',
];

export const STATE_NAMES: Record<RoundState, string> = {
  OPEN: '受理申报',
  APPLICATIONS_CLOSED: '申报已截止',
  ELIGIBILITY_CHECKED: '资格已审查',
  PRE_EVALUATION_REPORTED: '已报省人力社保厅核准',
  MEETING_HELD: '评审会议已举行',
  RESULTS_PUBLICISED: '结果公示中',
  PUBLISHED: '已联合发文',
  CERTIFICATES_ISSUED: '证书已签发',
};

export function stateName(state: string): string {
  return STATE_NAMES[state as RoundState] ?? state;
}

/** How far a round has come: the index of its state in the plan. */
function reached(round: Pick<RoundDetail, 'state'>, state: RoundState): boolean {
  return ROUND_STATES.indexOf(round.state) >= ROUND_STATES.indexOf(state);
}

export type StepKey =
  | 'applications'
  | 'eligibility'
  | 'draw'
  | 'report'
  | 'approval'
  | 'meeting'
  | 'publicity'
  | 'publication'
  | 'issuance';

interface StepDefinition {
  key: StepKey;
  title: string;
  done(round: RoundDetail): boolean;
}

/** The plan's order: the table of docs/evaluation.md, the joint steps split by who takes them. */
export const ROUND_STEPS: readonly StepDefinition[] = [
  { key: 'applications', title: '申报受理', done: (r) => reached(r, 'APPLICATIONS_CLOSED') },
  { key: 'eligibility', title: '资格审查', done: (r) => reached(r, 'ELIGIBILITY_CHECKED') },
  { key: 'draw', title: '抽取评委', done: (r) => r.drawnAt !== null || reached(r, 'PRE_EVALUATION_REPORTED') },
  { key: 'report', title: '报送核准', done: (r) => r.reportedOn !== null || reached(r, 'PRE_EVALUATION_REPORTED') },
  { key: 'approval', title: '人社厅核准', done: (r) => reached(r, 'PRE_EVALUATION_REPORTED') },
  { key: 'meeting', title: '评审会议', done: (r) => reached(r, 'MEETING_HELD') },
  { key: 'publicity', title: '结果公示', done: (r) => reached(r, 'RESULTS_PUBLICISED') },
  { key: 'publication', title: '联合发文', done: (r) => reached(r, 'PUBLISHED') },
  { key: 'issuance', title: '批量发证', done: (r) => reached(r, 'CERTIFICATES_ISSUED') },
];

export type StepStatus = 'done' | 'current' | 'pending';

export interface StepView {
  key: StepKey;
  title: string;
  status: StepStatus;
  /** What the step recorded or must meet, one line each (Beijing dates). */
  dates: string[];
}

/** The index of the first step not done; the last step's index + 1 when the round is complete. */
export function currentStepIndex(round: RoundDetail): number {
  const index = ROUND_STEPS.findIndex((step) => !step.done(round));
  return index === -1 ? ROUND_STEPS.length : index;
}

/** The day of an instant in Beijing, `YYYY-MM-DD`. */
export function beijingDate(instant: string | Date): string {
  return new Date(new Date(instant).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

function stepDates(key: StepKey, r: RoundDetail): string[] {
  const lines: Array<string | false | null> = (() => {
    switch (key) {
      case 'applications':
        return [r.applicationsClosedOn && `截止：${r.applicationsClosedOn}`];
      case 'eligibility':
        return [];
      case 'draw':
        return [r.drawnAt && `抽取：${beijingDate(r.drawnAt)}`];
      case 'report':
        return [
          r.reportedOn && `报送：${r.reportedOn}`,
          r.preEvaluationReportLatest && `最迟：${r.preEvaluationReportLatest}（会前 10 个工作日）`,
        ];
      case 'approval':
        return [r.hrssApprovedOn && `核准：${r.hrssApprovedOn}`];
      case 'meeting':
        return [`会议：${r.meetingDate}`];
      case 'publicity':
        return r.publicityStart
          ? [
              `${r.publicityStart} 至 ${r.publicityEnd ?? ''}`,
              r.resultsPublicityWorkingDays !== null && `共 ${r.resultsPublicityWorkingDays} 个工作日`,
            ]
          : [
              r.resultsPublicityEarliestEnd &&
                reached(r, 'MEETING_HELD') &&
                `今日开始最早 ${r.resultsPublicityEarliestEnd} 结束（5 个工作日）`,
            ];
      case 'publication':
        return [
          r.publishedOn && `发文：${r.publishedOn}`,
          r.publicityEnd && !r.publishedOn && `公示期满（${r.publicityEnd}）后`,
        ];
      case 'issuance':
        return [];
    }
  })();
  return lines.filter((line): line is string => typeof line === 'string' && line !== '');
}

/** Every step in the plan's order with its status and dates, as the wizard's el-steps shows them. */
export function roundSteps(round: RoundDetail): StepView[] {
  const current = currentStepIndex(round);
  return ROUND_STEPS.map((step, index) => ({
    key: step.key,
    title: step.title,
    status: index < current ? 'done' : index === current ? 'current' : 'pending',
    dates: stepDates(step.key, round),
  }));
}

/** What the wizard knows besides the round: from the draw record, the applications and the objections. */
export interface RoundContext {
  /** Today in Beijing, YYYY-MM-DD (the service's rules count China's days). */
  today: string;
  witnessRecorded: boolean;
  tallied: boolean;
  openObjections: number;
}

export type RoundAction =
  | 'importApplications'
  | 'closeApplications'
  | 'checkEligibility'
  | 'commitDraw'
  | 'recordWitness'
  | 'revealDraw'
  | 'withdrawMember'
  | 'submitReport'
  | 'approveReport'
  | 'recordAttendance'
  | 'recordTally'
  | 'confirmResult'
  | 'startPublicity'
  | 'addObjection'
  | 'resolveObjection'
  | 'proposePublication'
  | 'confirmPublication'
  | 'rejectPublication'
  | 'issueCertificates';

export type Verdict = { allowed: true } | { allowed: false; reason: string };

type Who = 'amr' | 'hrss' | 'either' | 'other';

const AMR_ONLY = '此步骤由浙江省市场监督管理局（高评委办公室）办理。';
const NOT_YET = '尚未到此步骤。';
const DONE = '此步骤已完成。';

/** Which role and authority take an action (src/evaluation/round-authorities.ts, the controllers' roles). */
const WHO: Record<RoundAction, { role: 'admin' | 'issuer'; who: Who }> = {
  importApplications: { role: 'admin', who: 'amr' },
  closeApplications: { role: 'admin', who: 'amr' },
  checkEligibility: { role: 'admin', who: 'amr' },
  commitDraw: { role: 'admin', who: 'amr' },
  recordWitness: { role: 'admin', who: 'either' },
  revealDraw: { role: 'admin', who: 'amr' },
  withdrawMember: { role: 'admin', who: 'amr' },
  submitReport: { role: 'admin', who: 'amr' },
  approveReport: { role: 'admin', who: 'hrss' },
  recordAttendance: { role: 'admin', who: 'amr' },
  recordTally: { role: 'admin', who: 'amr' },
  confirmResult: { role: 'admin', who: 'amr' },
  startPublicity: { role: 'admin', who: 'amr' },
  addObjection: { role: 'admin', who: 'amr' },
  resolveObjection: { role: 'admin', who: 'amr' },
  proposePublication: { role: 'admin', who: 'either' },
  confirmPublication: { role: 'admin', who: 'other' },
  rejectPublication: { role: 'admin', who: 'either' },
  issueCertificates: { role: 'issuer', who: 'either' },
};

/** The round's own precondition of an action (its state and earlier acts): the reason it waits, or none. */
function precondition(action: RoundAction, r: RoundDetail, c: RoundContext): string | undefined {
  const inState = (state: RoundState) => (r.state === state ? undefined : reached(r, state) ? DONE : NOT_YET);
  const beforeMeeting = () => (c.today < r.meetingDate ? `评审会议日（${r.meetingDate}）起方可办理。` : undefined);
  switch (action) {
    case 'importApplications':
    case 'closeApplications':
      return inState('OPEN');
    case 'checkEligibility':
      return inState('APPLICATIONS_CLOSED');
    case 'commitDraw':
      return inState('ELIGIBILITY_CHECKED') ?? (r.commitment ? '承诺值已公布。' : undefined);
    case 'recordWitness':
      return (
        inState('ELIGIBILITY_CHECKED') ??
        (!r.commitment ? '须先公布承诺值。' : c.witnessRecorded ? '见证值已记录。' : undefined)
      );
    case 'revealDraw':
      return (
        inState('ELIGIBILITY_CHECKED') ??
        (r.drawnAt ? '评委已抽取。' : !c.witnessRecorded ? '须先记录公开见证值。' : undefined)
      );
    case 'withdrawMember':
      if (!r.drawnAt) return '评委尚未抽取。';
      if (r.attendance !== null || reached(r, 'MEETING_HELD')) return '已签到，不能再登记回避。';
      return undefined;
    case 'submitReport':
      return inState('ELIGIBILITY_CHECKED') ?? (!r.drawnAt ? '须先抽取评委（报告含评委会组成）。' : undefined);
    case 'approveReport':
      return inState('ELIGIBILITY_CHECKED') ?? (!r.reportedOn ? '市场监管局尚未报送。' : undefined);
    case 'recordAttendance':
      return inState('PRE_EVALUATION_REPORTED') ?? (c.tallied ? '已录入计票结果，不能再签到。' : beforeMeeting());
    case 'recordTally':
      return (
        inState('PRE_EVALUATION_REPORTED') ??
        (c.tallied ? '计票结果已录入。' : r.attendance === null ? '须先签到。' : beforeMeeting())
      );
    case 'confirmResult':
      return inState('PRE_EVALUATION_REPORTED') ?? (!c.tallied ? '须先录入计票结果。' : undefined);
    case 'startPublicity':
      return inState('MEETING_HELD');
    case 'addObjection':
    case 'resolveObjection':
      return inState('RESULTS_PUBLICISED');
    case 'proposePublication':
      return (
        inState('RESULTS_PUBLICISED') ??
        (r.publicationProposedAuthority
          ? '已提出联合发文，等待另一机关确认。'
          : r.publicityEnd !== null && c.today <= r.publicityEnd
            ? `公示期（至 ${r.publicityEnd}）结束后方可发文。`
            : c.openObjections > 0
              ? '尚有未处理的异议。'
              : undefined)
      );
    case 'confirmPublication':
      return (
        inState('RESULTS_PUBLICISED') ??
        (!r.publicationProposedAuthority
          ? '尚未提出联合发文。'
          : c.openObjections > 0
            ? '尚有未处理的异议。'
            : undefined)
      );
    case 'rejectPublication':
      return inState('RESULTS_PUBLICISED') ?? (!r.publicationProposedAuthority ? '尚未提出联合发文。' : undefined);
    case 'issueCertificates':
      return inState('PUBLISHED');
  }
}

function authorityRefusal(who: Who, officer: Officer, r: RoundDetail): string | undefined {
  switch (who) {
    case 'amr':
      return officer.authority === 'amr' ? undefined : AMR_ONLY;
    case 'hrss':
      return officer.authority === 'hrss' ? undefined : '此步骤由浙江省人力资源和社会保障厅核准。';
    case 'either':
      return undefined;
    case 'other':
      return officer.authority === r.publicationProposedAuthority
        ? '本机关提出的联合发文，须由另一机关确认。'
        : undefined;
  }
}

/** Whether this officer may take this action on this round now, and if not, why (in Chinese). */
export function mayAct(
  action: RoundAction,
  officer: Officer | undefined,
  round: RoundDetail,
  context: RoundContext,
): Verdict {
  const waiting = precondition(action, round, context);
  if (waiting) return { allowed: false, reason: waiting };
  const { role, who } = WHO[action];
  if (!officer?.roles.includes(role))
    return {
      allowed: false,
      reason: role === 'admin' ? '仅评审管理员（管理员角色）可以办理。' : '仅签发人员可以发证。',
    };
  const refusal = authorityRefusal(who, officer, round);
  return refusal ? { allowed: false, reason: refusal } : { allowed: true };
}

/** Opening a round and loading a pool are the committee office's: an AMR admin (rounds.controller.ts). */
export function mayManageRounds(officer: Officer | undefined): Verdict {
  if (!officer?.roles.includes('admin')) return { allowed: false, reason: '仅评审管理员（管理员角色）可以办理。' };
  return officer.authority === 'amr' ? { allowed: true } : { allowed: false, reason: AMR_ONLY };
}
