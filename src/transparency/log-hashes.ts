import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { hashKeyId, type Hash, type HashKey } from './merkle';

/** `$n` on PostgreSQL, `?` on SQLite. */
export function placeholders(manager: EntityManager): (n: number) => string {
  return manager.connection.options.type === 'postgres' ? (n) => `$${n}` : () => '?';
}

/**
 * Reads the stored hashes at `keys` in one statement (a proof needs a few dozen at most). On
 * PostgreSQL the keys travel as two arrays joined against the primary key: one statement text for
 * any count, planned in microseconds, where a chain of `OR (level = … AND idx = …)` cost ~1 ms to
 * plan and run for twenty keys (bench/registry.bench.ts, the verification's proof).
 */
export async function readHashes(manager: EntityManager, keys: HashKey[]): Promise<Map<string, Hash>> {
  const found = new Map<string, Hash>();
  if (keys.length === 0) return found;
  const postgres = manager.connection.options.type === 'postgres';
  const rows = await preparedQuery<{ level: number; idx: number; hash: string }>(
    manager,
    postgres
      ? `SELECT h.level, h.idx, h.hash FROM transparency_log_hashes h
         JOIN unnest($1::int[], $2::int[]) AS k(level, idx) ON h.level = k.level AND h.idx = k.idx`
      : `SELECT level, idx, hash FROM transparency_log_hashes WHERE ${keys.map(() => '(level = ? AND idx = ?)').join(' OR ')}`,
    postgres
      ? [keys.map((key) => key.level), keys.map((key) => key.index)]
      : keys.flatMap((key) => [key.level, key.index]),
  );
  for (const row of rows) found.set(hashKeyId(Number(row.level), Number(row.idx)), Buffer.from(row.hash, 'hex'));
  return found;
}

/** The hashes at one level from `from` (inclusive) to `to` (exclusive), in order: a tile's content. */
export async function readHashRange(
  manager: EntityManager,
  level: number,
  from: number,
  to: number,
): Promise<Array<{ index: number; hash: Hash }>> {
  const p = placeholders(manager);
  const rows = await manager.query<Array<{ idx: number; hash: string }>>(
    `SELECT idx, hash FROM transparency_log_hashes WHERE level = ${p(1)} AND idx >= ${p(2)} AND idx < ${p(3)} ORDER BY idx`,
    [level, from, to],
  );
  return rows.map((row) => ({ index: Number(row.idx), hash: Buffer.from(row.hash, 'hex') }));
}
