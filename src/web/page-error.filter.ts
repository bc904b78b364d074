import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../common/app-error';
import { AppExceptionFilter, httpStatusFor } from '../common/app-exception.filter';
import { databaseUnavailable, outageLogLine } from '../common/database-outage';
import { OUTAGE_PAGE_TEXT, type PageText, refusalPageText } from './page-text';

function statusOf(error: AppError): number | undefined {
  try {
    return httpStatusFor(error.code);
  } catch {
    return undefined;
  }
}

/**
 * For the server-rendered pages (`@UseFilters` on their controllers): a person who opens a page
 * gets every refusal that comes before the page's own answer as a page in that page's own look,
 * in Chinese, with the API's status — a database outage (503, logged once, like the API's), too
 * many requests (429 with Retry-After), a malformed address (400) — never a JSON body. Anything
 * else (a bug) goes to the global filter as usual.
 */
@Catch()
export class PageErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');
  private readonly fallback = new AppExceptionFilter();

  constructor(private readonly renderPage: (status: number, text: PageText) => string) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const outage = databaseUnavailable(exception);
    if (outage) {
      this.logger.error(outageLogLine(outage, exception, host.switchToHttp().getRequest<FastifyRequest>()));
      return this.send(reply, 503, OUTAGE_PAGE_TEXT, outage.retryAfterSeconds);
    }
    // A code without a status is a bug the global filter logs; so is anything not an AppError.
    const status = exception instanceof AppError ? statusOf(exception) : undefined;
    if (!(exception instanceof AppError) || status === undefined || status >= 500)
      return this.fallback.catch(exception, host);
    const retryAfter = (exception as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    const seconds = typeof retryAfter === 'number' ? retryAfter : undefined;
    this.send(reply, status, refusalPageText(exception.code, seconds), seconds);
  }

  private send(reply: FastifyReply, status: number, text: PageText, retryAfterSeconds?: number): void {
    // The page's Cache-Control is for its answer; a refusal is of this moment.
    void reply.header('Cache-Control', 'no-store');
    if (retryAfterSeconds !== undefined) void reply.header('Retry-After', String(retryAfterSeconds));
    void reply.status(status).header('Content-Type', 'text/html; charset=utf-8').send(this.renderPage(status, text));
  }
}
