/**
 * Formats shared by the API, the office CLI, the credential schemas and the browser page.
 * Pure: the verification page bundles this file too.
 */
import { AppError } from './app-error';
import { isRealDate } from './id-number';

/** The shape of a date, YYYY-MM-DD; `isCalendarDate` also checks that the day exists. */
export const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A document number such as 浙市监人〔2026〕12号 (approval, decision and joint documents). The
 * serial counts from 1 and has no leading zero: GB/T 9704-2012 §7.2.4 (发文顺序号不编虚位, 1 is
 * not written 01), so 〔2026〕0号 and 〔2026〕012号 name no document.
 */
export const DOCUMENT_NUMBER_PATTERN = /^[\p{Script=Han}A-Za-z]{1,20}〔\d{4}〕[1-9]\d{0,4}号$/u;

/**
 * Letters of any script, each with at most two combining marks (ü, ṻ; not a stack of marks that
 * draws over the lines around it), joined by the middle dot of names such as 买买提·艾力, a space,
 * a hyphen or a full stop; no control characters.
 */
export const PERSON_NAME = /^\p{L}\p{M}{0,2}(?:[·・. -]{0,2}\p{L}\p{M}{0,2})*$/u;

/** True for a YYYY-MM-DD date that exists on the calendar. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE_SHAPE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  return isRealDate(y, m, d);
}

/** Refuses a date that is not a real calendar date (the DTO has checked its shape). */
export function requireRealDate(value: string, field: string): void {
  if (!isCalendarDate(value)) throw new AppError('DATE_INVALID', `${field} is not a real date.`, { field });
}

/** Refuses a date after today: what the office records has happened. */
export function requireNotFuture(value: string, today: string, field: string): void {
  requireRealDate(value, field);
  if (value > today) throw new AppError('DATE_IN_FUTURE', `${field} is in the future.`, { field });
}

/** The year a document number is numbered in: 浙市监人〔2026〕12号 → 2026 (the DTO has checked its shape). */
export function documentYear(documentNo: string): number {
  return Number(/〔(\d{4})〕/.exec(documentNo)?.[1]);
}

/**
 * Refuses a document number whose year cannot be: documents are numbered within the year they
 * are issued, so not after the year of `dated` (the document's date YYYY-MM-DD, or today), and
 * not before `earliest`, the year of what it decides on (a certificate's evaluation year, the
 * year a round was opened): a typo such as 〔2099〕 or 〔2001〕 would otherwise be signed into
 * certificates and notices.
 */
export function requireDocumentYear(
  documentNo: string,
  field: string,
  code: 'APPROVAL_DOCUMENT_INVALID' | 'DECISION_DOCUMENT_INVALID',
  earliest: number,
  dated: string,
): void {
  const latest = Number(dated.slice(0, 4));
  const year = documentYear(documentNo);
  if (year >= earliest && year <= latest) return;
  const span = earliest === latest ? `${earliest}` : `${earliest} to ${latest}`;
  throw new AppError(code, `${field} is numbered in ${year}; it can only be numbered in ${span}.`, {
    field,
    earliest,
    latest,
  });
}
