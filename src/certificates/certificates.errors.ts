import type { HttpStatusLike } from '../common/app-error';

/** Issuing and reading certificates: code → HTTP status. */
export const certificatesErrors = {
  GENDER_INVALID: 400,
  GENDER_MISMATCH: 400,
  CERTIFICATE_NOT_FOUND: 404,
  CERTIFICATE_CONFLICT: 409,
  HOLDER_CERTIFICATE_REVOKED: 409,
} as const satisfies Record<string, HttpStatusLike>;

declare module '../common/app-error' {
  interface ErrorStatusTables {
    certificates: typeof certificatesErrors;
  }
}
