import type { InsertTarget } from '../database/insert-rows';
import type { CertificateEntity } from './certificate.entity';

/** The columns an issuance writes (all but the generated id), in the order of `certificateRow`. */
export const CERTIFICATE_INSERT_TARGET: InsertTarget = {
  table: 'certificates',
  columns: [
    ['certificate_no', 'text'],
    ['holder_name', 'text'],
    ['gender', 'text'],
    ['id_number', 'text'],
    ['id_hash_salt', 'text'],
    ['employer', 'text'],
    ['level', 'text'],
    ['specialty', 'text'],
    ['evaluation_year', 'int'],
    ['passed_on', 'text'],
    ['approval_document', 'text'],
    ['issued_at', 'text'],
    ['status', 'text'],
    ['credential', 'text'],
    ['status_index', 'int'],
    ['qr_token', 'text'],
    ['created_at', 'text'],
    ['updated_at', 'text'],
  ],
};

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
