import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { DatabaseConfig, DatabaseTimeouts } from '../config/app-config';

/**
 * What a data source maps and migrates. The wiring root (src/database-schema.ts) gives it, so
 * this folder imports no feature: the features' entities depend on the database, not the reverse.
 */
export interface DatabaseSchema {
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
}

/**
 * The pool settings that turn a hung or overloaded PostgreSQL into a quick error (a 503), not a
 * request that waits for ever: waiting for a connection (connecting, or a free one of the pool),
 * and one statement, which the server cancels (57014). The client gives up a little later on its
 * own, for a server that no longer answers at all.
 */
export function poolTimeouts(timeouts: DatabaseTimeouts): Record<string, number> {
  return {
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    query_timeout: timeouts.statementMs + 2000,
  };
}

/**
 * The data source options for the app, the CLI and the tests alike. Migrations only:
 * `synchronize` is off everywhere, and pending migrations run at start: on this connection,
 * or with DATABASE_MIGRATION_URL through a connection of their own (migration-runner.ts).
 */
export function dataSourceOptions(
  database: DatabaseConfig,
  schema: DatabaseSchema,
  timeouts?: DatabaseTimeouts,
): DataSourceOptions {
  const common = {
    entities: schema.entities,
    migrations: schema.migrations,
    synchronize: false,
    migrationsRun: database.kind === 'sqlite' || database.migrationUrl === undefined,
    logging: false,
  } as const;
  if (database.kind === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: database.url,
      extra: { max: 10, ...(timeouts ? poolTimeouts(timeouts) : {}) },
    };
  }
  if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.path,
    // WAL lets readers go on while a write commits; the busy timeout covers a CLI writing
    // while the server runs. synchronous = FULL is set, not left to the default: better-sqlite3
    // is built with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1, so a file already in WAL mode (every start
    // but the first) would open with NORMAL, whose commits a power cut may roll back after the
    // service answered. FULL syncs the WAL at every commit: what is answered stays written.
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
  };
}

export function createDataSource(database: DatabaseConfig, schema: DatabaseSchema): DataSource {
  return new DataSource(dataSourceOptions(database, schema));
}
