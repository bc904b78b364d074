/** Why a credential is not VALID. Codes are stable; messages are for people. Pure and isomorphic. */
export type ReasonCode =
  | 'CREDENTIAL_MALFORMED'
  | 'CREDENTIAL_TOO_LARGE'
  | 'SIGNATURE_COUNT'
  | 'UNPROTECTED_HEADER'
  | 'ENCODING_INVALID'
  | 'HEADER_INVALID'
  | 'ALG_NOT_ALLOWED'
  | 'CRIT_UNSUPPORTED'
  | 'B64_UNSUPPORTED'
  | 'KEY_REFERENCE_FORBIDDEN'
  | 'HEADER_MEMBER_UNEXPECTED'
  | 'HEADER_MEMBER_MISSING'
  | 'TYP_INVALID'
  | 'KID_UNKNOWN'
  | 'AUTHORITY_DUPLICATED'
  | 'PAYLOAD_INVALID'
  | 'PAYLOAD_DUPLICATE_KEY'
  | 'PAYLOAD_SCHEMA'
  | 'ISSUED_IN_FUTURE'
  | 'SIGNATURE_INVALID'
  // Registry checks (server side, layered on the pure checks).
  | 'CERTIFICATE_NOT_FOUND'
  | 'PAYLOAD_MISMATCH'
  | 'CERTIFICATE_REVOKED'
  // Transparency log checks (docs/transparency-log.md).
  | 'NOT_IN_TRANSPARENCY_LOG'
  | 'LOG_PROOF_INVALID';

export interface Reason {
  code: ReasonCode;
  message: string;
}

export function reason(code: ReasonCode, message: string): Reason {
  return { code, message };
}
