import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** Certificates, their number sequences and officers. Portable: runs on SQLite and PostgreSQL. */
export class InitialSchema1764270000000 implements MigrationInterface {
  name = 'InitialSchema1764270000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const text = (name: string, length: number) => ({ name, type: 'varchar', length: String(length) });
    await queryRunner.createTable(
      new Table({
        name: 'certificates',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { ...text('certificate_no', 16), isUnique: true },
          text('holder_name', 40),
          text('gender', 1),
          text('id_number', 18),
          text('id_hash_salt', 32),
          text('employer', 100),
          text('level', 16),
          text('specialty', 32),
          { name: 'evaluation_year', type: 'integer' },
          text('passed_on', 10),
          text('approval_document', 64),
          text('issued_at', 24),
          text('status', 16),
          { name: 'credential', type: 'text' },
          { name: 'qr_token', type: 'text' },
          text('created_at', 24),
          text('updated_at', 24),
        ],
      }),
    );
    await queryRunner.createIndex(
      'certificates',
      new TableIndex({
        name: 'uq_certificates_holder_level_year',
        columnNames: ['id_number', 'level', 'evaluation_year'],
        isUnique: true,
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'certificate_sequences',
        columns: [
          { ...text('level', 16), isPrimary: true },
          { name: 'year', type: 'integer', isPrimary: true },
          { name: 'last_value', type: 'integer' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'officers',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { ...text('username', 64), isUnique: true },
          text('password_hash', 200),
          text('authority', 8),
          text('roles', 64),
          { name: 'disabled', type: 'boolean', default: false },
          text('created_at', 24),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('officers');
    await queryRunner.dropTable('certificate_sequences');
    await queryRunner.dropTable('certificates');
  }
}
