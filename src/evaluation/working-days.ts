import { HolidayCalendar, PACKAGE_CALENDAR } from '../calendar/holiday-calendar';

/**
 * Working days of mainland China (四.三.2 and 四.三.6 count publicity in 工作日; 四.三.4 reports
 * 10 工作日 ahead): weekends, the State Council's official holidays and its make-up working days
 * (调休). Dates are 'YYYY-MM-DD'.
 *
 * Pure and synchronous: the calendar is a parameter. Services pass CalendarService's calendar
 * (the office's imported schedules, then the `chinese-days` package); the default knows the
 * package only. A year in neither is refused (422 CALENDAR_YEAR_NOT_COVERED) rather than
 * counted with its holidays as working days.
 */

/** Whether the calendar has the official holiday schedule of a year. */
export function isYearCovered(year: number, calendar: HolidayCalendar = PACKAGE_CALENDAR): boolean {
  return calendar.sourceOf(year) !== undefined;
}

/** The date `days` calendar days after (or before, if negative) a date. */
export function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, calendar: HolidayCalendar = PACKAGE_CALENDAR): boolean {
  return calendar.isWorkingDay(date);
}

/** Working days from `first` to `last`, both included (0 when `last` is before `first`). */
export function countWorkingDays(first: string, last: string, calendar: HolidayCalendar = PACKAGE_CALENDAR): number {
  let count = 0;
  for (let date = first; date <= last; date = shiftDate(date, 1)) {
    if (calendar.isWorkingDay(date)) count++;
  }
  return count;
}

/**
 * The `n`-th working day after `date` (before it when `n` is negative); `date` itself is not
 * counted, so `addWorkingDays(meeting, -10)` is the last day a report 10 working days ahead
 * may be made.
 */
export function addWorkingDays(date: string, n: number, calendar: HolidayCalendar = PACKAGE_CALENDAR): string {
  const step = n < 0 ? -1 : 1;
  let current = date;
  for (let left = Math.abs(n); left > 0;) {
    current = shiftDate(current, step);
    if (calendar.isWorkingDay(current)) left--;
  }
  return current;
}
