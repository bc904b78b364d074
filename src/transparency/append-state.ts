import type { EntityManager } from 'typeorm';
import type { AuditHead } from '../audit/audit.service';
import { preparedQuery } from '../database/prepared-query';
import { hashKeyId, type Hash } from './merkle';

/** What an append builds on: the audit chain's head, the log's size and its frontier's stored hashes. */
export interface AppendState {
  auditHead: AuditHead | undefined;
  size: number;
  /**
   * The stored hashes a tree of `size` leaves ends with, by `hashKeyId`: one complete subtree per
   * set bit of `size`. Appending any number of leaves combines only with these and with hashes
   * the appended leaves produce themselves (log-batch.ts `appendLeaves`).
   */
  frontier: Map<string, Hash>;
}

/**
 * Reads the state an append of audit entries and log leaves builds on, in one statement: the
 * frontier's keys follow from the size (one complete subtree per set bit), so SQL derives them
 * (levels 0–31: indices are 32-bit) and joins them to the stored hashes. The caller holds the
 * chains' locks (src/database/chain-locks.ts), taken in an earlier statement.
 */
export async function readAppendState(manager: EntityManager): Promise<AppendState> {
  const rows = await preparedQuery<{
    size: number | string;
    audit_seq: number | string | null;
    audit_hash: string | null;
    level: number | string | null;
    idx: number | string | null;
    hash: string | null;
  }>(
    manager,
    `WITH RECURSIVE
       head AS (SELECT (SELECT COALESCE(MAX(idx) + 1, 0) FROM transparency_log_hashes WHERE level = 0) AS size,
                       (SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 1) AS audit_seq,
                       (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1) AS audit_hash),
       levels (level) AS (SELECT 0 UNION ALL SELECT level + 1 FROM levels WHERE level < 31)
     SELECT head.size, head.audit_seq, head.audit_hash, h.level, h.idx, h.hash
     FROM head
     LEFT JOIN levels ON ((head.size >> levels.level) & 1) = 1
     LEFT JOIN transparency_log_hashes h ON h.level = levels.level AND h.idx = (head.size >> levels.level) - 1`,
  );
  const [first] = rows;
  const frontier = new Map<string, Hash>();
  for (const row of rows)
    if (row.hash !== null) frontier.set(hashKeyId(Number(row.level), Number(row.idx)), Buffer.from(row.hash, 'hex'));
  return {
    auditHead:
      first.audit_seq === null || first.audit_hash === null
        ? undefined
        : { seq: Number(first.audit_seq), hash: first.audit_hash },
    size: Number(first.size),
    frontier,
  };
}
