import type { AuditEntryEntity } from '../audit/audit-entry.entity';
import { chinaDate } from '../common/china-dates';
import type { LogLeaf } from '../transparency/log-leaf';
import { credentialDigest } from '../transparency/subject-digest';
import type { CertificateEntity } from './certificate.entity';

/**
 * The transparency-log leaf of an issuance: the certificate's public number, date and document,
 * the digest of its signed credential, and the audit entry that records the act (issued, or
 * logged later by the backfill).
 */
export function issuanceLeaf(
  certificate: Pick<CertificateEntity, 'certificateNo' | 'issuedAt' | 'approvalDocument' | 'credential'>,
  audit: Pick<AuditEntryEntity, 'seq' | 'hash'>,
): LogLeaf {
  return {
    kind: 'issuance',
    certificateNo: certificate.certificateNo,
    date: chinaDate(new Date(certificate.issuedAt)),
    document: certificate.approvalDocument,
    subjectSha256: credentialDigest(certificate.credential),
    auditSeq: audit.seq,
    auditHash: audit.hash,
  };
}
