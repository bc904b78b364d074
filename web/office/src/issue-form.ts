import type { Level, Specialty } from '../../../src/common/qualifications';
import { toApiError } from './api/client';

/** The issuance form as the officer fills it: selects may still be empty. */
export interface IssueForm {
  holder: { name: string; gender: '男' | '女'; idNumber: string; employer: string };
  level: Level | undefined;
  specialty: Specialty | undefined;
  evaluationYear: number;
  passedOn: string;
  approvalDocument: string;
}

export function emptyIssueForm(year: number): IssueForm {
  return {
    holder: { name: '', gender: '男', idNumber: '', employer: '' },
    level: undefined,
    specialty: undefined,
    evaluationYear: year,
    passedOn: '',
    approvalDocument: '',
  };
}

/** Messages under a form item, keyed by the API's `details.field` (`holder.idNumber`, `passedOn`…). */
export type FieldErrors = Partial<Record<string, string>>;

const REQUIRED: Array<[string, string, (form: IssueForm) => unknown]> = [
  ['holder.name', '请填写姓名。', (f) => f.holder.name.trim()],
  ['holder.idNumber', '请填写身份证号。', (f) => f.holder.idNumber.trim()],
  ['holder.employer', '请填写工作单位。', (f) => f.holder.employer.trim()],
  ['level', '请选择资格名称。', (f) => f.level],
  ['specialty', '请选择专业。', (f) => f.specialty],
  ['evaluationYear', '请填写评审年度。', (f) => f.evaluationYear],
  ['passedOn', '请选择评审通过日期。', (f) => f.passedOn],
  ['approvalDocument', '请填写批准文号。', (f) => f.approvalDocument.trim()],
];

/**
 * Every field left empty, at once, before anything is sent: the API names only the first
 * problem, so without this an officer would fill one field per try.
 */
export function missingFields(form: IssueForm): FieldErrors {
  return Object.fromEntries(REQUIRED.filter(([, , value]) => !value(form)).map(([field, message]) => [field, message]));
}

/** What the issuance form says more precisely than error-messages.ts, which answers every other code. */
const FIELD_MESSAGES: Record<string, string> = {
  NAME_INVALID: '姓名应为文字（可含间隔号“·”），不含空格以外的符号。',
  EMPLOYER_INVALID: '工作单位应为 2–100 个字，不含表情符号等图形符号或不可见字符。',
  EVALUATION_YEAR_INVALID: '评审年度无效（不能晚于今年）。',
  DATE_INVALID: '评审通过日期无效：应为评审年度当年或次年的日期。',
  DATE_IN_FUTURE: '评审通过日期不能晚于今天。',
  APPROVAL_DOCUMENT_INVALID: '批准文号应如：浙市监人〔2026〕12号；〔〕中的年份不早于评审年度，不晚于今年。',
};

/**
 * Where to show an issuance refusal: under the field the API names in `details.field`, or above
 * the form when it names none (a conflicting earlier issuance, an expired session…).
 */
export function issueFailure(body: unknown, status: number): { errors: FieldErrors; failure: string } {
  const problem = toApiError(body, status);
  const field = problem.details?.field;
  if (problem.code === 'APPLICANT_BANNED') return { errors: {}, failure: bannedText(problem.details) };
  const message = FIELD_MESSAGES[problem.code] ?? problem.message;
  if (typeof field === 'string') return { errors: { [field]: message }, failure: '' };
  if (status === 401) return { errors: {}, failure: '登录已过期，请重新登录后再签发。' };
  return { errors: {}, failure: message };
}

/** A barred holder: the ban's period and decision, which the officer needs to answer the applicant. */
function bannedText(details: Record<string, unknown> | undefined): string {
  const { from, until, decisionDocument } = details ?? {};
  const period = typeof from === 'string' && typeof until === 'string' ? `${from} 至 ${until}` : '';
  const decision = typeof decisionDocument === 'string' ? `依据${decisionDocument}` : '';
  const facts = [period, decision].filter(Boolean).join('，');
  return `该持证人在禁止申报期内${facts ? `（${facts}）` : ''}，不能签发该年度的证书（四.四.3）。`;
}
