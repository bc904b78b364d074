import { Command, Option } from 'nest-commander';
import { HrssApprovalDto, PreEvaluationReportDto } from '../evaluation/dto/round.dto';
import { RoundsService } from '../evaluation/rounds.service';
import { parseId, text, validBody } from './evaluation-cli-support';
import { OfficerSignInService } from './officer-sign-in.service';
import { roundTitle } from './round-summaries';
import { SignedInCommand, SignedInOptions } from './signed-in-command';
import { TerminalService } from './terminal.service';

interface ReportOptions extends SignedInOptions {
  round: number;
  reportedOn: string;
}

/** 四.三.4: AMR's committee office reports to HRSS, at least 10 working days before the meeting. */
@Command({
  name: 'report:submit',
  description: 'Record the pre-evaluation report to HRSS (AMR admin; again to replace it until HRSS approves)',
})
export class ReportSubmitCommand extends SignedInCommand {
  constructor(
    signIn: OfficerSignInService,
    terminal: TerminalService,
    private readonly rounds: RoundsService,
  ) {
    super(signIn, terminal);
  }

  async run(_args: string[], o: ReportOptions): Promise<void> {
    const body = await validBody(PreEvaluationReportDto, { reportedOn: o.reportedOn });
    const { officer, actor } = await this.signIn(o);
    const round = await this.rounds.reportPreEvaluation(o.round, body, actor);
    console.log(
      `${roundTitle(round)}: reported to HRSS on ${round.reportedOn} by ${officer.username} (${officer.authority}).`,
    );
    console.log(
      `Next: an HRSS admin records the approval (核准): report:approve --round ${round.id} --document N --approved-on D`,
    );
  }

  @Option({ flags: '--round <id>', required: true })
  parseRound(value: string): number {
    return parseId(value);
  }

  @Option({
    flags: '--reported-on <date>',
    description: 'the day the report reached HRSS, YYYY-MM-DD (≥ 10 working days before the meeting)',
    required: true,
  })
  parseReportedOn(value: string): string {
    return value;
  }
}

interface ApprovalOptions extends SignedInOptions {
  round: number;
  document: string;
  approvedOn: string;
}

/** 四.三.4 "经省人力社保厅核准同意": only then may the committee meet. */
@Command({
  name: 'report:approve',
  description: "Record HRSS's approval (核准) of the pre-evaluation report (HRSS admin)",
})
export class ReportApproveCommand extends SignedInCommand {
  constructor(
    signIn: OfficerSignInService,
    terminal: TerminalService,
    private readonly rounds: RoundsService,
  ) {
    super(signIn, terminal);
  }

  async run(_args: string[], o: ApprovalOptions): Promise<void> {
    const body = await validBody(HrssApprovalDto, { approvalDocument: text(o.document), approvedOn: o.approvedOn });
    const { officer, actor } = await this.signIn(o);
    const before = await this.rounds.get(o.round);
    await this.confirm(
      o,
      `Approve, for HRSS, the report of ${roundTitle(before)} received on ${before.reportedOn ?? '(none yet)'} by ${body.approvalDocument}?`,
    );
    const round = await this.rounds.approvePreEvaluation(o.round, body, actor);
    console.log(
      `${roundTitle(round)}: HRSS approved the report of ${round.reportedOn} by ${round.hrssApprovalDocument} on ${round.hrssApprovedOn} (${officer.username}, ${officer.authority}); state ${round.state}.`,
    );
    console.log(`The committee may meet on ${round.meetingDate}.`);
  }

  @Option({ flags: '--round <id>', required: true })
  parseRound(value: string): number {
    return parseId(value);
  }

  @Option({
    flags: '--document <number>',
    description: "HRSS's approval document, e.g. 浙人社〔2026〕88号",
    required: true,
  })
  parseDocument(value: string): string {
    return value;
  }

  @Option({ flags: '--approved-on <date>', description: 'YYYY-MM-DD', required: true })
  parseApprovedOn(value: string): string {
    return value;
  }
}
