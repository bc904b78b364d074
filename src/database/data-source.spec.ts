import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource, dataSourceOptions } from './data-source';

const schema = { entities: [], migrations: [] };

describe('dataSourceOptions', () => {
  it('bounds the PostgreSQL pool: connection wait, server statement timeout, and a client timeout a little later', () => {
    const options = dataSourceOptions({ kind: 'postgres', url: 'postgres://u@db/zjzc' }, schema, {
      connectMs: 3000,
      statementMs: 8000,
    });
    expect(options.extra).toEqual({
      max: 10,
      connectionTimeoutMillis: 3000,
      statement_timeout: 8000,
      query_timeout: 10_000,
    });
  });

  it('leaves a connection without timeouts its caller did not ask for (the owner running migrations)', () => {
    expect(dataSourceOptions({ kind: 'postgres', url: 'postgres://u@db/zjzc' }, schema).extra).toEqual({ max: 10 });
  });
});

describe('the embedded SQLite database', () => {
  // better-sqlite3 is built with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1: a file that is already in WAL
  // mode opens with synchronous = NORMAL unless the connection sets it, and a power cut could
  // then take back commits the service had answered.
  it('syncs every commit (synchronous = FULL), also when the file is already in WAL mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zjzc-sync-'));
    try {
      const database = { kind: 'sqlite' as const, path: join(dir, 'db.sqlite') };
      for (const start of ['first start', 'restart']) {
        const ds = createDataSource(database, schema);
        await ds.initialize();
        try {
          const [{ journal_mode }] = await ds.query<Array<{ journal_mode: string }>>('PRAGMA journal_mode');
          const [{ synchronous }] = await ds.query<Array<{ synchronous: number }>>('PRAGMA synchronous');
          expect({ start, journal_mode, synchronous }).toEqual({ start, journal_mode: 'wal', synchronous: 2 });
        } finally {
          await ds.destroy();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
