import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { RUNTIME_GROUP_ROLE } from './1764320000000-append-only-hardening';

/**
 * Bans of applicants without a certificate (docs/revocation.md, Applicant bans): the joint
 * case and, once confirmed, the ban. At most one pending case per ID number and one confirmed
 * ban per application, enforced by partial unique indexes (SQLite and PostgreSQL both have
 * them). On PostgreSQL the service's role may not delete a decision.
 */
export class ApplicantBans1764350000000 implements MigrationInterface {
  name = 'ApplicantBans1764350000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const text = (name: string, length: number, isNullable = false) => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable,
    });
    await queryRunner.createTable(
      new Table({
        name: 'applicant_bans',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'round_id', type: 'integer' },
          { name: 'application_id', type: 'integer' },
          { name: 'evaluation_year', type: 'integer' },
          text('level', 16),
          text('specialty', 32),
          text('name', 40),
          text('id_number', 18),
          text('employer', 100),
          text('state', 16),
          text('reason_category', 40),
          { name: 'description', type: 'text' },
          text('decision_document', 64),
          text('decision_date', 10),
          text('from_date', 10),
          text('until_date', 10),
          text('proposed_by', 64),
          text('proposed_authority', 8),
          text('proposed_at', 24),
          text('decided_by', 64, true),
          text('decided_authority', 8, true),
          text('decided_at', 24, true),
          { name: 'rejection_reason', type: 'text', isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndex(
      'applicant_bans',
      new TableIndex({ name: 'ix_applicant_bans_id_number', columnNames: ['id_number'] }),
    );
    await queryRunner.createIndex(
      'applicant_bans',
      new TableIndex({
        name: 'uq_applicant_bans_one_pending',
        columnNames: ['id_number'],
        isUnique: true,
        where: "state = 'PROPOSED'",
      }),
    );
    await queryRunner.createIndex(
      'applicant_bans',
      new TableIndex({
        name: 'uq_applicant_bans_one_confirmed',
        columnNames: ['application_id'],
        isUnique: true,
        where: "state = 'CONFIRMED'",
      }),
    );
    await this.narrowRuntimePrivileges(queryRunner);
  }

  /** The default privileges of a new table include DELETE; a decision is never deleted. */
  private async narrowRuntimePrivileges(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    const found = (await queryRunner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [
      RUNTIME_GROUP_ROLE,
    ])) as unknown[];
    if (found.length > 0) await queryRunner.query(`REVOKE DELETE ON applicant_bans FROM "${RUNTIME_GROUP_ROLE}"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('applicant_bans');
  }
}
