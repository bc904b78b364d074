import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { issuanceRequest } from '../support/builders';
import { api, officer, startTestApp, TestApp } from '../support/test-app';

const run = promisify(execFile);

/** An independent JOSE implementation (Debian's python3-jwcrypto) checks every signature. */
describe('interoperability with jwcrypto (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('verifies each signature of the credential and of the QR token by kid against the JWKS', async () => {
    const issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
    const issued = await api(t, 'POST', '/api/v1/certificates', issuanceRequest(), issuer.token);
    const jwks = await api(t, 'GET', '/.well-known/jwks.json');
    const rows = await t.dataSource.query<Array<{ qr_token: string }>>('SELECT qr_token FROM certificates');
    const dir = mkdtempSync(join(tmpdir(), 'zjzc-interop-'));
    writeFileSync(join(dir, 'jwks.json'), JSON.stringify(jwks.body));
    writeFileSync(join(dir, 'credential.json'), JSON.stringify(issued.body.credential));
    writeFileSync(join(dir, 'token.txt'), rows[0].qr_token);
    const { stdout } = await run('/usr/bin/python3', [
      join(__dirname, '../interop/verify_with_jwcrypto.py'),
      ...['jwks.json', 'credential.json', 'token.txt'].map((f) => join(dir, f)),
    ]);
    const kids = jwks.body.keys.map((k: { kid: string }) => k.kid);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      const [, kid, verdict] = line.split(' ');
      expect(kids).toContain(kid);
      expect(verdict).toBe('ok');
    }
  });
});
