import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp, createHttpAdapter } from '../../src/app.factory';
import { Clock, FixedClock } from '../../src/common/clock';
import { APP_CONFIG, AppConfig, parseConfig } from '../../src/config/app-config';
import { OfficersService } from '../../src/officers/officers.service';
import { DEFAULT_TEST_NOW } from './test-clock';
import { SQLITE_AUDIT_TRIGGERS } from '../../src/database/migrations/1764280000000-revocation-and-audit';
import { SQLITE_AUDIT_NO_REPLACE_TRIGGER } from '../../src/database/migrations/1764320000000-append-only-hardening';
import { runMigrationsAsOwner } from '../../src/database/migration-runner';
import { DATABASE_SCHEMA } from '../../src/database-schema';
import { AdminConnection, asRole, ensureTestRoles, OWNER_ROLE, prepareForRoles, splitRoleEnv } from './postgres-roles';
import { TransparencyLogService } from '../../src/transparency/transparency-log.service';

export const TEST_DB = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
/** The e2e database on PostgreSQL; tests refuse any database whose name lacks "test". */
export const POSTGRES_TEST_URL = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

/** One key folder per test run: generating dev keys once keeps the suites fast. */
const sharedKeysDir = process.env.TEST_KEYS_DIR ?? join(tmpdir(), `zjzc-test-keys-${process.pid}`);

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  clock: FixedClock;
  config: AppConfig;
  /**
   * The database it runs on, to start a second app on the same data. On PostgreSQL it is the
   * administrator's URL, from which each app's runtime and migration roles are derived.
   */
  databaseUrl: string;
  dataSource: DataSource;
  /**
   * Runs SQL as a database administrator: on PostgreSQL the superuser of TEST_DATABASE_URL (the
   * app itself runs as a role that owns nothing and may not alter the schema), on SQLite the app's own connection.
   */
  adminQuery(sql: string, parameters?: unknown[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Runs pending migrations as a deployment does (PostgreSQL: as the owner role), e.g. after a test emptied the schema. */
  migrate(): Promise<void>;
  /** Deletes every row (the schema stays), for a clean slate between tests. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** The administrator's connection of each test app on PostgreSQL, by the app's data source. */
const adminConnections = new WeakMap<DataSource, AdminConnection>();

/** Empties a PostgreSQL test database (its name must contain "test") and migrates it as the schema's owner. */
export async function emptyPostgresSchema(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!name.includes('test')) throw new Error(`Refusing to wipe database "${name}": its name lacks "test".`);
  const ds = new DataSource({ type: 'postgres', url });
  await ds.initialize();
  await ensureTestRoles(ds);
  await ds.query('DROP SCHEMA IF EXISTS public CASCADE');
  await ds.query(`CREATE SCHEMA public AUTHORIZATION "${OWNER_ROLE}"`);
  await ds.destroy();
  // Migrated by its owner, as a deployment is: the next app, or a CLI run as the superuser, finds it ready.
  await runMigrationsAsOwner({ kind: 'postgres', url, migrationUrl: asRole(url, OWNER_ROLE) }, DATABASE_SCHEMA);
}

/** Boots the real app on a fresh database (SQLite file or the PostgreSQL test database). */
/** A fresh database URL for the selected engine (the PostgreSQL test schema is emptied). */
export async function freshDatabaseUrl(): Promise<string> {
  if (TEST_DB === 'sqlite') return `sqlite:${join(mkdtempSync(join(tmpdir(), 'zjzc-db-')), 'test.sqlite')}`;
  await emptyPostgresSchema(POSTGRES_TEST_URL);
  return POSTGRES_TEST_URL;
}

export async function startTestApp(
  options: { keysDir?: string; now?: Date; env?: Record<string, string>; databaseUrl?: string } = {},
): Promise<TestApp> {
  const databaseUrl = options.databaseUrl ?? (await freshDatabaseUrl());
  // PostgreSQL: the app runs as the runtime role and migrates as the owner; databaseUrl stays the administrator's.
  const postgres = databaseUrl.startsWith('postgres');
  if (postgres) await new AdminConnection(databaseUrl).use(prepareForRoles);
  const config = parseConfig({
    NODE_ENV: 'test',
    ...(postgres ? splitRoleEnv(databaseUrl) : { DATABASE_URL: databaseUrl }),
    KEYS_DIR: options.keysDir ?? sharedKeysDir,
    PORT: '0',
    PUBLIC_BASE_URL: 'https://zs.example.test',
    // Its own throttle counts on a shared PostgreSQL database, as a separate deployment would have;
    // apps meant to act as instances of one deployment pass the same secret.
    RATE_LIMIT_KEY_SECRET: randomBytes(24).toString('hex'),
    ...options.env,
  });
  const clock = new FixedClock(options.now ?? DEFAULT_TEST_NOW);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(APP_CONFIG)
    .useValue(config)
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(config), { logger: ['error'] });
  configureApp(app, config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const dataSource = app.get(DataSource);
  const admin = postgres ? new AdminConnection(databaseUrl) : undefined;
  if (admin) adminConnections.set(dataSource, admin);
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    clock,
    config,
    databaseUrl,
    dataSource,
    adminQuery: async (sql, parameters) => (admin ? await admin.get() : dataSource).query(sql, parameters),
    migrate: async () => {
      if (admin) {
        await prepareForRoles(await admin.get());
        await runMigrationsAsOwner(config.database, DATABASE_SCHEMA);
      } else {
        await dataSource.runMigrations();
      }
    },
    reset: async () => {
      // A deferred checkpoint of the last test's tree must not land in the emptied log.
      await app.get(TransparencyLogService).cancelDeferredCheckpoint();
      await emptyEveryTable(dataSource);
    },
    close: async () => {
      // The server's close waits for every connection still busy: a spec that leaves a response
      // unread (a fetched megabyte never consumed once held a close past the 60 s hook timeout)
      // would hang here. After a grace period the harness cuts what is left and says so.
      const server = app.getHttpServer();
      const cut = setTimeout(() => {
        console.warn('test app: connections still open 3 s into close; cutting them');
        server.closeAllConnections();
      }, 3000);
      try {
        await app.close();
      } finally {
        clearTimeout(cut);
        await admin?.close();
      }
    },
  };
}

/**
 * Deletes every row of every table the app maps, read from the entity metadata so that a new
 * entity needs no edit here; the schema and the migrations' own table stay. Foreign keys are not
 * checked meanwhile, so the order does not matter: PostgreSQL's replica mode skips them along
 * with the audit triggers, SQLite is told to.
 */
async function emptyEveryTable(dataSource: DataSource): Promise<void> {
  const tables = new Set(dataSource.entityMetadatas.map((entity) => entity.tableName));
  const sqlite = dataSource.options.type !== 'postgres';
  if (sqlite) await dataSource.query('PRAGMA foreign_keys = OFF');
  try {
    await bypassAuditTriggers(dataSource, async (run) => {
      for (const table of tables) await run(`DELETE FROM "${table}"`);
    });
  } finally {
    if (sqlite) await dataSource.query('PRAGMA foreign_keys = ON');
  }
}

/**
 * Runs statements on the audit log with its append-only triggers out of the way, as only a
 * database administrator could: to reset between tests, or to play an attacker who tampers.
 */
export async function bypassAuditTriggers(
  dataSource: DataSource,
  work: (run: (sql: string) => Promise<unknown>) => Promise<void>,
): Promise<void> {
  if (dataSource.options.type === 'postgres') {
    // Replication mode is for superusers: not the test app's own role, its administrator's connection.
    const administrator = adminConnections.get(dataSource);
    await (administrator ? await administrator.get() : dataSource).transaction(async (manager) => {
      await manager.query('SET LOCAL session_replication_role = replica');
      await work((sql) => manager.query(sql));
    });
    return;
  }
  for (const name of ['audit_log_no_update', 'audit_log_no_delete', 'audit_log_no_replace'])
    await dataSource.query(`DROP TRIGGER ${name}`);
  try {
    await work((sql) => dataSource.query(sql));
  } finally {
    for (const sql of [...SQLITE_AUDIT_TRIGGERS, SQLITE_AUDIT_NO_REPLACE_TRIGGER]) await dataSource.query(sql);
  }
}

export interface Officer {
  username: string;
  password: string;
  token: string;
}

/** Creates an officer through the service the CLI uses and signs in over HTTP. */
export async function officer(
  t: TestApp,
  username: string,
  authority: 'amr' | 'hrss',
  roles: string[],
): Promise<Officer> {
  const password = `pw-${username}-correct-horse`;
  await t.app.get(OfficersService).add({ username, password, authority, roles }, { actor: 'test', authority: null });
  const response = await api(t, 'POST', '/api/v1/auth/token', { username, password });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { username, password, token: (response.body as { accessToken: string }).accessToken };
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** One HTTP request to the running app; a string body is sent as is. */
export async function api(
  t: TestApp,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
  headers: Record<string, string> = {},
): Promise<ApiResponse> {
  const response = await fetch(`${t.baseUrl}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed };
}
