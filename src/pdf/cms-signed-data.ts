import {
  Attribute,
  CertificateChoices,
  CertificateSet,
  ContentInfo,
  DigestAlgorithmIdentifiers,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  SignedData,
  SignerIdentifier,
  SignerInfo,
  SignerInfos,
  id_data,
  id_signedData,
} from '@peculiar/asn1-cms';
import { ContentType, MessageDigest, id_pkcs9_at_contentType, id_pkcs9_at_messageDigest } from '@peculiar/asn1-pkcs9';
import { id_sha256, id_sha256WithRSAEncryption } from '@peculiar/asn1-rsa';
import { AsnArray, AsnConvert, AsnType, AsnTypeTypes, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, Certificate } from '@peculiar/asn1-x509';
import { createHash, sign, type KeyObject } from 'node:crypto';

/** SignedAttributes ::= SET SIZE (1..MAX) OF Attribute — the form the signature covers. */
@AsnType({ type: AsnTypeTypes.Set, itemType: Attribute })
class AttributeSet extends AsnArray<Attribute> {}

// From the OIDs: asn1-rsa 2.11.1 exports `sha256WithRSAEncryption` with the SHA-512/256 OID.
const sha256 = new AlgorithmIdentifier({ algorithm: id_sha256 });
const sha256WithRSAEncryption = new AlgorithmIdentifier({ algorithm: id_sha256WithRSAEncryption, parameters: null });

export interface CmsSigningKey {
  privateKey: KeyObject;
  /** [signer certificate, …issuers], PEM; all go into the CMS so a reader can build the chain. */
  chainPem: string[];
}

function pemToDer(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, ''), 'base64');
}

const der = (value: object): Buffer => Buffer.from(AsnConvert.serialize(value));

interface ParsedChain {
  signer: Certificate;
  certificates: CertificateSet;
}

const parsedChains = new Map<string, ParsedChain>();

/** Parsing two certificates with asn1-schema costs ~4 ms, ten RSA signatures' worth: once per chain. */
function parsedChain(chainPem: string[]): ParsedChain {
  const key = chainPem.join('\n');
  let chain = parsedChains.get(key);
  if (!chain) {
    const certificates = chainPem.map((pem) => AsnConvert.parse(pemToDer(pem), Certificate));
    chain = {
      signer: certificates[0],
      certificates: new CertificateSet(certificates.map((certificate) => new CertificateChoices({ certificate }))),
    };
    parsedChains.set(key, chain);
  }
  return chain;
}

/**
 * DER sorts a SET OF by the encodings of its members (X.690 §11.6); readers such as NSS
 * re-encode the attributes before checking the signature, so the order must already be DER.
 */
function derSorted(attributes: Attribute[]): Attribute[] {
  return attributes
    .map((attribute) => ({ attribute, der: der(attribute) }))
    .sort((a, b) => Buffer.compare(a.der, b.der))
    .map(({ attribute }) => attribute);
}

function signedAttributes(content: Buffer): Attribute[] {
  const digest = createHash('sha256').update(content).digest();
  return derSorted([
    new Attribute({ attrType: id_pkcs9_at_contentType, attrValues: [AsnConvert.serialize(new ContentType(id_data))] }),
    new Attribute({
      attrType: id_pkcs9_at_messageDigest,
      attrValues: [AsnConvert.serialize(new MessageDigest(digest))],
    }),
  ]);
}

/**
 * A detached CMS SignedData (RFC 5652 §5) over `content`, as `adbe.pkcs7.detached` PDF
 * signatures carry: SHA-256, signed attributes (content type, message digest), the chain
 * embedded. The structure is built by @peculiar/asn1-cms; the RSA operation runs in
 * node:crypto (OpenSSL), not in JavaScript. No signing-time attribute: the PDF's /M holds the
 * time, and leaving it out keeps the bytes reproducible.
 */
export function detachedSignedData(content: Buffer, key: CmsSigningKey): Buffer {
  const chain = parsedChain(key.chainPem);
  const attributes = signedAttributes(content);
  // RFC 5652 §5.4: the signature covers the DER of the attributes with an EXPLICIT SET OF tag.
  const toBeSigned = der(new AttributeSet(attributes));
  const { issuer, serialNumber } = chain.signer.tbsCertificate;
  const signerInfo = new SignerInfo({
    version: 1,
    sid: new SignerIdentifier({ issuerAndSerialNumber: new IssuerAndSerialNumber({ issuer, serialNumber }) }),
    digestAlgorithm: sha256,
    signedAttrs: attributes,
    signatureAlgorithm: sha256WithRSAEncryption,
    signature: new OctetString(sign('sha256', toBeSigned, key.privateKey)),
  });
  // RFC 5652 §5.1: version 1 (issuerAndSerialNumber, id-data), no eContent (detached).
  const signedData = new SignedData({
    version: 1,
    digestAlgorithms: new DigestAlgorithmIdentifiers([sha256]),
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: id_data }),
    certificates: chain.certificates,
    signerInfos: new SignerInfos([signerInfo]),
  });
  return der(new ContentInfo({ contentType: id_signedData, content: AsnConvert.serialize(signedData) }));
}
