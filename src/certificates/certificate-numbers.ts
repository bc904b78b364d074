import type { EntityManager } from 'typeorm';
import { formatCertificateNo, type Level } from '../common/qualifications';

/**
 * Allocates `count` consecutive numbers of a level and year with one atomic upsert (the range
 * ends at the returned value): parallel writers get distinct, increasing numbers. Inside the
 * issuing transaction a failed write leaves no gap; allocated apart (a round's chunk), a write
 * that fails after it leaves a gap, never a duplicate.
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
