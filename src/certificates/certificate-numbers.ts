import type { EntityManager } from 'typeorm';
import { formatCertificateNo, type Level } from '../common/qualifications';

/**
 * Allocates the next certificate number of a level and year with one atomic upsert: the row
 * lock (PostgreSQL) or the write lock (SQLite) lasts only for this statement, so parallel
 * issuances get distinct, increasing numbers without queueing behind each other.
 */
export async function allocateCertificateNo(manager: EntityManager, level: Level, year: number): Promise<string> {
  const [certificateNo] = await allocateCertificateNos(manager, level, year, 1);
  return certificateNo;
}

/**
 * Allocates `count` consecutive numbers of a level and year in the same one statement (a batch:
 * the range ends at the returned value). A batch that fails after this leaves a gap, never a
 * duplicate.
 */
export async function allocateCertificateNos(
  manager: EntityManager,
  level: Level,
  year: number,
  count: number,
): Promise<string[]> {
  if (count < 1) return [];
  const sqlite = manager.connection.options.type === 'better-sqlite3';
  const [a, b, c] = sqlite ? ['?', '?', '?'] : ['$1', '$2', '$3'];
  const rows = await manager.query<Array<{ last_value: number | string }>>(
    `INSERT INTO certificate_sequences (level, year, last_value) VALUES (${a}, ${b}, ${c})
     ON CONFLICT (level, year) DO UPDATE SET last_value = certificate_sequences.last_value + EXCLUDED.last_value
     RETURNING last_value`,
    [level, year, count],
  );
  const last = Number(rows[0].last_value);
  return Array.from({ length: count }, (_, k) => formatCertificateNo(level, year, last - count + 1 + k));
}
