import type { HttpStatusLike } from '../common/app-error';

/** Holiday calendars (docs/calendar.md): code → HTTP status. */
export const calendarErrors = {
  CALENDAR_INVALID: 400,
  CALENDAR_DATE_INVALID: 400,
  CALENDAR_DATE_DUPLICATE: 400,
  CALENDAR_DATE_CONFLICT: 400,
  CALENDAR_DOCUMENT_NUMBER_INVALID: 400,
  // Working days of a year neither imported nor known to chinese-days cannot be counted.
  CALENDAR_YEAR_NOT_COVERED: 422,
} as const satisfies Record<string, HttpStatusLike>;

declare module '../common/app-error' {
  interface ErrorStatusTables {
    calendar: typeof calendarErrors;
  }
}
