import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { dataSourceOptions, type DatabaseSchema } from './data-source';

/** The migrations could not run as DATABASE_MIGRATION_URL's role; the start stops. */
export class MigrationStartError extends Error {}

/** `user@host:port/db` of a URL, never its password, for messages. */
function describe(url: string): string {
  try {
    const u = new URL(url);
    return `${decodeURIComponent(u.username) || '(default user)'}@${u.host}${u.pathname}`;
  } catch {
    return '(unparsable URL)';
  }
}

/** Node reports a refused connection to a name with several addresses as an AggregateError without a message. */
function reasonOf(error: unknown): string {
  if (error instanceof AggregateError) return error.errors.map(reasonOf).join('; ');
  return error instanceof Error ? error.message || error.name : String(error);
}

/**
 * With DATABASE_MIGRATION_URL, the schema's owner runs the pending migrations through a
 * short-lived connection of its own before the service connects as DATABASE_URL's role, which
 * owns nothing: it cannot disable or drop the audit log's triggers the owner made
 * (docs/database.md). Without it, the service's own connection runs them, as before.
 */
export async function runMigrationsAsOwner(database: DatabaseConfig, schema: DatabaseSchema): Promise<void> {
  if (database.kind !== 'postgres' || database.migrationUrl === undefined) return;
  const owner = new DataSource({
    ...dataSourceOptions({ kind: 'postgres', url: database.migrationUrl }, schema),
    migrationsRun: false,
    extra: { max: 1 },
  });
  try {
    await owner.initialize();
    await owner.runMigrations();
  } catch (error) {
    throw new MigrationStartError(
      `DATABASE_MIGRATION_URL: the migrations could not run as ${describe(database.migrationUrl)}: ${reasonOf(error)}`,
    );
  } finally {
    if (owner.isInitialized) await owner.destroy();
  }
}
