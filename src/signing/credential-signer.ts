import type { KeyObject } from 'node:crypto';
import type { AuthorityId } from '../keys/authority';
import { CREDENTIAL_ALG } from './credential-format';
import type { JwsParts } from './credential-verifier';
import { es256Sign } from './es256';

export interface AuthoritySigner {
  authority: AuthorityId;
  kid: string;
  privateKey: KeyObject;
}

/** A credential: RFC 7515 General JWS JSON Serialization. */
export type GeneralJws = JwsParts;

/**
 * Signs one payload by each given authority, in order, and writes the result as a General JWS
 * (RFC 7515 §7.2.1). Each protected header is exactly {alg, kid, typ}, in that order; the
 * signing input is `ASCII(BASE64URL(header) '.' BASE64URL(payload))` (RFC 7515 §5.1).
 */
export function signByAuthorities(payload: Uint8Array, signers: AuthoritySigner[], typ: string): GeneralJws {
  const encodedPayload = Buffer.from(payload).toString('base64url');
  return {
    payload: encodedPayload,
    signatures: signers.map((signer) => {
      const header = JSON.stringify({ alg: CREDENTIAL_ALG, kid: signer.kid, typ });
      const encodedHeader = Buffer.from(header).toString('base64url');
      const signature = es256Sign(signer.privateKey, Buffer.from(`${encodedHeader}.${encodedPayload}`, 'ascii'));
      return { protected: encodedHeader, signature: signature.toString('base64url') };
    }),
  };
}
