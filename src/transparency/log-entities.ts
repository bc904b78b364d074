import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One leaf of the transparency log, by its 0-based index; only ever inserted. */
@Entity({ name: 'transparency_log_entries' })
export class LogEntryEntity {
  @PrimaryColumn({ name: 'idx', type: 'integer' })
  index!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: string;

  /** Null for a ban on an applicant who holds no certificate. */
  @Column({ name: 'certificate_no', type: 'varchar', length: 16, nullable: true })
  certificateNo!: string | null;

  /** The leaf's canonical text (log-leaf.ts); its UTF-8 bytes are what the tree hashes. */
  @Column({ type: 'text' })
  leaf!: string;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt!: string;
}

/** The hash of a complete subtree: 2^level leaves from index·2^level (Go sumdb/tlog layout). */
@Entity({ name: 'transparency_log_hashes' })
export class LogHashEntity {
  @PrimaryColumn({ type: 'integer' })
  level!: number;

  @PrimaryColumn({ name: 'idx', type: 'integer' })
  index!: number;

  /** Hex SHA-256: portable between SQLite and PostgreSQL, and readable in a psql session. */
  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}

/** Every co-signed checkpoint, one per tree size, all kept. */
@Entity({ name: 'transparency_checkpoints' })
export class CheckpointEntity {
  @PrimaryColumn({ type: 'integer' })
  size!: number;

  @Column({ name: 'root_hash', type: 'varchar', length: 64 })
  rootHash!: string;

  /** The C2SP signed note, exactly as served. */
  @Column({ type: 'text' })
  note!: string;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt!: string;
}
