import { FlattenedSign } from 'jose';
import type { KeyObject } from 'node:crypto';
import type { AuthorityId } from '../keys/authority';
import { CREDENTIAL_ALG } from './credential-format';
import type { JwsParts } from './credential-verifier';

export interface AuthoritySigner {
  authority: AuthorityId;
  kid: string;
  privateKey: KeyObject;
}

/** A credential: RFC 7515 General JWS JSON Serialization. */
export type GeneralJws = JwsParts;

/**
 * Signs one payload by each given authority, in order, and writes the result as a General JWS
 * (RFC 7515 §7.2.1). Each protected header is exactly {alg, kid, typ}, in that order.
 */
export async function signByAuthorities(
  payload: Uint8Array,
  signers: AuthoritySigner[],
  typ: string,
): Promise<GeneralJws> {
  const flattened = await Promise.all(
    signers.map((signer) =>
      new FlattenedSign(payload)
        .setProtectedHeader({ alg: CREDENTIAL_ALG, kid: signer.kid, typ })
        .sign(signer.privateKey),
    ),
  );
  return {
    payload: flattened[0].payload,
    signatures: flattened.map((f) => ({ protected: f.protected ?? '', signature: f.signature })),
  };
}
