import { getHolidaysInRange, isWorkday } from 'chinese-days';
import { AppError } from '../common/app-error';

/**
 * Which days of mainland China are worked: weekends off, except the State Council's official
 * holidays (放假) and make-up working days (调休上班), published each year in a notice around
 * November for the next year. Dates are 'YYYY-MM-DD'. Pure; the only importer of `chinese-days`.
 *
 * Two sources, in this order: the schedules the office imported (docs/calendar.md), then the
 * `chinese-days` package, which knows the years published when it was released. A year in
 * neither is refused rather than counted with its holidays as working days.
 */

/** One year's official schedule, as imported by the office. */
export interface YearSchedule {
  year: number;
  holidays: readonly string[];
  makeUpWorkingDays: readonly string[];
}

export type CalendarSource = 'imported' | 'package';

/** Years the package has data for are contiguous; scanning this window finds them all. */
const PACKAGE_SCAN = { first: 1990, last: 2100 } as const;

const packageCoverage = new Map<number, boolean>();

/** Whether the `chinese-days` package has the official schedule of a year. */
export function packageCoversYear(year: number): boolean {
  let covered = packageCoverage.get(year);
  if (covered === undefined) {
    // Every year has official holidays (元旦 at least): none listed means no data.
    covered = getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    packageCoverage.set(year, covered);
  }
  return covered;
}

/** The years the `chinese-days` package covers, ascending. */
export function packageYears(): number[] {
  const years: number[] = [];
  for (let year = PACKAGE_SCAN.first; year <= PACKAGE_SCAN.last; year++) if (packageCoversYear(year)) years.push(year);
  return years;
}

/** 0 = Sunday … 6 = Saturday, of a 'YYYY-MM-DD' date. */
export function dayOfWeek(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

interface ImportedYear {
  holidays: ReadonlySet<string>;
  makeUpWorkingDays: ReadonlySet<string>;
}

/** The working-day calendar: imported schedules first, then the package. Immutable. */
export class HolidayCalendar {
  private readonly imported: ReadonlyMap<number, ImportedYear>;

  constructor(schedules: readonly YearSchedule[] = []) {
    this.imported = new Map(
      schedules.map((s) => [
        s.year,
        { holidays: new Set(s.holidays), makeUpWorkingDays: new Set(s.makeUpWorkingDays) },
      ]),
    );
  }

  /** Where the calendar takes a year's schedule from, or undefined when it has none. */
  sourceOf(year: number): CalendarSource | undefined {
    if (this.imported.has(year)) return 'imported';
    return packageCoversYear(year) ? 'package' : undefined;
  }

  /** Throws CALENDAR_YEAR_NOT_COVERED (422) for a year without an official schedule. */
  isWorkingDay(date: string): boolean {
    const year = Number(date.slice(0, 4));
    const schedule = this.imported.get(year);
    if (schedule) {
      if (schedule.holidays.has(date)) return false;
      return schedule.makeUpWorkingDays.has(date) || !isWeekend(date);
    }
    if (!packageCoversYear(year)) {
      throw new AppError(
        'CALENDAR_YEAR_NOT_COVERED',
        `The working-day calendar has no official holiday schedule for ${year} yet; import the State Council's schedule (放假调休安排) for ${year} once published: PUT /api/v1/calendar/years/${year} or calendar:import.`,
        { year },
      );
    }
    return isWorkday(date);
  }
}

/** The package alone, for tools and tests; services use CalendarService's calendar. */
export const PACKAGE_CALENDAR = new HolidayCalendar();
