import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * At most one pending (PROPOSED) decision per certificate, enforced by the database: two
 * proposals racing past the service's check would otherwise both stay pending. A partial
 * unique index; SQLite and PostgreSQL both support the WHERE clause.
 */
export class OnePendingCase1764300000000 implements MigrationInterface {
  name = 'OnePendingCase1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'decision_cases',
      new TableIndex({
        name: 'uq_decision_cases_one_pending',
        columnNames: ['certificate_no'],
        isUnique: true,
        where: "state = 'PROPOSED'",
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('decision_cases', 'uq_decision_cases_one_pending');
  }
}
