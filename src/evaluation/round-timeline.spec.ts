import { HolidayCalendar, PACKAGE_CALENDAR } from '../calendar/holiday-calendar';
import {
  earliestMeetingDate,
  preEvaluationReportLatest,
  requireInTimeline,
  timelineConflict,
  timelineOf,
  TIMELINE_STEPS,
  type Timeline,
} from './round-timeline';
import { shiftDate } from './working-days';

/** A round of 2026 with every date in the plan's order. */
const PLAN: Timeline = {
  employerPublicityEnd: '2026-10-16',
  applicationsClosure: '2026-11-02',
  draw: '2026-12-01',
  preEvaluationReport: '2026-12-04',
  hrssApproval: '2026-12-08',
  meeting: '2026-12-18',
  resultsPublicityStart: '2026-12-21',
  resultsPublicityEnd: '2026-12-25',
  publication: '2026-12-28',
};
const TODAY = '2026-12-31';

describe('round timeline', () => {
  it('accepts every date of the plan against all the others, same-day steps included', () => {
    for (const step of TIMELINE_STEPS)
      expect(timelineConflict(PLAN, step, PLAN[step] as string, TODAY)).toBeUndefined();
    expect(timelineConflict({ ...PLAN, hrssApproval: '2026-12-18' }, 'meeting', '2026-12-18', TODAY)).toBeUndefined();
  });

  it('names the nearest step the date contradicts, before or after it', () => {
    expect(timelineConflict(PLAN, 'draw', '2026-12-05', TODAY)).toEqual({
      step: 'draw',
      date: '2026-12-05',
      otherStep: 'preEvaluationReport',
      otherDate: '2026-12-04',
      relation: 'after',
    });
    expect(timelineConflict({ ...PLAN, draw: null }, 'preEvaluationReport', '2026-10-01', TODAY)).toMatchObject({
      otherStep: 'applicationsClosure',
      otherDate: '2026-11-02',
      relation: 'before',
    });
  });

  it('checks against later steps already recorded (the meeting date is set when the round opens)', () => {
    const opened: Timeline = { meeting: '2026-12-18' };
    expect(timelineConflict(opened, 'applicationsClosure', '2026-12-19', '2026-12-19')).toMatchObject({
      otherStep: 'meeting',
      relation: 'after',
    });
    expect(timelineConflict(opened, 'resultsPublicityStart', '2026-12-17', TODAY)).toMatchObject({
      otherStep: 'meeting',
      relation: 'before',
    });
  });

  it('refuses a date in the future unless the date is a planned one', () => {
    expect(timelineConflict({}, 'preEvaluationReport', '2026-12-09', '2026-12-08')).toEqual({
      step: 'preEvaluationReport',
      date: '2026-12-09',
      otherStep: 'today',
      otherDate: '2026-12-08',
      relation: 'after',
    });
    expect(
      timelineConflict({ resultsPublicityStart: '2026-12-21' }, 'resultsPublicityEnd', '2026-12-25', undefined),
    ).toBe(undefined);
  });

  it('throws a 422 code whose message and details name both steps and both dates', () => {
    expect(() => requireInTimeline({ preEvaluationReport: '2026-09-21' }, 'draw', '2026-12-01', TODAY)).toThrow(
      expect.objectContaining({
        code: 'TIMELINE_OUT_OF_ORDER',
        message: expect.stringContaining('The draw 2026-12-01 is after the pre-evaluation report 2026-09-21'),
        details: { step: 'draw', date: '2026-12-01', otherStep: 'preEvaluationReport', otherDate: '2026-09-21' },
      }),
    );
    expect(() => requireInTimeline({}, 'preEvaluationReport', '2026-12-09', '2026-12-08')).toThrow(
      expect.objectContaining({ message: expect.stringContaining('2026-12-09 is after today 2026-12-08:') }),
    );
  });

  it("reads a round's recorded dates, the draw on its day in China", () => {
    const timeline = timelineOf({
      applicationsClosedOn: '2026-11-02',
      drawnAt: '2026-11-30T16:30:00.000Z',
      reportedOn: null,
      hrssApprovedOn: null,
      meetingDate: '2026-12-18',
      publicityStart: null,
      publicityEnd: null,
      publishedOn: null,
    });
    expect(timeline).toMatchObject({ applicationsClosure: '2026-11-02', draw: '2026-12-01', meeting: '2026-12-18' });
    expect(timeline.preEvaluationReport).toBeNull();
  });
});

describe('the earliest meeting of a round opened on a day', () => {
  const earliest = (openedOn: string) => earliestMeetingDate(openedOn, PACKAGE_CALENDAR);

  it('leaves the 10 working days the report needs when it is made the day the round opens (四.三.4)', () => {
    // Friday 27 November: 30 November – 4 December and 7–11 December.
    expect(earliest('2026-11-27')).toBe('2026-12-11');
    expect(preEvaluationReportLatest('2026-12-11', PACKAGE_CALENDAR)).toBe('2026-11-27');
    // Opened on Saturday 28 November, the report can be made on Monday 30 November: 1–4 and 7–11
    // December are the other 9 working days, so a meeting on Saturday 12 December is in time.
    expect(earliest('2026-11-28')).toBe('2026-12-12');
    // Opened on Monday 28 September, across National Day (1–7 October): the report that day, then
    // 29, 30 September, 8, 9, Saturday 10 (调休) and 12–15 October, so Friday 16 October.
    expect(earliest('2026-09-28')).toBe('2026-10-16');
  });

  it('is, for a round opened on any day of 2026 before December, the first meeting whose report deadline is not before that day', () => {
    for (let day = '2026-01-01'; day <= '2026-11-30'; day = shiftDate(day, 1)) {
      const meeting = earliest(day);
      expect([day, preEvaluationReportLatest(meeting, PACKAGE_CALENDAR) >= day]).toEqual([day, true]);
      expect([day, preEvaluationReportLatest(shiftDate(meeting, -1), PACKAGE_CALENDAR) < day]).toEqual([day, true]);
    }
  });

  it('needs the calendar from the opening day on only, and is refused where it lacks a year (422 CALENDAR_YEAR_NOT_COVERED)', () => {
    expect(() => earliest('2026-12-28')).toThrow(expect.objectContaining({ code: 'CALENDAR_YEAR_NOT_COVERED' }));
    // 2030 imported, 2027–2029 not: from Monday 14 January 2030, 10 working days to Friday 25 January.
    const only2030 = new HolidayCalendar([{ year: 2030, holidays: [], makeUpWorkingDays: [] }]);
    expect(earliestMeetingDate('2030-01-14', only2030)).toBe('2030-01-26');
  });
});
