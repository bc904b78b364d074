import { createHash, randomBytes, randomInt } from 'node:crypto';
import { STATUS_LIST_CAPACITY } from '../signing/credential-format';
import { maskIdNumber } from '../common/id-number';
import { LEVEL_CODES, SPECIALTY_CODES } from '../common/qualifications';
import type { CredentialClaims } from '../signing/credential-claims';
import type { TokenClaims } from '../signing/token-claims';
import type { CertificateEntity } from './certificate.entity';

const SALT_BYTES = 16;
/** Random bytes drawn 4 KiB at a time: one call to the CSPRNG per 256 salts instead of one each. */
let saltPool = Buffer.alloc(0);
let saltOffset = 0;

/** A fresh per-certificate salt for the ID hash binding (128 bits, base64url). */
export function newIdHashSalt(): string {
  if (saltOffset + SALT_BYTES > saltPool.length) {
    saltPool = randomBytes(4096);
    saltOffset = 0;
  }
  saltOffset += SALT_BYTES;
  return saltPool.toString('base64url', saltOffset - SALT_BYTES, saltOffset);
}

/**
 * base64url(SHA-256(salt ‖ ID number)). The salt is kept in the registry, not in the
 * credential: an 18-character ID number with a known mask has few enough candidates that a
 * salt published beside the hash would let anyone recover it.
 */
export function idHash(salt: string, idNumber: string): string {
  return createHash('sha256').update(Buffer.from(salt, 'base64url')).update(idNumber, 'utf8').digest('base64url');
}

function requireStatusIndex(index: number | null): number {
  if (index === null) throw new Error('a certificate is signed only once its status-list index is drawn');
  return index;
}

/** A status-list index drawn uniformly at random, so it reveals nothing about issuance order. */
export function randomStatusIndex(): number {
  return randomInt(STATUS_LIST_CAPACITY);
}

/** The claims of a certificate record, in the fixed member order of docs/credential.md. */
export function buildCredentialClaims(
  certificate: Omit<CertificateEntity, 'id' | 'credential' | 'status' | 'createdAt' | 'updatedAt'>,
): CredentialClaims {
  return {
    v: 1,
    no: certificate.certificateNo,
    name: certificate.holderName,
    gender: certificate.gender,
    idm: maskIdNumber(certificate.idNumber),
    idh: idHash(certificate.idHashSalt, certificate.idNumber),
    emp: certificate.employer,
    lvl: certificate.level,
    spec: certificate.specialty,
    year: certificate.evaluationYear,
    passed: certificate.passedOn,
    doc: certificate.approvalDocument,
    iss: ['amr', 'hrss'],
    iat: Math.floor(Date.parse(certificate.issuedAt) / 1000),
    sl: requireStatusIndex(certificate.statusIndex),
  };
}

/** The QR token's short claims of the same certificate (docs/qr-token.md). */
export function buildTokenClaims(claims: CredentialClaims): TokenClaims {
  return {
    v: 1,
    no: claims.no,
    n: claims.name,
    l: LEVEL_CODES[claims.lvl],
    s: SPECIALTY_CODES[claims.spec],
    p: claims.passed,
    i: claims.iat,
    h: Buffer.from(claims.idh, 'base64url').subarray(0, 16).toString('base64url'),
    x: claims.sl,
  };
}
