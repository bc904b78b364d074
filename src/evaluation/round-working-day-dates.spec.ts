import { PACKAGE_CALENDAR } from '../calendar/holiday-calendar';
import { roundWorkingDayDates } from './round-working-day-dates';

describe('roundWorkingDayDates', () => {
  const round = { meetingDate: '2026-12-18', publicityStart: null, publicityEnd: null };

  it('gives the last report day 10 working days before the meeting (docs/evaluation.md)', () => {
    expect(roundWorkingDayDates(round, '2026-11-27', PACKAGE_CALENDAR).preEvaluationReportLatest).toBe('2026-12-04');
  });

  it('counts a publicity from today (after the meeting) until one is recorded, then from its start', () => {
    const met = { ...round, meetingDate: '2026-11-20' };
    // Friday 27 November counts; the weekend does not: 27, 30 Nov, 1, 2, 3 Dec.
    expect(roundWorkingDayDates(met, '2026-11-27', PACKAGE_CALENDAR)).toMatchObject({
      resultsPublicityEarliestEnd: '2026-12-03',
      resultsPublicityWorkingDays: null,
    });
    const publicised = { ...round, publicityStart: '2026-12-21', publicityEnd: '2026-12-28' };
    expect(roundWorkingDayDates(publicised, '2026-12-22', PACKAGE_CALENDAR)).toMatchObject({
      resultsPublicityEarliestEnd: '2026-12-25',
      resultsPublicityWorkingDays: 6,
    });
  });

  it('counts from the meeting while it is ahead: the publicity follows it', () => {
    // Friday 18 December, then 21–24 December.
    expect(roundWorkingDayDates(round, '2026-11-27', PACKAGE_CALENDAR).resultsPublicityEarliestEnd).toBe('2026-12-24');
  });

  it('starts counting on the next working day when the start is a holiday', () => {
    // Saturday 26 September, then 28–30 September and 9 October: the National Day holiday lies between.
    const dates = roundWorkingDayDates({ ...round, meetingDate: '2026-09-25' }, '2026-09-26', PACKAGE_CALENDAR);
    expect(dates.resultsPublicityEarliestEnd).toBe('2026-10-09');
  });

  it('has no date where the calendar lacks the year, rather than a wrong one', () => {
    const late = { meetingDate: '2027-03-01', publicityStart: '2027-03-02', publicityEnd: '2027-03-09' };
    expect(roundWorkingDayDates(late, '2027-03-03', PACKAGE_CALENDAR)).toEqual({
      preEvaluationReportLatest: null,
      resultsPublicityEarliestEnd: null,
      resultsPublicityWorkingDays: null,
    });
  });
});
