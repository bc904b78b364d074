import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Specialty } from '../common/qualifications';

/** An application to a round (四.三.1–3), as forwarded by the competent department. */
@Entity({ name: 'evaluation_applications' })
export class ApplicationEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'round_id', type: 'integer' })
  roundId!: number;

  @Column({ type: 'varchar', length: 40 })
  name!: string;

  @Column({ name: 'id_number', type: 'varchar', length: 18 })
  idNumber!: string;

  @Column({ type: 'varchar', length: 1 })
  gender!: '男' | '女';

  @Column({ type: 'varchar', length: 100 })
  employer!: string;

  @Column({ type: 'varchar', length: 32 })
  specialty!: Specialty;

  @Column({ type: 'varchar', length: 16 })
  channel!: string;

  @Column({ name: 'quantitative_score', type: 'varchar', length: 8, nullable: true })
  quantitativeScore!: string | null;

  @Column({ type: 'boolean' })
  pledge!: boolean;

  @Column({ name: 'publicity_start', type: 'varchar', length: 10 })
  publicityStart!: string;

  @Column({ name: 'publicity_end', type: 'varchar', length: 10 })
  publicityEnd!: string;

  @Column({ name: 'department_reviewed', type: 'boolean' })
  departmentReviewed!: boolean;

  @Column({ name: 'intermediate_recommended', type: 'boolean' })
  intermediateRecommended!: boolean;

  /** Set by the eligibility check (四.三.4); null before it. */
  @Column({ type: 'boolean', nullable: true })
  eligible!: boolean | null;

  @Column({ name: 'ineligible_reason', type: 'varchar', length: 300, nullable: true })
  ineligibleReason!: string | null;

  /** An objection to the result was upheld (四.三.6): no certificate. */
  @Column({ type: 'boolean', default: false })
  withheld!: boolean;

  @Column({ name: 'certificate_no', type: 'varchar', length: 16, nullable: true })
  certificateNo!: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt!: string;
}
