import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ErrorCode, HttpStatusLike } from './app-error';
import { fieldErrors } from './field.errors';
import { requestErrors } from './request.errors';
import { databaseUnavailable, outageLogLine } from './database-outage';
import { methodsAllowedInstead } from './route-methods';

export interface ErrorBody {
  code: ErrorCode | 'INTERNAL_ERROR';
  message: string;
  details?: Record<string, unknown>;
  correlationId?: string;
}

/** Until the app is configured, only common's own codes have a status. */
let statuses: Readonly<Partial<Record<ErrorCode, HttpStatusLike>>> = { ...requestErrors, ...fieldErrors };

/**
 * Hands every filter the status of every code, merged from all features' tables at the wiring
 * root (`src/error-codes.ts`, the one file that may import them all) when the app is configured.
 * A setter rather than a constructor argument: common may not import the root, and the filter is
 * also built with `new` where the root is not at hand.
 */
export function useErrorStatuses(table: Readonly<Record<ErrorCode, HttpStatusLike>>): void {
  statuses = table;
}

/** The HTTP status of a code: one lookup in the merged tables. */
export function httpStatusFor(code: ErrorCode): HttpStatusLike {
  const status = statuses[code];
  if (status === undefined) throw new Error(`No HTTP status for ${code}: is its table merged in src/error-codes.ts?`);
  return status;
}

/**
 * Node's `aborted` (code ECONNRESET) on reading a request body, which Fastify marks 400: the
 * client closed the connection before the body it declared arrived. Nobody is left to answer,
 * and it is the client's doing: a debug line, not an error (anyone could fill the log with it).
 */
function isClientHangUp(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  return code === 'ECONNRESET' && statusCode === 400;
}

/** Errors raised by Fastify before a request reaches a controller (body parsing, limits). */
function fromFastifyError(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  if (error instanceof SyntaxError || code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return new AppError('BAD_JSON', 'The request body is not valid JSON.');
  }
  if (isClientHangUp(error))
    return new AppError('VALIDATION_FAILED', 'The connection closed before the request body arrived.');
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('BODY_TOO_LARGE', 'The request body is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json.');
  }
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return new AppError('VALIDATION_FAILED', 'The request could not be read.');
  }
  return undefined;
}

function fromHttpException(
  exception: HttpException,
  request: FastifyRequest,
  reply: FastifyReply,
): AppError | undefined {
  const status = exception.getStatus();
  if (status === 404) {
    // The router's 404 for a path that other methods answer: a 405 naming them.
    const allowed = methodsAllowedInstead(request);
    if (allowed === undefined) return new AppError('ROUTE_NOT_FOUND', 'No such resource.');
    void reply.header('Allow', allowed.join(', '));
    return new AppError(
      'METHOD_NOT_ALLOWED',
      `${request.method} is not allowed here; allowed: ${allowed.join(', ')}.`,
      {
        allowed,
      },
    );
  }
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

/** A page in place of the JSON body for a request to a page's address (src/web/page-refusals.ts), else undefined. */
export type RefusalPage = (
  url: string,
  status: number,
  code: ErrorCode,
  retryAfterSeconds?: number,
) => string | undefined;

/**
 * Maps every error to a JSON body with a stable `code` — at a page's address, to a Chinese page
 * (`RefusalPage`) with the same status. Anything not recognised is a bug: it is logged with a
 * correlation id and answered with a generic 500.
 */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly refusalPage?: RefusalPage) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    // Pages declare text/html; Fastify refuses to send an object under it (a second error).
    void reply.header('Content-Type', 'application/json; charset=utf-8');
    // A route's Cache-Control is for its answer, not its refusals: a proof not yet available,
    // cached `immutable` for a day, would stay refused after the log has grown.
    void reply.header('Cache-Control', 'no-store');
    // A database outage is a 503 to retry, whatever the route; logged once, without a stack.
    const outage = databaseUnavailable(exception);
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    if (outage) this.logger.error(outageLogLine(outage, exception, request));
    if (isClientHangUp(exception))
      this.logger.debug(`Client closed ${request.method} ${request.url.split('?')[0]} before its body arrived`);
    const known =
      outage ??
      (exception instanceof AppError
        ? exception
        : exception instanceof HttpException
          ? fromHttpException(exception, request, reply)
          : fromFastifyError(exception));
    // A code without a status (its table never handed over) is a bug: the logged 500 below.
    if (known && statuses[known.code] !== undefined) {
      const body: ErrorBody = { code: known.code, message: known.message };
      if (known.details) body.details = known.details;
      // Throttles, outages and a full PDF render queue (src/pdf/render-queue.ts) say when to retry.
      const retryAfter = (known as { retryAfterSeconds?: unknown }).retryAfterSeconds;
      if (typeof retryAfter === 'number') void reply.header('Retry-After', String(retryAfter));
      const status = httpStatusFor(known.code);
      const page = this.refusalPage?.(
        request.url,
        status,
        known.code,
        typeof retryAfter === 'number' ? retryAfter : undefined,
      );
      if (page !== undefined) {
        void reply.status(status).header('Content-Type', 'text/html; charset=utf-8').send(page);
        return;
      }
      void reply.status(status).send(body);
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
