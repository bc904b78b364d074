import { Command, Option } from 'nest-commander';
import { LEVELS, SPECIALTY_NAMES } from '../common/qualifications';
import { ApplicationsService } from '../evaluation/applications.service';
import { PoolsService } from '../evaluation/pools.service';
import { parseId, readInputFile, withProblemsPrinted } from './evaluation-cli-support';
import { OfficerSignInService } from './officer-sign-in.service';
import { SignedInCommand, SignedInOptions } from './signed-in-command';
import { TerminalService } from './terminal.service';

interface PoolImportOptions extends SignedInOptions {
  level: string;
  file: string;
  reviewedOn?: string;
}

@Command({
  name: 'pool:import',
  aliases: ['evaluation:pool-import'],
  description: "Replace a level's expert pool from a UTF-8 CSV file (AMR admin; nothing is imported if a row is bad)",
})
export class EvaluationPoolImportCommand extends SignedInCommand {
  constructor(
    signIn: OfficerSignInService,
    terminal: TerminalService,
    private readonly pools: PoolsService,
  ) {
    super(signIn, terminal);
  }

  async run(_args: string[], options: PoolImportOptions): Promise<void> {
    const { actor } = await this.signIn(options);
    const data = readInputFile(options.file);
    await this.confirm(options, `Replace the whole ${options.level} pool with ${options.file}?`);
    const summary = await withProblemsPrinted(() =>
      this.pools.importCsv(options.level, data, options.reviewedOn, actor),
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

interface ApplicationsImportOptions extends SignedInOptions {
  round: number;
  file: string;
}

@Command({
  name: 'applications:import',
  aliases: ['evaluation:applications-import'],
  description: 'Import the applications of an open round from a UTF-8 CSV file (AMR admin; all or nothing)',
})
export class EvaluationApplicationsImportCommand extends SignedInCommand {
  constructor(
    signIn: OfficerSignInService,
    terminal: TerminalService,
    private readonly applications: ApplicationsService,
  ) {
    super(signIn, terminal);
  }

  async run(_args: string[], options: ApplicationsImportOptions): Promise<void> {
    const { actor } = await this.signIn(options);
    const imported = await withProblemsPrinted(() =>
      this.applications.importCsv(options.round, readInputFile(options.file), actor),
    );
    const all = (await this.applications.list(options.round)).map(({ application }) => application);
    const bySpecialty = new Map<string, number>();
    for (const a of all) bySpecialty.set(a.specialty, (bySpecialty.get(a.specialty) ?? 0) + 1);
    const counts = [...bySpecialty].map(([s, n]) => `${SPECIALTY_NAMES[s as keyof typeof SPECIALTY_NAMES]} ${n}`);
    console.log(`Imported ${imported} applications into round ${options.round}.`);
    console.log(`The round now has ${all.length} applications (${counts.join('，')}).`);
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
