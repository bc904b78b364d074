import type { CertificateEntity } from './certificate.entity';

/** The columns an issuance writes (all but the generated id), in the order of `certificateRow`. */
export const CERTIFICATE_INSERT_TARGET =
  'certificates (certificate_no, holder_name, gender, id_number, id_hash_salt, employer, level, specialty, ' +
  'evaluation_year, passed_on, approval_document, issued_at, status, credential, status_index, qr_token, created_at, updated_at)';

/** A record's values for CERTIFICATE_INSERT_TARGET: issuance's bound parameters, no query builder. */
export function certificateRow(c: CertificateEntity): unknown[] {
  return [
    c.certificateNo,
    c.holderName,
    c.gender,
    c.idNumber,
    c.idHashSalt,
    c.employer,
    c.level,
    c.specialty,
    c.evaluationYear,
    c.passedOn,
    c.approvalDocument,
    c.issuedAt,
    c.status,
    c.credential,
    c.statusIndex,
    c.qrToken,
    c.createdAt,
    c.updatedAt,
  ];
}
