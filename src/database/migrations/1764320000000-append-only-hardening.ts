import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SQLite: `REPLACE INTO` (or `INSERT OR REPLACE`) with an existing seq deletes the old entry
 * without firing the DELETE trigger (recursive_triggers is off by default, and is a setting of
 * each connection). A BEFORE INSERT trigger refuses it for any connection. Exported so tests
 * can restore it after a wipe.
 */
export const SQLITE_AUDIT_NO_REPLACE_TRIGGER = `CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
  WHEN EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq)
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: REPLACE of an existing entry refused'); END`;

/** The PostgreSQL group role the service's login role (DATABASE_URL) is a member of. */
export const RUNTIME_GROUP_ROLE = 'zjzc_runtime';

/**
 * What the running service does to each table, and nothing more: history tables and the audit
 * log are only appended to, certificates and decisions never deleted. The migrations table is
 * readable so a health check can look at the schema's version.
 */
const RUNTIME_TABLE_PRIVILEGES: Record<string, string> = {
  audit_log: 'SELECT, INSERT',
  holiday_schedules: 'SELECT, INSERT',
  certificate_status_history: 'SELECT, INSERT',
  evaluation_round_history: 'SELECT, INSERT',
  officers: 'SELECT, INSERT',
  evaluation_committee_members: 'SELECT, INSERT',
  evaluation_tallies: 'SELECT, INSERT',
  certificates: 'SELECT, INSERT, UPDATE',
  certificate_sequences: 'SELECT, INSERT, UPDATE',
  decision_cases: 'SELECT, INSERT, UPDATE',
  bans: 'SELECT, INSERT, UPDATE',
  evaluation_rounds: 'SELECT, INSERT, UPDATE',
  evaluation_applications: 'SELECT, INSERT, UPDATE',
  evaluation_objections: 'SELECT, INSERT, UPDATE',
  evaluation_pools: 'SELECT, INSERT, UPDATE',
  // a pool import replaces the level's experts
  evaluation_experts: 'SELECT, INSERT, DELETE',
};

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * The audit log cannot be rewritten by the service itself. On SQLite, REPLACE is refused. On
 * PostgreSQL the service runs as a role that owns nothing (docs/database.md): it cannot disable
 * or drop the append-only triggers, truncate, or leave replication mode off; this migration,
 * run by the schema's owner, grants the group role `zjzc_runtime` only what the code uses.
 * Tables made later by the same owner get SELECT, INSERT, UPDATE, DELETE by default (a
 * migration narrows a table whose rows must not change); sequences get USAGE.
 */
export class AppendOnlyHardening1764320000000 implements MigrationInterface {
  name = 'AppendOnlyHardening1764320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') {
      await queryRunner.query(SQLITE_AUDIT_NO_REPLACE_TRIGGER);
      return;
    }
    if (!(await this.ensureRuntimeGroup(queryRunner))) return;
    const schema = quote(
      ((await queryRunner.query('SELECT current_schema() AS name')) as Array<{ name: string }>)[0].name,
    );
    const role = quote(RUNTIME_GROUP_ROLE);
    await queryRunner.query(`GRANT USAGE ON SCHEMA ${schema} TO ${role}`);
    // Tables of migrations this one does not know (added alongside it) get the default.
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${role}`);
    await queryRunner.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role}`);
    const migrationsTable = queryRunner.connection.options.migrationsTableName ?? 'migrations';
    for (const [table, privileges] of [...Object.entries(RUNTIME_TABLE_PRIVILEGES), [migrationsTable, 'SELECT']]) {
      await queryRunner.query(`REVOKE ALL ON ${schema}.${quote(table)} FROM ${role}`);
      await queryRunner.query(`GRANT ${privileges} ON ${schema}.${quote(table)} TO ${role}`);
    }
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`,
    );
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE ON SEQUENCES TO ${role}`);
  }

  /**
   * Creates the group role when missing. Roles belong to the whole cluster: a migration of
   * another database may create it at the same moment (duplicate_object or unique_violation).
   * A migration role that may not create roles, on a cluster without it, skips the grants with a
   * warning: a single-role setup (no DATABASE_MIGRATION_URL) keeps working as before.
   */
  private async ensureRuntimeGroup(queryRunner: QueryRunner): Promise<boolean> {
    const role = RUNTIME_GROUP_ROLE;
    await queryRunner.query(`DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${quote(role)} NOLOGIN; END IF;
      EXCEPTION
        WHEN duplicate_object OR unique_violation THEN NULL;
        WHEN insufficient_privilege THEN RAISE WARNING 'role ${role} is missing and cannot be created here: no runtime grants (docs/database.md)';
      END $$`);
    const found = (await queryRunner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])) as unknown[];
    return found.length > 0;
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') {
      await queryRunner.query('DROP TRIGGER audit_log_no_replace');
      return;
    }
    const found = (await queryRunner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [
      RUNTIME_GROUP_ROLE,
    ])) as unknown[];
    if (found.length === 0) return;
    const schema = quote(
      ((await queryRunner.query('SELECT current_schema() AS name')) as Array<{ name: string }>)[0].name,
    );
    const role = quote(RUNTIME_GROUP_ROLE);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} REVOKE ALL ON SEQUENCES FROM ${role}`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} REVOKE ALL ON TABLES FROM ${role}`);
    await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${schema} FROM ${role}`);
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${schema} FROM ${role}`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA ${schema} FROM ${role}`);
  }
}
