/**
 * Every error a user can cause carries one of these stable, machine-readable codes.
 * The HTTP status of each is decided in one place: `httpStatusFor` in app-exception.filter.ts.
 */
export type ErrorCode =
  // request shape
  | 'BAD_JSON'
  | 'BAD_URL'
  | 'BODY_TOO_LARGE'
  | 'BODY_TOO_DEEP'
  | 'HEADERS_TOO_LARGE'
  | 'REQUEST_TIMEOUT'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'VALIDATION_FAILED'
  | 'UNKNOWN_FIELD'
  | 'ROUTE_NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  // issuance input
  | 'ID_NUMBER_INVALID'
  | 'GENDER_INVALID'
  | 'GENDER_MISMATCH'
  | 'NAME_INVALID'
  | 'EMPLOYER_INVALID'
  | 'DATE_INVALID'
  | 'DATE_IN_FUTURE'
  | 'LEVEL_INVALID'
  | 'SPECIALTY_INVALID'
  | 'SPECIALTY_NOT_ALLOWED_FOR_LEVEL'
  | 'EVALUATION_YEAR_INVALID'
  | 'APPROVAL_DOCUMENT_INVALID'
  | 'CERTIFICATE_NO_INVALID'
  // certificates
  | 'CERTIFICATE_NOT_FOUND'
  | 'CERTIFICATE_CONFLICT'
  | 'CERTIFICATE_REVOKED'
  | 'PDF_CHARACTER_UNSUPPORTED'
  // revocation and reinstatement
  | 'REASON_CATEGORY_INVALID'
  | 'DECISION_DOCUMENT_INVALID'
  | 'CASE_NOT_FOUND'
  | 'CASE_NOT_PENDING'
  | 'CASE_ALREADY_OPEN'
  | 'CONFIRMATION_BY_SAME_AUTHORITY'
  | 'CERTIFICATE_ALREADY_REVOKED'
  | 'CERTIFICATE_NOT_REVOKED'
  | 'HOLDER_CERTIFICATE_REVOKED'
  // evaluation rounds (docs/evaluation.md)
  | 'CSV_INVALID'
  | 'SCORE_THRESHOLD_INVALID'
  | 'SEED_INVALID'
  | 'COMMITMENT_INVALID'
  | 'ROUND_NOT_FOUND'
  | 'APPLICATION_NOT_FOUND'
  | 'OBJECTION_NOT_FOUND'
  | 'ROUND_EXISTS'
  | 'ROUND_STEP_OUT_OF_ORDER'
  | 'APPLICATION_DUPLICATE'
  | 'DRAW_ALREADY_COMMITTED'
  | 'DRAW_NOT_COMMITTED'
  | 'DRAW_ALREADY_DONE'
  | 'COMMITTEE_NOT_DRAWN'
  | 'ATTENDANCE_NOT_RECORDED'
  | 'TALLY_ALREADY_RECORDED'
  | 'TALLY_NOT_RECORDED'
  | 'OBJECTIONS_UNRESOLVED'
  | 'OBJECTION_ALREADY_RESOLVED'
  | 'APPLICANT_BANNED'
  | 'PLEDGE_MISSING'
  | 'EMPLOYER_PUBLICITY_TOO_SHORT'
  | 'DEPARTMENT_REVIEW_MISSING'
  | 'INTERMEDIATE_RECOMMENDATION_MISSING'
  | 'QUANTITATIVE_SCORE_BELOW_THRESHOLD'
  | 'COMMITTEE_SIZE_INVALID'
  | 'POOL_TOO_SMALL'
  | 'POOL_SPECIALTY_SHORT'
  | 'NO_ELIGIBLE_APPLICANTS'
  | 'SEED_MISMATCH'
  | 'PRE_EVALUATION_REPORT_TOO_LATE'
  | 'MEETING_DATE_NOT_REACHED'
  | 'NOT_A_COMMITTEE_MEMBER'
  | 'QUORUM_NOT_MET'
  | 'TALLY_INCOMPLETE'
  | 'TALLY_MISMATCH'
  | 'PRESIDING_MEMBER_INVALID'
  | 'PUBLICITY_TOO_SHORT'
  | 'PUBLICITY_NOT_OVER'
  | 'CALENDAR_YEAR_NOT_COVERED'
  // holiday calendar imports (docs/calendar.md)
  | 'CALENDAR_INVALID'
  | 'CALENDAR_DATE_INVALID'
  | 'CALENDAR_DATE_DUPLICATE'
  | 'CALENDAR_DATE_CONFLICT'
  | 'CALENDAR_DOCUMENT_NUMBER_INVALID'
  // officers and auth
  | 'AUTH_REQUIRED'
  | 'AUTH_TOKEN_INVALID'
  | 'INVALID_CREDENTIALS'
  | 'TOO_MANY_ATTEMPTS'
  | 'RATE_LIMITED'
  | 'FORBIDDEN_ROLE'
  | 'OFFICER_EXISTS'
  | 'OFFICER_INVALID'
  // verification requests
  | 'VERIFICATION_REQUEST_INVALID'
  // operations
  | 'SERVICE_UNAVAILABLE';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra machine-readable facts for the client (never secrets). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Thrown when a throttle refuses a request; carries the seconds to wait. */
export class TooManyAttemptsError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    /** RATE_LIMITED: the public request budget, not failed attempts, is used up. */
    code: 'TOO_MANY_ATTEMPTS' | 'RATE_LIMITED' = 'TOO_MANY_ATTEMPTS',
  ) {
    super(code, message, { retryAfterSeconds });
  }
}
