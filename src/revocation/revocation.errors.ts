import type { HttpStatusLike } from '../common/app-error';

/** Revocation, reinstatement and applicant-ban cases (docs/revocation.md): code → HTTP status. */
export const revocationErrors = {
  REASON_CATEGORY_INVALID: 400,
  CONFIRMATION_BY_SAME_AUTHORITY: 403,
  CASE_NOT_FOUND: 404,
  CASE_NOT_PENDING: 409,
  CASE_ALREADY_OPEN: 409,
  CERTIFICATE_ALREADY_REVOKED: 409,
  CERTIFICATE_NOT_REVOKED: 409,
  // An applicant ban is for an applicant without a certificate, once per application.
  APPLICANT_HAS_CERTIFICATE: 409,
  APPLICANT_ALREADY_BANNED: 409,
} as const satisfies Record<string, HttpStatusLike>;

declare module '../common/app-error' {
  interface ErrorStatusTables {
    revocation: typeof revocationErrors;
  }
}
