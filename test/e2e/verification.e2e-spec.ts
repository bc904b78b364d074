import { KeyStore } from '../../src/keys/key-store';
import { generalJws, signEntry } from '../support/jws-forge';
import { issuanceRequest } from '../support/builders';
import { api, officer, startTestApp, TestApp } from '../support/test-app';

type Jws = { payload: string; signatures: Array<{ protected: string; signature: string }> };

describe('verifying credentials and QR tokens (e2e)', () => {
  let t: TestApp;
  let credential: Jws;
  let certificateNo: string;
  let token: string;
  let genuineKeys: Array<{ kid: string; privateKey: import('node:crypto').KeyObject }>;

  beforeAll(async () => {
    t = await startTestApp();
    const issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
    const issued = await api(t, 'POST', '/api/v1/certificates', issuanceRequest(), issuer.token);
    credential = issued.body.credential;
    certificateNo = issued.body.certificateNo;
    const rows = await t.dataSource.query<Array<{ qr_token: string }>>('SELECT qr_token FROM certificates');
    token = rows[0].qr_token;
    const store = t.app.get(KeyStore);
    genuineKeys = [store.signingKey('amr'), store.signingKey('hrss')];
  });
  afterAll(async () => t.close());

  const verify = (body: unknown) => api(t, 'POST', '/api/v1/verifications', body);
  const claims = () =>
    JSON.parse(Buffer.from(credential.payload, 'base64url').toString('utf8')) as Record<string, unknown>;

  it('verifies the genuine credential VALID, and with its signatures in the other order', async () => {
    expect((await verify({ credential })).body.verdict).toBe('VALID');
    const reversed = { payload: credential.payload, signatures: [...credential.signatures].reverse() };
    const response = await verify({ credential: reversed });
    expect(response.body.verdict).toBe('VALID');
    expect(response.body.signatures.map((s: { authority: string }) => s.authority)).toEqual(['hrss', 'amr']);
  });

  it('verifies the QR token by the same rules', async () => {
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+~[\w-]+\.\.[\w-]+$/);
    const response = await verify({ token });
    expect(response.body.verdict).toBe('VALID');
    expect(response.body.certificate).toMatchObject({
      certificateNo,
      holderName: '张三',
      employer: '浙江省计量科学研究院',
    });
    const [first, second] = token.split('~');
    const swapped = `${second.replace('..', `.${first.split('.')[1]}.`)}~${first.split('.')[0]}..${first.split('.')[2]}`;
    expect((await verify({ token: swapped })).body.verdict).toBe('VALID');
  });

  it.each([
    [
      'a changed payload character',
      (tk: string) => tk.replace(/\.(.)/, (_m, c: string) => `.${c === 'A' ? 'B' : 'A'}`),
      'INVALID',
    ],
    ['a missing second signature', (tk: string) => tk.split('~')[0], 'INVALID'],
    ['a third signature', (tk: string) => `${tk}~${tk.split('~')[1]}`, 'INVALID'],
    ['a payload in the detached part', (tk: string) => tk.replace('..', `.${tk.split('.')[1]}.`), 'INVALID'],
  ])('refuses a token with %s', async (_label, tamper, verdict) => {
    const response = await verify({ token: tamper(token) });
    expect(response.status).toBe(200);
    expect(response.body.verdict).toBe(verdict);
    expect(response.body.reasons.length).toBeGreaterThan(0);
    expect(response.body.certificate).toBeNull();
  });

  it('refuses a credential changed and correctly re-signed by both authorities: PAYLOAD_MISMATCH', async () => {
    const forged = generalJws({ ...claims(), emp: '另一家单位' }, genuineKeys);
    const response = await verify({ credential: forged });
    expect(response.body.verdict).toBe('INVALID');
    expect(response.body.reasons.map((r: { code: string }) => r.code)).toEqual(['PAYLOAD_MISMATCH']);
    expect(response.body.signatures.every((s: { valid: boolean }) => s.valid)).toBe(true);
  });

  it('refuses the same claims re-serialized and re-signed (not byte for byte): PAYLOAD_MISMATCH', async () => {
    const reordered = Object.fromEntries(Object.entries(claims()).reverse());
    const response = await verify({ credential: generalJws(reordered, genuineKeys) });
    expect(response.body.reasons.map((r: { code: string }) => r.code)).toEqual(['PAYLOAD_MISMATCH']);
  });

  it('refuses a member added and re-signed: PAYLOAD_SCHEMA', async () => {
    const response = await verify({ credential: generalJws({ ...claims(), note: 'x' }, genuineKeys) });
    expect(response.body.reasons.map((r: { code: string }) => r.code)).toEqual(['PAYLOAD_SCHEMA']);
  });

  it('refuses a genuinely signed certificate the registry never issued: CERTIFICATE_NOT_FOUND', async () => {
    const response = await verify({ credential: generalJws({ ...claims(), no: 'ZJZ2026000999' }, genuineKeys) });
    expect(response.body.verdict).toBe('INVALID');
    expect(response.body.reasons.map((r: { code: string }) => r.code)).toEqual(['CERTIFICATE_NOT_FOUND']);
  });

  it('refuses a spliced signature and names it', async () => {
    const other = generalJws({ ...claims(), no: 'ZJZ2026000999' }, genuineKeys);
    const spliced = { payload: credential.payload, signatures: [credential.signatures[0], other.signatures[1]] };
    const response = await verify({ credential: spliced });
    expect(response.body.verdict).toBe('INVALID');
    expect(response.body.signatures.map((s: { authority: string; valid: boolean }) => [s.authority, s.valid])).toEqual([
      ['amr', true],
      ['hrss', false],
    ]);
  });

  it('refuses a header with an embedded key even when the signature matches it', async () => {
    const entry = signEntry(
      credential.payload,
      { alg: 'ES256', kid: genuineKeys[0].kid, typ: 'zjzc+jws', jwk: { kty: 'EC' } },
      genuineKeys[0].privateKey,
    );
    const response = await verify({
      credential: { payload: credential.payload, signatures: [entry, credential.signatures[1]] },
    });
    expect(response.body.reasons.map((r: { code: string }) => r.code)).toEqual(['KEY_REFERENCE_FORBIDDEN']);
  });

  it('shows REVOKED when the registry says so', async () => {
    await t.dataSource.query(`UPDATE certificates SET status = 'REVOKED'`);
    try {
      const response = await verify({ credential });
      expect(response.body.verdict).toBe('REVOKED');
      expect(response.body.reasons.map((r: { code: string }) => r.code)).toEqual(['CERTIFICATE_REVOKED']);
      expect((await verify({ token })).body.verdict).toBe('REVOKED');
    } finally {
      await t.dataSource.query(`UPDATE certificates SET status = 'VALID'`);
    }
  });

  describe('answers requests that are not verification requests with 4xx and a code', () => {
    const raw = (body: string, contentType = 'application/json') =>
      api(t, 'POST', '/api/v1/verifications', body, undefined, { 'content-type': contentType });
    it.each([
      ['bad JSON', () => raw('{"credential": '), 400, 'BAD_JSON'],
      ['an empty body', () => raw(''), 400, 'BAD_JSON'],
      ['no field', () => verify({}), 400, 'VERIFICATION_REQUEST_INVALID'],
      ['both fields', () => verify({ credential: {}, token: 'x' }), 400, 'VERIFICATION_REQUEST_INVALID'],
      ['credential as a number', () => verify({ credential: 5 }), 400, 'VERIFICATION_REQUEST_INVALID'],
      ['credential as an array', () => verify({ credential: [] }), 400, 'VERIFICATION_REQUEST_INVALID'],
      ['token as an object', () => verify({ token: {} }), 400, 'VERIFICATION_REQUEST_INVALID'],
      ['credential null', () => verify({ credential: null }), 400, 'VERIFICATION_REQUEST_INVALID'],
      ['token null', () => verify({ token: null }), 400, 'VERIFICATION_REQUEST_INVALID'],
      ['an unknown field', () => verify({ credential: {}, extra: 1 }), 400, 'UNKNOWN_FIELD'],
      ['a JSON array body', () => raw('[1,2]'), 400, 'VALIDATION_FAILED'],
      ['a body over 64 KB', () => verify({ credential: 'x'.repeat(70_000) }), 413, 'BODY_TOO_LARGE'],
      ['a text/plain body', () => raw('hello', 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ])('%s', async (_label, send, status, code) => {
      const response = await send();
      expect([response.status, response.body.code]).toEqual([status, code]);
      expect(typeof response.body.message).toBe('string');
    });

    it('answers a well-formed request with a broken credential as 200 INVALID', async () => {
      const response = await verify({ credential: 'not json' });
      expect([response.status, response.body.verdict]).toEqual([200, 'INVALID']);
    });

    it('answers a malformed URL with 400 BAD_URL in the same body shape', async () => {
      const response = await api(t, 'GET', '/api/v1/certificates/%FF');
      expect([response.status, response.body.code, typeof response.body.message]).toEqual([400, 'BAD_URL', 'string']);
    });

    it('answers an unknown route with 404 ROUTE_NOT_FOUND', async () => {
      const response = await api(t, 'GET', '/api/v1/nothing-here');
      expect([response.status, response.body.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
    });
  });
});
