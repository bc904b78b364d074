import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

/** SQLite's append-only triggers (exported so tests can restore them after a wipe). */
export const SQLITE_AUDIT_TRIGGERS = [
  `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused'); END`,
  `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused'); END`,
];

/**
 * Revocation and reinstatement cases, bans, the status history of certificates, each
 * certificate's status-list index, and the append-only, hash-chained audit log.
 * Portable: runs on SQLite and PostgreSQL; only the append-only triggers differ.
 */
export class RevocationAndAudit1764280000000 implements MigrationInterface {
  name = 'RevocationAndAudit1764280000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const text = (name: string, length: number, isNullable = false) => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable,
    });
    const id = {
      name: 'id',
      type: 'integer',
      isPrimary: true,
      isGenerated: true,
      generationStrategy: 'increment' as const,
    };

    await queryRunner.addColumn(
      'certificates',
      new TableColumn({ name: 'status_index', type: 'integer', isNullable: true }),
    );
    await queryRunner.createIndex(
      'certificates',
      new TableIndex({ name: 'uq_certificates_status_index', columnNames: ['status_index'], isUnique: true }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'decision_cases',
        columns: [
          id,
          text('kind', 16),
          text('certificate_no', 16),
          text('state', 16),
          text('reason_category', 40, true),
          { name: 'description', type: 'text', isNullable: true },
          text('decision_document', 64),
          text('decision_date', 10),
          text('effective_date', 10),
          { name: 'serious', type: 'boolean', default: false },
          { name: 'reverses_case_id', type: 'integer', isNullable: true },
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
      'decision_cases',
      new TableIndex({ name: 'ix_decision_cases_certificate', columnNames: ['certificate_no'] }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'certificate_status_history',
        columns: [
          id,
          text('certificate_no', 16),
          text('status', 16),
          text('effective_date', 10),
          { name: 'case_id', type: 'integer' },
          text('recorded_at', 24),
        ],
      }),
    );
    await queryRunner.createIndex(
      'certificate_status_history',
      new TableIndex({ name: 'ix_status_history_certificate', columnNames: ['certificate_no'] }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'bans',
        columns: [
          id,
          text('id_number', 18),
          text('from_date', 10),
          text('until_date', 10),
          text('decision_document', 64),
          { name: 'case_id', type: 'integer' },
          { name: 'lifted_by_case_id', type: 'integer', isNullable: true },
          text('created_at', 24),
        ],
      }),
    );
    await queryRunner.createIndex('bans', new TableIndex({ name: 'ix_bans_id_number', columnNames: ['id_number'] }));

    await queryRunner.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true },
          text('at', 24),
          text('actor', 64),
          text('authority', 8, true),
          text('action', 48),
          text('subject', 64, true),
          { name: 'details', type: 'text' },
          text('prev_hash', 64),
          text('hash', 64),
        ],
      }),
    );
    await this.makeAuditLogAppendOnly(queryRunner);
  }

  /** UPDATE and DELETE on the audit log are refused by the database itself. */
  private async makeAuditLogAppendOnly(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP; END $$`);
      await queryRunner.query(
        `CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
      );
      return;
    }
    for (const sql of SQLITE_AUDIT_TRIGGERS) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query('DROP TABLE audit_log');
      await queryRunner.query('DROP FUNCTION audit_log_append_only()');
    } else {
      await queryRunner.query('DROP TABLE audit_log');
    }
    await queryRunner.dropTable('bans');
    await queryRunner.dropTable('certificate_status_history');
    await queryRunner.dropTable('decision_cases');
    await queryRunner.dropIndex('certificates', 'uq_certificates_status_index');
    await queryRunner.dropColumn('certificates', 'status_index');
  }
}
