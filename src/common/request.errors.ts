import type { HttpStatusLike } from './app-error';

/** The shape, size and pace of a request, whatever the route: code → HTTP status. */
export const requestErrors = {
  BAD_JSON: 400,
  BAD_URL: 400,
  BODY_TOO_DEEP: 400,
  BODY_NOT_UTF8: 400,
  BODY_REPEATED_NAME: 400,
  VALIDATION_FAILED: 400,
  UNKNOWN_FIELD: 400,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  REQUEST_TIMEOUT: 408,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  // A byte range outside a static file (RFC 9110 §15.5.17); Content-Range names its length.
  RANGE_NOT_SATISFIABLE: 416,
  // TOO_MANY_ATTEMPTS: failed logins or downloads; RATE_LIMITED: the public request budget.
  TOO_MANY_ATTEMPTS: 429,
  RATE_LIMITED: 429,
  HEADERS_TOO_LARGE: 431,
  // The database unreachable or empty: a 503 to retry, on every route that needs it.
  SERVICE_UNAVAILABLE: 503,
} as const satisfies Record<string, HttpStatusLike>;
