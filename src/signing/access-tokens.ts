import { jwtVerify, SignJWT } from 'jose';
import type { KeyObject } from 'node:crypto';
import type { AuthorityId } from '../keys/authority';

/** Access tokens are our own JWTs (RFC 9068 `typ`), signed by the server's session key only. */
const ACCESS_TOKEN_TYP = 'at+jwt';
const ISSUER = 'zjzc-office';
const AUDIENCE = 'zjzc-api';

export interface AccessTokenClaims {
  /** Username. */
  sub: string;
  authority: AuthorityId;
  roles: string[];
  /**
   * The officer's credential stamp at sign-in (`credentialStamp`, src/officers/officers.service.ts):
   * a password reset changes it, so tokens issued before the reset stop at once.
   */
  cred: string;
}

/** Signs a short-lived officer access token. */
export async function signAccessToken(
  claims: AccessTokenClaims,
  key: { kid: string; privateKey: KeyObject },
  ttlSeconds: number,
  now: Date,
): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ authority: claims.authority, roles: claims.roles, cred: claims.cred })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: ACCESS_TOKEN_TYP })
    .setSubject(claims.sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(key.privateKey);
}

/** Verifies an access token with a pinned algorithm and the injected time; undefined if not valid. */
export async function verifyAccessToken(
  token: string,
  publicKey: KeyObject,
  now: Date,
): Promise<AccessTokenClaims | undefined> {
  try {
    const { payload } = await jwtVerify(token, publicKey, {
      algorithms: ['ES256'],
      typ: ACCESS_TOKEN_TYP,
      issuer: ISSUER,
      audience: AUDIENCE,
      currentDate: now,
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    const { sub, authority, roles, cred } = payload as Record<string, unknown>;
    if (typeof sub !== 'string' || typeof authority !== 'string' || !Array.isArray(roles) || typeof cred !== 'string')
      return undefined;
    return {
      sub,
      authority: authority as AuthorityId,
      roles: roles.filter((r): r is string => typeof r === 'string'),
      cred,
    };
  } catch {
    return undefined;
  }
}
