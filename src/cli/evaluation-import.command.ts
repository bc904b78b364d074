import { Command, CommandRunner, Option } from 'nest-commander';
import { cliActor } from '../audit/audit.service';
import { LEVELS } from '../common/qualifications';
import { ApplicationsService } from '../evaluation/applications.service';
import { PoolsService } from '../evaluation/pools.service';
import { parseId, readInputFile, withProblemsPrinted } from './evaluation-cli-support';

interface PoolImportOptions {
  level: string;
  file: string;
  reviewedOn?: string;
}

@Command({
  name: 'evaluation:pool-import',
  description: "Replace a level's expert pool from a UTF-8 CSV file (nothing is imported if a row is bad)",
})
export class EvaluationPoolImportCommand extends CommandRunner {
  constructor(private readonly pools: PoolsService) {
    super();
  }

  async run(_args: string[], options: PoolImportOptions): Promise<void> {
    const summary = await withProblemsPrinted(() =>
      this.pools.importCsv(options.level, readInputFile(options.file), options.reviewedOn, cliActor()),
    );
    const flag = summary.reviewOverdue ? ' — REVIEW OVERDUE (over 3 years)' : '';
    console.log(
      `Imported ${summary.members} experts into the ${summary.level} pool (reviewed ${summary.reviewedOn}${flag}); ${summary.eligible} eligible today${summary.drawable ? '' : ' — fewer than 50, no draw possible'}.`,
    );
  }

  @Option({ flags: '--level <level>', description: LEVELS.join(' or '), required: true })
  parseLevel(value: string): string {
    return value;
  }

  @Option({ flags: '--file <path>', description: 'the CSV file (columns: docs/evaluation.md)', required: true })
  parseFile(value: string): string {
    return value;
  }

  @Option({ flags: '--reviewed-on <date>', description: 'the date of the pool review, YYYY-MM-DD (default today)' })
  parseReviewedOn(value: string): string {
    return value;
  }
}

interface ApplicationsImportOptions {
  round: number;
  file: string;
}

@Command({
  name: 'evaluation:applications-import',
  description: 'Import the applications of an open round from a UTF-8 CSV file (all or nothing)',
})
export class EvaluationApplicationsImportCommand extends CommandRunner {
  constructor(private readonly applications: ApplicationsService) {
    super();
  }

  async run(_args: string[], options: ApplicationsImportOptions): Promise<void> {
    const imported = await withProblemsPrinted(() =>
      this.applications.importCsv(options.round, readInputFile(options.file), cliActor()),
    );
    console.log(`Imported ${imported} applications into round ${options.round}.`);
  }

  @Option({ flags: '--round <id>', description: 'the round id', required: true })
  parseRound(value: string): number {
    return parseId(value);
  }

  @Option({ flags: '--file <path>', description: 'the CSV file (columns: docs/evaluation.md)', required: true })
  parseFile(value: string): string {
    return value;
  }
}
