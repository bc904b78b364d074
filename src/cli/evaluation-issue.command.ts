import { Presets, SingleBar } from 'cli-progress';
import { Command, Option } from 'nest-commander';
import { ApplicationsService } from '../evaluation/applications.service';
import { IssuanceReport, RoundIssuanceService } from '../evaluation/round-issuance.service';
import { parseId } from './evaluation-cli-support';
import { OfficerSignInService } from './officer-sign-in.service';
import { certificateLines } from './round-summaries';
import { SignedInCommand, SignedInOptions } from './signed-in-command';
import { TerminalService } from './terminal.service';

interface IssueOptions extends SignedInOptions {
  round: number;
  concurrency: number;
}

/** Batch issuance with a progress bar; after a crash, run it again: it picks up where it stopped. */
@Command({
  name: 'certificates:issue',
  aliases: ['evaluation:issue'],
  description: 'Issue the certificates of everyone who passed and is not withheld (issuer; resumable)',
})
export class EvaluationIssueCommand extends SignedInCommand {
  constructor(
    signIn: OfficerSignInService,
    terminal: TerminalService,
    private readonly issuance: RoundIssuanceService,
    private readonly applications: ApplicationsService,
  ) {
    super(signIn, terminal);
  }

  async run(_args: string[], o: IssueOptions): Promise<void> {
    const { actor } = await this.signIn(o, ['issuer']);
    await this.confirm(o, `Issue the certificates of round ${o.round}, signed by both authorities?`);
    // On a terminal the bar redraws in place (stderr); in a log it is left out.
    const bar = new SingleBar(
      {
        format:
          'issuing [{bar}] {value}/{total} ({percentage}%) · new {created} · existing {existing} · eta {eta_formatted}',
        stream: process.stderr,
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    let started = false;
    let report: IssuanceReport;
    try {
      report = await this.issuance.issueAll(o.round, actor, {
        concurrency: o.concurrency,
        onProgress: (p) => {
          if (!started) bar.start(p.total, p.done, { created: p.created, existing: p.existing });
          started = true;
          bar.update(p.done, { created: p.created, existing: p.existing });
        },
      });
      bar.stop();
    } catch (error) {
      bar.stop();
      console.error(
        'Issuance stopped. Run the command again to resume: certificates already issued are kept, none is issued twice.',
      );
      throw error;
    }
    const applicants = (await this.applications.list(o.round)).map(({ application }) => application);
    console.log(certificateLines(applicants).join('\n'));
    console.log(
      `Round ${o.round}: ${report.total} certificates — ${report.created} issued now, ${report.existing} already issued; state ${report.state}.`,
    );
    for (const c of report.conflicts)
      console.log(
        `Not issued: application ${c.applicationId} ${c.name} holds ${c.certificateNo} of this level and year (${c.code}).`,
      );
  }

  @Option({ flags: '--round <id>', required: true })
  parseRound(value: string): number {
    return parseId(value);
  }

  @Option({ flags: '--concurrency <n>', description: 'issuances in flight (default 8)', defaultValue: 8 })
  parseConcurrency(value: string): number {
    return Math.max(1, Math.min(64, Number(value) || 8));
  }
}
