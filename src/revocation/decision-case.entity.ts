import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AuthorityId } from '../keys/authority';

export type CaseKind = 'REVOCATION' | 'REINSTATEMENT';
export type CaseState = 'PROPOSED' | 'CONFIRMED' | 'REJECTED';

/**
 * A joint decision about one certificate: proposed by an officer of one authority and
 * confirmed or rejected by an officer of the other (four eyes, two authorities). Each state
 * change is also recorded in the audit log.
 */
@Entity({ name: 'decision_cases' })
export class DecisionCaseEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: CaseKind;

  @Column({ name: 'certificate_no', type: 'varchar', length: 16 })
  certificateNo!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: CaseState;

  @Column({ name: 'reason_category', type: 'varchar', length: 40, nullable: true })
  reasonCategory!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'decision_document', type: 'varchar', length: 64 })
  decisionDocument!: string;

  @Column({ name: 'decision_date', type: 'varchar', length: 10 })
  decisionDate!: string;

  @Column({ name: 'effective_date', type: 'varchar', length: 10 })
  effectiveDate!: string;

  @Column({ type: 'boolean', default: false })
  serious!: boolean;

  /** For a reinstatement: the revocation it reverses. */
  @Column({ name: 'reverses_case_id', type: 'integer', nullable: true })
  reversesCaseId!: number | null;

  @Column({ name: 'proposed_by', type: 'varchar', length: 64 })
  proposedBy!: string;

  @Column({ name: 'proposed_authority', type: 'varchar', length: 8 })
  proposedAuthority!: AuthorityId;

  @Column({ name: 'proposed_at', type: 'varchar', length: 24 })
  proposedAt!: string;

  @Column({ name: 'decided_by', type: 'varchar', length: 64, nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_authority', type: 'varchar', length: 8, nullable: true })
  decidedAuthority!: AuthorityId | null;

  @Column({ name: 'decided_at', type: 'varchar', length: 24, nullable: true })
  decidedAt!: string | null;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason!: string | null;
}
