import type { components, paths } from './api/schema';

/** The audit log as the console shows it, typed by the service's OpenAPI document. */
export type AuditEntry = components['schemas']['AuditEntryDto'];
export type ChainCheck = components['schemas']['ChainCheckDto'];

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
