import { requireInTimeline, timelineConflict, timelineOf, TIMELINE_STEPS, type Timeline } from './round-timeline';

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
