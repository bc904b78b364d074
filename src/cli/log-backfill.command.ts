import { Command, CommandRunner } from 'nest-commander';
import { cliActor } from '../audit/audit.service';
import { LogBackfillService } from '../certificates/log-backfill.service';

@Command({
  name: 'log:backfill',
  description: 'Append an issuance entry to the transparency log for every certificate without one (idempotent)',
})
export class LogBackfillCommand extends CommandRunner {
  constructor(private readonly backfill: LogBackfillService) {
    super();
  }

  async run(): Promise<void> {
    const logged = await this.backfill.run(cliActor(), (n) => console.log(`${n} certificates logged…`));
    console.log(
      logged === 0
        ? 'Every certificate already has its issuance entry in the transparency log.'
        : `Logged ${logged} certificates issued before the transparency log; each now verifies with its log entry.`,
    );
  }
}
