import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { RUNTIME_GROUP_ROLE } from './1764320000000-append-only-hardening';

/**
 * The office console's cookie sessions: one row per sign-in, kept by the
 * hash of its secret so a copy of the database opens no session. An admin now changes an
 * officer's roles or disables them, so on PostgreSQL the service's role may UPDATE officers
 * (still never DELETE: an account that signed decisions stays known by name).
 */
export class OfficerSessions1764360000000 implements MigrationInterface {
  name = 'OfficerSessions1764360000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const text = (name: string, length: number, isNullable = false) => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable,
    });
    await queryRunner.createTable(
      new Table({
        name: 'officer_sessions',
        columns: [
          { ...text('token_hash', 64), isPrimary: true },
          text('username', 64),
          text('created_at', 24),
          text('last_seen_at', 24),
          text('ended_at', 24, true),
        ],
      }),
    );
    await queryRunner.createIndex(
      'officer_sessions',
      new TableIndex({ name: 'ix_officer_sessions_username', columnNames: ['username'] }),
    );
    if (queryRunner.connection.options.type !== 'postgres') return;
    const found = (await queryRunner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [
      RUNTIME_GROUP_ROLE,
    ])) as unknown[];
    if (found.length > 0) await queryRunner.query(`GRANT UPDATE ON officers TO "${RUNTIME_GROUP_ROLE}"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      const found = (await queryRunner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [
        RUNTIME_GROUP_ROLE,
      ])) as unknown[];
      if (found.length > 0) await queryRunner.query(`REVOKE UPDATE ON officers FROM "${RUNTIME_GROUP_ROLE}"`);
    }
    await queryRunner.dropTable('officer_sessions');
  }
}
