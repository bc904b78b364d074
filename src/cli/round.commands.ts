import { Command, Option } from 'nest-commander';
import { LEVELS } from '../common/qualifications';
import { ApplicationsService } from '../evaluation/applications.service';
import { CreateRoundDto } from '../evaluation/dto/round.dto';
import { RoundsService } from '../evaluation/rounds.service';
import { parseId, validBody } from './evaluation-cli-support';
import { OfficerSignInService } from './officer-sign-in.service';
import { overviewLines } from './round-overview';
import { eligibilityLines, roundTitle } from './round-summaries';
import { SignedInCommand, SignedInOptions } from './signed-in-command';
import { TerminalService } from './terminal.service';

interface RoundOptions extends SignedInOptions {
  round: number;
}

interface CreateOptions extends SignedInOptions {
  level: string;
  year: string;
  meetingDate: string;
  scoreThreshold?: string;
}

@Command({ name: 'round:create', description: "Open a level's annual round (AMR admin)" })
export class RoundCreateCommand extends SignedInCommand {
  constructor(
    signIn: OfficerSignInService,
    terminal: TerminalService,
    private readonly rounds: RoundsService,
  ) {
    super(signIn, terminal);
  }

  async run(_args: string[], o: CreateOptions): Promise<void> {
    const body = await validBody(CreateRoundDto, {
      level: o.level,
      year: Number(o.year),
      meetingDate: o.meetingDate,
      ...(o.scoreThreshold === undefined ? {} : { scoreThreshold: Number(o.scoreThreshold) }),
    });
    const { actor } = await this.signIn(o);
    const round = await this.rounds.create(body, actor);
    const threshold = round.scoreThreshold === null ? '' : `; quantitative score threshold ${round.scoreThreshold}`;
    console.log(`${roundTitle(round)} opened: meeting on ${round.meetingDate}${threshold}; state ${round.state}.`);
    console.log(`Next: applications:import --round ${round.id} --file F`);
  }

  @Option({ flags: '--level <level>', description: LEVELS.join(' or '), required: true })
  parseLevel(value: string): string {
    return value;
  }

  @Option({ flags: '--year <year>', description: 'the evaluation year, e.g. 2026', required: true })
  parseYear(value: string): string {
    return value;
  }

  @Option({ flags: '--meeting-date <date>', description: 'YYYY-MM-DD, in the round year', required: true })
  parseMeetingDate(value: string): string {
    return value;
  }

  @Option({ flags: '--score-threshold <n>', description: 'senior rounds only: the quantitative score (三.四)' })
  parseScoreThreshold(value: string): string {
    return value;
  }
}

@Command({ name: 'round:show', description: 'Where a round stands: state, dates, the next step and who may take it' })
export class RoundShowCommand extends SignedInCommand {
  constructor(
    signIn: OfficerSignInService,
    terminal: TerminalService,
    private readonly rounds: RoundsService,
  ) {
    super(signIn, terminal);
  }

  async run(_args: string[], o: RoundOptions): Promise<void> {
    await this.signIn(o, ['admin', 'auditor', 'issuer']);
    console.log(overviewLines(await this.rounds.get(o.round)).join('\n'));
  }

  @Option({ flags: '--round <id>', required: true })
  parseRound(value: string): number {
    return parseId(value);
  }
}

@Command({ name: 'applications:close', description: 'Close the applications of a round (AMR admin)' })
export class ApplicationsCloseCommand extends SignedInCommand {
  constructor(
    signIn: OfficerSignInService,
    terminal: TerminalService,
    private readonly rounds: RoundsService,
    private readonly applications: ApplicationsService,
  ) {
    super(signIn, terminal);
  }

  async run(_args: string[], o: RoundOptions): Promise<void> {
    const { actor } = await this.signIn(o);
    const count = (await this.applications.list(o.round)).length;
    const title = roundTitle(await this.rounds.get(o.round));
    await this.confirm(o, `Close the applications of ${title} with ${count} applications? No more can be added.`);
    const round = await this.rounds.closeApplications(o.round, actor);
    console.log(`${title}: applications closed with ${count} applications; state ${round.state}.`);
  }

  @Option({ flags: '--round <id>', required: true })
  parseRound(value: string): number {
    return parseId(value);
  }
}

/** 四.三.4 资格审查: prints who is eligible and who is not, and why, by name. */
@Command({
  name: 'eligibility:check',
  description: 'Check every application again and mark it eligible or not (AMR admin)',
})
export class EligibilityCheckCommand extends SignedInCommand {
  constructor(
    signIn: OfficerSignInService,
    terminal: TerminalService,
    private readonly applications: ApplicationsService,
  ) {
    super(signIn, terminal);
  }

  async run(_args: string[], o: RoundOptions): Promise<void> {
    const { actor } = await this.signIn(o);
    await this.confirm(
      o,
      `Check the eligibility of round ${o.round}'s applications? The applications cannot change after.`,
    );
    const round = await this.applications.checkEligibility(o.round, actor);
    const applicants = (await this.applications.list(o.round)).map(({ application }) => application);
    console.log(eligibilityLines(applicants).join('\n'));
    const eligible = applicants.filter((a) => a.eligible).length;
    console.log(`${roundTitle(round)}: ${eligible} of ${applicants.length} eligible; state ${round.state}.`);
  }

  @Option({ flags: '--round <id>', required: true })
  parseRound(value: string): number {
    return parseId(value);
  }
}
