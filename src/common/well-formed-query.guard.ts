import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppError } from './app-error';
import { isMalformedQuery } from './request-input';

/**
 * A query the parser marked malformed (`MALFORMED_QUERY`) is refused before any handler reads
 * it: 400 BAD_URL, as Fastify answers a malformed path. A guard, not an earlier hook, so that the
 * route's own filters answer it: JSON on the API, a Chinese page on the pages.
 */
@Injectable()
export class WellFormedQueryGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (isMalformedQuery(context.switchToHttp().getRequest<FastifyRequest>().query))
      throw new AppError(
        'BAD_URL',
        'The address is not valid: its query has malformed percent-encoding or is not UTF-8.',
      );
    return true;
  }
}
