import { Command, CommandRunner, Option } from 'nest-commander';
import { cliActor } from '../audit/audit.service';
import { MeetingsService } from '../evaluation/meetings.service';
import { parseId, readInputFile, withProblemsPrinted } from './evaluation-cli-support';

interface MeetingOptions {
  round: number;
  present: string[];
  tally: string;
  presiding: string;
}

/** Records a meeting in one go: attendance, the scrutineers' tally file, the presiding member's confirmation. */
@Command({
  name: 'evaluation:meeting',
  description: 'Record the meeting: members present, the counted ballots (CSV) and the presiding confirmation',
})
export class EvaluationMeetingCommand extends CommandRunner {
  constructor(private readonly meetings: MeetingsService) {
    super();
  }

  async run(_args: string[], o: MeetingOptions): Promise<void> {
    const actor = cliActor();
    await this.meetings.recordAttendance(o.round, o.present, actor);
    const tallies = await withProblemsPrinted(() =>
      this.meetings.recordTallyCsv(o.round, readInputFile(o.tally), actor),
    );
    const round = await this.meetings.confirm(o.round, o.presiding, actor);
    const passed = tallies.filter((t) => t.passed).length;
    console.log(
      `Round ${round.id}: ${o.present.length} present; ${passed} of ${tallies.length} applicants passed; confirmed by ${o.presiding}; state ${round.state}.`,
    );
  }

  @Option({ flags: '--round <id>', required: true })
  parseRound(value: string): number {
    return parseId(value);
  }

  @Option({ flags: '--present <codes>', description: 'comma-separated codes of the members present', required: true })
  parsePresent(value: string): string[] {
    return value
      .split(',')
      .map((code) => code.trim())
      .filter(Boolean);
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
