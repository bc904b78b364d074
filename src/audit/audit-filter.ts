import { requireRealDate } from '../common/formats';
import { AppError } from '../common/app-error';

/** What an auditor narrows the log to; every present field must hold. */
export interface AuditFilter {
  action?: string;
  actor?: string;
  authority?: string;
  subject?: string;
  /** Days in China, inclusive. */
  from?: string;
  to?: string;
}

/** The first instant of a day in China (UTC+8, no daylight saving), as stored in `at`. */
export function chinaDayStart(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString();
}

/** The first instant of the day after, so `to` includes its whole day. */
export function chinaDayEnd(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + 86_400_000).toISOString();
}

/** Refuses days that do not exist and a range that ends before it starts. */
export function checkAuditFilter(filter: AuditFilter): void {
  if (filter.from !== undefined) requireRealDate(filter.from, 'from');
  if (filter.to !== undefined) requireRealDate(filter.to, 'to');
  if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to)
    throw new AppError('DATE_INVALID', 'to must not be before from.', { field: 'to' });
}
