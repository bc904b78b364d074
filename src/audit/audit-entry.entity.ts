import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One audit log entry. Append-only: the database refuses UPDATE and DELETE (triggers). */
@Entity({ name: 'audit_log' })
export class AuditEntryEntity {
  /** 1, 2, 3, … without gaps: a missing number is a deleted entry. */
  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 24 })
  at!: string;

  /** Username of the officer, or `cli:<user>` / `system`. */
  @Column({ type: 'varchar', length: 64 })
  actor!: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  authority!: string | null;

  @Column({ type: 'varchar', length: 48 })
  action!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  subject!: string | null;

  /** JSON text, hashed exactly as stored. */
  @Column({ type: 'text' })
  details!: string;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash!: string;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}
