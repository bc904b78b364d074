import { toApiError } from './api/client';
import { stateName } from './round-steps';
import { apiMessage } from './api/error-messages';
import { SPECIALTY_NAMES, type Specialty } from '../../../src/common/qualifications';

/** One problem of a refused CSV file (400 CSV_INVALID: nothing of the file was imported). */
export interface CsvProblemRow {
  line: number;
  field: string;
  code: string;
  reason: string;
  details?: Record<string, unknown>;
}

/** A CSV row's problem says which cell is wrong, not what to pick in a form. */
const CSV_ROW_MESSAGES: Record<string, string> = {
  SPECIALTY_INVALID: '专业无效。',
  LEVEL_INVALID: '资格名称无效。',
};

/** What each column of the templates takes (CSV_VALUE_INVALID names the column, docs/evaluation.md). */
const CSV_COLUMN_RULES: Record<string, string> = {
  编号: '须为 1–32 位字母、数字或短横线。',
  姓名: '须为 1–40 个字，不含单独或叠加的附加符号。',
  工作单位: '须为 2–100 个字。',
  单位类型: '须为“内部”或“外部”。',
  专业: '须为本资格评审的专业之一：质量、计量、标准化（正高级另有特种设备）。',
  职称: '须为“正高”或“副高”。',
  取得职称日期: '须为真实的日期 YYYY-MM-DD，且不晚于今天。',
  申报渠道: '须为“常规”或“标志性业绩”。',
  量化赋分: '须为数字（如 82 或 82.5），或留空。',
  业绩突出: '须为“是”或“否”（留空即“否”）。',
  主任委员库: '须为“是”或“否”（留空即“否”）。',
  副主任委员库: '须为“是”或“否”（留空即“否”）。',
  真实性承诺: '须为“是”或“否”（留空即“否”）。',
  主管部门审核: '须为“是”或“否”（留空即“否”）。',
  中评委推荐: '须为“是”或“否”（留空即“否”）。',
  赞成: '须为票数（整数）。',
  反对: '须为票数（整数）。',
  弃权: '须为票数（整数）。',
};

/** A line's problem in the officer's words, with the numbers its details give. */
export function problemMessage(problem: Pick<CsvProblemRow, 'code' | 'field' | 'details'>): string {
  const { code, field, details } = problem;
  if (code === 'CSV_VALUE_INVALID' && CSV_COLUMN_RULES[field]) return CSV_COLUMN_RULES[field];
  if (code === 'CSV_ROW_WIDTH' && typeof details?.values === 'number' && typeof details.columns === 'number')
    return `本行有 ${details.values} 个值，表头有 ${details.columns} 列（多了或少了逗号）。`;
  if (code === 'CSV_EXPERT_REPEATED' && typeof details?.line === 'number')
    return `专家编号与第 ${details.line} 行重复。`;
  const text = CSV_ROW_MESSAGES[code] ?? apiMessage(code, details);
  // A row refused by a rule of the round (a ban, a short publicity) says what its details name.
  const named = roundDetails(code, details);
  return named ? `${text}（${named}）` : text;
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
    ...(typeof row.details === 'object' && row.details !== null ? { details: row.details } : {}),
  }));
}

/** Who the ids of an answer name, as the panel shows them (the service answers with ids and codes). */
export interface RoundNames {
  applicants?: ReadonlyMap<number, string>;
  members?: ReadonlyMap<string, string>;
}

/** The steps of a round's timeline (TIMELINE_OUT_OF_ORDER's `step` and `otherStep`), as the wizard names them. */
const TIMELINE_STEP_NAMES: Record<string, string> = {
  employerPublicityEnd: '单位公示结束日',
  applicationsClosure: '申报截止日',
  draw: '抽取评委日',
  preEvaluationReport: '报送日',
  hrssApproval: '人社厅核准日',
  meeting: '评审会议日',
  resultsPublicityStart: '结果公示开始日',
  resultsPublicityEnd: '结果公示结束日',
  publication: '联合发文日',
  today: '今天',
};

const ROLE_NAMES: Record<string, string> = { chair: '主任委员', 'vice-chair': '副主任委员', member: '委员' };

const list = (values: unknown): unknown[] => (Array.isArray(values) ? values : []);
/** A detail's number or text as shown; anything else (never sent) as a question mark. */
const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '?');

/**
 * What a round step's refusal names, in Chinese: which applicant, which members, how many, which
 * dates. The service's English says the same; the console never shows it. Undefined: nothing to add.
 */
export function roundDetails(
  code: string,
  details: Record<string, unknown> = {},
  names: RoundNames = {},
): string | undefined {
  const applicant = (id: unknown) => names.applicants?.get(Number(id)) ?? `申报 ${text(id)}`;
  const member = (code: unknown) => {
    const name = names.members?.get(text(code));
    return name ? `${name}（${text(code)}）` : text(code);
  };
  const d = details;
  switch (code) {
    case 'TALLY_MISMATCH':
      return `${applicant(d.applicationId)}：赞成、反对、弃权共 ${text(d.cast)} 票，到会委员 ${text(d.present)} 人`;
    case 'QUORUM_NOT_MET':
      return `到会 ${text(d.present)} 人，评委会 ${text(d.committeeSize)} 人，至少须 ${text(d.needed)} 人`;
    case 'TALLY_INCOMPLETE': {
      const parts = [
        list(d.missing).length ? `缺少：${list(d.missing).map(applicant).join('、')}` : '',
        list(d.unknown).length ? `不属本轮或重复：${list(d.unknown).map(applicant).join('、')}` : '',
      ].filter(Boolean);
      return parts.length ? parts.join('；') : undefined;
    }
    case 'NOT_A_COMMITTEE_MEMBER':
      return list(d.codes).length ? `编号 ${list(d.codes).map(member).join('、')}` : undefined;
    case 'PRESIDING_MEMBER_INVALID':
      return d.presidingCode ? member(d.presidingCode) : undefined;
    case 'PUBLICITY_TOO_SHORT':
      return `所选期间共 ${text(d.workingDays)} 个工作日，至少须 ${text(d.required)} 个`;
    case 'TIMELINE_OUT_OF_ORDER': {
      // The date is before an earlier step's, or after a later step's (or today).
      const relation = text(d.date) < text(d.otherDate) ? '早于' : '晚于';
      const step = (key: unknown) => TIMELINE_STEP_NAMES[text(key)] ?? text(key);
      return `${step(d.step)} ${text(d.date)} ${relation}${step(d.otherStep)} ${text(d.otherDate)}`;
    }
    case 'POOL_SPECIALTY_SHORT': {
      // The draw says how many it needs; a withdrawal, whom no one of that specialty and role can replace.
      const role = ROLE_NAMES[text(d.role)];
      const specialty =
        typeof d.specialty === 'string' ? (SPECIALTY_NAMES[d.specialty as Specialty] ?? d.specialty) : '';
      const who = specialty ? `${specialty}专业${role ?? '委员'}` : (role ?? text(d.role));
      // A seed that can never be drawn: the service cleared the commitment for a new one.
      const voided = d.commitmentCleared === true ? '；此种子无法抽出评委会，承诺已作废，请调整专家库后重新承诺' : '';
      if (d.withdrawn !== undefined) return `无可递补 ${member(d.withdrawn)} 的${who}${voided}`;
      const available = d.available === undefined ? '' : `，符合条件 ${text(d.available)} 人`;
      return `${who}：需要 ${text(d.needed)} 人${available}${voided}`;
    }
    case 'ROUND_STEP_OUT_OF_ORDER':
      return `本轮现为“${stateName(text(d.state))}”，此步骤须在“${stateName(text(d.required))}”时办理`;
    case 'MEETING_DATE_NOT_REACHED':
      return `会议日 ${text(d.meetingDate)}`;
    case 'OBJECTIONS_UNRESOLVED':
      return `未处理 ${text(d.open)} 件`;
    case 'POOL_TOO_SMALL':
      return `符合条件 ${text(d.eligible)} 人，至少须 ${text(d.required)} 人`;
    case 'APPLICANT_BANNED':
      return `${text(d.decisionDocument)}，禁止申报至 ${text(d.until)}`;
    case 'DRAW_WITNESS_BEFORE_COMMITMENT':
      return `见证值公布于 ${text(d.publishedOn)}，承诺值公布于 ${text(d.committedOn)}`;
    default:
      return undefined;
  }
}

/** A refusal of a round step in the officer's words, with what it names (roundDetails). */
export function roundFailure(body: unknown, status: number, names?: RoundNames): string {
  if (status === 401) return '登录已过期，请重新登录。';
  const problem = toApiError(body, status);
  const named = roundDetails(problem.code, problem.details, names);
  return named ? `${problem.message}（${named}）` : problem.message;
}

/** The field the API names in a refusal (`details.field`), if any: the form shows the message under it. */
export function failedField(body: unknown, status: number): string | undefined {
  const field = toApiError(body, status).details?.field;
  return typeof field === 'string' ? field : undefined;
}
