import type { HttpStatusLike } from '../common/app-error';

/** Officer accounts: code → HTTP status. */
export const officersErrors = {
  OFFICER_INVALID: 400,
  OFFICER_EXISTS: 409,
  OFFICER_NOT_FOUND: 404,
  OFFICER_OTHER_AUTHORITY: 403,
  OFFICER_SELF_LOCKOUT: 409,
} as const satisfies Record<string, HttpStatusLike>;

declare module '../common/app-error' {
  interface ErrorStatusTables {
    officers: typeof officersErrors;
  }
}
