// The console's words for what a round step's refusal names, run by the unit project under Node.
import { csvProblems, problemMessage, roundDetails, roundFailure } from './round-errors';

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
      'POOL_SPECIALTY_SHORT',
      { specialty: 'standardization', role: 'vice-chair', withdrawn: 'Z008', commitmentCleared: true },
      '无可递补 陆丽华（Z008） 的标准化专业副主任委员；此种子无法抽出评委会，承诺已作废，请调整专家库后重新承诺',
    ],
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

describe('a refused CSV line says what is wrong in Chinese', () => {
  it.each([
    [{ code: 'CSV_VALUE_INVALID', field: '申报渠道' }, '须为“常规”或“标志性业绩”。'],
    [{ code: 'CSV_VALUE_INVALID', field: '赞成' }, '须为票数（整数）。'],
    [{ code: 'CSV_VALUE_INVALID', field: '某列' }, '此列的值不符合填写要求。'],
    [
      { code: 'CSV_ROW_WIDTH', field: '', details: { values: 3, columns: 4 } },
      '本行有 3 个值，表头有 4 列（多了或少了逗号）。',
    ],
    [{ code: 'CSV_EXPERT_REPEATED', field: '编号', details: { line: 2 } }, '专家编号与第 2 行重复。'],
    [
      { code: 'CSV_CELL_INVISIBLE', field: '姓名', details: { character: 'U+200B' } },
      '含有不可见的字符（常随复制粘贴带入），请删除后重新导出。（含不可见的字符 U+200B）',
    ],
    [
      { code: 'CSV_NOT_UTF8', field: '' },
      '文件不是 UTF-8 编码（如为 GBK）：请在 Excel/WPS 中另存为 UTF-8 编码的 CSV 文件。',
    ],
    [{ code: 'SPECIALTY_INVALID', field: '专业' }, '专业无效。'],
  ])('%j → %s', (problem, expected) => {
    expect(problemMessage(problem)).toBe(expected);
  });

  it('a line refused by a ban names the decision and its end', () => {
    const message = problemMessage({
      code: 'APPLICANT_BANNED',
      field: '身份证号',
      details: { until: '2029-02-28', decisionDocument: '浙市监人〔2026〕8号' },
    });
    expect(message).toContain('禁止申报至 2029-02-28');
  });

  it('csvProblems keeps each line’s details', () => {
    const body = {
      code: 'CSV_INVALID',
      message: 'Nothing was imported',
      details: {
        problems: [{ line: 3, field: '', code: 'CSV_ROW_WIDTH', reason: 'x', details: { values: 3, columns: 4 } }],
      },
    };
    expect(csvProblems(body, 400)).toEqual([
      { line: 3, field: '', code: 'CSV_ROW_WIDTH', reason: 'x', details: { values: 3, columns: 4 } },
    ]);
  });
});
