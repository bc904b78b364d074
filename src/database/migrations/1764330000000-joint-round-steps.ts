import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

const text = (name: string, length: number) =>
  new TableColumn({ name, type: 'varchar', length: String(length), isNullable: true });

/**
 * The round as a joint act of both authorities (docs/evaluation.md): the date applications
 * closed (a point of the round's timeline), who reported to HRSS, the pending proposal of the
 * joint publication, and in the round's history the authority of each officer and the officer
 * whose act an entry completes. Portable: runs on SQLite and PostgreSQL.
 */
export class JointRoundSteps1764330000000 implements MigrationInterface {
  name = 'JointRoundSteps1764330000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('evaluation_rounds', [
      text('applications_closed_on', 10),
      text('reported_by', 64),
      text('publication_proposed_by', 64),
      text('publication_proposed_authority', 8),
      text('publication_proposed_at', 24),
    ]);
    await queryRunner.addColumns('evaluation_round_history', [text('authority', 8), text('initiated_by', 64)]);
    // Rounds closed before: the day (in China, UTC+8) their history records the closure.
    const chinaDay =
      queryRunner.connection.options.type === 'postgres'
        ? `to_char(h.at::timestamptz AT TIME ZONE 'UTC' + interval '8 hours', 'YYYY-MM-DD')`
        : `date(h.at, '+8 hours')`;
    await queryRunner.query(
      `UPDATE evaluation_rounds SET applications_closed_on = (SELECT MIN(${chinaDay}) FROM evaluation_round_history h
        WHERE h.round_id = evaluation_rounds.id AND h.state = 'APPLICATIONS_CLOSED')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('evaluation_round_history', ['authority', 'initiated_by']);
    await queryRunner.dropColumns('evaluation_rounds', [
      'applications_closed_on',
      'reported_by',
      'publication_proposed_by',
      'publication_proposed_authority',
      'publication_proposed_at',
    ]);
  }
}
