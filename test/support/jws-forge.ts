/**
 * Builds genuine and hostile JWS for the verifier tests, signing with node:crypto directly so
 * that the tests do not share code with the signer under test.
 */
import { createHash, KeyObject, sign } from 'node:crypto';

export const b64u = (data: string | Uint8Array): string => Buffer.from(data).toString('base64url');

export interface ForgeKey {
  kid: string;
  privateKey: KeyObject;
}

export function es256(signingInput: string, key: KeyObject): string {
  return sign('sha256', Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url');
}

/** One signature entry over an encoded payload with any header members. */
export function signEntry(
  payloadB64: string,
  header: Record<string, unknown>,
  key: KeyObject,
): { protected: string; signature: string } {
  const protectedB64 = b64u(JSON.stringify(header));
  return { protected: protectedB64, signature: es256(`${protectedB64}.${payloadB64}`, key) };
}

/** A General JWS over `payload` (object → JSON, string → raw text) signed by each key in order. */
export function generalJws(
  payload: object | string,
  keys: ForgeKey[],
  typ = 'zjzc+jws',
): { payload: string; signatures: Array<{ protected: string; signature: string }> } {
  const payloadB64 = b64u(typeof payload === 'string' ? payload : JSON.stringify(payload));
  return {
    payload: payloadB64,
    signatures: keys.map((k) => signEntry(payloadB64, { alg: 'ES256', kid: k.kid, typ }, k.privateKey)),
  };
}

/** A claim set that follows docs/credential.md. */
export function sampleClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    v: 1,
    no: 'ZJZ2026000001',
    name: '张三',
    gender: '男',
    idm: '330***********1272',
    idh: createHash('sha256').update('salt330102198001011272').digest('base64url'),
    emp: '浙江省计量科学研究院',
    lvl: 'professor',
    spec: 'metrology',
    year: 2026,
    passed: '2026-11-20',
    doc: '浙市监人〔2026〕12号',
    iss: ['amr', 'hrss'],
    iat: 1764208800,
    sl: 424242,
    ...overrides,
  };
}
