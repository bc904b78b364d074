import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AuthorityId } from '../keys/authority';

export const ROLES = ['admin', 'issuer', 'revoker', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** An office account of one authority. */
@Entity({ name: 'officers' })
export class OfficerEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  username!: string;

  /** argon2id PHC string. */
  @Column({ name: 'password_hash', type: 'varchar', length: 200 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 8 })
  authority!: AuthorityId;

  /** Comma-separated roles, e.g. "issuer,revoker". */
  @Column({ type: 'varchar', length: 64 })
  roles!: string;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  /** Counted up when the officer is disabled: part of the tokens' credential stamp (`credentialStamp`). */
  @Column({ name: 'credential_epoch', type: 'integer', default: 0 })
  credentialEpoch!: number;

  @Column({ name: 'created_at', type: 'varchar', length: 24 })
  createdAt!: string;
}
