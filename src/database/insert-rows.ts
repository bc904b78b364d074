import type { EntityManager } from 'typeorm';

/** Bound parameters per statement: under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;

/**
 * Inserts rows with multi-row `INSERT … VALUES (…), (…)` statements and bound parameters: one
 * statement per ~30,000 values instead of one per row. `target` is `table (col, …)`; every row
 * has one value per column, in that order.
 */
export async function insertRows(manager: EntityManager, target: string, rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const postgres = manager.connection.options.type === 'postgres';
  const width = rows[0].length;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / width));
  for (let start = 0; start < rows.length; start += perStatement) {
    const slice = rows.slice(start, start + perStatement);
    let n = 0;
    const values = slice
      .map(() => `(${Array.from({ length: width }, () => (postgres ? `$${++n}` : '?')).join(', ')})`)
      .join(', ');
    await manager.query(`INSERT INTO ${target} VALUES ${values}`, slice.flat());
  }
}
