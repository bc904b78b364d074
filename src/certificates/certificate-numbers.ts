import type { EntityManager } from 'typeorm';
import type { Level } from '../signing/credential-claims';
import { formatCertificateNo } from './qualifications';

/**
 * Allocates the next certificate number of a level and year inside the caller's transaction.
 * One atomic upsert: on PostgreSQL it locks the sequence row until the transaction ends, so
 * parallel issuances get distinct numbers and a rolled-back issuance leaves no gap; SQLite
 * runs one write transaction at a time.
 */
export async function allocateCertificateNo(manager: EntityManager, level: Level, year: number): Promise<string> {
  const sqlite = manager.connection.options.type === 'better-sqlite3';
  const [a, b] = sqlite ? ['?', '?'] : ['$1', '$2'];
  const rows = (await manager.query(
    `INSERT INTO certificate_sequences (level, year, last_value) VALUES (${a}, ${b}, 1)
     ON CONFLICT (level, year) DO UPDATE SET last_value = certificate_sequences.last_value + 1
     RETURNING last_value`,
    [level, year],
  )) as Array<{ last_value: number | string }>;
  return formatCertificateNo(level, year, Number(rows[0].last_value));
}
