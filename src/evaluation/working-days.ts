import { getHolidaysInRange, isWorkday } from 'chinese-days';
import { AppError } from '../common/app-error';

/**
 * Working days of mainland China (四.三.2 and 四.三.6 count publicity in 工作日; 四.三.4 reports
 * 10 工作日 ahead), from the `chinese-days` package: weekends, the State Council's official
 * holidays and its make-up working days (调休). Dates are 'YYYY-MM-DD'.
 *
 * The package only knows the years whose holiday notice was published when it was released.
 * For any other year it would silently treat holidays as working days, so counting refuses
 * such a year instead of under-counting a publicity period: update `chinese-days`.
 */

const coverage = new Map<number, boolean>();

/** Whether the calendar has the official holiday schedule of a year. */
export function isYearCovered(year: number): boolean {
  let covered = coverage.get(year);
  if (covered === undefined) {
    // Every year has official holidays (元旦 at least): none listed means no data.
    covered = getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    coverage.set(year, covered);
  }
  return covered;
}

/** The date `days` calendar days after (or before, if negative) a date. */
export function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function isWorkingDay(date: string): boolean {
  const year = Number(date.slice(0, 4));
  if (!isYearCovered(year)) {
    throw new AppError(
      'CALENDAR_YEAR_NOT_COVERED',
      `The working-day calendar has no official holiday schedule for ${year} yet; update the chinese-days package once it is published.`,
      { year },
    );
  }
  return isWorkday(date);
}

/** Working days from `first` to `last`, both included (0 when `last` is before `first`). */
export function countWorkingDays(first: string, last: string): number {
  let count = 0;
  for (let date = first; date <= last; date = shiftDate(date, 1)) {
    if (isWorkingDay(date)) count++;
  }
  return count;
}

/**
 * The `n`-th working day after `date` (before it when `n` is negative); `date` itself is not
 * counted, so `addWorkingDays(meeting, -10)` is the last day a report 10 working days ahead
 * may be made.
 */
export function addWorkingDays(date: string, n: number): string {
  const step = n < 0 ? -1 : 1;
  let current = date;
  for (let left = Math.abs(n); left > 0; ) {
    current = shiftDate(current, step);
    if (isWorkingDay(current)) left--;
  }
  return current;
}
