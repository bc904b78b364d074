import { clientErrorResponse } from './client-error-response';

function parse(response: string): { status: number; body: unknown; length: number } {
  const [head, body] = response.split('\r\n\r\n');
  return {
    status: Number(head.split(' ')[1]),
    body: JSON.parse(body) as unknown,
    length: Number(/Content-Length: (\d+)/.exec(head)?.[1]),
  };
}

describe('clientErrorResponse', () => {
  it.each([
    ['HPE_HEADER_OVERFLOW', 431, 'HEADERS_TOO_LARGE'],
    ['HPE_INVALID_URL', 400, 'BAD_URL'],
    ['ERR_HTTP_REQUEST_TIMEOUT', 408, 'REQUEST_TIMEOUT'],
    ['HPE_INVALID_METHOD', 400, 'VALIDATION_FAILED'],
    [undefined, 400, 'VALIDATION_FAILED'],
  ])('answers %s with %d and {code: %s, message}', (nodeCode, status, code) => {
    const response = parse(clientErrorResponse(nodeCode));
    expect(response).toEqual({
      status,
      body: { code, message: expect.any(String) },
      length: Buffer.byteLength(JSON.stringify(response.body)),
    });
  });
});
