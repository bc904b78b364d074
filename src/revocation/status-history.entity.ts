import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CertificateStatus } from '../certificates/certificate.entity';

/** Append-only: each status a certificate took, from which date, by which decision. */
@Entity({ name: 'certificate_status_history' })
export class StatusHistoryEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'certificate_no', type: 'varchar', length: 16 })
  certificateNo!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: CertificateStatus;

  @Column({ name: 'effective_date', type: 'varchar', length: 10 })
  effectiveDate!: string;

  @Column({ name: 'case_id', type: 'integer' })
  caseId!: number;

  @Column({ name: 'recorded_at', type: 'varchar', length: 24 })
  recordedAt!: string;
}
