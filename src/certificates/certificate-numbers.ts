import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { formatCertificateNo, type Level } from '../common/qualifications';

const UPSERT = (a: string, b: string, c: string) =>
  `INSERT INTO certificate_sequences (level, year, last_value) VALUES (${a}, ${b}, ${c})
   ON CONFLICT (level, year) DO UPDATE SET last_value = certificate_sequences.last_value + EXCLUDED.last_value
   RETURNING last_value`;

/**
 * Allocates `count` consecutive numbers of a level and year with one atomic upsert (the range
 * ends at the returned value): parallel writers get distinct, increasing numbers. Inside the
 * issuing transaction a failed write leaves no gap; allocated apart (a round's chunk), a write
 * that fails after it leaves a gap, never a duplicate.
 *
 * `thenLock` (PostgreSQL): advisory locks the same transaction takes next (the chains'), taken
 * by the same statement after the number's row lock, to save the issuance a round trip.
 */
export async function allocateCertificateNos(
  manager: EntityManager,
  level: Level,
  year: number,
  count: number,
  thenLock: number[] = [],
): Promise<string[]> {
  if (count < 1) return [];
  const sqlite = manager.connection.options.type === 'better-sqlite3';
  const rows = await preparedQuery<{ last_value: number | string }>(
    manager,
    sqlite
      ? UPSERT('?', '?', '?')
      : thenLock.length === 0
        ? UPSERT('$1', '$2', '$3')
        : `WITH n AS (${UPSERT('$1', '$2', '$3')})
           SELECT n.last_value, ${thenLock.map((_, k) => `pg_advisory_xact_lock($${k + 4})`).join(', ')} FROM n`,
    sqlite || thenLock.length === 0 ? [level, year, count] : [level, year, count, ...thenLock],
  );
  const last = Number(rows[0].last_value);
  return Array.from({ length: count }, (_, k) => formatCertificateNo(level, year, last - count + 1 + k));
}
