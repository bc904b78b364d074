// The console's words for what a round step's refusal names, run by the unit project under Node.
import { roundDetails, roundFailure } from './round-errors';

const names = {
  applicants: new Map([
    [7, '陈晓峰'],
    [9, '林雪'],
  ]),
  members: new Map([['Z008', '陆丽华']]),
};

describe('a round step’s refusal names what it concerns, in Chinese', () => {
  it.each([
    ['TALLY_MISMATCH', { applicationId: 7, cast: 16, present: 17 }, '陈晓峰：赞成、反对、弃权共 16 票，到会委员 17 人'],
    ['QUORUM_NOT_MET', { present: 15, needed: 17, committeeSize: 25 }, '到会 15 人，评委会 25 人，至少须 17 人'],
    ['TALLY_INCOMPLETE', { missing: [9], unknown: [7, 44] }, '缺少：林雪；不属本轮或重复：陈晓峰、申报 44'],
    ['TALLY_INCOMPLETE', { missing: [], unknown: [] }, undefined],
    ['NOT_A_COMMITTEE_MEMBER', { codes: ['Z008', 'Z999'] }, '编号 陆丽华（Z008）、Z999'],
    ['PRESIDING_MEMBER_INVALID', { presidingCode: 'Z008' }, '陆丽华（Z008）'],
    ['PUBLICITY_TOO_SHORT', { workingDays: 3, required: 5 }, '所选期间共 3 个工作日，至少须 5 个'],
    [
      'TIMELINE_OUT_OF_ORDER',
      { step: 'meeting', date: '2026-12-01', otherStep: 'hrssApproval', otherDate: '2026-12-08' },
      '评审会议日 2026-12-01 早于人社厅核准日 2026-12-08',
    ],
    [
      'TIMELINE_OUT_OF_ORDER',
      { step: 'hrssApproval', date: '2026-12-20', otherStep: 'meeting', otherDate: '2026-12-18' },
      '人社厅核准日 2026-12-20 晚于评审会议日 2026-12-18',
    ],
    [
      'POOL_SPECIALTY_SHORT',
      { specialty: 'metrology', role: 'vice-chair', withdrawn: 'Z008' },
      '无可递补 陆丽华（Z008） 的计量专业副主任委员',
    ],
    [
      'POOL_SPECIALTY_SHORT',
      { specialty: 'metrology', needed: 9, available: 4 },
      '计量专业委员：需要 9 人，符合条件 4 人',
    ],
    ['POOL_SPECIALTY_SHORT', { role: 'vice-chair', needed: 2 }, '副主任委员：需要 2 人'],
    [
      'DRAW_WITNESS_BEFORE_COMMITMENT',
      { publishedOn: '2026-11-30', committedOn: '2026-12-01' },
      '见证值公布于 2026-11-30，承诺值公布于 2026-12-01',
    ],
    ['MEETING_DATE_NOT_REACHED', { meetingDate: '2026-12-18' }, '会议日 2026-12-18'],
    ['OBJECTIONS_UNRESOLVED', { open: 2 }, '未处理 2 件'],
    ['POOL_TOO_SMALL', { eligible: 41, required: 50 }, '符合条件 41 人，至少须 50 人'],
    [
      'APPLICANT_BANNED',
      { from: '2026-03-01', until: '2029-02-28', decisionDocument: '浙市监人〔2026〕8号' },
      '浙市监人〔2026〕8号，禁止申报至 2029-02-28',
    ],
    [
      'ROUND_STEP_OUT_OF_ORDER',
      { state: 'MEETING_HELD', required: 'PRE_EVALUATION_REPORTED' },
      '本轮现为“评审会议已举行”，此步骤须在“已报省人力社保厅核准”时办理',
    ],
    ['ROUND_EXISTS', {}, undefined],
  ])('%s %j → %s', (code, details, expected) => {
    expect(roundDetails(code, details, names)).toBe(expected);
  });

  it('says the whole refusal in Chinese, never the service’s English', () => {
    const body = {
      code: 'TALLY_MISMATCH',
      message: 'Application 7: 16 ballots counted for 17 members present; every member present casts exactly one.',
      details: { applicationId: 7, cast: 16, present: 17 },
    };
    expect(roundFailure(body, 422, names)).toBe(
      '每位申报人的赞成、反对、弃权票之和应等于到会委员人数。（陈晓峰：赞成、反对、弃权共 16 票，到会委员 17 人）',
    );
    expect(roundFailure({ code: 'ROUND_EXISTS', message: 'A round of professor 2026 exists.' }, 409)).toBe(
      '该资格本年度的评审轮次已存在。',
    );
    expect(roundFailure({ code: 'AUTH_REQUIRED', message: 'Sign in.' }, 401)).toBe('登录已过期，请重新登录。');
  });
});
