import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A member of a round's executive committee, as drawn (committee-draw.ts). */
@Entity({ name: 'evaluation_committee_members' })
export class CommitteeMemberEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'round_id', type: 'integer' })
  roundId!: number;

  /** Order in the draw's result: the chair first, then the vice-chairs, then the members. */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 40 })
  name!: string;

  @Column({ type: 'varchar', length: 100 })
  affiliation!: string;

  @Column({ type: 'varchar', length: 32 })
  specialty!: string;

  /** chair, vice-chair or member. */
  @Column({ type: 'varchar', length: 16 })
  role!: string;
}

/**
 * A committee member's withdrawal (回避) and who replaced them (committee-withdrawals.ts): rows
 * are only added; the committee that sits is the drawn one with each withdrawal applied in `seq` order.
 */
@Entity({ name: 'evaluation_committee_withdrawals' })
export class CommitteeWithdrawalEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'round_id', type: 'integer' })
  roundId!: number;

  /** Order of the withdrawals in the round: the automatic ones at the draw first. */
  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 32 })
  code!: string;

  /** same-employer or declared. */
  @Column({ type: 'varchar', length: 16 })
  reason!: string;

  /** same-employer: the applicant's name and the shared employer; never the ID number. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  applicant!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  employer!: string | null;

  /** declared: the member's statement, office-only. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  statement!: string | null;

  @Column({ name: 'replaced_by', type: 'varchar', length: 32 })
  replacedBy!: string;

  @Column({ name: 'recorded_at', type: 'varchar', length: 24 })
  recordedAt!: string;

  @Column({ name: 'recorded_by', type: 'varchar', length: 64 })
  recordedBy!: string;
}

/**
 * The counted secret ballots on one applicant (四.三.5 无记名投票): totals only, recorded once.
 * No ballot, and nothing that links a ballot to a member, ever reaches the service.
 */
@Entity({ name: 'evaluation_tallies' })
export class TallyEntity {
  @PrimaryColumn({ name: 'round_id', type: 'integer' })
  roundId!: number;

  @PrimaryColumn({ name: 'application_id', type: 'integer' })
  applicationId!: number;

  @Column({ name: 'yes_votes', type: 'integer' })
  yes!: number;

  @Column({ name: 'no_votes', type: 'integer' })
  no!: number;

  @Column({ type: 'integer' })
  abstentions!: number;

  @Column({ type: 'integer' })
  present!: number;

  @Column({ type: 'boolean' })
  passed!: boolean;
}

/** A complaint raised during the publicity of results (四.三.6), and how it was resolved. */
@Entity({ name: 'evaluation_objections' })
export class ObjectionEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'round_id', type: 'integer' })
  roundId!: number;

  @Column({ name: 'application_id', type: 'integer' })
  applicationId!: number;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ name: 'received_on', type: 'varchar', length: 10 })
  receivedOn!: string;

  /** OPEN, UPHELD (the applicant is withheld) or DISMISSED. */
  @Column({ type: 'varchar', length: 16 })
  state!: string;

  @Column({ type: 'text', nullable: true })
  finding!: string | null;

  @Column({ name: 'recorded_by', type: 'varchar', length: 64 })
  recordedBy!: string;

  @Column({ name: 'resolved_by', type: 'varchar', length: 64, nullable: true })
  resolvedBy!: string | null;

  @Column({ name: 'resolved_at', type: 'varchar', length: 24, nullable: true })
  resolvedAt!: string | null;
}
