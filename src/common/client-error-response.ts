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

/** The raw HTTP/1.1 response to write on the socket for a client error of Node's parser. */
export function clientErrorResponse(nodeCode: string | undefined): string {
  const { code, message } = errorFor(nodeCode);
  const status = httpStatusFor(code);
  const body: ErrorBody = { code, message };
  const json = JSON.stringify(body);
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(json)}`,
    'Connection: close',
    '',
    json,
  ].join('\r\n');
}
