import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AuthorityId } from '../keys/authority';
import type { Level, Specialty } from '../common/qualifications';
import type { CaseState } from './decision-case.entity';

/**
 * A joint decision that bars an applicant who holds no certificate, for misconduct found during
 * a round (docs/rules.md 四.四.3): proposed by an officer of one authority, confirmed or rejected
 * by an officer of the other. Once CONFIRMED it is the ban itself (from/until, inclusive). The
 * applicant, the employer and the round are copied from the application: the published notice
 * names them as decided.
 */
@Entity({ name: 'applicant_bans' })
export class ApplicantBanEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'round_id', type: 'integer' })
  roundId!: number;

  @Column({ name: 'application_id', type: 'integer' })
  applicationId!: number;

  @Column({ name: 'evaluation_year', type: 'integer' })
  evaluationYear!: number;

  @Column({ type: 'varchar', length: 16 })
  level!: Level;

  @Column({ type: 'varchar', length: 32 })
  specialty!: Specialty;

  @Column({ type: 'varchar', length: 40 })
  name!: string;

  @Column({ name: 'id_number', type: 'varchar', length: 18 })
  idNumber!: string;

  @Column({ type: 'varchar', length: 100 })
  employer!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: CaseState;

  @Column({ name: 'reason_category', type: 'varchar', length: 40 })
  reasonCategory!: string;

  /** The facts found: shown to officers, not published. */
  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'decision_document', type: 'varchar', length: 64 })
  decisionDocument!: string;

  @Column({ name: 'decision_date', type: 'varchar', length: 10 })
  decisionDate!: string;

  @Column({ name: 'from_date', type: 'varchar', length: 10 })
  fromDate!: string;

  @Column({ name: 'until_date', type: 'varchar', length: 10 })
  untilDate!: string;

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
