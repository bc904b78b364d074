import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { chinaDate } from '../common/china-dates';
import type { Level, Specialty } from '../common/qualifications';

export type CertificateStatus = 'VALID' | 'REVOKED';

/**
 * One issued certificate. Instants are stored as ISO-8601 UTC text and dates as YYYY-MM-DD
 * text: the same migration then runs on SQLite and PostgreSQL, and no driver shifts a date
 * across time zones.
 */
@Entity({ name: 'certificates' })
@Index('uq_certificates_holder_level_year', ['idNumber', 'level', 'evaluationYear'], { unique: true })
export class CertificateEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'certificate_no', type: 'varchar', length: 16, unique: true })
  certificateNo!: string;

  @Column({ name: 'holder_name', type: 'varchar', length: 40 })
  holderName!: string;

  @Column({ type: 'varchar', length: 1 })
  gender!: '男' | '女';

  /** The full ID number: office-only, never in a credential or a public response. */
  @Column({ name: 'id_number', type: 'varchar', length: 18 })
  idNumber!: string;

  /** Salt of the credential's ID hash binding (base64url); kept here so it stays secret. */
  @Column({ name: 'id_hash_salt', type: 'varchar', length: 32 })
  idHashSalt!: string;

  @Column({ type: 'varchar', length: 100 })
  employer!: string;

  @Column({ type: 'varchar', length: 16 })
  level!: Level;

  @Column({ type: 'varchar', length: 32 })
  specialty!: Specialty;

  @Column({ name: 'evaluation_year', type: 'integer' })
  evaluationYear!: number;

  @Column({ name: 'passed_on', type: 'varchar', length: 10 })
  passedOn!: string;

  @Column({ name: 'approval_document', type: 'varchar', length: 64 })
  approvalDocument!: string;

  @Column({ name: 'issued_at', type: 'varchar', length: 24 })
  issuedAt!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: CertificateStatus;

  /** The General JWS exactly as issued (JSON text). */
  @Column({ type: 'text' })
  credential!: string;

  /** Position in the status list (docs/status-list.md), drawn at random at issuance. */
  @Column({ name: 'status_index', type: 'integer', nullable: true })
  statusIndex!: number | null;

  /** The QR token exactly as issued (docs/qr-token.md). */
  @Column({ name: 'qr_token', type: 'text' })
  qrToken!: string;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt!: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 24 })
  updatedAt!: string;
}

/**
 * The certificate's date of issue (发证日期), YYYY-MM-DD: the day of its issuance instant in China.
 * Its UTC date is a day earlier for anything issued from 00:00 to 08:00 China time.
 */
export function issuedOn(certificate: Pick<CertificateEntity, 'issuedAt'>): string {
  return chinaDate(certificate.issuedAt);
}
