import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { RUNTIME_GROUP_ROLE } from './1764320000000-append-only-hardening';

const text = (name: string, length: number, isNullable = false) =>
  new TableColumn({ name, type: 'varchar', length: String(length), isNullable });
const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * The draw's public witness and the conflicts frozen with its snapshot (docs/evaluation.md), and
 * the committee's withdrawals (回避) with their replacements, only ever added: on PostgreSQL the
 * runtime role may read and insert them, nothing more. Portable: runs on SQLite and PostgreSQL.
 */
export class DrawWitnessAndWithdrawals1764340000000 implements MigrationInterface {
  name = 'DrawWitnessAndWithdrawals1764340000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('evaluation_rounds', [
      new TableColumn({ name: 'draw_conflicts', type: 'text', isNullable: true }),
      text('witness_value', 64, true),
      text('witness_source', 200, true),
      text('witness_published_on', 10, true),
      text('witness_recorded_at', 24, true),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'evaluation_committee_withdrawals',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'round_id', type: 'integer' },
          { name: 'seq', type: 'integer' },
          text('code', 32),
          text('reason', 16),
          text('applicant', 40, true),
          text('employer', 100, true),
          text('statement', 200, true),
          text('replaced_by', 32),
          text('recorded_at', 24),
          text('recorded_by', 64),
        ],
      }),
    );
    // Two officers withdrawing at once cannot both take the same place in the order, or withdraw one member twice.
    for (const [name, columnNames] of [
      ['uq_evaluation_withdrawals_round_seq', ['round_id', 'seq']],
      ['uq_evaluation_withdrawals_round_code', ['round_id', 'code']],
    ] as const)
      await queryRunner.createIndex(
        'evaluation_committee_withdrawals',
        new TableIndex({ name, columnNames: [...columnNames], isUnique: true }),
      );
    await this.narrowRuntimeGrants(queryRunner);
  }

  private async narrowRuntimeGrants(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    const found = (await queryRunner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [
      RUNTIME_GROUP_ROLE,
    ])) as unknown[];
    if (found.length === 0) return;
    const role = quote(RUNTIME_GROUP_ROLE);
    await queryRunner.query(`REVOKE ALL ON evaluation_committee_withdrawals FROM ${role}`);
    await queryRunner.query(`GRANT SELECT, INSERT ON evaluation_committee_withdrawals TO ${role}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('evaluation_committee_withdrawals');
    await queryRunner.dropColumns('evaluation_rounds', [
      'draw_conflicts',
      'witness_value',
      'witness_source',
      'witness_published_on',
      'witness_recorded_at',
    ]);
  }
}
