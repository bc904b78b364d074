import type { fieldErrors } from './field.errors';
import type { requestErrors } from './request.errors';

/** The statuses an error code may have: the client's fault (4xx), or an outage to retry (503). */
export type HttpStatusLike = 400 | 401 | 403 | 404 | 405 | 408 | 409 | 410 | 413 | 415 | 416 | 422 | 429 | 431 | 503;

/**
 * Every error a user can cause carries a stable, machine-readable code, written once: in the
 * code → HTTP status table of the feature that throws it (`src/<feature>/<feature>.errors.ts`;
 * common's own and those of fields several features check, in `src/common/*.errors.ts`).
 *
 * common must not import the features, yet `new AppError('CODE', …)` must be checked against
 * every code anywhere. So each feature's table adds itself to this interface by declaration
 * merging (`declare module '../common/app-error'`, at the end of its `.errors.ts`), and
 * `ErrorCode` is every key of every table. At run time the filter answers from the same tables,
 * merged (and checked for codes declared twice) at the wiring root, `src/error-codes.ts`.
 */
export interface ErrorStatusTables {
  request: typeof requestErrors;
  field: typeof fieldErrors;
}

export type ErrorCode = {
  [T in keyof ErrorStatusTables]: keyof ErrorStatusTables[T] & string;
}[keyof ErrorStatusTables];

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
