import type { X509Certificate } from '@peculiar/x509';
import { createPrivateKey, randomBytes, type KeyObject } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { AuthorityId } from './authority';
import { parseCertificate } from './certificate-authority';

/**
 * The layout of `KEYS_DIR`. Other modules (the CLI, deployment scripts) rely on these names,
 * so they are only ever built here.
 */
export const ROOT_CERT_FILE = 'root.crt.pem';
export const ROOT_KEY_FILE = 'root.key.pem';
export const SESSION_KEY_FILE = 'session.key.pem';
export const RETIRED_DIR = 'retired';
export const DEV_MARKER_FILE = 'DEV-KEYS-DO-NOT-USE-IN-PRODUCTION.txt';

/** File names of an authority's current ES256 signing key and its certificate. */
export function authorityKeyFiles(authority: AuthorityId): { key: string; cert: string } {
  return { key: `${authority}.key.pem`, cert: `${authority}.crt.pem` };
}

/** File name of an authority's ECDSA P-256 key that co-signs the transparency log's checkpoints. */
export function logKeyFile(authority: AuthorityId): string {
  return `${authority}-log.key.pem`;
}

/** File names of an authority's RSA document-signing (PDF) key and its certificate. */
export function documentSigningFiles(authority: AuthorityId): { key: string; cert: string } {
  return { key: `${authority}-docsign.key.pem`, cert: `${authority}-docsign.crt.pem` };
}

/** Path, relative to `KEYS_DIR`, of the published certificate of a retired authority key. */
export function retiredCertificateFile(authority: AuthorityId, kid: string): string {
  return join(RETIRED_DIR, `${authority}-${kid}.crt.pem`);
}

/** Parses a retired certificate's file name back into its authority and kid, or null. */
export function parseRetiredCertificateFile(
  name: string,
): { authority: string; kid: string } | null {
  // A base64url kid may contain '-', an authority id never does: the first '-' separates them.
  const match = /^([a-z]+)-([A-Za-z0-9_-]+)\.crt\.pem$/.exec(name);
  return match ? { authority: match[1], kid: match[2] } : null;
}

/** Thrown when key material is missing, unreadable or unacceptable; names the offending file. */
export class KeyMaterialError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'KeyMaterialError';
  }
}

/** Reads a file as UTF-8, turning any I/O failure into a KeyMaterialError naming the file. */
export function readKeyFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new KeyMaterialError(
      path,
      code === 'ENOENT' ? 'missing' : `unreadable (${code ?? String(error)})`,
    );
  }
}

/** Reads an unencrypted PKCS#8 PEM private key, the only format the key layout allows. */
export function readPrivateKey(path: string): KeyObject {
  const pem = readKeyFile(path);
  if (!pem.includes('-----BEGIN PRIVATE KEY-----')) {
    throw new KeyMaterialError(path, 'not an unencrypted PKCS#8 PEM private key');
  }
  try {
    return createPrivateKey(pem);
  } catch (error) {
    throw new KeyMaterialError(path, `unparseable private key (${(error as Error).message})`);
  }
}

/** Reads a PEM X.509 certificate. */
export function readCertificate(path: string): { certificate: X509Certificate; pem: string } {
  const pem = readKeyFile(path);
  try {
    return { certificate: parseCertificate(pem), pem };
  } catch (error) {
    throw new KeyMaterialError(path, `unparseable certificate (${(error as Error).message})`);
  }
}

/** Private keys are readable by the service user only. */
export const PRIVATE_FILE_MODE = 0o600;
export const PUBLIC_FILE_MODE = 0o644;

/**
 * Writes a file so that readers see either the old or the new content, never a partial one:
 * the data goes to a temporary file in the same directory (same filesystem), is fsynced, and is
 * then renamed over the target.
 */
export function writeFileAtomically(path: string, content: string, mode: number): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temporary, 'wx', mode);
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
