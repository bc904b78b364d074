import { STATUS_CODES } from 'node:http';
import type { ErrorBody } from './app-exception.filter';
import { httpStatusFor } from './app-exception.filter';
import type { ErrorCode } from './app-error';

/**
 * Requests Node's HTTP parser refuses before Fastify (and so the exception filter) ever sees
 * them: headers or request line over the size limit, raw non-ASCII bytes in the address, a
 * client too slow to send its request. The answer still carries our `{code,message}` body.
 */
function errorFor(nodeCode: string | undefined): { code: ErrorCode; message: string } {
  switch (nodeCode) {
    case 'HPE_HEADER_OVERFLOW':
      return { code: 'HEADERS_TOO_LARGE', message: 'The request headers or address are too large.' };
    case 'HPE_INVALID_URL':
      return { code: 'BAD_URL', message: 'The address is not valid: percent-encode characters outside ASCII (UTF-8).' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { code: 'REQUEST_TIMEOUT', message: 'The request was not received in time.' };
    default:
      return { code: 'VALIDATION_FAILED', message: 'The request could not be read (malformed HTTP).' };
  }
}

/**
 * The request target (`/v/…?…`) of the request Node's parser refused, from the bytes it kept
 * (`rawPacket`, the request line first), read as Latin-1 so that raw UTF-8 stays bytes. A line
 * over the size limit arrives cut: its target is what came, enough to tell a page's address.
 */
export function rejectedTarget(rawPacket: unknown): string | undefined {
  if (!Buffer.isBuffer(rawPacket)) return undefined;
  // Split on the space only: a raw byte such as 0xA0 reads as a no-break space, which \s would take.
  const match = /^[A-Z]+ (\/[^ \r\n]*)/.exec(rawPacket.subarray(0, 4096).toString('latin1'));
  return match?.[1];
}

/**
 * The raw HTTP/1.1 response to write on the socket for a client error of Node's parser: our
 * `{code,message}` body, or, when `page` gives one (a page's address), that Chinese page with
 * the same status and `headers` (the security headers the hooks would have set).
 */
export function clientErrorResponse(
  nodeCode: string | undefined,
  page?: (status: number, code: ErrorCode) => string | undefined,
  headers: Record<string, string> = {},
): string {
  const { code, message } = errorFor(nodeCode);
  const status = httpStatusFor(code);
  const html = page?.(status, code);
  const body: ErrorBody = { code, message };
  const content = html ?? JSON.stringify(body);
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    `Content-Type: ${html === undefined ? 'application/json' : 'text/html'}; charset=utf-8`,
    `Content-Length: ${Buffer.byteLength(content)}`,
    ...(html === undefined
      ? []
      : Object.entries({ ...headers, 'Cache-Control': 'no-store' }).map(([k, v]) => `${k}: ${v}`)),
    'Connection: close',
    '',
    content,
  ].join('\r\n');
}
