import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { databaseUnavailable, outageLogLine } from './database-outage';
import { AppExceptionFilter } from './app-exception.filter';

/** What a server-rendered page tells a person while the database is out (title and line). */
export const OUTAGE_PAGE_TEXT = { title: '暂时无法查询', detail: '暂时无法查询，请稍后再试。' } as const;

/**
 * For the server-rendered pages (`@UseFilters` on their controllers): a person who opens a
 * page during a database outage gets a 503 page in that page's own look, not a JSON error;
 * it is logged once, like the API's. Every other error goes to the global filter as usual.
 */
@Catch()
export class OutagePageFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');
  private readonly fallback = new AppExceptionFilter();

  constructor(private readonly renderPage: () => string) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const outage = databaseUnavailable(exception);
    if (!outage) return this.fallback.catch(exception, host);
    this.logger.error(outageLogLine(outage, exception, host.switchToHttp().getRequest<FastifyRequest>()));
    void host
      .switchToHttp()
      .getResponse<FastifyReply>()
      .status(503)
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Retry-After', String(outage.retryAfterSeconds))
      .header('Cache-Control', 'no-store')
      .send(this.renderPage());
  }
}
