import { Command, CommandRunner, Option } from 'nest-commander';
import { cliActor } from '../audit/audit.service';
import { PublicityService } from '../evaluation/publicity.service';
import { parseId } from './evaluation-cli-support';

interface PublishOptions {
  round: number;
  jointDocument: string;
  publishedOn: string;
}

@Command({
  name: 'evaluation:publish',
  description: 'Record the joint publication of the results (after the publicity, objections resolved)',
})
export class EvaluationPublishCommand extends CommandRunner {
  constructor(private readonly publicity: PublicityService) {
    super();
  }

  async run(_args: string[], o: PublishOptions): Promise<void> {
    const round = await this.publicity.publish(
      o.round,
      { jointDocument: o.jointDocument, publishedOn: o.publishedOn },
      cliActor(),
    );
    console.log(`Round ${round.id} published by ${round.jointDocument} on ${round.publishedOn}; state ${round.state}.`);
  }

  @Option({ flags: '--round <id>', required: true })
  parseRound(value: string): number {
    return parseId(value);
  }

  @Option({ flags: '--joint-document <number>', description: 'e.g. 浙市监人〔2026〕50号', required: true })
  parseJointDocument(value: string): string {
    return value;
  }

  @Option({ flags: '--published-on <date>', description: 'YYYY-MM-DD', required: true })
  parsePublishedOn(value: string): string {
    return value;
  }
}
