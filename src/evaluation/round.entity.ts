import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Level } from '../common/qualifications';
import type { RoundState } from './round-states';

/** An annual evaluation round of one level; its state moves one step at a time (round-states.ts). */
@Entity({ name: 'evaluation_rounds' })
export class RoundEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 16 })
  level!: Level;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ name: 'meeting_date', type: 'varchar', length: 10 })
  meetingDate!: string;

  @Column({ type: 'varchar', length: 32 })
  state!: RoundState;

  /** 三.四: the published quantitative score a regular 高级 applicant must reach (decimal text). */
  @Column({ name: 'score_threshold', type: 'varchar', length: 8, nullable: true })
  scoreThreshold!: string | null;

  /** The day (in China) applications closed: a point of the round's timeline (round-timeline.ts). */
  @Column({ name: 'applications_closed_on', type: 'varchar', length: 10, nullable: true })
  applicationsClosedOn!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  commitment!: string | null;

  @Column({ name: 'committed_at', type: 'varchar', length: 24, nullable: true })
  committedAt!: string | null;

  /** The canonical pool snapshot (committee-draw.ts), exactly the text that was hashed. */
  @Column({ name: 'pool_snapshot', type: 'text', nullable: true })
  poolSnapshot!: string | null;

  @Column({ name: 'snapshot_sha256', type: 'varchar', length: 64, nullable: true })
  snapshotSha256!: string | null;

  /** Names and affiliations of the snapshot's members (JSON by code), kept for the committee list. */
  @Column({ name: 'pool_roster', type: 'text', nullable: true })
  poolRoster!: string | null;

  @Column({ name: 'seat_plan', type: 'text', nullable: true })
  seatPlan!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  seed!: string | null;

  @Column({ name: 'drawn_at', type: 'varchar', length: 24, nullable: true })
  drawnAt!: string | null;

  /** Experts of the snapshot sharing an applicant's employer (JSON, committee-withdrawals.ts), frozen with it. */
  @Column({ name: 'draw_conflicts', type: 'text', nullable: true })
  drawConflicts!: string | null;

  /** The public witness value mixed into the draw's key, published after the commitment (committee-draw.ts). */
  @Column({ name: 'witness_value', type: 'varchar', length: 64, nullable: true })
  witnessValue!: string | null;

  /** Where the witness was published, e.g. 中国福利彩票 双色球 2026138期 开奖号码. */
  @Column({ name: 'witness_source', type: 'varchar', length: 200, nullable: true })
  witnessSource!: string | null;

  @Column({ name: 'witness_published_on', type: 'varchar', length: 10, nullable: true })
  witnessPublishedOn!: string | null;

  @Column({ name: 'witness_recorded_at', type: 'varchar', length: 24, nullable: true })
  witnessRecordedAt!: string | null;

  @Column({ name: 'reported_on', type: 'varchar', length: 10, nullable: true })
  reportedOn!: string | null;

  /** The AMR officer who recorded the report; HRSS's approval completes it. */
  @Column({ name: 'reported_by', type: 'varchar', length: 64, nullable: true })
  reportedBy!: string | null;

  @Column({ name: 'hrss_approval_document', type: 'varchar', length: 64, nullable: true })
  hrssApprovalDocument!: string | null;

  @Column({ name: 'hrss_approved_on', type: 'varchar', length: 10, nullable: true })
  hrssApprovedOn!: string | null;

  /** Codes of the members present (JSON array, sorted); who voted what is never stored. */
  @Column({ type: 'text', nullable: true })
  attendance!: string | null;

  @Column({ name: 'tallied_at', type: 'varchar', length: 24, nullable: true })
  talliedAt!: string | null;

  @Column({ name: 'presiding_code', type: 'varchar', length: 32, nullable: true })
  presidingCode!: string | null;

  @Column({ name: 'publicity_start', type: 'varchar', length: 10, nullable: true })
  publicityStart!: string | null;

  @Column({ name: 'publicity_end', type: 'varchar', length: 10, nullable: true })
  publicityEnd!: string | null;

  /** 四.三.6: the joint document (联合发文) that publishes the results; the certificates' approval document. */
  @Column({ name: 'joint_document', type: 'varchar', length: 64, nullable: true })
  jointDocument!: string | null;

  /** Proposed with the publication, final once an officer of the other authority confirms it. */
  @Column({ name: 'published_on', type: 'varchar', length: 10, nullable: true })
  publishedOn!: string | null;

  /** Who proposed the joint publication (联合发文), for an officer of the other authority to confirm. */
  @Column({ name: 'publication_proposed_by', type: 'varchar', length: 64, nullable: true })
  publicationProposedBy!: string | null;

  @Column({ name: 'publication_proposed_authority', type: 'varchar', length: 8, nullable: true })
  publicationProposedAuthority!: string | null;

  @Column({ name: 'publication_proposed_at', type: 'varchar', length: 24, nullable: true })
  publicationProposedAt!: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt!: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 24 })
  updatedAt!: string;
}

/** Every state a round entered, when and by whom (the audit log records the details). */
@Entity({ name: 'evaluation_round_history' })
export class RoundHistoryEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'round_id', type: 'integer' })
  roundId!: number;

  @Column({ type: 'varchar', length: 32 })
  state!: string;

  @Column({ type: 'varchar', length: 24 })
  at!: string;

  @Column({ type: 'varchar', length: 64 })
  actor!: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  authority!: string | null;

  /** The officer whose act this entry completes: who reported to HRSS, who proposed the publication. */
  @Column({ name: 'initiated_by', type: 'varchar', length: 64, nullable: true })
  initiatedBy!: string | null;
}
