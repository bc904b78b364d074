import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../common/app-error';
import { readScheduleFile } from './schedule-file';

const TODAY = '2026-11-27';
const example = () =>
  JSON.parse(readFileSync(join(__dirname, '../../docs/examples/calendar-2027.json'), 'utf8')) as Record<
    string,
    unknown
  >;
const valid = (overrides: Record<string, unknown> = {}) => ({
  year: 2027,
  documentNumber: '国办发明电〔2026〕7号',
  publishedOn: '2026-11-06',
  holidays: ['2027-01-01', '2027-01-02'],
  makeUpWorkingDays: ['2027-01-31'],
  ...overrides,
});

/** The refusal's code and its problems as "field code". */
function refusal(raw: unknown, year?: number): { code: string; problems: string[] } {
  try {
    readScheduleFile(raw, { today: TODAY, year });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const problems = (error.details?.problems ?? []) as Array<{ field: string; code: string }>;
    return { code: error.code, problems: problems.map((p) => `${p.field} ${p.code}`) };
  }
  throw new Error('accepted');
}

describe('schedule file (docs/calendar.md)', () => {
  it('reads the example file: dates sorted, text in NFC', () => {
    const file = readScheduleFile(example(), { today: TODAY, year: 2027 });
    expect(file).toMatchObject({ year: 2027, documentNumber: '国办发明电〔2026〕7号', publishedOn: '2026-11-06' });
    expect(file.holidays).toHaveLength(29);
    expect(file.makeUpWorkingDays).toEqual(['2027-01-31', '2027-02-20', '2027-05-08', '2027-09-26', '2027-10-09']);
    expect(file.note).toMatch(/EXAMPLE/);
    expect(readScheduleFile(valid({ holidays: ['2027-10-01', '2027-01-01'] }), { today: TODAY }).holidays).toEqual([
      '2027-01-01',
      '2027-10-01',
    ]);
  });

  it('refuses a date that does not exist or is not in the year', () => {
    expect(refusal(valid({ holidays: ['2027-02-29', '2027-13-01', '2027-1-1', 20270101] }))).toEqual({
      code: 'CALENDAR_DATE_INVALID',
      problems: [
        'holidays[0] CALENDAR_DATE_INVALID',
        'holidays[1] CALENDAR_DATE_INVALID',
        'holidays[2] CALENDAR_DATE_INVALID',
        'holidays[3] CALENDAR_DATE_INVALID',
      ],
    });
    expect(refusal(valid({ holidays: ['2026-12-31', '2027-01-01'] }))).toEqual({
      code: 'CALENDAR_DATE_INVALID',
      problems: ['holidays[0] CALENDAR_DATE_INVALID'],
    });
    expect(refusal(valid({ makeUpWorkingDays: ['2028-01-29'] })).problems).toEqual([
      'makeUpWorkingDays[0] CALENDAR_DATE_INVALID',
    ]);
  });

  it('refuses a make-up working day on a weekday (a typo: 调休上班 moves a weekend day)', () => {
    expect(refusal(valid({ makeUpWorkingDays: ['2027-02-01'] }))).toEqual({
      code: 'CALENDAR_DATE_INVALID',
      problems: ['makeUpWorkingDays CALENDAR_DATE_INVALID'],
    });
  });

  it('refuses a day that is both a holiday and a make-up working day', () => {
    expect(refusal(valid({ holidays: ['2027-01-01', '2027-01-02'], makeUpWorkingDays: ['2027-01-02'] }))).toEqual({
      code: 'CALENDAR_DATE_CONFLICT',
      problems: ['makeUpWorkingDays CALENDAR_DATE_CONFLICT'],
    });
  });

  it('refuses a date listed twice', () => {
    expect(refusal(valid({ holidays: ['2027-01-01', '2027-01-02', '2027-01-01'] }))).toEqual({
      code: 'CALENDAR_DATE_DUPLICATE',
      problems: ['holidays[2] CALENDAR_DATE_DUPLICATE'],
    });
  });

  it("requires the notice's document number, well formed and without invisible characters", () => {
    for (const documentNumber of [undefined, '', '   ', 'see the notice', '国办发明电〔2026〕\u200b7号']) {
      expect(refusal(valid({ documentNumber }))).toEqual({
        code: 'CALENDAR_DOCUMENT_NUMBER_INVALID',
        problems: ['documentNumber CALENDAR_DOCUMENT_NUMBER_INVALID'],
      });
    }
  });

  it('refuses a wrong shape: not an object, unknown or missing fields, a year other than the address says, a future notice', () => {
    expect(refusal([valid()]).code).toBe('CALENDAR_INVALID');
    expect(refusal(valid({ holiday: [] })).problems).toEqual(['holiday CALENDAR_INVALID']);
    expect(refusal(valid({ makeUpWorkingDays: undefined })).problems).toEqual(['makeUpWorkingDays CALENDAR_INVALID']);
    expect(refusal(valid({ holidays: [] })).problems).toEqual(['holidays CALENDAR_INVALID']);
    expect(refusal(valid(), 2028).problems).toEqual(['year CALENDAR_INVALID']);
    expect(refusal(valid({ year: '2027' })).code).toBe('CALENDAR_INVALID');
    expect(refusal(valid({ publishedOn: '2026-11-28' })).problems).toEqual(['publishedOn CALENDAR_INVALID']);
    expect(
      refusal(valid({ year: 2025, holidays: ['2025-01-01'], makeUpWorkingDays: [], publishedOn: '2026-01-05' }))
        .problems,
    ).toEqual(['publishedOn CALENDAR_INVALID']);
    expect(refusal(valid({ year: 1999 })).problems[0]).toBe('year CALENDAR_INVALID');
  });

  it('lists every problem, the first one giving the code and message', () => {
    try {
      readScheduleFile(valid({ documentNumber: '', holidays: ['2027-02-30', '2027-01-01', '2027-01-01'] }), {
        today: TODAY,
      });
      throw new Error('accepted');
    } catch (error) {
      expect(error).toMatchObject({
        code: 'CALENDAR_DOCUMENT_NUMBER_INVALID',
        message: expect.stringContaining('and 2 more problems'),
      });
      expect((error as AppError).details?.problems).toHaveLength(3);
    }
  });
});
