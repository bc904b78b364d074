import { createPublicKey } from 'node:crypto';
import { join } from 'node:path';
import { isAuthorityId, type AuthorityId } from './authority';
import {
  certificatePem,
  certificatePublicKey,
  generateP256KeyPair,
  isDevelopmentCertificate,
  issueAuthorityCertificate,
  privateKeyPem,
} from './certificate-authority';
import { jwkThumbprint, p256PublicJwk } from './jwk-thumbprint';
import {
  KeyMaterialError,
  PRIVATE_FILE_MODE,
  PUBLIC_FILE_MODE,
  ROOT_CERT_FILE,
  ROOT_KEY_FILE,
  authorityKeyFiles,
  readCertificate,
  readPrivateKey,
  retiredCertificateFile,
  writeFileAtomically,
} from './key-files';

export interface RotateOptions {
  /** Where the root private key is, when it is kept outside `KEYS_DIR` (e.g. removable media). */
  rootKeyPath?: string;
  now?: Date;
}

/**
 * Replaces an authority's current ES256 key with a new P-256 key and root-issued certificate.
 * The old certificate is kept as `retired/<authority>-<oldKid>.crt.pem` so certificates it signed
 * keep verifying. A running service sees the new key after its next start.
 */
export async function rotateAuthorityKey(
  dir: string,
  authority: AuthorityId,
  options: RotateOptions = {},
): Promise<{ oldKid: string; newKid: string }> {
  if (!isAuthorityId(authority)) {
    throw new Error(`unknown authority ${String(authority)}`);
  }
  const rootKeyPath = options.rootKeyPath ?? join(dir, ROOT_KEY_FILE);
  const root = readCertificate(join(dir, ROOT_CERT_FILE)).certificate;
  const rootKey = readPrivateKey(rootKeyPath);
  if (!createPublicKey(rootKey).equals(certificatePublicKey(root))) {
    throw new KeyMaterialError(rootKeyPath, `does not match ${ROOT_CERT_FILE}`);
  }

  const files = authorityKeyFiles(authority);
  const old = readCertificate(join(dir, files.cert));
  const oldKid = await jwkThumbprint(p256PublicJwk(certificatePublicKey(old.certificate)));

  const keys = generateP256KeyPair();
  const certificate = await issueAuthorityCertificate(
    authority,
    keys.publicKey,
    { certificate: root, privateKey: rootKey },
    // A rotated development set stays recognisably development, and a real one stays real.
    { dev: isDevelopmentCertificate(old.certificate), now: options.now },
  );
  const newKid = await jwkThumbprint(p256PublicJwk(keys.publicKey));

  // Order matters for a crash midway: the old certificate is published as retired before it is
  // replaced, so it is never lost. Between the two renames below the key and certificate differ,
  // which loadKeyStore reports as a mismatch rather than signing with the wrong key.
  writeFileAtomically(
    join(dir, retiredCertificateFile(authority, oldKid)),
    old.pem,
    PUBLIC_FILE_MODE,
  );
  writeFileAtomically(join(dir, files.key), privateKeyPem(keys.privateKey), PRIVATE_FILE_MODE);
  writeFileAtomically(join(dir, files.cert), certificatePem(certificate), PUBLIC_FILE_MODE);
  return { oldKid, newKid };
}
