import { createPublicKey, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, type JWK } from 'jose';

/**
 * RFC 7638 JWK thumbprint (SHA-256, base64url): the `kid` of every key this service publishes.
 * Only the members §3.2 requires for the key type take part, so a private JWK yields the same
 * thumbprint as its public half.
 */
export function jwkThumbprint(jwk: JWK): Promise<string> {
  return calculateJwkThumbprint(jwk, 'sha256');
}

/** The public JWK members of a P-256 key, with fixed member types for the JWKS. */
export interface EcPublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

/** Exports a P-256 key's public half as a JWK; a private KeyObject is reduced to its public key. */
export function p256PublicJwk(key: KeyObject): EcPublicJwk {
  const jwk = (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'jwk' });
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y) {
    throw new Error(`expected a P-256 key, got ${describeKey(key)}`);
  }
  // Deliberately rebuilt member by member so that `d` can never leak into a published key.
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
}

/** A short description of a key's algorithm for error messages: "ec secp384r1", "rsa 1024". */
export function describeKey(key: KeyObject): string {
  const details = key.asymmetricKeyDetails ?? {};
  const size = details.namedCurve ?? (details.modulusLength ? String(details.modulusLength) : '');
  return `${key.asymmetricKeyType ?? key.type} ${size}`.trim();
}
