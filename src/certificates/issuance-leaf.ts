import type { LeafFacts } from '../transparency/log-leaf';
import { credentialDigest } from '../transparency/subject-digest';
import { issuedOn, type CertificateEntity } from './certificate.entity';

/**
 * What the transparency-log leaf of an issuance says: the certificate's public number, date and
 * document, and the digest of its signed credential. The leaf anchors the audit entry that
 * records the act (issued, or logged later by the backfill): ActWriter adds it.
 */
export function issuanceLeaf(
  certificate: Pick<CertificateEntity, 'certificateNo' | 'issuedAt' | 'approvalDocument' | 'credential'>,
): LeafFacts {
  return {
    kind: 'issuance',
    certificateNo: certificate.certificateNo,
    date: issuedOn(certificate),
    document: certificate.approvalDocument,
    subjectSha256: credentialDigest(certificate.credential),
  };
}
