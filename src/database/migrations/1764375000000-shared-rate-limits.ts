import { MigrationInterface, QueryRunner } from 'typeorm';
import { RUNTIME_GROUP_ROLE } from './1764320000000-append-only-hardening';

/** The throttles' counters on PostgreSQL (src/database/rate-limiters.ts). */
export const RATE_LIMITS_TABLE = 'rate_limits';

/**
 * PostgreSQL only: the counters of the login, holder-download and public throttles, shared by
 * every instance of the service. The columns are rate-limiter-flexible's, in its order (it inserts
 * without naming them); the key is an HMAC, never a raw address. UNLOGGED: a count is written on
 * every public request, and an unlogged table's commit waits for no WAL flush; after a crash of
 * the database the counts start again from zero, which is harmless. The library would create the
 * table itself, but the service's role owns nothing, so this migration does, and grants it.
 * SQLite has one process, which counts in memory: no table.
 */
export class SharedRateLimits1764375000000 implements MigrationInterface {
  name = 'SharedRateLimits1764375000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    await queryRunner.query(`CREATE UNLOGGED TABLE "${RATE_LIMITS_TABLE}" (
      key varchar(255) PRIMARY KEY,
      points integer NOT NULL DEFAULT 0,
      expire bigint
    )`);
    // The library deletes rows an hour past their expiry every five minutes.
    await queryRunner.query(`CREATE INDEX "ix_rate_limits_expire" ON "${RATE_LIMITS_TABLE}" (expire)`);
    const found = (await queryRunner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [
      RUNTIME_GROUP_ROLE,
    ])) as unknown[];
    if (found.length > 0) {
      await queryRunner.query(
        `GRANT SELECT, INSERT, UPDATE, DELETE ON "${RATE_LIMITS_TABLE}" TO "${RUNTIME_GROUP_ROLE}"`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    await queryRunner.query(`DROP TABLE "${RATE_LIMITS_TABLE}"`);
  }
}
