import { toApiError } from './api/client';

/** One problem of a refused CSV file (400 CSV_INVALID: nothing of the file was imported). */
export interface CsvProblemRow {
  line: number;
  field: string;
  code: string;
  reason: string;
}

/** The API's codes of the 评审 steps in the officer's words; any other code shows the API's own message. */
const MESSAGES: Record<string, string> = {
  ID_NUMBER_INVALID: '身份证号无效（18 位，校验码正确）。',
  NAME_INVALID: '姓名无效。',
  EMPLOYER_INVALID: '工作单位无效（2–100 个字）。',
  SPECIALTY_INVALID: '专业无效。',
  SPECIALTY_NOT_ALLOWED_FOR_LEVEL: '特种设备专业仅评正高级工程师。',
  DATE_INVALID: '日期无效（应为 YYYY-MM-DD）。',
  DATE_IN_FUTURE: '日期不能晚于今天。',
  PLEDGE_MISSING: '申报人未作真实性承诺（四.三.1）。',
  EMPLOYER_PUBLICITY_TOO_SHORT: '单位公示不足 5 个工作日（四.三.2）。',
  DEPARTMENT_REVIEW_MISSING: '缺少主管部门审核（四.三.3）。',
  INTERMEDIATE_RECOMMENDATION_MISSING: '缺少中评委推荐（四.三.3）。',
  QUANTITATIVE_SCORE_BELOW_THRESHOLD: '量化赋分低于本轮分数线（三.四）。',
  APPLICANT_BANNED: '申报人在禁止申报期内（四.四.3）。',
  APPLICATION_DUPLICATE: '该申报人已在本轮申报。',
  PDF_CHARACTER_UNSUPPORTED: '含证书字体无法显示的字。',
  CSV_INVALID: '文件格式有误。',
  ROUND_EXISTS: '该资格本年度的评审轮次已存在。',
  ROUND_STEP_OUT_OF_ORDER: '评审轮次已进入其他步骤，请刷新页面。',
  STEP_REQUIRES_AMR: '此步骤由浙江省市场监督管理局办理。',
  STEP_REQUIRES_HRSS: '此步骤由浙江省人力资源和社会保障厅办理。',
  PUBLICATION_CONFIRMATION_BY_SAME_AUTHORITY: '本机关提出的联合发文须由另一机关确认。',
  SCORE_THRESHOLD_INVALID: '高级工程师评审须填写量化赋分线，正高级工程师评审不填。',
  COMMITMENT_INVALID: '承诺值应为 64 位小写十六进制字符（SHA-256）。',
  SEED_INVALID: '种子应为 64 位小写十六进制字符。',
  SEED_MISMATCH: '种子与公布的承诺值不符。',
  COMMITTEE_SIZE_INVALID: '评委会人数应为不少于 25 的奇数。',
  POOL_TOO_SMALL: '专家库中符合条件的专家不足 50 人。',
  POOL_SPECIALTY_SHORT: '某专业符合条件的专家不足。',
  NO_ELIGIBLE_APPLICANTS: '没有资格审查合格的申报人。',
  DRAW_WITNESS_INVALID: '见证值（1–64 个字符）或来源（2–200 个字）无效。',
  DRAW_WITNESS_BEFORE_COMMITMENT: '见证值的公布日期不能早于承诺值的公布日期。',
  WITHDRAWAL_REASON_INVALID: '回避理由应为 2–200 个字。',
  NOT_A_COMMITTEE_MEMBER: '不是本届评委会委员。',
  COMMITTEE_WITHDRAWAL_TOO_LATE: '已签到，不能再登记回避。',
  PRE_EVALUATION_REPORT_TOO_LATE: '报送日期晚于会前 10 个工作日。',
  MEETING_DATE_NOT_REACHED: '尚未到评审会议日。',
  MEETING_DATE_TOO_EARLY:
    '评审会议日期过早：须在会前 10 个工作日将评审前情况报送省人力社保厅（四.三.4），请改选更晚的日期。',
  QUORUM_NOT_MET: '到会委员不足评委会人数的三分之二。',
  TALLY_MISMATCH: '每位申报人的赞成、反对、弃权票之和应等于到会委员人数。',
  TALLY_INCOMPLETE: '每位资格合格的申报人须有且仅有一行计票结果。',
  TALLY_ALREADY_RECORDED: '计票结果已录入。',
  PRESIDING_MEMBER_INVALID: '主持人应为到会的主任委员或副主任委员。',
  PUBLICITY_TOO_SHORT: '公示期不足 5 个工作日（四.三.6）。',
  PUBLICITY_NOT_OVER: '公示期尚未结束。',
  OBJECTIONS_UNRESOLVED: '尚有未处理的异议。',
  APPROVAL_DOCUMENT_INVALID: '文号格式应如：浙市监人〔2026〕50号。',
  DECISION_DOCUMENT_INVALID: '文号格式应如：浙人社〔2026〕88号。',
  TIMELINE_OUT_OF_ORDER: '日期早于前一步骤的日期或晚于今天。',
  CALENDAR_YEAR_NOT_COVERED: '工作日历缺少该年度的放假安排，请先导入。',
  LEVEL_INVALID: '请选择资格名称。',
  EVALUATION_YEAR_INVALID: '年度无效。',
};

/** A problem's code in the officer's words, or the API's reason when the code has none. */
export function problemMessage(code: string, reason: string): string {
  return MESSAGES[code] ?? reason;
}

/** The rows of a CSV_INVALID reply, for the error table; [] for any other reply. */
export function csvProblems(body: unknown, status: number): CsvProblemRow[] {
  const problem = toApiError(body, status);
  const rows = problem.code === 'CSV_INVALID' ? problem.details?.problems : undefined;
  if (!Array.isArray(rows)) return [];
  return rows.map((row: Partial<CsvProblemRow>) => ({
    line: Number(row.line ?? 0),
    field: String(row.field ?? ''),
    code: String(row.code ?? ''),
    reason: String(row.reason ?? ''),
  }));
}

/** A refusal in the officer's words, with the API's own message kept for the details it names. */
export function roundFailure(body: unknown, status: number): string {
  if (status === 401) return '登录已过期，请重新登录。';
  const problem = toApiError(body, status);
  const known = MESSAGES[problem.code];
  return known ? `${known}（${problem.message}）` : problem.message;
}

/** The field the API names in a refusal (`details.field`), if any: the form shows the message under it. */
export function failedField(body: unknown, status: number): string | undefined {
  const field = toApiError(body, status).details?.field;
  return typeof field === 'string' ? field : undefined;
}
