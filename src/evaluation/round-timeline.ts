import { AppError } from '../common/app-error';
import { chinaDate } from '../common/china-dates';
import type { HolidayCalendar } from '../calendar/holiday-calendar';
import { addWorkingDays, shiftDate } from './working-days';

/**
 * The dates of a round in the order of the plan (四.三.2–6, docs/rules.md §四.三.4): the
 * employers' publicity ends, applications close, the committee is drawn, the office reports to
 * HRSS, HRSS approves, the committee meets, the results are publicised, AMR and HRSS publish.
 * Each date is on or after every date before it; none is in the future.
 */
export const TIMELINE_STEPS = [
  'employerPublicityEnd',
  'applicationsClosure',
  'draw',
  'preEvaluationReport',
  'hrssApproval',
  'meeting',
  'resultsPublicityStart',
  'resultsPublicityEnd',
  'publication',
] as const;
export type TimelineStep = (typeof TIMELINE_STEPS)[number];

export const TIMELINE_STEP_NAMES: Record<TimelineStep | 'today', string> = {
  employerPublicityEnd: 'employer publicity end',
  applicationsClosure: 'application closure',
  draw: 'draw',
  preEvaluationReport: 'pre-evaluation report',
  hrssApproval: 'HRSS approval',
  meeting: 'meeting',
  resultsPublicityStart: 'results publicity start',
  resultsPublicityEnd: 'results publicity end',
  publication: 'publication',
  today: 'today',
};

/** The dates recorded so far (YYYY-MM-DD); a step not taken yet is missing or null. */
export type Timeline = Partial<Record<TimelineStep, string | null>>;

export interface TimelineConflict {
  step: TimelineStep;
  date: string;
  /** The step whose date `date` contradicts; `today` for a date in the future. */
  otherStep: TimelineStep | 'today';
  otherDate: string;
  relation: 'before' | 'after';
}

/**
 * What is wrong with recording `date` for `step`: the nearest step before it with a later date,
 * else the nearest step after it with an earlier date, else today if `date` is in the future.
 * Planned dates that may lie ahead (the meeting, the end of a publicity) pass `today` undefined.
 */
export function timelineConflict(
  timeline: Timeline,
  step: TimelineStep,
  date: string,
  today: string | undefined,
): TimelineConflict | undefined {
  const index = TIMELINE_STEPS.indexOf(step);
  for (let i = index - 1; i >= 0; i--) {
    const otherDate = timeline[TIMELINE_STEPS[i]];
    if (otherDate && otherDate > date)
      return { step, date, otherStep: TIMELINE_STEPS[i], otherDate, relation: 'before' };
  }
  for (let i = index + 1; i < TIMELINE_STEPS.length; i++) {
    const otherDate = timeline[TIMELINE_STEPS[i]];
    if (otherDate && otherDate < date)
      return { step, date, otherStep: TIMELINE_STEPS[i], otherDate, relation: 'after' };
  }
  if (today !== undefined && date > today)
    return { step, date, otherStep: 'today', otherDate: today, relation: 'after' };
  return undefined;
}

/** Refuses a date out of the plan's order (422 TIMELINE_OUT_OF_ORDER), naming both steps and both dates. */
export function requireInTimeline(
  timeline: Timeline,
  step: TimelineStep,
  date: string,
  today: string | undefined,
): void {
  const conflict = timelineConflict(timeline, step, date, today);
  if (!conflict) return;
  const { otherStep, otherDate, relation } = conflict;
  const other = otherStep === 'today' ? 'today' : `the ${TIMELINE_STEP_NAMES[otherStep]}`;
  throw new AppError(
    'TIMELINE_OUT_OF_ORDER',
    `The ${TIMELINE_STEP_NAMES[step]} ${date} is ${relation} ${other} ${otherDate}: ` +
      `a round's dates follow the order of the plan (docs/evaluation.md, Timeline).`,
    { step, date, otherStep, otherDate },
  );
}

/** The dates a round has recorded, as its timeline (the draw's date is the day it was drawn, in China). */
export function timelineOf(round: {
  applicationsClosedOn: string | null;
  drawnAt: string | null;
  reportedOn: string | null;
  hrssApprovedOn: string | null;
  meetingDate: string;
  publicityStart: string | null;
  publicityEnd: string | null;
  publishedOn: string | null;
}): Timeline {
  return {
    applicationsClosure: round.applicationsClosedOn,
    draw: round.drawnAt && chinaDate(round.drawnAt),
    preEvaluationReport: round.reportedOn,
    hrssApproval: round.hrssApprovedOn,
    meeting: round.meetingDate,
    resultsPublicityStart: round.publicityStart,
    resultsPublicityEnd: round.publicityEnd,
    publication: round.publishedOn,
  };
}

/** 四.三.4: "应提前 10 个工作日" report to HRSS before the meeting. */
export const PRE_EVALUATION_REPORT_WORKING_DAYS = 10;

/** The last day the pre-evaluation report may reach HRSS: 10 working days before the meeting (四.三.4). */
export function preEvaluationReportLatest(meetingDate: string, calendar: HolidayCalendar): string {
  return addWorkingDays(meetingDate, -PRE_EVALUATION_REPORT_WORKING_DAYS, calendar);
}

/**
 * The earliest meeting a round opened on `openedOn` can reach with every step on time. Each
 * step before the report may be taken the day the round opens (the closure and the draw are
 * dated the day they are taken, each on or after the one before), so the report can be made
 * that day at the earliest, and its deadline is the one rule that needs time: the earliest
 * meeting is the first whose preEvaluationReportLatest is not before `openedOn`. That deadline
 * is always a working day, so it is the day after the 10 working days counted from the first
 * working day on or after `openedOn`, that day included. Counted forwards, so only the days
 * from `openedOn` on need the calendar (a year before it may lack a schedule).
 */
export function earliestMeetingDate(openedOn: string, calendar: HolidayCalendar): string {
  const firstReportDay = calendar.isWorkingDay(openedOn) ? openedOn : addWorkingDays(openedOn, 1, calendar);
  return shiftDate(addWorkingDays(firstReportDay, PRE_EVALUATION_REPORT_WORKING_DAYS - 1, calendar), 1);
}
