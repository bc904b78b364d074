import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One sign-in of the office console; the cookie holds the secret, this row its SHA-256. */
@Entity({ name: 'officer_sessions' })
export class OfficerSessionEntity {
  @PrimaryColumn({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt!: string;

  /** Moved on by every request the session makes: the idle limit counts from here. */
  @Column({ name: 'last_seen_at', type: 'varchar', length: 24 })
  lastSeenAt!: string;

  @Column({ name: 'ended_at', type: 'varchar', length: 24, nullable: true })
  endedAt!: string | null;
}
