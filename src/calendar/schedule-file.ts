import { AppError, ErrorCode } from '../common/app-error';
import { DOCUMENT_NUMBER_PATTERN, isCalendarDate } from '../common/formats';
import { invisibleCharacterIn, toNfc } from '../common/text-input';
import { isWeekend, YearSchedule } from './holiday-calendar';

/**
 * The JSON file (or API body) of one year's official schedule, checked before anything is
 * stored: the format is in docs/calendar.md. Pure, shared by the API and the CLI.
 */

export interface ScheduleFile extends YearSchedule {
  /** The State Council notice, e.g. 国办发明电〔2026〕7号. */
  documentNumber: string;
  publishedOn: string;
  note: string | null;
}

export interface ScheduleProblem {
  field: string;
  code: ErrorCode;
  reason: string;
}

const FIELDS = ['year', 'documentNumber', 'publishedOn', 'holidays', 'makeUpWorkingDays', 'note'];
/** Years the office may load: wide enough for any real use, narrow enough to catch a typo. */
export const SCHEDULE_YEARS = { first: 2000, last: 2099 } as const;
/** A year has about 30 holidays and a handful of make-up days; far more is not a schedule. */
const MAX_DATES = 120;
const MAX_NOTE = 200;

/** Checks a schedule file; refuses it (400) with the first problem's code, listing them all in `details.problems`. */
export function readScheduleFile(raw: unknown, options: { today: string; year?: number }): ScheduleFile {
  const problems: ScheduleProblem[] = [];
  const problem = (field: string, code: ErrorCode, reason: string) => problems.push({ field, code, reason });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw refusal([
      { field: '', code: 'CALENDAR_INVALID', reason: 'The schedule must be a JSON object (docs/calendar.md).' },
    ]);
  }
  const input = raw as Record<string, unknown>;
  for (const key of Object.keys(input))
    if (!FIELDS.includes(key)) problem(key, 'CALENDAR_INVALID', `Unknown field "${key}".`);
  const year = readYear(input.year, options.year, problem);
  const documentNumber = readDocumentNumber(input.documentNumber, problem);
  const publishedOn = readPublishedOn(input.publishedOn, year, options.today, problem);
  const note = readNote(input.note, problem);
  const holidays = readDates(input.holidays, 'holidays', year, problem);
  const makeUpWorkingDays = readDates(input.makeUpWorkingDays, 'makeUpWorkingDays', year, problem);
  if (Array.isArray(input.holidays) && input.holidays.length === 0)
    problem('holidays', 'CALENDAR_INVALID', 'A year has official holidays (元旦 at least): holidays is empty.');
  for (const date of makeUpWorkingDays) {
    // 调休上班 moves a weekend day to work; a weekday in the list is a typo.
    if (!isWeekend(date))
      problem(
        'makeUpWorkingDays',
        'CALENDAR_DATE_INVALID',
        `${date} is a weekday; make-up working days (调休上班) fall on a Saturday or Sunday.`,
      );
    if (holidays.includes(date))
      problem(
        'makeUpWorkingDays',
        'CALENDAR_DATE_CONFLICT',
        `${date} is listed both as a holiday and as a make-up working day.`,
      );
  }
  if (problems.length > 0) throw refusal(problems);
  return { year: year!, documentNumber: documentNumber!, publishedOn: publishedOn!, note, holidays, makeUpWorkingDays };
}

function refusal(problems: ScheduleProblem[]): AppError {
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return new AppError(first.code, `${first.reason}${more}`, { field: first.field, problems });
}

type Report = (field: string, code: ErrorCode, reason: string) => void;

function readYear(value: unknown, expected: number | undefined, problem: Report): number | undefined {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < SCHEDULE_YEARS.first ||
    value > SCHEDULE_YEARS.last
  ) {
    problem(
      'year',
      'CALENDAR_INVALID',
      `year must be an integer from ${SCHEDULE_YEARS.first} to ${SCHEDULE_YEARS.last}.`,
    );
    return undefined;
  }
  if (expected !== undefined && value !== expected) {
    problem('year', 'CALENDAR_INVALID', `The file is the schedule of ${value}, not of ${expected}.`);
    return undefined;
  }
  return value;
}

function readDocumentNumber(value: unknown, problem: Report): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') {
    problem(
      'documentNumber',
      'CALENDAR_DOCUMENT_NUMBER_INVALID',
      "documentNumber is required: the State Council notice's number, e.g. 国办发明电〔2026〕7号.",
    );
    return undefined;
  }
  const text = toNfc(value);
  const invisible = invisibleCharacterIn(text);
  if (invisible)
    problem(
      'documentNumber',
      'CALENDAR_DOCUMENT_NUMBER_INVALID',
      `documentNumber contains an invisible character (${invisible}).`,
    );
  else if (!DOCUMENT_NUMBER_PATTERN.test(text))
    problem(
      'documentNumber',
      'CALENDAR_DOCUMENT_NUMBER_INVALID',
      `documentNumber "${text}" is not a document number such as 国办发明电〔2026〕7号 (serial from 1, no leading zero).`,
    );
  return text;
}

function readPublishedOn(value: unknown, year: number | undefined, today: string, problem: Report): string | undefined {
  if (!isCalendarDate(value)) {
    problem('publishedOn', 'CALENDAR_INVALID', "publishedOn must be a real date YYYY-MM-DD (the notice's date).");
    return undefined;
  }
  if (value > today)
    problem(
      'publishedOn',
      'CALENDAR_INVALID',
      `publishedOn ${value} is in the future: load a notice once it is published.`,
    );
  if (year !== undefined && Number(value.slice(0, 4)) > year)
    problem(
      'publishedOn',
      'CALENDAR_INVALID',
      `A notice published on ${value} cannot announce the schedule of ${year}.`,
    );
  return value;
}

function readNote(value: unknown, problem: Report): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length > MAX_NOTE) {
    problem('note', 'CALENDAR_INVALID', `note must be a text of at most ${MAX_NOTE} characters.`);
    return null;
  }
  const invisible = invisibleCharacterIn(value);
  if (invisible) problem('note', 'CALENDAR_INVALID', `note contains an invisible character (${invisible}).`);
  return toNfc(value);
}

/** The valid dates of a list, sorted; each bad or repeated entry is a problem naming its index. */
function readDates(value: unknown, field: string, year: number | undefined, problem: Report): string[] {
  if (!Array.isArray(value) || value.length > MAX_DATES) {
    problem(field, 'CALENDAR_INVALID', `${field} must be a list of at most ${MAX_DATES} dates YYYY-MM-DD.`);
    return [];
  }
  const seen = new Set<string>();
  for (const [i, date] of (value as unknown[]).entries()) {
    const at = `${field}[${i}]`;
    if (!isCalendarDate(date))
      problem(at, 'CALENDAR_DATE_INVALID', `${at} ${JSON.stringify(date)} is not a real date YYYY-MM-DD.`);
    else if (year !== undefined && Number(date.slice(0, 4)) !== year)
      problem(at, 'CALENDAR_DATE_INVALID', `${at} ${date} is not in ${year}.`);
    else if (seen.has(date)) problem(at, 'CALENDAR_DATE_DUPLICATE', `${at} ${date} is listed twice in ${field}.`);
    else seen.add(date);
  }
  return [...seen].sort();
}
