import { Command, Option } from 'nest-commander';
import type { AuditActor } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import type { RoundEntity } from '../evaluation/round.entity';
import { ApplicationsService } from '../evaluation/applications.service';
import { DrawsService } from '../evaluation/draws.service';
import { MeetingsService, requirePresiding } from '../evaluation/meetings.service';
import { requireState } from '../evaluation/round-states';
import { RoundsService } from '../evaluation/rounds.service';
import { rollCall } from './committee-checklist';
import { parseId, readInputFile, withProblemsPrinted } from './evaluation-cli-support';
import { OfficerSignInService } from './officer-sign-in.service';
import { meetingLines, memberLabel, roundTitle, type Member } from './round-summaries';
import { SignedInCommand, SignedInOptions } from './signed-in-command';
import { TerminalService } from './terminal.service';

interface MeetingOptions extends SignedInOptions {
  round: number;
  absent?: string[];
  present?: 'all';
  tally: string;
  presiding: string;
}

/** Records a meeting in one go: attendance, the scrutineers' tally file, the presiding member's confirmation. */
@Command({
  name: 'meeting:record',
  aliases: ['evaluation:meeting'],
  description: 'Record the meeting: who attended, the counted ballots (CSV) and the presiding confirmation (AMR admin)',
})
export class EvaluationMeetingCommand extends SignedInCommand {
  constructor(
    signIn: OfficerSignInService,
    terminal: TerminalService,
    private readonly meetings: MeetingsService,
    private readonly draws: DrawsService,
    private readonly applications: ApplicationsService,
    private readonly rounds: RoundsService,
  ) {
    super(signIn, terminal);
  }

  async run(_args: string[], o: MeetingOptions): Promise<void> {
    const { actor } = await this.signIn(o);
    const tally = readInputFile(o.tally);
    // Refused before the roll call, not after the clerk has ticked 25 names.
    requireState((await this.rounds.get(o.round)).state, 'PRE_EVALUATION_REPORTED', 'Recording the meeting');
    const committee = await this.draws.committee(o.round);
    const round = await this.recordWhole(o, tally, committee, actor);
    const present = JSON.parse(round.attendance ?? '[]') as string[];
    const results = (await this.applications.list(o.round)).flatMap(({ application, tally: votes }) =>
      votes ? [{ applicant: application, votes }] : [],
    );
    console.log(meetingLines(committee, present, results).join('\n'));
    const passed = results.filter((r) => r.votes.passed).length;
    console.log(
      `${roundTitle(round)}: ${passed} of ${results.length} applicants passed; confirmed by ${o.presiding}; state ${round.state}.`,
    );
  }

  /**
   * Attendance, ballots and confirmation; the presiding member, the quorum and each line's sum
   * checked before anything is written.
   */
  private async recordWhole(
    o: MeetingOptions,
    tally: Buffer,
    committee: Member[],
    actor: AuditActor,
  ): Promise<RoundEntity> {
    const present = await this.attendance(o, committee);
    // A wrong code found only at the confirmation would leave the ballots counted and unconfirmed.
    const chair = requirePresiding(committee, present, o.presiding);
    // Likewise a quorum, a missing line or one that does not add up, found at the tally, would
    // leave attendance recorded.
    const lines = await withProblemsPrinted(() => this.meetings.tallyLinesOfCsv(o.round, tally));
    await this.meetings.checkMeetingRecord(o.round, present, lines);
    await this.confirm(
      o,
      `Record ${present.length} of ${committee.length} present, the ballots of ${o.tally}, confirmed by ${memberLabel(chair)}? The ballots are counted once.`,
    );
    await this.meetings.recordAttendance(o.round, present, actor);
    await this.meetings.recordTally(o.round, lines, actor);
    return this.meetings.confirm(o.round, o.presiding, actor);
  }

  /** The members present: all, all but the absent, or ticked on the terminal. */
  private async attendance(o: MeetingOptions, committee: Member[]): Promise<string[]> {
    if (o.absent && o.present)
      throw new AppError('VALIDATION_FAILED', 'Give --absent CODES or --present all, not both.');
    if (o.present) return committee.map((m) => m.code);
    if (o.absent) {
      const unknown = o.absent.filter((code) => !committee.some((m) => m.code === code));
      if (unknown.length > 0)
        throw new AppError('NOT_A_COMMITTEE_MEMBER', `Not members of this round's committee: ${unknown.join(', ')}.`, {
          codes: unknown,
        });
      return committee.filter((m) => !o.absent?.includes(m.code)).map((m) => m.code);
    }
    if (this.terminal.interactive) return rollCall(this.terminal, committee);
    throw new AppError(
      'VALIDATION_FAILED',
      'Say who attended: --absent CODES (comma-separated committee codes) or --present all.',
    );
  }

  @Option({ flags: '--round <id>', required: true })
  parseRound(value: string): number {
    return parseId(value);
  }

  @Option({ flags: '--absent <codes>', description: 'comma-separated codes of the members absent' })
  parseAbsent(value: string): string[] {
    return value
      .split(/[,，\s]+/)
      .map((code) => code.trim())
      .filter(Boolean);
  }

  @Option({ flags: '--present <all>', description: '"all": every member of the committee attended' })
  parsePresent(value: string): 'all' {
    if (value !== 'all')
      throw new AppError('VALIDATION_FAILED', '--present takes only "all"; name the others with --absent CODES.');
    return value;
  }

  @Option({
    flags: '--tally <path>',
    description: 'CSV: 身份证号,赞成,反对,弃权 — one line per eligible applicant',
    required: true,
  })
  parseTally(value: string): string {
    return value;
  }

  @Option({ flags: '--presiding <code>', description: 'the chair or vice-chair who presided', required: true })
  parsePresiding(value: string): string {
    return value;
  }
}
