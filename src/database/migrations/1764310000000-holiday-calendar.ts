import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * The office's imported holiday schedules (docs/calendar.md): one row per import, never
 * updated; the latest row of a year is its schedule. Portable: runs on SQLite and PostgreSQL.
 */
export class HolidayCalendar1764310000000 implements MigrationInterface {
  name = 'HolidayCalendar1764310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const text = (name: string, length: number, isNullable = false) => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable,
    });
    await queryRunner.createTable(
      new Table({
        name: 'holiday_schedules',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'year', type: 'integer' },
          text('document_number', 64),
          text('published_on', 10),
          { name: 'holidays', type: 'text' },
          { name: 'make_up_working_days', type: 'text' },
          text('note', 200, true),
          text('content_sha256', 64),
          text('imported_at', 24),
          text('imported_by', 64),
        ],
      }),
    );
    await queryRunner.createIndex(
      'holiday_schedules',
      new TableIndex({ name: 'ix_holiday_schedules_year', columnNames: ['year'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('holiday_schedules');
  }
}
