import type { X509Certificate } from '@peculiar/x509';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AUTHORITY_IDS, AUTHORITY_NAMES, isAuthorityId, type AuthorityId } from './authority';
import { certificatePublicKey, isDevelopmentCertificate } from './certificate-authority';
import { jwkThumbprint, p256PublicJwk } from './jwk-thumbprint';
import {
  checkAlgorithm,
  checkIssuedCertificate,
  checkMatches,
  checkRootCertificate,
  type CertificateChecks,
  type KeyKind,
} from './key-checks';
import {
  DEV_MARKER_FILE,
  KeyMaterialError,
  RETIRED_DIR,
  ROOT_CERT_FILE,
  ROOT_KEY_FILE,
  SESSION_KEY_FILE,
  authorityKeyFiles,
  documentSigningFiles,
  logKeyFile,
  parseRetiredCertificateFile,
  readCertificate,
  readPrivateKey,
} from './key-files';
import { KeyStore, type AuthorityCertificate, type KeyStoreContents } from './key-store';

export interface LoadOptions {
  /** Refuse development keys (marker file or `DEVELOPMENT ONLY` certificates). */
  production: boolean;
  /** The time certificates must be valid at; defaults to now. */
  now?: Date;
}

interface Context extends CertificateChecks {
  dir: string;
  root: X509Certificate;
}

/**
 * Reads and checks every file of `dir` and returns the KeyStore. Throws a KeyMaterialError naming
 * the file on: a missing or unreadable file, a key of the wrong algorithm, a key not matching its
 * certificate, a certificate not issued by root.crt.pem or outside its validity period, and — when
 * `production` — any development key. Never generates anything.
 */
export async function loadKeyStore(dir: string, options: LoadOptions): Promise<KeyStore> {
  const now = options.now ?? new Date();
  const markerPresent = existsSync(join(dir, DEV_MARKER_FILE));
  if (options.production && markerPresent) {
    throw new KeyMaterialError(
      join(dir, DEV_MARKER_FILE),
      'development keys must not be used in production',
    );
  }
  const root = await loadRoot(dir, options.production, now);
  const context: Context = { production: options.production, now, dir, root: root.certificate };

  const current = {} as KeyStoreContents['current'];
  const documentSigners = {} as KeyStoreContents['documentSigners'];
  for (const authority of AUTHORITY_IDS) {
    current[authority] = await loadAuthorityKey(authority, context);
    const files = documentSigningFiles(authority);
    const signer = await loadPair(files.key, files.cert, 'rsa', context);
    documentSigners[authority] = { privateKey: signer.privateKey, certificatePem: signer.pem };
  }
  const sessionPrivateKey = readPrivateKey(join(dir, SESSION_KEY_FILE));
  checkAlgorithm(sessionPrivateKey, 'p256', join(dir, SESSION_KEY_FILE));
  const sessionPublicKey = createPublicKey(sessionPrivateKey);
  const logKeys = {} as KeyStoreContents['logKeys'];
  for (const authority of AUTHORITY_IDS) {
    const path = join(dir, logKeyFile(authority));
    const privateKey = readPrivateKey(path);
    checkAlgorithm(privateKey, 'p256', path);
    logKeys[authority] = { privateKey, publicKey: createPublicKey(privateKey) };
  }

  return new KeyStore({
    root,
    current,
    retired: await loadRetired(context, current),
    documentSigners,
    logKeys,
    session: {
      kid: await jwkThumbprint(p256PublicJwk(sessionPublicKey)),
      privateKey: sessionPrivateKey,
      publicKey: sessionPublicKey,
    },
    development: markerPresent || isDevelopmentCertificate(root.certificate),
  });
}

async function loadRoot(
  dir: string,
  production: boolean,
  now: Date,
): Promise<{ certificate: X509Certificate; pem: string }> {
  const file = join(dir, ROOT_CERT_FILE);
  const root = readCertificate(file);
  await checkRootCertificate(root.certificate, file, { production, now });
  // The root key is needed only to issue certificates (rotation), and may live offline.
  const keyFile = join(dir, ROOT_KEY_FILE);
  if (existsSync(keyFile)) {
    const key = readPrivateKey(keyFile);
    checkAlgorithm(key, 'p256', keyFile);
    checkMatches(key, root.certificate, keyFile, ROOT_CERT_FILE);
  }
  return root;
}

async function loadAuthorityKey(
  authority: AuthorityId,
  context: Context,
): Promise<AuthorityCertificate & { privateKey: KeyObject }> {
  const files = authorityKeyFiles(authority);
  const { privateKey, certificate } = await loadPair(files.key, files.cert, 'p256', context);
  // Guards against swapped files: an hrss certificate in amr.crt.pem would sign in the wrong name.
  if (!certificate.subjectName.getField('O').includes(AUTHORITY_NAMES[authority].zh)) {
    throw new KeyMaterialError(
      join(context.dir, files.cert),
      `subject O is not ${AUTHORITY_NAMES[authority].zh}`,
    );
  }
  return { authority, kid: await kidOf(certificate), certificate, privateKey };
}

async function loadPair(
  keyFile: string,
  certFile: string,
  kind: KeyKind,
  context: Context,
): Promise<{ privateKey: KeyObject; certificate: X509Certificate; pem: string }> {
  const keyPath = join(context.dir, keyFile);
  const certPath = join(context.dir, certFile);
  const privateKey = readPrivateKey(keyPath);
  checkAlgorithm(privateKey, kind, keyPath);
  const { certificate, pem } = readCertificate(certPath);
  await checkIssuedCertificate(certificate, certPath, context.root, context);
  checkMatches(privateKey, certificate, keyPath, certFile);
  return { privateKey, certificate, pem };
}

/**
 * Retired certificates are public only. Their validity period is deliberately not enforced:
 * certificates signed while they were current must keep verifying after they expire.
 */
async function loadRetired(
  context: Context,
  current: KeyStoreContents['current'],
): Promise<AuthorityCertificate[]> {
  const retiredDir = join(context.dir, RETIRED_DIR);
  if (!existsSync(retiredDir)) {
    return [];
  }
  const retired: AuthorityCertificate[] = [];
  for (const name of readdirSync(retiredDir).sort()) {
    if (name.startsWith('.')) {
      continue; // temporary files of an interrupted atomic write
    }
    const path = join(retiredDir, name);
    const parsed = parseRetiredCertificateFile(name);
    if (!parsed || !isAuthorityId(parsed.authority)) {
      throw new KeyMaterialError(path, 'unexpected file; expected <authority>-<kid>.crt.pem');
    }
    const { certificate } = readCertificate(path);
    checkAlgorithm(certificatePublicKey(certificate), 'p256', path);
    await checkIssuedCertificate(certificate, path, context.root, {
      production: context.production,
      now: undefined,
    });
    const kid = await kidOf(certificate);
    if (kid !== parsed.kid) {
      throw new KeyMaterialError(
        path,
        `file name says kid ${parsed.kid}, the certificate's key has kid ${kid}`,
      );
    }
    // The file name alone must not decide whose key this is: a misfiled hrss certificate
    // published as amr's would let one authority supply both signatures.
    if (!certificate.subjectName.getField('O').includes(AUTHORITY_NAMES[parsed.authority].zh)) {
      throw new KeyMaterialError(path, `subject O is not ${AUTHORITY_NAMES[parsed.authority].zh}`);
    }
    const currentKids = Object.values(current).map((key) => key.kid);
    if (currentKids.includes(kid) || retired.some((key) => key.kid === kid)) {
      throw new KeyMaterialError(path, 'its key is published already (current or retired); every kid must be unique');
    }
    retired.push({ authority: parsed.authority, kid, certificate });
  }
  return retired;
}

/** kid = RFC 7638 thumbprint of the certificate's public key. */
function kidOf(certificate: X509Certificate): Promise<string> {
  return jwkThumbprint(p256PublicJwk(certificatePublicKey(certificate)));
}
