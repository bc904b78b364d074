import { AppError } from '../common/app-error';
import type { HolidayCalendar } from '../calendar/holiday-calendar';
import type { RoundEntity } from './round.entity';
import { preEvaluationReportLatest } from './round-timeline';
import { addWorkingDays, countWorkingDays } from './working-days';

/** 四.三.6: the results are publicised for at least 5 working days. */
const PUBLICITY_WORKING_DAYS = 5;

/** The dates of a round that only the working-day calendar can give (the console's wizard shows them). */
export interface RoundWorkingDayDates {
  /** The last day the pre-evaluation report may reach HRSS. */
  preEvaluationReportLatest: string | null;
  /**
   * The first end giving the publicity its working days: from its recorded start, else from the
   * earliest start it can have, today or the meeting date if later (it follows the meeting).
   */
  resultsPublicityEarliestEnd: string | null;
  /** The working days of the recorded publicity, both ends included. */
  resultsPublicityWorkingDays: number | null;
}

/** A year without an official schedule has no such date yet (null), rather than a wrong one. */
function unlessUncovered<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof AppError && error.code === 'CALENDAR_YEAR_NOT_COVERED') return null;
    throw error;
  }
}

/** The day a period starting on `start` (counted when a working day) has `days` working days. */
function periodEnd(start: string, days: number, calendar: HolidayCalendar): string {
  return addWorkingDays(start, calendar.isWorkingDay(start) ? days - 1 : days, calendar);
}

export function roundWorkingDayDates(
  round: Pick<RoundEntity, 'meetingDate' | 'publicityStart' | 'publicityEnd'>,
  today: string,
  calendar: HolidayCalendar,
): RoundWorkingDayDates {
  const { publicityStart: start, publicityEnd: end } = round;
  const earliestStart = start ?? (today > round.meetingDate ? today : round.meetingDate);
  return {
    preEvaluationReportLatest: unlessUncovered(() => preEvaluationReportLatest(round.meetingDate, calendar)),
    resultsPublicityEarliestEnd: unlessUncovered(() => periodEnd(earliestStart, PUBLICITY_WORKING_DAYS, calendar)),
    resultsPublicityWorkingDays: start && end ? unlessUncovered(() => countWorkingDays(start, end, calendar)) : null,
  };
}
