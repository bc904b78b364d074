import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../common/app-error';

/** A pool or applications file may be far above the JSON body limit: 10,000 rows are ~1.5 MB. */
export const CSV_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * Lets the routes that declare `@AcceptsCsv()` (the evaluation imports) take `text/csv` bodies
 * (raw bytes: the import decodes and reports non-UTF-8 itself). Every other route still answers
 * text/csv with 415, as the API otherwise speaks JSON only.
 */
export function registerCsvParser(fastify: FastifyInstance): void {
  if (fastify.hasContentTypeParser('text/csv')) return;
  fastify.addContentTypeParser(
    'text/csv',
    { parseAs: 'buffer', bodyLimit: CSV_BODY_LIMIT_BYTES },
    (request: FastifyRequest, body: Buffer | string, done: (error: Error | null, body?: unknown) => void) => {
      if (!request.routeOptions.config.csvBody) {
        done(
          Object.assign(new Error('Unsupported Media Type'), {
            statusCode: 415,
            code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
          }),
        );
        return;
      }
      done(null, typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
    },
  );
}

/** The raw bytes of a text/csv request body. */
export const CsvBody = createParamDecorator((_data: unknown, context: ExecutionContext): Buffer => {
  const body = context.switchToHttp().getRequest<FastifyRequest>().body;
  if (!Buffer.isBuffer(body))
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the file as the request body with "Content-Type: text/csv; charset=utf-8".',
    );
  return body;
});
