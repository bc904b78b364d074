import { httpStatusFor, useErrorStatuses } from './common/app-exception.filter';
import { errorStatuses, errorStatusTables, mergeErrorStatusTables } from './error-codes';

/**
 * The API's contract: the HTTP status of every error code. Changing a line here changes what
 * clients see; adding a code means adding its line.
 */
const CONTRACT = {
  APPLICANT_BANNED: 422,
  APPLICATION_DUPLICATE: 409,
  APPLICATION_NOT_FOUND: 404,
  APPROVAL_DOCUMENT_INVALID: 400,
  ATTENDANCE_NOT_RECORDED: 409,
  AUTH_REQUIRED: 401,
  AUTH_TOKEN_INVALID: 401,
  BAD_JSON: 400,
  BAD_URL: 400,
  BODY_TOO_DEEP: 400,
  BODY_TOO_LARGE: 413,
  CALENDAR_DATE_CONFLICT: 400,
  CALENDAR_DATE_DUPLICATE: 400,
  CALENDAR_DATE_INVALID: 400,
  CALENDAR_DOCUMENT_NUMBER_INVALID: 400,
  CALENDAR_INVALID: 400,
  CALENDAR_YEAR_NOT_COVERED: 422,
  CASE_ALREADY_OPEN: 409,
  CASE_NOT_FOUND: 404,
  CASE_NOT_PENDING: 409,
  CERTIFICATE_ALREADY_REVOKED: 409,
  CERTIFICATE_CONFLICT: 409,
  CERTIFICATE_NOT_FOUND: 404,
  CERTIFICATE_NOT_REVOKED: 409,
  CERTIFICATE_NO_INVALID: 400,
  CERTIFICATE_REVOKED: 410,
  COMMITMENT_INVALID: 400,
  COMMITTEE_NOT_DRAWN: 409,
  COMMITTEE_SIZE_INVALID: 422,
  CONFIRMATION_BY_SAME_AUTHORITY: 403,
  CSV_INVALID: 400,
  DATE_INVALID: 400,
  DATE_IN_FUTURE: 400,
  DECISION_DOCUMENT_INVALID: 400,
  DEPARTMENT_REVIEW_MISSING: 422,
  DRAW_ALREADY_COMMITTED: 409,
  DRAW_ALREADY_DONE: 409,
  DRAW_NOT_COMMITTED: 409,
  EMPLOYER_INVALID: 400,
  EMPLOYER_PUBLICITY_TOO_SHORT: 422,
  EVALUATION_YEAR_INVALID: 400,
  FORBIDDEN_ROLE: 403,
  GENDER_INVALID: 400,
  GENDER_MISMATCH: 400,
  HEADERS_TOO_LARGE: 431,
  HOLDER_CERTIFICATE_REVOKED: 409,
  ID_NUMBER_INVALID: 400,
  INTERMEDIATE_RECOMMENDATION_MISSING: 422,
  INVALID_CREDENTIALS: 401,
  LEVEL_INVALID: 400,
  MEETING_DATE_NOT_REACHED: 422,
  METHOD_NOT_ALLOWED: 405,
  NAME_INVALID: 400,
  NOT_A_COMMITTEE_MEMBER: 422,
  NO_ELIGIBLE_APPLICANTS: 422,
  OBJECTIONS_UNRESOLVED: 409,
  OBJECTION_ALREADY_RESOLVED: 409,
  OBJECTION_NOT_FOUND: 404,
  OFFICER_EXISTS: 409,
  OFFICER_INVALID: 400,
  PDF_CHARACTER_UNSUPPORTED: 422,
  PLEDGE_MISSING: 422,
  POOL_SPECIALTY_SHORT: 422,
  POOL_TOO_SMALL: 422,
  PRESIDING_MEMBER_INVALID: 422,
  PRE_EVALUATION_REPORT_TOO_LATE: 422,
  PUBLICITY_NOT_OVER: 422,
  PUBLICITY_TOO_SHORT: 422,
  QUANTITATIVE_SCORE_BELOW_THRESHOLD: 422,
  QUORUM_NOT_MET: 422,
  RATE_LIMITED: 429,
  REASON_CATEGORY_INVALID: 400,
  REQUEST_TIMEOUT: 408,
  ROUND_EXISTS: 409,
  ROUND_NOT_FOUND: 404,
  ROUND_STEP_OUT_OF_ORDER: 409,
  ROUTE_NOT_FOUND: 404,
  SCORE_THRESHOLD_INVALID: 400,
  SEED_INVALID: 400,
  SEED_MISMATCH: 422,
  SERVICE_UNAVAILABLE: 503,
  SPECIALTY_INVALID: 400,
  SPECIALTY_NOT_ALLOWED_FOR_LEVEL: 400,
  TALLY_ALREADY_RECORDED: 409,
  TALLY_INCOMPLETE: 422,
  TALLY_MISMATCH: 422,
  TALLY_NOT_RECORDED: 409,
  TOO_MANY_ATTEMPTS: 429,
  UNKNOWN_FIELD: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION_FAILED: 400,
  VERIFICATION_REQUEST_INVALID: 400,
} as const;

describe('error codes', () => {
  it('keep the contract: exactly these codes, each with this status', () => {
    expect(errorStatuses).toEqual(CONTRACT);
  });

  it.each(Object.entries(CONTRACT))('%s answers %i through the filter', (code, status) => {
    useErrorStatuses(errorStatuses);
    expect(httpStatusFor(code as keyof typeof CONTRACT)).toBe(status);
  });

  it('are each declared in one table only', () => {
    const homes = new Map<string, string[]>();
    for (const [table, codes] of Object.entries(errorStatusTables)) {
      for (const code of Object.keys(codes)) homes.set(code, [...(homes.get(code) ?? []), table]);
    }
    expect([...homes].filter(([, tables]) => tables.length > 1)).toEqual([]);
  });

  it('are a client error (4xx) or an outage to retry (503), never another 5xx', () => {
    const others = Object.entries(errorStatuses).filter(
      ([, status]) => !(status >= 400 && status < 500) && status !== 503,
    );
    expect(others).toEqual([]);
  });

  it('stop the start when two tables declare the same code', () => {
    expect(() => mergeErrorStatusTables({ first: { SOME_CODE: 400 }, second: { SOME_CODE: 409 } })).toThrow(
      'Error code SOME_CODE is declared twice (again in the second table).',
    );
  });
});
