import { REASON_CATEGORIES, type ReasonCategory } from '../../../src/revocation/reason-categories';
import type { Officer } from './access';
import { toApiError } from './api/client';
import type { components } from './api/schema';
import type { FieldErrors } from './issue-form';

export type CaseRow = components['schemas']['CaseListItemDto'];
export type CaseKind = 'revocation' | 'reinstatement';

export const KIND_NAMES: Record<CaseKind, string> = { revocation: '撤销', reinstatement: '恢复' };

/** The categories the API accepts, in the order of the evaluation conditions (docs/rules.md 四.四.3). */
export const REASON_OPTIONS = (Object.entries(REASON_CATEGORIES) as Array<[ReasonCategory, string]>).map(
  ([value, label]) => ({ value, label }),
);

/** The revocation proposal as the officer fills it: the category may still be unchosen. */
export interface RevocationForm {
  certificateNo: string;
  reasonCategory: ReasonCategory | undefined;
  description: string;
  decisionDocument: string;
  decisionDate: string;
  effectiveDate: string;
  serious: boolean;
}

export function emptyRevocationForm(): RevocationForm {
  return {
    certificateNo: '',
    reasonCategory: undefined,
    description: '',
    decisionDocument: '',
    decisionDate: '',
    effectiveDate: '',
    serious: false,
  };
}

/** A reinstatement (复审后恢复) proposal: the same decision fields, no category, no ban. */
export interface ReinstatementForm {
  certificateNo: string;
  description: string;
  decisionDocument: string;
  decisionDate: string;
  effectiveDate: string;
}

export function emptyReinstatementForm(): ReinstatementForm {
  return { certificateNo: '', description: '', decisionDocument: '', decisionDate: '', effectiveDate: '' };
}

/** What a revocation form says more precisely than error-messages.ts, which answers every other code. */
const MESSAGES: Record<string, string> = {
  DECISION_DOCUMENT_INVALID:
    '决定文号应如：浙市监人〔2027〕3号；〔〕中为发文年份，不早于证书的评审年度，不晚于决定日期所在的年份。',
  DATE_INVALID: '日期无效（生效日期不能早于证书签发日期）。',
  DATE_IN_FUTURE: '日期不能晚于今天：决定生效后再发起。',
};

/** Codes that belong to a field although the API names none (it found the certificate, not the form). */
const FIELD_OF_CODE: Record<string, string> = {
  CERTIFICATE_NOT_FOUND: 'certificateNo',
  CERTIFICATE_ALREADY_REVOKED: 'certificateNo',
  CERTIFICATE_NOT_REVOKED: 'certificateNo',
  CASE_ALREADY_OPEN: 'certificateNo',
};

/** Where to show a refusal: under the field the API names in `details.field`, else above the form. */
export function caseFailure(body: unknown, status: number): { errors: FieldErrors; failure: string } {
  const problem = toApiError(body, status);
  const message = MESSAGES[problem.code] ?? problem.message;
  const field = problem.details?.field ?? FIELD_OF_CODE[problem.code];
  if (typeof field === 'string') return { errors: { [field]: message }, failure: '' };
  if (status === 401) return { errors: {}, failure: '登录已过期，请重新登录。' };
  return { errors: {}, failure: message };
}

export interface InboxRow extends CaseRow {
  kind: CaseKind;
  /** docs/rules.md 四.四.3: a joint decision is confirmed by the other authority, never by its proposer's. */
  actionable: boolean;
}

/** Pending cases of both kinds, oldest first (the longest waiting on top), marked by who may act. */
export function inboxRows(officer: Officer | undefined, pending: Record<CaseKind, readonly CaseRow[]>): InboxRow[] {
  const rows = (Object.keys(pending) as CaseKind[]).flatMap((kind) =>
    pending[kind].map((row) => ({
      ...row,
      kind,
      actionable: officer !== undefined && row.proposedAuthority !== officer.authority,
    })),
  );
  return rows.sort((a, b) => a.proposedAt.localeCompare(b.proposedAt));
}
