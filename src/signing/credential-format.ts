/** Fixed facts of the credential format (docs/credential.md). Pure and isomorphic. */

/** The JOSE `typ` of a credential (RFC 7515 §4.1.9): our own media type, short for the QR code. */
export const CREDENTIAL_TYP = 'zjzc+jws';
/** The `typ` of the QR token: the same two signatures over the short claim set. */
export const TOKEN_TYP = 'zjzc-qr+jws';
/** The only signature algorithm accepted: ECDSA P-256 with SHA-256 (RFC 7518 §3.4). */
export const CREDENTIAL_ALG = 'ES256';

/** Limits checked before any cryptography, so hostile input costs little. */
export const LIMITS = {
  credentialChars: 64 * 1024,
  tokenChars: 2048,
  payloadChars: 4096,
  protectedChars: 512,
  /** 64 bytes of ES256 signature (R ‖ S) in base64url. */
  signatureChars: 86,
} as const;

/**
 * Entries in the status list (docs/status-list.md). Each certificate draws its index at random
 * from this range, so an index says nothing about when it was issued.
 */
export const STATUS_LIST_CAPACITY = 1 << 20;
