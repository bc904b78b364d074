import type { EntityManager } from 'typeorm';
import { formatCertificateNo, type Level } from '../common/qualifications';

/**
 * Allocates the next certificate number of a level and year with one atomic upsert: the row
 * lock (PostgreSQL) or the write lock (SQLite) lasts only for this statement, so parallel
 * issuances get distinct, increasing numbers without queueing behind each other.
 */
export async function allocateCertificateNo(manager: EntityManager, level: Level, year: number): Promise<string> {
  const sqlite = manager.connection.options.type === 'better-sqlite3';
  const [a, b] = sqlite ? ['?', '?'] : ['$1', '$2'];
  const rows = await manager.query<Array<{ last_value: number | string }>>(
    `INSERT INTO certificate_sequences (level, year, last_value) VALUES (${a}, ${b}, 1)
     ON CONFLICT (level, year) DO UPDATE SET last_value = certificate_sequences.last_value + 1
     RETURNING last_value`,
    [level, year],
  );
  return formatCertificateNo(level, year, Number(rows[0].last_value));
}
