/**
 * Checks the two authorities' signatures of a credential without any database: a pure
 * function of the credential, the published keys and the time. The server layers the
 * registry check on top (verifications module); the browser page runs this same file.
 *
 * A General JWS is accepted only when EVERY signature verifies (jose's generalVerify would take
 * any one), so each signature is verified on its own against the key its `kid` names, and the
 * key must belong to the authority the signature speaks for. The protected header is checked
 * exactly (alg ES256, kid, typ and nothing else) before, so what remains of RFC 7515 §5.2 is the
 * ES256 check of `ASCII(protected '.' payload)`, done by the platform (es256-verify.ts, or
 * WebCrypto in the browser) without a JOSE library's per-call dispatch.
 */
import type { AuthorityId } from '../keys/authority';
import { CREDENTIAL_TYP, LIMITS, TOKEN_TYP } from './credential-format';
import { checkProtectedHeader } from './protected-header';
import { CredentialClaims, findClaimsProblem } from './credential-claims';
import { findTokenClaimsProblem, TokenClaims } from './token-claims';
import { decodeBase64urlStrict, decodeUtf8Strict, parseJsonStrict } from './strict-encoding';
import { Reason, reason } from './verification-reasons';

const ASCII = new TextEncoder();

/** A public key the verifier trusts, pinned to its authority. */
export interface TrustedKey {
  authority: AuthorityId;
  kid: string;
  /** Checks an ES256 signature (R ‖ S, 64 bytes) over a JWS signing input with this key. */
  verify: Es256Verify;
}

/** An ES256 verification by one public key: node:crypto on the server, WebCrypto in the browser. */
export type Es256Verify = (signingInput: Uint8Array, signature: Uint8Array) => boolean | Promise<boolean>;

export interface KeyLookup {
  byKid(kid: string): TrustedKey | undefined;
}

export interface SignatureOutcome {
  authority: AuthorityId | null;
  kid: string | null;
  valid: boolean;
}

/** What differs between the credential and the QR token: the typ and the claim schema. */
export interface JwsProfile<C> {
  typ: string;
  /** Checked before any decoding. */
  maxPayloadChars: number;
  claimsProblem(value: unknown): string | undefined;
  issuedAt(claims: C): number;
}

export const CREDENTIAL_PROFILE: JwsProfile<CredentialClaims> = {
  typ: CREDENTIAL_TYP,
  maxPayloadChars: LIMITS.payloadChars,
  claimsProblem: findClaimsProblem,
  issuedAt: (c) => c.iat,
};
export const TOKEN_PROFILE: JwsProfile<TokenClaims> = {
  typ: TOKEN_TYP,
  maxPayloadChars: LIMITS.payloadChars,
  claimsProblem: findTokenClaimsProblem,
  issuedAt: (c) => c.i,
};

export interface SignatureCheck<C = CredentialClaims> {
  /** True when both signatures verified and the payload is well formed. */
  ok: boolean;
  reasons: Reason[];
  signatures: SignatureOutcome[];
  /** The claims, once the payload decoded and matched the schema (even if a signature failed). */
  claims: C | null;
  /** The payload exactly as signed (base64url), for the registry's byte-for-byte comparison. */
  payload: string | null;
}

/** The parts of a JWS with two signatures, whatever serialization carried them. */
export interface JwsParts {
  payload: string;
  signatures: Array<{ protected: string; signature: string }>;
}

export function failed<C>(reasons: Reason[], signatures: SignatureOutcome[] = []): SignatureCheck<C> {
  return { ok: false, reasons, signatures, claims: null, payload: null };
}

/**
 * Reads a General JWS JSON Serialization (RFC 7515 §7.2.1) given as an object or its JSON
 * text. Only `payload` and `signatures`, and per signature only `protected` and `signature`,
 * are allowed: an unprotected header could say anything unsigned.
 */
export function readGeneralJws(input: unknown): JwsParts | Reason {
  let value = input;
  if (typeof input === 'string') {
    if (input.length > LIMITS.credentialChars)
      return reason('CREDENTIAL_TOO_LARGE', 'The credential is larger than any genuine one.');
    const parsed = parseJsonStrict(input);
    if (!parsed.ok)
      return reason(
        'CREDENTIAL_MALFORMED',
        parsed.problem === 'duplicate-key'
          ? `The credential repeats the member "${parsed.key ?? ''}".`
          : 'The credential is not valid JSON.',
      );
    value = parsed.value;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return reason('CREDENTIAL_MALFORMED', 'The credential must be a JWS in General JSON Serialization.');
  }
  const jws = value as Record<string, unknown>;
  const members = Object.keys(jws);
  if (
    members.some((m) => m !== 'payload' && m !== 'signatures') ||
    typeof jws.payload !== 'string' ||
    !Array.isArray(jws.signatures)
  ) {
    return reason('CREDENTIAL_MALFORMED', 'The credential must have exactly the members "payload" and "signatures".');
  }
  if (jws.signatures.length !== 2) {
    return reason(
      'SIGNATURE_COUNT',
      `A credential carries exactly two signatures, one per authority; this one has ${jws.signatures.length}.`,
    );
  }
  const signatures: JwsParts['signatures'] = [];
  for (const entry of jws.signatures as unknown[]) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      return reason('CREDENTIAL_MALFORMED', 'Each signature must be an object.');
    const sig = entry as Record<string, unknown>;
    if ('header' in sig) return reason('UNPROTECTED_HEADER', 'Unprotected headers are not accepted.');
    if (
      Object.keys(sig).some((m) => m !== 'protected' && m !== 'signature') ||
      typeof sig.protected !== 'string' ||
      typeof sig.signature !== 'string'
    ) {
      return reason(
        'CREDENTIAL_MALFORMED',
        'Each signature must have exactly the members "protected" and "signature".',
      );
    }
    signatures.push({ protected: sig.protected, signature: sig.signature });
  }
  return { payload: jws.payload, signatures };
}

function decodeClaims<C>(payload: string, profile: JwsProfile<C>): C | Reason {
  if (payload.length > profile.maxPayloadChars)
    return reason('CREDENTIAL_TOO_LARGE', 'The payload is larger than any genuine one.');
  const bytes = decodeBase64urlStrict(payload);
  const text = bytes && decodeUtf8Strict(bytes);
  if (text === undefined) return reason('ENCODING_INVALID', 'The payload is not canonical base64url of UTF-8.');
  const parsed = parseJsonStrict(text);
  if (!parsed.ok) {
    return parsed.problem === 'duplicate-key'
      ? reason('PAYLOAD_DUPLICATE_KEY', `The payload repeats the member "${parsed.key ?? ''}".`)
      : reason('PAYLOAD_INVALID', 'The payload is not valid JSON.');
  }
  const problem = profile.claimsProblem(parsed.value);
  if (problem !== undefined)
    return reason('PAYLOAD_SCHEMA', `The payload does not follow its schema (member "${problem}").`);
  return parsed.value as C;
}

export function isReason(value: unknown): value is Reason {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

/**
 * Verifies the two signatures of a credential. Every structural rule is checked before any
 * cryptography; then each signature is verified against its own authority's key.
 */
export async function checkCredentialSignatures(input: unknown, keys: KeyLookup, now: Date): Promise<SignatureCheck> {
  const parts = readGeneralJws(input);
  return isReason(parts) ? failed([parts]) : checkJwsParts(parts, keys, now, CREDENTIAL_PROFILE);
}

/** The checks shared by every serialization (General JSON credential and QR token). */
export async function checkJwsParts<C>(
  parts: JwsParts,
  keys: KeyLookup,
  now: Date,
  profile: JwsProfile<C>,
): Promise<SignatureCheck<C>> {
  const outcomes: SignatureOutcome[] = parts.signatures.map(() => ({ authority: null, kid: null, valid: false }));
  const trusted: TrustedKey[] = [];
  for (const [index, sig] of parts.signatures.entries()) {
    if (sig.protected.length > LIMITS.protectedChars) {
      return failed(
        [reason('ENCODING_INVALID', `Signature ${index + 1}: the protected header is larger than any genuine one.`)],
        outcomes,
      );
    }
    const header = checkProtectedHeader(sig.protected, index, profile.typ);
    if (isReason(header)) return failed([header], outcomes);
    if (sig.signature.length !== LIMITS.signatureChars || decodeBase64urlStrict(sig.signature) === undefined) {
      return failed(
        [reason('ENCODING_INVALID', `Signature ${index + 1}: not 64 bytes of canonical base64url.`)],
        outcomes,
      );
    }
    outcomes[index].kid = header.kid;
    const key = keys.byKid(header.kid);
    if (!key)
      return failed(
        [
          reason(
            'KID_UNKNOWN',
            `Signature ${index + 1}: key ${header.kid} is not a published key of either authority.`,
          ),
        ],
        outcomes,
      );
    outcomes[index].authority = key.authority;
    trusted.push(key);
  }
  if (trusted[0].authority === trusted[1].authority) {
    return failed(
      [
        reason(
          'AUTHORITY_DUPLICATED',
          `Both signatures are by ${trusted[0].authority}; one by each authority is required.`,
        ),
      ],
      outcomes,
    );
  }
  const claims = decodeClaims(parts.payload, profile);
  if (isReason(claims)) return failed([claims], outcomes);

  const verified = await Promise.all(
    parts.signatures.map(async (sig, index) => {
      const signingInput = ASCII.encode(`${sig.protected}.${parts.payload}`);
      try {
        return await trusted[index].verify(signingInput, decodeBase64urlStrict(sig.signature)!);
      } catch {
        return false;
      }
    }),
  );
  const reasons: Reason[] = [];
  verified.forEach((valid, index) => {
    outcomes[index].valid = valid;
    if (!valid)
      reasons.push(
        reason(
          'SIGNATURE_INVALID',
          `The signature of ${trusted[index].authority} (key ${trusted[index].kid}) does not verify.`,
        ),
      );
  });
  // A small allowance for clocks that run a little behind the issuer's.
  if (profile.issuedAt(claims) * 1000 > now.getTime() + 5 * 60_000) {
    reasons.push(reason('ISSUED_IN_FUTURE', 'The credential claims to be issued in the future.'));
  }
  return { ok: reasons.length === 0, reasons, signatures: outcomes, claims, payload: parts.payload };
}
