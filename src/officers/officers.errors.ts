import type { HttpStatusLike } from '../common/app-error';

/** Officer accounts: code → HTTP status. */
export const officersErrors = {
  OFFICER_INVALID: 400,
  OFFICER_EXISTS: 409,
} as const satisfies Record<string, HttpStatusLike>;

declare module '../common/app-error' {
  interface ErrorStatusTables {
    officers: typeof officersErrors;
  }
}
