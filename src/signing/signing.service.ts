import { Injectable, OnModuleInit } from '@nestjs/common';
import { createPublicKey } from 'node:crypto';
import { AUTHORITY_IDS } from '../keys/authority';
import { KeyStore } from '../keys/key-store';
import { AccessTokenClaims, signAccessToken, verifyAccessToken } from './access-tokens';
import type { CredentialClaims } from './credential-claims';
import { CREDENTIAL_TYP, TOKEN_TYP } from './credential-format';
import { GeneralJws, signByAuthorities } from './credential-signer';
import { checkCredentialSignatures, KeyLookup, SignatureCheck, TrustedKey } from './credential-verifier';
import { es256Verifier } from './es256';
import { checkStatusListSignatures, STATUS_LIST_TYP, StatusListClaims } from './status-list';
import { checkTokenSignatures, formatQrToken } from './qr-token';
import type { TokenClaims } from './token-claims';

/** Signs and verifies with the keys of the key store; the rest of the app never sees jose. */
@Injectable()
export class SigningService implements OnModuleInit {
  private lookup?: KeyLookup;

  constructor(private readonly keys: KeyStore) {}

  /** Serializes the claims once and signs those exact bytes by both authorities' current keys. */
  signClaims(claims: CredentialClaims): Promise<GeneralJws> {
    return Promise.resolve(this.signByBoth(claims, CREDENTIAL_TYP));
  }

  /** The QR token: the short claims signed by both authorities, compact + detached. */
  signToken(claims: TokenClaims): Promise<string> {
    return Promise.resolve(formatQrToken(this.signByBoth(claims, TOKEN_TYP)));
  }

  /** The status list as a credential-like General JWS (docs/status-list.md). */
  signStatusList(claims: StatusListClaims): Promise<GeneralJws> {
    return Promise.resolve(this.signByBoth(claims, STATUS_LIST_TYP));
  }

  checkStatusList(input: unknown, now: Date): Promise<SignatureCheck<StatusListClaims>> {
    return checkStatusListSignatures(input, this.keyLookup(), now);
  }

  private signByBoth(claims: object, typ: string): GeneralJws {
    const payload = new TextEncoder().encode(JSON.stringify(claims));
    return signByAuthorities(
      payload,
      AUTHORITY_IDS.map((authority) => ({ authority, ...this.keys.signingKey(authority) })),
      typ,
    );
  }

  /** The published keys (current and retired), each pinned to its authority, imported once. */
  onModuleInit(): void {
    const byKid = new Map<string, TrustedKey>();
    for (const published of this.keys.publishedKeys()) {
      const { kty, crv, x, y } = published.jwk;
      byKid.set(published.kid, {
        authority: published.authority,
        kid: published.kid,
        verify: es256Verifier(createPublicKey({ key: { kty, crv, x, y }, format: 'jwk' })),
      });
    }
    this.lookup = { byKid: (kid) => byKid.get(kid) };
  }

  keyLookup(): KeyLookup {
    if (!this.lookup) throw new Error('SigningService used before the module was initialised');
    return this.lookup;
  }

  checkCredential(input: unknown, now: Date): Promise<SignatureCheck> {
    return checkCredentialSignatures(input, this.keyLookup(), now);
  }

  checkToken(token: unknown, now: Date): Promise<SignatureCheck<TokenClaims>> {
    return checkTokenSignatures(token, this.keyLookup(), now);
  }

  issueAccessToken(claims: AccessTokenClaims, ttlSeconds: number, now: Date): Promise<string> {
    const { kid, privateKey } = this.keys.sessionKey();
    return signAccessToken(claims, { kid, privateKey }, ttlSeconds, now);
  }

  readAccessToken(token: string, now: Date): Promise<AccessTokenClaims | undefined> {
    return verifyAccessToken(token, this.keys.sessionKey().publicKey, now);
  }
}
