import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A bar on applying (docs/rules.md 四.四.3): inclusive dates; lifted by a reinstatement. */
@Entity({ name: 'bans' })
export class BanEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'id_number', type: 'varchar', length: 18 })
  idNumber!: string;

  @Column({ name: 'from_date', type: 'varchar', length: 10 })
  fromDate!: string;

  @Column({ name: 'until_date', type: 'varchar', length: 10 })
  untilDate!: string;

  @Column({ name: 'decision_document', type: 'varchar', length: 64 })
  decisionDocument!: string;

  @Column({ name: 'case_id', type: 'integer' })
  caseId!: number;

  @Column({ name: 'lifted_by_case_id', type: 'integer', nullable: true })
  liftedByCaseId!: number | null;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt!: string;
}
