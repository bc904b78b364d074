import { Logger } from '@nestjs/common';
import { readdirSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { OFFICE_DIR } from '../../src/web/office-static';
import { WEB_ASSETS_DIR } from '../../src/web/web-paths';
import { api, ApiResponse, startTestApp, TestApp } from '../support/test-app';

/**
 * Requests anyone can send without credentials must not reach the error log: a hostile path
 * below the static asset folders (/v/assets/, /office/assets/) is a 404 in the API's body shape,
 * and a client that hangs up before its request body arrives is its own doing, not an outage.
 */

interface RawAnswer {
  status: number;
  body: unknown;
}

/**
 * Sends a GET for `path` byte for byte on a socket: fetch would resolve the `%2e%2e` and `//`
 * that these tests are about before sending them.
 */
function rawGet(t: TestApp, path: string): Promise<RawAnswer> {
  const { port } = new URL(t.baseUrl);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), '127.0.0.1', () =>
      socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`),
    );
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      try {
        resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), body: JSON.parse(rest.join('\r\n\r\n')) });
      } catch {
        reject(new Error(`not a JSON answer: ${JSON.stringify(text.slice(0, 300))}`));
      }
    });
  });
}

/**
 * Declares a 100-byte JSON body, sends 5 bytes of it and closes the socket: a client that
 * hangs up mid-request.
 */
function postAndHangUp(t: TestApp, path: string): Promise<void> {
  const { port } = new URL(t.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":`,
        () => {
          socket.destroy();
          resolve();
        },
      );
    });
    socket.on('error', reject);
  });
}

interface LogLines {
  error: string[];
  quiet: string[];
}

/**
 * Lines logged while `work` runs: error ones, and warn or debug ones (kept out of the test
 * output). `work` is handed the count of lines so far, to wait for the app to log.
 */
async function logOf(work: (linesSoFar: () => number) => Promise<void>): Promise<LogLines> {
  const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  const debug = jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
  try {
    await work(() => error.mock.calls.length + warn.mock.calls.length + debug.mock.calls.length);
    return {
      error: error.mock.calls.map((call) => String(call[0])),
      quiet: [...warn.mock.calls, ...debug.mock.calls].map((call) => String(call[0])),
    };
  } finally {
    error.mockRestore();
    warn.mockRestore();
    debug.mockRestore();
  }
}

/** Waits until the app has logged a line (at any level), or two seconds. */
async function untilLogged(linesSoFar: () => number): Promise<void> {
  for (let waited = 0; waited < 2000 && linesSoFar() === 0; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('static asset paths and aborted requests (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  // [what it tries, the path as sent]
  const hostilePaths: Array<[string, string]> = [
    ['an encoded ..', '/v/assets/%2e%2e/x'],
    ['a half-encoded .. at the end', '/office/assets/.%2e'],
    ['a NUL byte', '/v/assets/%00'],
    ['an encoded backslash', '/office/assets/%5c'],
    ['a name too long for the file system', `/v/assets/${'a'.repeat(300)}`],
    ['an empty segment', '/v/assets//etc/passwd'],
    ['an encoded .. to a file that exists', '/office/assets/%2e%2e/index.html'],
    ['a . segment before a file that exists', '/v/assets/./mark.svg'],
  ];

  it.each(hostilePaths)('%s is a 404 ROUTE_NOT_FOUND, with nothing logged as an error', async (_what, path) => {
    let answer: RawAnswer | undefined;
    const log = await logOf(async () => {
      answer = await rawGet(t, path);
    });
    expect(answer).toEqual({ status: 404, body: { code: 'ROUTE_NOT_FOUND', message: expect.any(String) } });
    expect(log.error).toEqual([]);
  });

  it('answers a missing asset 404 ROUTE_NOT_FOUND, and serves the others with their Cache-Control', async () => {
    for (const path of ['/v/assets/missing.js', '/office/assets/missing.js']) {
      const missing = await api(t, 'GET', path);
      expect([path, missing.status, missing.body]).toEqual([
        path,
        404,
        { code: 'ROUTE_NOT_FOUND', message: expect.any(String) },
      ]);
    }
    const mark = await fetch(`${t.baseUrl}/v/assets/mark.svg`);
    await mark.arrayBuffer();
    expect([mark.status, mark.headers.get('content-type'), mark.headers.get('cache-control')]).toEqual([
      200,
      'image/svg+xml',
      'no-cache',
    ]);
    const consoleScript = readdirSync(join(OFFICE_DIR, 'assets')).find((name) => name.endsWith('.js'));
    const script = await fetch(`${t.baseUrl}/office/assets/${consoleScript}`);
    await script.arrayBuffer();
    expect([script.status, script.headers.get('cache-control')]).toEqual([200, 'public, max-age=31536000, immutable']);
    // The console names its icon, the public pages' mark: a browser then asks for no /favicon.ico (a 404).
    const shell = await (await fetch(`${t.baseUrl}/office/`)).text();
    expect(shell).toContain('<link rel="icon" href="/v/assets/mark.svg" type="image/svg+xml"');
  });

  it('refuses a range past the end of an asset with 416 in the body shape, naming the length, nothing logged as an error', async () => {
    let response: ApiResponse | undefined;
    const log = await logOf(async () => {
      response = await api(t, 'GET', '/v/assets/mark.svg', undefined, undefined, { range: 'bytes=999999999-' });
    });
    expect([response?.status, response?.body]).toEqual([
      416,
      { code: 'RANGE_NOT_SATISFIABLE', message: expect.any(String) },
    ]);
    const length = statSync(join(WEB_ASSETS_DIR, 'mark.svg')).size;
    expect(response?.headers.get('content-range')).toBe(`bytes */${length}`);
    expect(log.error).toEqual([]);
    // A range inside the file is served as asked.
    const part = await fetch(`${t.baseUrl}/v/assets/mark.svg`, { headers: { range: 'bytes=0-9' } });
    expect([part.status, (await part.arrayBuffer()).byteLength]).toEqual([206, 10]);
  });

  it.each(['/api/v1/verifications', '/api/v1/auth/token'])(
    'a client that hangs up mid-body on %s is a debug line, not a database outage',
    async (path) => {
      const log = await logOf(async (linesSoFar) => {
        await postAndHangUp(t, path);
        await untilLogged(linesSoFar);
      });
      expect(log).toEqual({ error: [], quiet: [`Client closed POST ${path} before its body arrived`] });
      const health = await api(t, 'GET', '/api/v1/health');
      expect([health.status, health.body]).toEqual([200, { status: 'ok', database: 'up' }]);
    },
  );
});
