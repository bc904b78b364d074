import type { HttpStatusLike } from './app-error';

/**
 * A field value refused by the same rule wherever it arrives (issuance, evaluation CSVs,
 * revocation, registry lookups, the holder's PDF): code → HTTP status.
 */
export const fieldErrors = {
  ID_NUMBER_INVALID: 400,
  NAME_INVALID: 400,
  EMPLOYER_INVALID: 400,
  DATE_INVALID: 400,
  DATE_IN_FUTURE: 400,
  LEVEL_INVALID: 400,
  SPECIALTY_INVALID: 400,
  SPECIALTY_NOT_ALLOWED_FOR_LEVEL: 400,
  EVALUATION_YEAR_INVALID: 400,
  APPROVAL_DOCUMENT_INVALID: 400,
  DECISION_DOCUMENT_INVALID: 400,
  CERTIFICATE_NO_INVALID: 400,
} as const satisfies Record<string, HttpStatusLike>;
