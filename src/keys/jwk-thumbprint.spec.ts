import { createHash, generateKeyPairSync } from 'node:crypto';
import { jwkThumbprint, p256PublicJwk } from './jwk-thumbprint';

// RFC 7638 §3.1: the example RSA key and its SHA-256 thumbprint.
const RFC_7638_KEY = {
  kty: 'RSA',
  n:
    '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1' +
    'L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4' +
    'QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbO' +
    'pbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csF' +
    'Cur-kEgU8awapJzKnqDKgw',
  e: 'AQAB',
  alg: 'RS256',
  kid: '2011-04-29',
};

describe('jwkThumbprint', () => {
  it('gives the RFC 7638 §3.1 example thumbprint', async () => {
    await expect(jwkThumbprint(RFC_7638_KEY)).resolves.toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });

  it('hashes exactly {"crv","kty","x","y"} in that order for a P-256 key', async () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = p256PublicJwk(publicKey);
    const canonical = `{"crv":"P-256","kty":"EC","x":"${jwk.x}","y":"${jwk.y}"}`;
    const expected = createHash('sha256').update(canonical).digest('base64url');

    await expect(jwkThumbprint({ ...jwk, kid: 'ignored', use: 'sig' })).resolves.toBe(expected);
  });

  it('is the same for a private key and its public half', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });

    await expect(jwkThumbprint(privateKey.export({ format: 'jwk' }))).resolves.toBe(
      await jwkThumbprint(publicKey.export({ format: 'jwk' })),
    );
  });

  it('rejects a key without a required member or of an unknown type', async () => {
    await expect(jwkThumbprint({ kty: 'EC', crv: 'P-256', x: 'AA' })).rejects.toThrow('"y" (Y Coordinate) Parameter missing');
    await expect(jwkThumbprint({ kty: 'XYZ', k: 'AA' })).rejects.toThrow('"kty" (Key Type) Parameter missing or unsupported');
  });
});

describe('p256PublicJwk', () => {
  it('never carries the private member d', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });

    expect(Object.keys(p256PublicJwk(privateKey)).sort()).toEqual(['crv', 'kty', 'x', 'y']);
  });

  it('refuses another curve', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-384' });

    expect(() => p256PublicJwk(publicKey)).toThrow('expected a P-256 key, got ec secp384r1');
  });
});
