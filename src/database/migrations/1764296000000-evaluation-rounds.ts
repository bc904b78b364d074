import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * The evaluation round (docs/evaluation.md): expert pools, rounds and their history,
 * applications, the drawn committee, ballot tallies and objections. Portable: runs on SQLite
 * and PostgreSQL. Dates are 'YYYY-MM-DD' and instants ISO text, as elsewhere.
 */
export class EvaluationRounds1764296000000 implements MigrationInterface {
  name = 'EvaluationRounds1764296000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const text = (name: string, length: number, isNullable = false) => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable,
    });
    const long = (name: string, isNullable = false) => ({ name, type: 'text', isNullable });
    const int = (name: string, isNullable = false) => ({ name, type: 'integer', isNullable });
    const flag = (name: string, isNullable = false) => ({ name, type: 'boolean', isNullable });
    const id = {
      name: 'id',
      type: 'integer',
      isPrimary: true,
      isGenerated: true,
      generationStrategy: 'increment' as const,
    };
    const table = (name: string, columns: object[]) =>
      queryRunner.createTable(new Table({ name, columns: columns as never }));
    const unique = (on: string, name: string, columnNames: string[]) =>
      queryRunner.createIndex(on, new TableIndex({ name, columnNames, isUnique: true }));

    await table('evaluation_pools', [
      { ...text('level', 16), isPrimary: true },
      text('reviewed_on', 10),
      text('imported_at', 24),
      text('source_sha256', 64),
    ]);
    await table('evaluation_experts', [
      id,
      text('level', 16),
      text('code', 32),
      text('name', 40),
      text('affiliation', 100),
      flag('external'),
      text('specialty', 32),
      text('title_rank', 16),
      text('title_since', 10),
      flag('outstanding'),
      flag('chair_candidate'),
      flag('vice_chair_candidate'),
    ]);
    await unique('evaluation_experts', 'uq_evaluation_experts_level_code', ['level', 'code']);

    await table('evaluation_rounds', [
      id,
      text('level', 16),
      int('year'),
      text('meeting_date', 10),
      text('state', 32),
      text('score_threshold', 8, true),
      text('commitment', 64, true),
      text('committed_at', 24, true),
      long('pool_snapshot', true),
      text('snapshot_sha256', 64, true),
      long('pool_roster', true),
      long('seat_plan', true),
      text('seed', 64, true),
      text('drawn_at', 24, true),
      text('reported_on', 10, true),
      text('hrss_approval_document', 64, true),
      text('hrss_approved_on', 10, true),
      long('attendance', true),
      text('tallied_at', 24, true),
      text('presiding_code', 32, true),
      text('publicity_start', 10, true),
      text('publicity_end', 10, true),
      text('joint_document', 64, true),
      text('published_on', 10, true),
      text('created_at', 24),
      text('updated_at', 24),
    ]);
    // 三.二.3 "年度执行评审委员会": one round per level and year.
    await unique('evaluation_rounds', 'uq_evaluation_rounds_level_year', ['level', 'year']);
    await table('evaluation_round_history', [
      id,
      int('round_id'),
      text('state', 32),
      text('at', 24),
      text('actor', 64),
    ]);

    await table('evaluation_applications', [
      id,
      int('round_id'),
      text('name', 40),
      text('id_number', 18),
      text('gender', 1),
      text('employer', 100),
      text('specialty', 32),
      text('channel', 16),
      text('quantitative_score', 8, true),
      flag('pledge'),
      text('publicity_start', 10),
      text('publicity_end', 10),
      flag('department_reviewed'),
      flag('intermediate_recommended'),
      flag('eligible', true),
      text('ineligible_reason', 300, true),
      { name: 'withheld', type: 'boolean', default: false },
      text('certificate_no', 16, true),
      text('created_at', 24),
    ]);
    await unique('evaluation_applications', 'uq_evaluation_applications_round_person', ['round_id', 'id_number']);

    await table('evaluation_committee_members', [
      id,
      int('round_id'),
      int('position'),
      text('code', 32),
      text('name', 40),
      text('affiliation', 100),
      text('specialty', 32),
      text('role', 16),
    ]);
    await unique('evaluation_committee_members', 'uq_evaluation_committee_round_code', ['round_id', 'code']);
    await table('evaluation_tallies', [
      { ...int('round_id'), isPrimary: true },
      { ...int('application_id'), isPrimary: true },
      int('yes_votes'),
      int('no_votes'),
      int('abstentions'),
      int('present'),
      flag('passed'),
    ]);
    await table('evaluation_objections', [
      id,
      int('round_id'),
      int('application_id'),
      long('summary'),
      text('received_on', 10),
      text('state', 16),
      long('finding', true),
      text('recorded_by', 64),
      text('resolved_by', 64, true),
      text('resolved_at', 24, true),
    ]);
    await queryRunner.createIndex(
      'evaluation_objections',
      new TableIndex({ name: 'ix_evaluation_objections_round', columnNames: ['round_id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of [
      'evaluation_objections',
      'evaluation_tallies',
      'evaluation_committee_members',
      'evaluation_applications',
      'evaluation_round_history',
      'evaluation_rounds',
      'evaluation_experts',
      'evaluation_pools',
    ]) {
      await queryRunner.dropTable(name);
    }
  }
}
