import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  at: string;
  actor: string;
  authority: string | null;
  action: string;
  subject: string | null;
  details: string;
}

/** SHA-256 over the previous hash and the entry's fields in a fixed order (hex). */
export function entryHash(prevHash: string, entry: ChainedFields): string {
  const canonical = JSON.stringify([
    entry.seq,
    entry.at,
    entry.actor,
    entry.authority,
    entry.action,
    entry.subject,
    entry.details,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export type ChainCheck =
  { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; problem: string };

/**
 * Walks entries in seq order and names the first one that breaks the chain: a gap in the
 * numbering (a deleted entry), a prev_hash that is not the previous entry's hash, or a hash
 * that does not match the entry's own content (an edited entry).
 */
export async function checkChain(
  entries:
    | AsyncIterable<ChainedFields & { prevHash: string; hash: string }>
    | Iterable<ChainedFields & { prevHash: string; hash: string }>,
): Promise<ChainCheck> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for await (const entry of entries) {
    count++;
    if (entry.seq !== expectedSeq)
      return { ok: false, entries: count, brokenAt: entry.seq, problem: `entry ${expectedSeq} is missing` };
    if (entry.prevHash !== prevHash)
      return { ok: false, entries: count, brokenAt: entry.seq, problem: 'prev_hash does not match the previous entry' };
    if (entryHash(prevHash, entry) !== entry.hash)
      return { ok: false, entries: count, brokenAt: entry.seq, problem: 'content does not match its hash' };
    prevHash = entry.hash;
    expectedSeq++;
  }
  return { ok: true, entries: count };
}
