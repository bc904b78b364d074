/**
 * ES256 (RFC 7518 §3.4) with node:crypto KeyObjects: the signature is R ‖ S, 64 bytes
 * (`ieee-p1363`), exactly as JWS writes it. Used on the server instead of jose's sign and verify,
 * whose WebCrypto dispatch cost more CPU than the ECDSA itself (issue 15); the JWS written and
 * read are the same standard ones, checked by jose and jwcrypto in the interop tests.
 */
import { sign, verify, type KeyObject } from 'node:crypto';
import type { Es256Verify } from './credential-verifier';

export function es256Sign(privateKey: KeyObject, signingInput: Uint8Array): Buffer {
  return sign('sha256', signingInput, { key: privateKey, dsaEncoding: 'ieee-p1363' });
}

export function es256Verifier(publicKey: KeyObject): Es256Verify {
  return (signingInput, signature) =>
    verify('sha256', signingInput, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
}
