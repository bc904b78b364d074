import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Level, Specialty } from '../common/qualifications';

/** One level's expert pool as a whole (三.二.2): when it was last reviewed (adjusted). */
@Entity({ name: 'evaluation_pools' })
export class PoolEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  level!: Level;

  @Column({ name: 'reviewed_on', type: 'varchar', length: 10 })
  reviewedOn!: string;

  @Column({ name: 'imported_at', type: 'varchar', length: 24 })
  importedAt!: string;

  /** SHA-256 of the imported file, recorded in the audit log too. */
  @Column({ name: 'source_sha256', type: 'varchar', length: 64 })
  sourceSha256!: string;
}

/** A member of a level's expert pool; an import replaces the level's members. */
@Entity({ name: 'evaluation_experts' })
export class ExpertEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 16 })
  level!: Level;

  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 40 })
  name!: string;

  @Column({ type: 'varchar', length: 100 })
  affiliation!: string;

  @Column({ type: 'boolean' })
  external!: boolean;

  @Column({ type: 'varchar', length: 32 })
  specialty!: Specialty;

  /** full (正高) or associate (副高). */
  @Column({ name: 'title_rank', type: 'varchar', length: 16 })
  titleRank!: string;

  @Column({ name: 'title_since', type: 'varchar', length: 10 })
  titleSince!: string;

  @Column({ type: 'boolean' })
  outstanding!: boolean;

  @Column({ name: 'chair_candidate', type: 'boolean' })
  chairCandidate!: boolean;

  @Column({ name: 'vice_chair_candidate', type: 'boolean' })
  viceChairCandidate!: boolean;
}
