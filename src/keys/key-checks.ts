import type { X509Certificate } from '@peculiar/x509';
import { createPublicKey, type KeyObject } from 'node:crypto';
import {
  certificatePublicKey,
  isCaCertificate,
  isDevelopmentCertificate,
  isSignedBy,
} from './certificate-authority';
import { describeKey } from './jwk-thumbprint';
import { KeyMaterialError, ROOT_CERT_FILE } from './key-files';

// The checks that make the service refuse its key material at start. Each throws a
// KeyMaterialError naming the file at fault, so an operator knows what to replace.

export type KeyKind = 'p256' | 'rsa';

/** What a certificate is checked against; `now` undefined skips the validity period. */
export interface CertificateChecks {
  production: boolean;
  now: Date | undefined;
}

/** The trust anchor: a P-256, self-signed CA certificate, valid now. */
export async function checkRootCertificate(
  certificate: X509Certificate,
  path: string,
  checks: CertificateChecks,
): Promise<void> {
  checkAlgorithm(certificatePublicKey(certificate), 'p256', path);
  checkCertificate(certificate, path, checks);
  if (!isCaCertificate(certificate)) {
    throw new KeyMaterialError(path, 'not a CA certificate (basicConstraints CA:true missing)');
  }
  if (!(await isSignedBy(certificate, certificate))) {
    throw new KeyMaterialError(path, 'not a valid self-signed root certificate');
  }
}

/** Certificate checks plus: signed by the root (the only trust anchor of every key). */
export async function checkIssuedCertificate(
  certificate: X509Certificate,
  path: string,
  root: X509Certificate,
  checks: CertificateChecks,
): Promise<void> {
  checkCertificate(certificate, path, checks);
  if (!(await isSignedBy(certificate, root))) {
    throw new KeyMaterialError(path, `not issued by ${ROOT_CERT_FILE} (signature does not verify)`);
  }
}

/** Refuses a development certificate in production, and one outside its validity period. */
export function checkCertificate(
  certificate: X509Certificate,
  path: string,
  checks: CertificateChecks,
): void {
  if (checks.production && isDevelopmentCertificate(certificate)) {
    throw new KeyMaterialError(
      path,
      'development certificate (OU DEVELOPMENT ONLY) refused in production',
    );
  }
  if (checks.now && checks.now < certificate.notBefore) {
    throw new KeyMaterialError(
      path,
      `certificate not valid before ${certificate.notBefore.toISOString()}`,
    );
  }
  if (checks.now && checks.now > certificate.notAfter) {
    throw new KeyMaterialError(
      path,
      `certificate expired on ${certificate.notAfter.toISOString()}`,
    );
  }
}

/** Authority and session keys are ES256 (P-256) only; document-signing keys are RSA ≥ 2048. */
export function checkAlgorithm(key: KeyObject, kind: KeyKind, path: string): void {
  const details = key.asymmetricKeyDetails;
  const ok =
    kind === 'p256'
      ? key.asymmetricKeyType === 'ec' && details?.namedCurve === 'prime256v1'
      : key.asymmetricKeyType === 'rsa' && (details?.modulusLength ?? 0) >= 2048;
  if (!ok) {
    const expected = kind === 'p256' ? 'a P-256 (ES256) key' : 'an RSA key of at least 2048 bits';
    throw new KeyMaterialError(path, `must be ${expected}, found ${describeKey(key)}`);
  }
}

/** The private key must be the one the certificate certifies. */
export function checkMatches(
  privateKey: KeyObject,
  certificate: X509Certificate,
  keyPath: string,
  certFile: string,
): void {
  if (!createPublicKey(privateKey).equals(certificatePublicKey(certificate))) {
    throw new KeyMaterialError(keyPath, `does not match the public key in ${certFile}`);
  }
}
