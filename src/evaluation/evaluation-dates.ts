import { AppError } from '../common/app-error';
import { isRealDate } from '../common/id-number';

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** A document number such as 浙市监人〔2026〕50号 (the same shape as a certificate's approval document). */
export const DOCUMENT_PATTERN = /^[\p{Script=Han}A-Za-z]{1,20}〔\d{4}〕\d{1,5}号$/u;

/** Refuses a date that is not a real calendar date (the DTO has checked its shape). */
export function requireRealDate(value: string, field: string): void {
  const [y, m, d] = value.split('-').map(Number);
  if (!DATE_PATTERN.test(value) || !isRealDate(y, m, d)) throw new AppError('DATE_INVALID', `${field} is not a real date.`, { field });
}

/** Refuses a date after today: what the office records has happened. */
export function requireNotFuture(value: string, today: string, field: string): void {
  requireRealDate(value, field);
  if (value > today) throw new AppError('DATE_IN_FUTURE', `${field} is in the future.`, { field });
}
