import type { components, paths } from './api/schema';

/** The audit log as the console shows it, typed by the service's OpenAPI document. */
export type AuditEntry = components['schemas']['AuditEntryDto'];
export type ChainCheck = components['schemas']['ChainCheckDto'];

/** The acts the service records (`action` of an audit entry), in the auditor's words. */
export const AUDIT_ACTION_NAMES: Readonly<Record<string, string>> = {
  'certificate.issued': '签发证书',
  'certificate.logged': '补记入透明日志',
  'revocation.proposed': '发起撤销',
  'revocation.confirmed': '确认撤销',
  'revocation.rejected': '驳回撤销',
  'reinstatement.proposed': '发起恢复',
  'reinstatement.confirmed': '确认恢复',
  'reinstatement.rejected': '驳回恢复',
  'applicant-ban.proposed': '发起禁止申报',
  'applicant-ban.confirmed': '确认禁止申报',
  'applicant-ban.rejected': '驳回禁止申报',
  'calendar.year.imported': '导入放假安排',
  'keys.rotated': '更换签名密钥',
  'officer.added': '新增人员',
  'officer.updated': '修改人员',
  'officer.password-reset': '重置密码',
  'evaluation.pool.imported': '导入专家库',
  'evaluation.applications.added': '新增申报',
  'evaluation.pre_evaluation_report.recorded': '登记评审前情况报送',
  'evaluation.draw.committed': '公布抽取承诺值',
  'evaluation.draw.witnessed': '登记见证值',
  'evaluation.draw.revealed': '抽取评委',
  'evaluation.draw.failed': '抽取评委未成（承诺作废，须重新承诺）',
  'evaluation.committee.withdrawal': '评委回避',
  'evaluation.meeting.attendance': '登记到会',
  'evaluation.meeting.tallied': '录入计票结果',
  'evaluation.objection.recorded': '登记异议',
  'evaluation.objection.resolved': '处理异议',
  'evaluation.publication.proposed': '提出联合发文',
  'evaluation.publication.rejected': '驳回联合发文',
  // A round's step, named by the state it moves the round to (src/evaluation/round-states.ts).
  'evaluation.round.open': '创建评审轮次',
  'evaluation.round.applications_closed': '申报截止',
  'evaluation.round.eligibility_checked': '资格审查',
  'evaluation.round.pre_evaluation_reported': '人社厅核准评审前情况报送',
  'evaluation.round.meeting_held': '确认评审结果',
  'evaluation.round.results_publicised': '公示评审结果',
  'evaluation.round.published': '确认联合发文',
  'evaluation.round.certificates_issued': '批量发证',
};

/** An act in the auditor's words; one this console does not know (a newer service) stays its code. */
export function auditActionName(action: string): string {
  return AUDIT_ACTION_NAMES[action] ?? action;
}

/** 完整 or 断裂于第 N 条: the auditor needs the first entry that no longer chains, nothing more. */
export function chainLabel(check: ChainCheck): string {
  return check.ok ? `完整（共 ${check.entries} 条）` : `断裂于第 ${check.brokenAt ?? '?'} 条`;
}

/** The filters as the auditor fills them: empty means "any". */
export interface AuditFilterForm {
  action: string;
  actor: string;
  authority: string;
  subject: string;
  /** [from, to], days in China; empty when no range is chosen. */
  days: [string, string] | null;
}

export function emptyAuditFilter(): AuditFilterForm {
  return { action: '', actor: '', authority: '', subject: '', days: null };
}

export type AuditQuery = NonNullable<paths['/api/v1/audit/entries']['get']['parameters']['query']>;

/** Only the filled filters go to the API, which checks each (stable 400 codes) and applies them all. */
export function auditQuery(form: AuditFilterForm): AuditQuery {
  const query: AuditQuery = {};
  const action = form.action.trim().toLowerCase();
  if (action) query.action = action;
  if (form.actor.trim()) query.actor = form.actor.trim();
  if (form.authority) query.authority = form.authority as AuditQuery['authority'];
  // Subjects are mostly certificate numbers, which are upper case.
  const subject = form.subject.trim();
  if (subject) query.subject = /^zj[zg]\d{10}$/i.test(subject) ? subject.toUpperCase() : subject;
  if (form.days) [query.from, query.to] = form.days;
  return query;
}

/** The API's refusals of a filter, by field, in the auditor's words. */
const FIELD_NAMES: Record<string, string> = {
  action: '操作应为小写英文单词，以点分隔，如 revocation 或 revocation.confirmed。',
  actor: '操作人应为用户名，如 amr-revoker。',
  subject: '对象过长或含不可见字符。',
  from: '日期无效。',
  to: '日期无效（结束日期不能早于开始日期）。',
};

export function filterFailure(field: unknown, message: string): string {
  return (typeof field === 'string' && FIELD_NAMES[field]) || message;
}
