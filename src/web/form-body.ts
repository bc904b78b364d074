import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isMalformedQuery, MALFORMED_QUERY, parseQueryString, STRICT_UTF8 } from '../common/request-input';

/** A form of three short fields is well under this; anything larger is not our form. */
export const FORM_BODY_LIMIT_BYTES = 4 * 1024;

const FORM_TYPE = 'application/x-www-form-urlencoded';

/** A form's fields; a body that is not UTF-8, or whose percent-escapes are not, is marked (`isMalformedForm`). */
function parseForm(body: Buffer): Record<string, string | string[]> {
  try {
    return parseQueryString(STRICT_UTF8.decode(body));
  } catch {
    return Object.assign(Object.create(null) as Record<string, string>, { [MALFORMED_QUERY]: true });
  }
}

/**
 * Lets the routes that declare `@AcceptsForm()` (the public download page) take a plain HTML
 * form post, so the page works without JavaScript. The body becomes an object of NFC strings
 * (the same WHATWG decoding as a query string, no prototype); every other route still answers
 * a form body with 415, as the API speaks JSON only. A body that is not UTF-8, raw or
 * percent-encoded, is marked rather than refused here, so that the page says so (`isMalformedForm`).
 */
export function registerFormParser(fastify: FastifyInstance): void {
  if (fastify.hasContentTypeParser(FORM_TYPE)) return;
  fastify.addContentTypeParser(
    FORM_TYPE,
    { parseAs: 'buffer', bodyLimit: FORM_BODY_LIMIT_BYTES },
    (request: FastifyRequest, body: Buffer | string, done: (error: Error | null, body?: unknown) => void) => {
      if (!request.routeOptions.config.formBody) {
        done(
          Object.assign(new Error('Unsupported Media Type'), {
            statusCode: 415,
            code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
          }),
        );
        return;
      }
      done(null, parseForm(typeof body === 'string' ? Buffer.from(body) : body));
    },
  );
}

/**
 * One text field of a parsed form: '' when absent, sent twice (a form sends each once) or longer
 * than any real value, so that it matches nothing rather than a shortened value matching.
 */
export function formField(body: unknown, name: string, maxLength: number): string {
  if (typeof body !== 'object' || body === null) return '';
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' && value.length <= maxLength ? value : '';
}

/** Whether a parsed form held bytes or percent-escapes that are not UTF-8 (a browser never sends them). */
export function isMalformedForm(body: unknown): boolean {
  return isMalformedQuery(body);
}
