import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { RUNTIME_GROUP_ROLE } from './1764320000000-append-only-hardening';

const TABLES = ['transparency_log_entries', 'transparency_log_hashes', 'transparency_checkpoints'];

/**
 * The public transparency log (docs/transparency-log.md): its leaves, the stored hashes of its
 * complete subtrees, and every co-signed checkpoint. On PostgreSQL the service's role may only
 * read and append them: nothing of the log is ever updated or deleted.
 */
export class TransparencyLog1764370000000 implements MigrationInterface {
  name = 'TransparencyLog1764370000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const text = (name: string, length: number, isNullable = false) => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable,
    });
    await queryRunner.createTable(
      new Table({
        name: 'transparency_log_entries',
        columns: [
          { name: 'idx', type: 'integer', isPrimary: true },
          text('kind', 16),
          text('certificate_no', 16, true),
          { name: 'leaf', type: 'text' },
          text('created_at', 24),
        ],
      }),
    );
    await queryRunner.createIndex(
      'transparency_log_entries',
      new TableIndex({ name: 'ix_transparency_log_entries_certificate', columnNames: ['certificate_no'] }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'transparency_log_hashes',
        columns: [
          { name: 'level', type: 'integer', isPrimary: true },
          { name: 'idx', type: 'integer', isPrimary: true },
          text('hash', 64),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'transparency_checkpoints',
        columns: [
          { name: 'size', type: 'integer', isPrimary: true },
          text('root_hash', 64),
          { name: 'note', type: 'text' },
          text('created_at', 24),
        ],
      }),
    );
    if (queryRunner.connection.options.type !== 'postgres') return;
    const found = (await queryRunner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [
      RUNTIME_GROUP_ROLE,
    ])) as unknown[];
    if (found.length === 0) return;
    for (const table of TABLES) {
      await queryRunner.query(`REVOKE ALL ON "${table}" FROM "${RUNTIME_GROUP_ROLE}"`);
      await queryRunner.query(`GRANT SELECT, INSERT ON "${table}" TO "${RUNTIME_GROUP_ROLE}"`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await queryRunner.dropTable(table);
  }
}
