import type { HttpStatusLike } from '../common/app-error';

/** Officers' sign-in and roles: code → HTTP status. */
export const authErrors = {
  AUTH_REQUIRED: 401,
  AUTH_TOKEN_INVALID: 401,
  CSRF_HEADER_MISSING: 403,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN_ROLE: 403,
} as const satisfies Record<string, HttpStatusLike>;

declare module '../common/app-error' {
  interface ErrorStatusTables {
    auth: typeof authErrors;
  }
}
