// tsyringe, used inside @peculiar/x509, needs the Reflect API even when Nest is not loaded (CLI).
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import {
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  webcrypto,
  type KeyObject,
} from 'node:crypto';
import { AUTHORITY_NAMES, type AuthorityId } from './authority';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

/** Subject OU marking a development certificate; production refuses any certificate with it. */
export const DEV_ORGANIZATIONAL_UNIT = 'DEVELOPMENT ONLY';
/** Suffix of a development certificate's CN, so that a human reading a chain cannot miss it. */
export const DEV_COMMON_NAME_SUFFIX = '（开发测试用）';
/** id-kp-documentSigning (RFC 9336), alongside emailProtection which older PDF readers expect. */
const DOCUMENT_SIGNING_EKU = '1.3.6.1.5.5.7.3.36';

const DAY_MS = 24 * 60 * 60 * 1000;
const VALIDITY_DAYS = { root: 20 * 365, authority: 3 * 365, documentSigning: 3 * 365 };
/** notBefore is backdated so that a verifier whose clock lags does not reject a new certificate. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** The root's certificate and private key, which sign every other certificate. */
export interface Issuer {
  certificate: x509.X509Certificate;
  privateKey: KeyObject;
}

export interface CertificateOptions {
  /** Adds the development markers (OU, CN suffix); false only for tests and key-ceremony tools. */
  dev: boolean;
  now?: Date;
}

/** A fresh P-256 key pair, for ES256 signing (authorities, session) and for the root. */
export function generateP256KeyPair(): KeyPair {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' });
}

/** A fresh RSA 2048 key pair for PDF document signing, which PDF readers support most widely. */
export function generateRsaKeyPair(): KeyPair {
  return generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
}

/** PKCS#8 PEM of a private key, the format of every `*.key.pem` file. */
export function privateKeyPem(key: KeyObject): string {
  return key.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** PEM of a certificate, with exactly one trailing newline. */
export function certificatePem(certificate: x509.X509Certificate): string {
  return `${certificate.toString('pem').trim()}\n`;
}

/** Creates the self-signed provincial root CA certificate (CA:true, keyCertSign + cRLSign). */
export async function createRootCertificate(
  keys: KeyPair,
  options: CertificateOptions,
): Promise<x509.X509Certificate> {
  const name = subjectName('浙江省职称电子证书', '浙江省职称电子证书根证书', options.dev);
  return issue({
    subject: name,
    issuerName: name,
    publicKey: keys.publicKey,
    signingKey: keys.privateKey,
    notAfterCap: undefined,
    validityDays: VALIDITY_DAYS.root,
    now: options.now,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
    ],
  });
}

/** Issues an authority's ES256 signing certificate under the root (digitalSignature only). */
export async function issueAuthorityCertificate(
  authority: AuthorityId,
  publicKey: KeyObject,
  issuer: Issuer,
  options: CertificateOptions,
): Promise<x509.X509Certificate> {
  const organization = AUTHORITY_NAMES[authority].zh;
  return issueLeaf(issuer, publicKey, options, {
    subject: subjectName(organization, `${organization}职称电子证书签名`, options.dev),
    validityDays: VALIDITY_DAYS.authority,
    extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)],
  });
}

/** Issues an authority's RSA document-signing (PDF) certificate under the root. */
export async function issueDocumentSigningCertificate(
  authority: AuthorityId,
  publicKey: KeyObject,
  issuer: Issuer,
  options: CertificateOptions,
): Promise<x509.X509Certificate> {
  const organization = AUTHORITY_NAMES[authority].zh;
  const usage = x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation;
  return issueLeaf(issuer, publicKey, options, {
    subject: subjectName(organization, `${organization}电子文档签名`, options.dev),
    validityDays: VALIDITY_DAYS.documentSigning,
    extensions: [
      new x509.KeyUsagesExtension(usage, true),
      new x509.ExtendedKeyUsageExtension([
        x509.ExtendedKeyUsage.emailProtection,
        DOCUMENT_SIGNING_EKU,
      ]),
    ],
  });
}

/** Parses a PEM (or DER) certificate; throws a plain Error the caller wraps with the file name. */
export function parseCertificate(encoded: string | Uint8Array): x509.X509Certificate {
  return new x509.X509Certificate(encoded);
}

/** The certificate's subject public key as a node KeyObject. */
export function certificatePublicKey(certificate: x509.X509Certificate): KeyObject {
  return createPublicKey({
    key: Buffer.from(certificate.publicKey.rawData),
    format: 'der',
    type: 'spki',
  });
}

/** True when the certificate carries the development OU marker. */
export function isDevelopmentCertificate(certificate: x509.X509Certificate): boolean {
  return certificate.subjectName.getField('OU').includes(DEV_ORGANIZATIONAL_UNIT);
}

/** True when the certificate may issue others (basicConstraints CA:true). */
export function isCaCertificate(certificate: x509.X509Certificate): boolean {
  return certificate.getExtension(x509.BasicConstraintsExtension)?.ca === true;
}

/** True when `certificate`'s signature verifies under `issuer`'s public key. */
export async function isSignedBy(
  certificate: x509.X509Certificate,
  issuer: x509.X509Certificate,
): Promise<boolean> {
  try {
    return await certificate.verify({ publicKey: issuer.publicKey, signatureOnly: true });
  } catch {
    return false;
  }
}

function subjectName(organization: string, commonName: string, dev: boolean): x509.JsonName {
  return [
    { C: ['CN'] },
    { ST: ['浙江省'] },
    { O: [organization] },
    ...(dev ? [{ OU: [DEV_ORGANIZATIONAL_UNIT] }] : []),
    { CN: [dev ? `${commonName}${DEV_COMMON_NAME_SUFFIX}` : commonName] },
  ];
}

interface LeafProfile {
  subject: x509.JsonName;
  validityDays: number;
  extensions: x509.Extension[];
}

async function issueLeaf(
  issuer: Issuer,
  publicKey: KeyObject,
  options: CertificateOptions,
  profile: LeafProfile,
): Promise<x509.X509Certificate> {
  return issue({
    subject: profile.subject,
    issuerName: issuer.certificate.subjectName,
    publicKey,
    signingKey: issuer.privateKey,
    // RFC 5280 path validation fails once the root expires, so a leaf never outlives it.
    notAfterCap: issuer.certificate.notAfter,
    validityDays: profile.validityDays,
    now: options.now,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      await x509.AuthorityKeyIdentifierExtension.create(issuer.certificate.publicKey),
      ...profile.extensions,
    ],
  });
}

interface IssueParams {
  subject: x509.JsonName;
  issuerName: x509.JsonName | x509.Name;
  publicKey: KeyObject;
  signingKey: KeyObject;
  notAfterCap: Date | undefined;
  validityDays: number;
  now: Date | undefined;
  extensions: x509.Extension[];
}

async function issue(params: IssueParams): Promise<x509.X509Certificate> {
  const now = params.now ?? new Date();
  const notAfter = new Date(now.getTime() + params.validityDays * DAY_MS);
  const subjectPublicKey = new x509.PublicKey(
    params.publicKey.export({ type: 'spki', format: 'der' }),
  );
  return x509.X509CertificateGenerator.create({
    // RFC 5280 §4.1.2.2: positive, at most 20 octets; 128 random bits make it unpredictable.
    serialNumber: randomBytes(16).toString('hex'),
    subject: params.subject,
    issuer: params.issuerName,
    notBefore: new Date(now.getTime() - CLOCK_SKEW_MS),
    notAfter: params.notAfterCap && params.notAfterCap < notAfter ? params.notAfterCap : notAfter,
    publicKey: subjectPublicKey,
    signingKey: await importP256SigningKey(params.signingKey),
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    extensions: [
      ...params.extensions,
      await x509.SubjectKeyIdentifierExtension.create(subjectPublicKey),
    ],
  });
}

async function importP256SigningKey(key: KeyObject): Promise<CryptoKey> {
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error('the root key must be a P-256 key');
  }
  const der = key.export({ type: 'pkcs8', format: 'der' });
  return webcrypto.subtle.importKey('pkcs8', der, { name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
  ]);
}
