/**
 * The QR token: the same two signatures as a credential, over the short claim set, written as
 * `<header1>.<payload>.<signature1>~<header2>..<signature2>` (docs/qr-token.md). Pure and
 * isomorphic.
 */
import { LIMITS } from './credential-format';
import {
  checkJwsParts,
  failed,
  isReason,
  JwsParts,
  KeyLookup,
  SignatureCheck,
  TOKEN_PROFILE,
} from './credential-verifier';
import type { TokenClaims } from './token-claims';
import { Reason, reason } from './verification-reasons';

/** Verifies the two signatures of a QR token (docs/qr-token.md) by exactly the same rules. */
export async function checkTokenSignatures(
  token: unknown,
  keys: KeyLookup,
  now: Date,
): Promise<SignatureCheck<TokenClaims>> {
  const parts = readQrToken(token);
  return isReason(parts) ? failed([parts]) : checkJwsParts(parts, keys, now, TOKEN_PROFILE);
}

/**
 * Reads `<header1>.<payload>.<signature1>~<header2>..<signature2>`: one compact JWS and the
 * other authority's compact JWS with detached payload (RFC 7515 Appendix F).
 */
export function readQrToken(token: unknown): JwsParts | Reason {
  if (typeof token !== 'string') return reason('CREDENTIAL_MALFORMED', 'The token must be a string.');
  if (token.length > LIMITS.tokenChars)
    return reason('CREDENTIAL_TOO_LARGE', 'The token is larger than any genuine one.');
  const halves = token.split('~');
  if (halves.length !== 2) {
    return reason(
      'SIGNATURE_COUNT',
      `A token carries exactly two signatures joined by "~"; this one has ${halves.length}.`,
    );
  }
  const first = halves[0].split('.');
  const second = halves[1].split('.');
  if (first.length !== 3 || second.length !== 3 || second[1] !== '') {
    return reason('CREDENTIAL_MALFORMED', 'The token must be <header>.<payload>.<signature>~<header>..<signature>.');
  }
  return {
    payload: first[1],
    signatures: [
      { protected: first[0], signature: first[2] },
      { protected: second[0], signature: second[2] },
    ],
  };
}

/** Writes a two-signature JWS as a QR token: the first signature compact, the second detached. */
export function formatQrToken(jws: JwsParts): string {
  const [a, b] = jws.signatures;
  return `${a.protected}.${jws.payload}.${a.signature}~${b.protected}..${b.signature}`;
}
