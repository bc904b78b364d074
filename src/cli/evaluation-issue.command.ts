import { Presets, SingleBar } from 'cli-progress';
import { Command, CommandRunner, Option } from 'nest-commander';
import { cliActor } from '../audit/audit.service';
import { RoundIssuanceService } from '../evaluation/round-issuance.service';
import { parseId } from './evaluation-cli-support';

interface IssueOptions {
  round: number;
  concurrency: number;
}

/** Batch issuance with a progress bar; after a crash, run it again: it picks up where it stopped. */
@Command({
  name: 'evaluation:issue',
  description: 'Issue the certificates of everyone who passed and is not withheld (resumable)',
})
export class EvaluationIssueCommand extends CommandRunner {
  constructor(private readonly issuance: RoundIssuanceService) {
    super();
  }

  async run(_args: string[], o: IssueOptions): Promise<void> {
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
    try {
      const report = await this.issuance.issueAll(o.round, cliActor(), {
        concurrency: o.concurrency,
        onProgress: (p) => {
          if (!started) bar.start(p.total, p.done, { created: p.created, existing: p.existing });
          started = true;
          bar.update(p.done, { created: p.created, existing: p.existing });
        },
      });
      bar.stop();
      console.log(
        `Round ${o.round}: ${report.total} certificates — ${report.created} issued now, ${report.existing} already issued; state ${report.state}.`,
      );
    } catch (error) {
      bar.stop();
      console.error(
        'Issuance stopped. Run the command again to resume: certificates already issued are kept, none is issued twice.',
      );
      throw error;
    }
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
