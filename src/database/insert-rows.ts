import type { EntityManager } from 'typeorm';
import { preparedQuery } from './prepared-query';

/** Bound parameters per statement: under SQLite's 32,766 (PostgreSQL binds one array per column). */
const MAX_PARAMETERS = 30_000;

/** A table and the columns a writer fills, each with the PostgreSQL array type its values travel in. */
export interface InsertTarget {
  table: string;
  columns: ReadonlyArray<readonly [name: string, type: 'text' | 'int']>;
}

/** Rows for one table: every row has one value per column of `into`, in that order. */
export interface RowSet {
  into: InsertTarget;
  rows: unknown[][];
}

function columnList(into: InsertTarget): string {
  return `${into.table} (${into.columns.map(([name]) => name).join(', ')})`;
}

/**
 * Inserts rows inside the caller's transaction. SQLite: multi-row `INSERT … VALUES (…), (…)`,
 * one statement per ~30,000 values. PostgreSQL: `INSERT … SELECT * FROM unnest($1::text[], …)`,
 * one array per column: one statement text for any number of rows, prepared once per connection.
 */
export function insertRows(manager: EntityManager, into: InsertTarget, rows: unknown[][]): Promise<void> {
  return insertRowSets(manager, [{ into, rows }]);
}

/**
 * Inserts the rows of several tables. On PostgreSQL in one statement of data-modifying CTEs
 * (`WITH w1 AS (INSERT …) INSERT …`): each statement is a round trip to the server, and an
 * issuance writes four tables. On SQLite, where a statement costs no round trip, table by table.
 */
export async function insertRowSets(manager: EntityManager, sets: RowSet[]): Promise<void> {
  const present = sets.filter((set) => set.rows.length > 0);
  if (present.length === 0) return;
  if (manager.connection.options.type !== 'postgres') {
    for (const set of present) await insertValues(manager, set);
    return;
  }
  let n = 0;
  const inserts = present.map(
    ({ into }) =>
      `INSERT INTO ${columnList(into)} SELECT * FROM unnest(${into.columns.map(([, type]) => `$${++n}::${type}[]`).join(', ')})`,
  );
  const last = inserts.pop() as string;
  const sql =
    inserts.length === 0 ? last : `WITH ${inserts.map((insert, k) => `w${k + 1} AS (${insert})`).join(', ')} ${last}`;
  await preparedQuery(
    manager,
    sql,
    present.flatMap(({ into, rows }) => into.columns.map((_, c) => rows.map((row) => row[c]))),
  );
}

async function insertValues(manager: EntityManager, { into, rows }: RowSet): Promise<void> {
  const width = into.columns.length;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / width));
  for (let start = 0; start < rows.length; start += perStatement) {
    const slice = rows.slice(start, start + perStatement);
    const values = slice.map(() => `(${Array.from({ length: width }, () => '?').join(', ')})`).join(', ');
    await manager.query(`INSERT INTO ${columnList(into)} VALUES ${values}`, slice.flat());
  }
}
