import type { X509Certificate } from '@peculiar/x509';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AUTHORITY_IDS, type AuthorityId } from './authority';
import {
  certificatePem,
  certificatePublicKey,
  createRootCertificate,
  generateP256KeyPair,
  generateRsaKeyPair,
  issueAuthorityCertificate,
  issueDocumentSigningCertificate,
  isDevelopmentCertificate,
  privateKeyPem,
  type Issuer,
  type KeyPair,
} from './certificate-authority';
import {
  DEV_MARKER_FILE,
  KeyMaterialError,
  PRIVATE_FILE_MODE,
  PUBLIC_FILE_MODE,
  ROOT_CERT_FILE,
  ROOT_KEY_FILE,
  SESSION_KEY_FILE,
  authorityKeyFiles,
  documentSigningFiles,
  logKeyFile,
  readCertificate,
  readPrivateKey,
  writeFileAtomically,
} from './key-files';
import { rotateAuthorityKey } from './key-rotation';

export interface GenerateOptions {
  /**
   * Mark the set as development keys (marker file, OU `DEVELOPMENT ONLY`, CN suffix). Default true.
   * `false` exists only for tests that need a production-like set and for an office's key-ceremony
   * tooling; it does not make the keys any safer to use.
   */
  dev?: boolean;
  now?: Date;
}

interface KeyPairFiles {
  key: string;
  cert: string;
  generate: () => KeyPair;
  issue: (publicKey: KeyObject, issuer: Issuer) => Promise<X509Certificate>;
}

/**
 * Generates a complete key set (root, both authorities' ES256 keys, both RSA document-signing
 * keys, the session key, both transparency-log keys) into `dir`, creating it. Refuses to overwrite any existing key file.
 * Returns the names of the files written.
 */
export async function generateDevKeySet(
  dir: string,
  options: GenerateOptions = {},
): Promise<string[]> {
  const existing = expectedKeyFiles().filter((file) => existsSync(join(dir, file)));
  if (existing.length > 0) {
    throw new KeyMaterialError(
      join(dir, existing[0]),
      'already exists; key material is never overwritten',
    );
  }
  return completeDevKeySet(dir, options);
}

/**
 * Generates whatever is missing from `dir` (all of it when the directory is empty or absent),
 * issuing new certificates under the existing root. Returns the names of the files written,
 * empty when the set was already complete. Development start-up only.
 */
export async function completeDevKeySet(
  dir: string,
  options: GenerateOptions = {},
): Promise<string[]> {
  const certificateOptions = { dev: options.dev ?? true, now: options.now };
  const missing = expectedKeyFiles().filter((file) => !existsSync(join(dir, file)));
  if (missing.length === 0) {
    return [];
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const written: string[] = [];
  const issuer = await obtainRoot(dir, missing, certificateOptions, written);

  const pairs: KeyPairFiles[] = AUTHORITY_IDS.flatMap((authority: AuthorityId) => [
    {
      ...authorityKeyFiles(authority),
      generate: generateP256KeyPair,
      issue: (publicKey: KeyObject, root: Issuer) =>
        issueAuthorityCertificate(authority, publicKey, root, certificateOptions),
    },
    {
      ...documentSigningFiles(authority),
      generate: generateRsaKeyPair,
      issue: (publicKey: KeyObject, root: Issuer) =>
        issueDocumentSigningCertificate(authority, publicKey, root, certificateOptions),
    },
  ]);
  for (const pair of pairs) {
    await completePair(dir, pair, issuer, written);
  }
  if (!existsSync(join(dir, SESSION_KEY_FILE))) {
    writeKey(dir, SESSION_KEY_FILE, generateP256KeyPair().privateKey, written);
  }
  for (const authority of AUTHORITY_IDS) {
    // The checkpoint keys need no certificate: verifiers pin them as note verifier keys.
    if (!existsSync(join(dir, logKeyFile(authority))))
      writeKey(dir, logKeyFile(authority), generateP256KeyPair().privateKey, written);
  }
  if (certificateOptions.dev) {
    writeFileAtomically(join(dir, DEV_MARKER_FILE), DEV_MARKER_TEXT, PUBLIC_FILE_MODE);
    written.push(DEV_MARKER_FILE);
  }
  return written;
}

/** How long before a development certificate expires it is renewed at start. */
const DEV_RENEWAL_MARGIN_DAYS = 30;

/**
 * Renews the certificates of a development set that have expired or expire within 30 days, so
 * `npm start` keeps working on a machine years after its keys were made (they are issued for
 * three years; the root for twenty). An authority's signing key is rotated as `keys:rotate`
 * does: the old certificate stays published under `retired/`, so certificates it signed still
 * verify. A document-signing key gets a new certificate for the same key: each signed PDF
 * carries its own. Nothing is touched in a set without the development marker, or when the
 * root's key is absent or the root itself has expired. Returns what was renewed.
 */
export async function renewExpiringDevCertificates(dir: string, now: Date): Promise<string[]> {
  const rootKeyPath = join(dir, ROOT_KEY_FILE);
  if (!existsSync(join(dir, DEV_MARKER_FILE)) || !existsSync(rootKeyPath)) return [];
  const root = readCertificate(join(dir, ROOT_CERT_FILE)).certificate;
  const renewBy = new Date(now.getTime() + DEV_RENEWAL_MARGIN_DAYS * 86_400_000);
  if (!isDevelopmentCertificate(root) || root.notAfter < renewBy) return [];
  const issuer: Issuer = { certificate: root, privateKey: readPrivateKey(rootKeyPath) };
  const expiring = (file: string) => readCertificate(join(dir, file)).certificate.notAfter < renewBy;
  const renewed: string[] = [];
  for (const authority of AUTHORITY_IDS) {
    const signing = authorityKeyFiles(authority);
    if (expiring(signing.cert)) {
      await rotateAuthorityKey(dir, authority, { now });
      renewed.push(signing.cert);
    }
    const documents = documentSigningFiles(authority);
    if (expiring(documents.cert)) {
      const publicKey = createPublicKey(readPrivateKey(join(dir, documents.key)));
      const certificate = await issueDocumentSigningCertificate(authority, publicKey, issuer, { dev: true, now });
      writeCertificate(dir, documents.cert, certificate, renewed);
    }
  }
  return renewed;
}

const DEV_MARKER_TEXT = `These keys were generated automatically for development and testing.
Their certificates say "DEVELOPMENT ONLY". The service refuses to start in production while this
file, or any certificate marked for development, is present.
`;

/** Every file of a complete set, root first; retired certificates are optional. */
function expectedKeyFiles(): string[] {
  return [
    ROOT_CERT_FILE,
    ROOT_KEY_FILE,
    ...AUTHORITY_IDS.flatMap((authority) => {
      const signing = authorityKeyFiles(authority);
      const documents = documentSigningFiles(authority);
      return [signing.key, signing.cert, documents.key, documents.cert];
    }),
    SESSION_KEY_FILE,
    ...AUTHORITY_IDS.map(logKeyFile),
  ];
}

async function obtainRoot(
  dir: string,
  missing: string[],
  options: { dev: boolean; now?: Date },
  written: string[],
): Promise<Issuer | undefined> {
  const hasCert = !missing.includes(ROOT_CERT_FILE);
  const hasKey = !missing.includes(ROOT_KEY_FILE);
  if (!hasCert && !hasKey) {
    const others = expectedKeyFiles().filter((file) => !missing.includes(file));
    if (others.length > 0) {
      // Certificates issued by a root that no longer exists would never verify: refuse to guess.
      throw new KeyMaterialError(
        join(dir, ROOT_CERT_FILE),
        `missing while ${others.join(', ')} exist; restore the root or empty the directory`,
      );
    }
    const keys = generateP256KeyPair();
    writeKey(dir, ROOT_KEY_FILE, keys.privateKey, written);
    const certificate = await createRootCertificate(keys, options);
    writeCertificate(dir, ROOT_CERT_FILE, certificate, written);
    return { certificate, privateKey: keys.privateKey };
  }
  if (!hasCert) {
    throw new KeyMaterialError(join(dir, ROOT_CERT_FILE), `missing while ${ROOT_KEY_FILE} exists`);
  }
  if (!hasKey) {
    // Only fatal if something needs issuing; the session key alone needs no root.
    return undefined;
  }
  const { certificate } = readCertificate(join(dir, ROOT_CERT_FILE));
  const privateKey = readPrivateKey(join(dir, ROOT_KEY_FILE));
  if (!certificatePublicKey(certificate).equals(createPublicKey(privateKey))) {
    throw new KeyMaterialError(join(dir, ROOT_KEY_FILE), `does not match ${ROOT_CERT_FILE}`);
  }
  return { certificate, privateKey };
}

async function completePair(
  dir: string,
  pair: KeyPairFiles,
  issuer: Issuer | undefined,
  written: string[],
): Promise<void> {
  const hasKey = existsSync(join(dir, pair.key));
  const hasCert = existsSync(join(dir, pair.cert));
  if (hasKey && hasCert) {
    return;
  }
  if (hasCert) {
    throw new KeyMaterialError(
      join(dir, pair.key),
      `missing while ${pair.cert} exists; delete ${pair.cert} to generate a new pair`,
    );
  }
  if (!issuer) {
    throw new KeyMaterialError(join(dir, ROOT_KEY_FILE), `missing; needed to issue ${pair.cert}`);
  }
  let privateKey: KeyObject;
  if (hasKey) {
    privateKey = readPrivateKey(join(dir, pair.key));
  } else {
    privateKey = pair.generate().privateKey;
    writeKey(dir, pair.key, privateKey, written);
  }
  const certificate = await pair.issue(createPublicKey(privateKey), issuer);
  writeCertificate(dir, pair.cert, certificate, written);
}

function writeKey(dir: string, file: string, key: KeyObject, written: string[]): void {
  writeFileAtomically(join(dir, file), privateKeyPem(key), PRIVATE_FILE_MODE);
  written.push(file);
}

function writeCertificate(
  dir: string,
  file: string,
  certificate: X509Certificate,
  written: string[],
): void {
  writeFileAtomically(join(dir, file), certificatePem(certificate), PUBLIC_FILE_MODE);
  written.push(file);
}
