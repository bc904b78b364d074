import { DataSource } from 'typeorm';
import { RUNTIME_GROUP_ROLE } from '../../src/database/migrations/1764320000000-append-only-hardening';

/**
 * The PostgreSQL e2e run as in production (docs/database.md): the schema's owner runs the
 * migrations, the app runs as a login role that owns nothing and is a member of zjzc_runtime,
 * and the tests' own administration (emptying the schema, tampering) uses the superuser of
 * TEST_DATABASE_URL. Both role URLs are that URL with another user and no password (trust
 * authentication, or a .pgpass / PGPASSWORD the driver reads).
 */
export const OWNER_ROLE = process.env.TEST_DB_OWNER_ROLE ?? 'zjzc_owner';
export const RUNTIME_ROLE = process.env.TEST_DB_RUNTIME_ROLE ?? 'zjzc_app';

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The same database as `url`, as another user. */
export function asRole(url: string, role: string): string {
  const u = new URL(url);
  u.username = role;
  u.password = '';
  return u.toString();
}

/** DATABASE_URL and DATABASE_MIGRATION_URL of an app on the database of `adminUrl`. */
export function splitRoleEnv(adminUrl: string): { DATABASE_URL: string; DATABASE_MIGRATION_URL: string } {
  return { DATABASE_URL: asRole(adminUrl, RUNTIME_ROLE), DATABASE_MIGRATION_URL: asRole(adminUrl, OWNER_ROLE) };
}

/** Creates a role unless it exists; several test runs on other databases may race (roles are cluster-wide). */
function createRole(definition: string): string {
  return `DO $$ BEGIN CREATE ROLE ${definition}; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`;
}

let ensured: Promise<void> | undefined;

/** Creates the three roles once per process (the grants are made per database by the migrations). */
export function ensureTestRoles(admin: DataSource): Promise<void> {
  ensured ??= (async () => {
    await admin.query(createRole(`${quote(RUNTIME_GROUP_ROLE)} NOLOGIN`));
    await admin.query(createRole(`${quote(OWNER_ROLE)} LOGIN`));
    await admin.query(createRole(`${quote(RUNTIME_ROLE)} LOGIN IN ROLE ${quote(RUNTIME_GROUP_ROLE)}`));
    // A runtime role made earlier by hand may not be a member yet.
    await admin.query(`DO $$ BEGIN
        IF NOT pg_has_role(${literal(RUNTIME_ROLE)}, ${literal(RUNTIME_GROUP_ROLE)}, 'MEMBER') THEN GRANT ${quote(RUNTIME_GROUP_ROLE)} TO ${quote(RUNTIME_ROLE)}; END IF;
      EXCEPTION WHEN unique_violation THEN NULL; END $$`);
  })();
  ensured.catch(() => (ensured = undefined));
  return ensured;
}

/**
 * Readies a database for an app with split roles: the roles exist and the owner role owns the
 * public schema, so it can run the migrations (a new database's schema belongs to its owner).
 */
export async function prepareForRoles(admin: DataSource): Promise<void> {
  await ensureTestRoles(admin);
  await admin.query(`ALTER SCHEMA public OWNER TO ${quote(OWNER_ROLE)}`);
}

/** A superuser connection opened on first use, for what only a database administrator may do. */
export class AdminConnection {
  private dataSource?: Promise<DataSource>;

  constructor(readonly url: string) {}

  get(): Promise<DataSource> {
    this.dataSource ??= new DataSource({ type: 'postgres', url: this.url, extra: { max: 2 } }).initialize();
    return this.dataSource;
  }

  /** Runs `work` on a connection of its own, then closes it. */
  async use(work: (admin: DataSource) => Promise<void>): Promise<void> {
    try {
      await work(await this.get());
    } finally {
      await this.close();
    }
  }

  async close(): Promise<void> {
    if (this.dataSource) await (await this.dataSource).destroy();
    this.dataSource = undefined;
  }
}
