import type { EntityManager } from 'typeorm';
import { preparedQuery } from './prepared-query';

/**
 * The advisory locks that serialize appends to the two hash chains on PostgreSQL (SQLite writes
 * one transaction at a time). Whoever takes both takes them in this order, audit chain first.
 */
export const AUDIT_CHAIN_LOCK = 727_001;
export const LOG_APPEND_LOCK = 727_002;

/** Both, in their order: what a writer of issued certificates takes (src/certificates/certificate-writer.ts). */
export const BOTH_CHAIN_LOCKS = [AUDIT_CHAIN_LOCK, LOG_APPEND_LOCK];

/**
 * Takes the given chain locks for the rest of the caller's transaction, in one statement. Reads
 * of a chain's head must come in a later statement: a statement's snapshot is taken before its
 * lock is granted, so it could miss the head the previous holder committed.
 */
export async function lockChains(manager: EntityManager, locks: number[]): Promise<void> {
  if (manager.connection.options.type !== 'postgres' || locks.length === 0) return;
  await preparedQuery(manager, `SELECT ${locks.map((_, k) => `pg_advisory_xact_lock($${k + 1})`).join(', ')}`, locks);
}
