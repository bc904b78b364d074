import type { X509Certificate } from '@peculiar/x509';
import type { KeyObject } from 'node:crypto';
import { AUTHORITY_IDS, type AuthorityId } from './authority';
import { certificatePublicKey } from './certificate-authority';
import { p256PublicJwk, type EcPublicJwk } from './jwk-thumbprint';

/** A published authority key: public members only, with its certificate chain (RFC 7517 §4.7). */
export interface PublishedJwk extends EcPublicJwk {
  kid: string;
  alg: 'ES256';
  use: 'sig';
  /** [authority certificate, root certificate], standard base64 DER. */
  x5c: string[];
}

export interface PublishedKey {
  authority: AuthorityId;
  kid: string;
  /** False for a retired key, still published so certificates it signed keep verifying. */
  current: boolean;
  jwk: PublishedJwk;
}

/** The body of `GET /.well-known/jwks.json`. */
export interface Jwks {
  keys: Array<PublishedJwk & { authority: AuthorityId }>;
}

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  alg: 'ES256';
}

export interface DocumentSigner {
  privateKey: KeyObject;
  certificatePem: string;
  /** [document-signing certificate, root certificate], PEM. */
  chainPem: string[];
}

export interface SessionKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface AuthorityCertificate {
  authority: AuthorityId;
  kid: string;
  certificate: X509Certificate;
}

/** Everything `loadKeyStore` has read and checked; the KeyStore only serves it. */
export interface KeyStoreContents {
  root: { certificate: X509Certificate; pem: string };
  current: Record<AuthorityId, AuthorityCertificate & { privateKey: KeyObject }>;
  retired: AuthorityCertificate[];
  documentSigners: Record<AuthorityId, { privateKey: KeyObject; certificatePem: string }>;
  session: SessionKey;
  /** Each authority's P-256 key co-signing the transparency log's checkpoints. */
  logKeys: Record<AuthorityId, { privateKey: KeyObject; publicKey: KeyObject }>;
  /** True when the set carries development markers (allowed outside production only). */
  development: boolean;
}

/**
 * The key material of both authorities and of the server, loaded and checked once at start
 * (see `loadKeyStore`). Injected by class; provided by KeysModule.
 */
export class KeyStore {
  private readonly published: readonly PublishedKey[];

  constructor(private readonly contents: KeyStoreContents) {
    this.published = AUTHORITY_IDS.flatMap((authority) => [
      publish(contents.current[authority], true, contents.root.certificate),
      ...contents.retired
        .filter((key) => key.authority === authority)
        .sort((a, b) => b.certificate.notBefore.getTime() - a.certificate.notBefore.getTime())
        .map((key) => publish(key, false, contents.root.certificate)),
    ]);
  }

  /** The authority's current ES256 signing key and its kid (RFC 7638 thumbprint). */
  signingKey(authority: AuthorityId): SigningKey {
    const key = this.contents.current[authority];
    if (!key) {
      throw new Error(`unknown authority ${String(authority)}`);
    }
    return { kid: key.kid, privateKey: key.privateKey, alg: 'ES256' };
  }

  /** Current and retired public keys of both authorities, current first; never a private member. */
  publishedKeys(): PublishedKey[] {
    return structuredClone([...this.published]);
  }

  /** The JWK Set served at `/.well-known/jwks.json`; each key also names its authority. */
  jwks(): Jwks {
    return { keys: this.publishedKeys().map(({ authority, jwk }) => ({ ...jwk, authority })) };
  }

  /** The authority's RSA key and certificate chain for PDF signatures. */
  documentSigner(authority: AuthorityId): DocumentSigner {
    const signer = this.contents.documentSigners[authority];
    if (!signer) {
      throw new Error(`unknown authority ${String(authority)}`);
    }
    return {
      privateKey: signer.privateKey,
      certificatePem: signer.certificatePem,
      chainPem: [signer.certificatePem, this.contents.root.pem],
    };
  }

  /** The server's own P-256 key for officer access tokens; never an authority key. */
  sessionKey(): SessionKey {
    return { ...this.contents.session };
  }

  /** The authority's key that co-signs transparency-log checkpoints (never its credential key). */
  logKey(authority: AuthorityId): { authority: AuthorityId; privateKey: KeyObject; publicKey: KeyObject } {
    const key = this.contents.logKeys[authority];
    if (!key) {
      throw new Error(`unknown authority ${String(authority)}`);
    }
    return { authority, ...key };
  }

  /** The provincial root CA certificate, PEM. */
  rootCertificatePem(): string {
    return this.contents.root.pem;
  }

  /** True when development keys are loaded (never in production: loading refuses them). */
  usesDevelopmentKeys(): boolean {
    return this.contents.development;
  }
}

function publish(key: AuthorityCertificate, current: boolean, root: X509Certificate): PublishedKey {
  const jwk: PublishedJwk = {
    ...p256PublicJwk(certificatePublicKey(key.certificate)),
    kid: key.kid,
    alg: 'ES256',
    use: 'sig',
    x5c: [derBase64(key.certificate), derBase64(root)],
  };
  return { authority: key.authority, kid: key.kid, current, jwk };
}

/** RFC 7517 §4.7: x5c values are standard base64 (not base64url) of the DER certificate. */
function derBase64(certificate: X509Certificate): string {
  return Buffer.from(certificate.rawData).toString('base64');
}
