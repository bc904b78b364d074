import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ErrorCode, TooManyAttemptsError } from './app-error';
import { databaseUnavailable, DatabaseUnavailableError, outageLogLine } from '../database/database-outage';

export interface ErrorBody {
  code: ErrorCode | 'INTERNAL_ERROR';
  message: string;
  details?: Record<string, unknown>;
  correlationId?: string;
}

/** The one place that decides which HTTP status an error code gets. */
export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case 'BAD_JSON':
    case 'BAD_URL':
    case 'BODY_TOO_DEEP':
    case 'VALIDATION_FAILED':
    case 'UNKNOWN_FIELD':
    case 'ID_NUMBER_INVALID':
    case 'GENDER_INVALID':
    case 'GENDER_MISMATCH':
    case 'NAME_INVALID':
    case 'EMPLOYER_INVALID':
    case 'DATE_INVALID':
    case 'DATE_IN_FUTURE':
    case 'LEVEL_INVALID':
    case 'SPECIALTY_INVALID':
    case 'SPECIALTY_NOT_ALLOWED_FOR_LEVEL':
    case 'EVALUATION_YEAR_INVALID':
    case 'APPROVAL_DOCUMENT_INVALID':
    case 'CERTIFICATE_NO_INVALID':
    case 'OFFICER_INVALID':
    case 'REASON_CATEGORY_INVALID':
    case 'DECISION_DOCUMENT_INVALID':
    case 'VERIFICATION_REQUEST_INVALID':
    case 'CSV_INVALID':
    case 'SCORE_THRESHOLD_INVALID':
    case 'SEED_INVALID':
    case 'COMMITMENT_INVALID':
    case 'CALENDAR_INVALID':
    case 'CALENDAR_DATE_INVALID':
    case 'CALENDAR_DATE_DUPLICATE':
    case 'CALENDAR_DATE_CONFLICT':
    case 'CALENDAR_DOCUMENT_NUMBER_INVALID':
      return 400;
    case 'AUTH_REQUIRED':
    case 'AUTH_TOKEN_INVALID':
    case 'INVALID_CREDENTIALS':
      return 401;
    case 'FORBIDDEN_ROLE':
    case 'CONFIRMATION_BY_SAME_AUTHORITY':
      return 403;
    case 'CERTIFICATE_NOT_FOUND':
    case 'ROUTE_NOT_FOUND':
    case 'CASE_NOT_FOUND':
    case 'ROUND_NOT_FOUND':
    case 'APPLICATION_NOT_FOUND':
    case 'OBJECTION_NOT_FOUND':
      return 404;
    case 'METHOD_NOT_ALLOWED':
      return 405;
    case 'CERTIFICATE_CONFLICT':
    case 'OFFICER_EXISTS':
    case 'CASE_NOT_PENDING':
    case 'CASE_ALREADY_OPEN':
    case 'CERTIFICATE_ALREADY_REVOKED':
    case 'CERTIFICATE_NOT_REVOKED':
    case 'HOLDER_CERTIFICATE_REVOKED':
    case 'ROUND_EXISTS':
    case 'ROUND_STEP_OUT_OF_ORDER':
    case 'APPLICATION_DUPLICATE':
    case 'DRAW_ALREADY_COMMITTED':
    case 'DRAW_NOT_COMMITTED':
    case 'DRAW_ALREADY_DONE':
    case 'COMMITTEE_NOT_DRAWN':
    case 'ATTENDANCE_NOT_RECORDED':
    case 'TALLY_ALREADY_RECORDED':
    case 'TALLY_NOT_RECORDED':
    case 'OBJECTIONS_UNRESOLVED':
    case 'OBJECTION_ALREADY_RESOLVED':
      return 409;
    case 'CERTIFICATE_REVOKED':
      return 410;
    case 'REQUEST_TIMEOUT':
      return 408;
    case 'BODY_TOO_LARGE':
      return 413;
    case 'HEADERS_TOO_LARGE':
      return 431;
    case 'PDF_CHARACTER_UNSUPPORTED':
    case 'APPLICANT_BANNED':
    case 'PLEDGE_MISSING':
    case 'EMPLOYER_PUBLICITY_TOO_SHORT':
    case 'DEPARTMENT_REVIEW_MISSING':
    case 'INTERMEDIATE_RECOMMENDATION_MISSING':
    case 'QUANTITATIVE_SCORE_BELOW_THRESHOLD':
    case 'COMMITTEE_SIZE_INVALID':
    case 'POOL_TOO_SMALL':
    case 'POOL_SPECIALTY_SHORT':
    case 'NO_ELIGIBLE_APPLICANTS':
    case 'SEED_MISMATCH':
    case 'PRE_EVALUATION_REPORT_TOO_LATE':
    case 'MEETING_DATE_NOT_REACHED':
    case 'NOT_A_COMMITTEE_MEMBER':
    case 'QUORUM_NOT_MET':
    case 'TALLY_INCOMPLETE':
    case 'TALLY_MISMATCH':
    case 'PRESIDING_MEMBER_INVALID':
    case 'PUBLICITY_TOO_SHORT':
    case 'PUBLICITY_NOT_OVER':
    case 'CALENDAR_YEAR_NOT_COVERED':
      return 422;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
    case 'TOO_MANY_ATTEMPTS':
    case 'RATE_LIMITED':
      return 429;
    case 'SERVICE_UNAVAILABLE':
      return 503;
    default: {
      const unreachable: never = code;
      throw new Error(`No HTTP status for ${String(unreachable)}`);
    }
  }
}

/** Errors raised by Fastify before a request reaches a controller (body parsing, limits). */
function fromFastifyError(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  if (error instanceof SyntaxError || code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return new AppError('BAD_JSON', 'The request body is not valid JSON.');
  }
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('BODY_TOO_LARGE', 'The request body is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('BAD_JSON', 'The request body is empty; a JSON object was expected.');
  }
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return new AppError('VALIDATION_FAILED', 'The request could not be read.');
  }
  return undefined;
}

function fromHttpException(exception: HttpException): AppError | undefined {
  const status = exception.getStatus();
  if (status === 404) return new AppError('ROUTE_NOT_FOUND', 'No such resource.');
  if (status === 405) return new AppError('METHOD_NOT_ALLOWED', 'Method not allowed.');
  if (status === 413) return new AppError('BODY_TOO_LARGE', 'The request body is too large.');
  if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type.');
  if (status === 400) {
    // Nest re-throws Fastify's body-parser errors as HttpException(message, status), dropping
    // Fastify's error code, so the message is all that tells a JSON error apart.
    return exception.cause instanceof SyntaxError || /JSON|body/i.test(exception.message)
      ? new AppError('BAD_JSON', 'The request body is not valid JSON.')
      : new AppError('VALIDATION_FAILED', 'The request is invalid.');
  }
  return undefined;
}

/**
 * Maps every error to a JSON body with a stable `code`. Anything not recognised is a bug:
 * it is logged with a correlation id and answered with a generic 500.
 */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    // Pages declare text/html; Fastify refuses to send an object under it (a second error).
    void reply.header('Content-Type', 'application/json; charset=utf-8');
    // A database outage is a 503 to retry, whatever the route; logged once, without a stack.
    const outage = databaseUnavailable(exception);
    if (outage) this.logger.error(outageLogLine(outage, exception, host.switchToHttp().getRequest<FastifyRequest>()));
    const known =
      outage ??
      (exception instanceof AppError
        ? exception
        : exception instanceof HttpException
          ? fromHttpException(exception)
          : fromFastifyError(exception));
    if (known) {
      const body: ErrorBody = { code: known.code, message: known.message };
      if (known.details) body.details = known.details;
      if (known instanceof TooManyAttemptsError || known instanceof DatabaseUnavailableError) {
        void reply.header('Retry-After', String(known.retryAfterSeconds));
      }
      if (outage) void reply.header('Cache-Control', 'no-store');
      void reply.status(httpStatusFor(known.code)).send(body);
      return;
    }
    const correlationId = randomUUID();
    this.logger.error(
      `Unhandled error ${correlationId}: ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`,
    );
    const body: ErrorBody = {
      code: 'INTERNAL_ERROR',
      message: 'An internal error occurred. Quote the correlation id when reporting it.',
      correlationId,
    };
    void reply.status(500).send(body);
  }
}
