import { clientErrorResponse, rejectedTarget } from './client-error-response';

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

describe('rejectedTarget', () => {
  it('reads the target of the refused request line, raw bytes kept, a cut line as far as it came', () => {
    expect(rejectedTarget(Buffer.from('GET /v/张三 HTTP/1.1\r\nHost: x\r\n\r\n'))).toBe(
      Buffer.from('/v/张三').toString('latin1'),
    );
    expect(rejectedTarget(Buffer.from(`GET /v?no=${'A'.repeat(9000)}`))).toMatch(/^\/v\?no=A+$/);
    expect(rejectedTarget(Buffer.from('HELLO THERE\r\n\r\n'))).toBeUndefined();
    expect(rejectedTarget(undefined)).toBeUndefined();
  });

  it('answers a page in place of the JSON body when one is given, with the headers and no-store', () => {
    const answer = clientErrorResponse('HPE_INVALID_URL', () => '<html lang="zh-CN">网址有误</html>', {
      'x-frame-options': 'SAMEORIGIN',
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\nContent-Type: text\/html; charset=utf-8\r\n/);
    expect(answer).toContain('\r\nx-frame-options: SAMEORIGIN\r\n');
    expect(answer).toContain('\r\nCache-Control: no-store\r\n');
    expect(answer.endsWith('\r\n\r\n<html lang="zh-CN">网址有误</html>')).toBe(true);
  });
});
