import { Command, Option } from 'nest-commander';
import { AppError } from '../common/app-error';
import { PublicationDto, PublicationRejectionDto } from '../evaluation/dto/results.dto';
import { PublicityService } from '../evaluation/publicity.service';
import type { RoundEntity } from '../evaluation/round.entity';
import { RoundsService } from '../evaluation/rounds.service';
import { parseId, text, validBody } from './evaluation-cli-support';
import { OfficerSignInService } from './officer-sign-in.service';
import { roundTitle } from './round-summaries';
import { SignedInCommand, SignedInOptions } from './signed-in-command';
import { TerminalService } from './terminal.service';

/**
 * 四.三.6 联合发文: the joint publication is proposed by an admin of one authority and confirmed
 * by an admin of the other (the service refuses a confirmation by the proposing authority).
 */
interface ProposeOptions extends SignedInOptions {
  round: number;
  jointDocument: string;
  publishedOn: string;
}

@Command({
  name: 'publication:propose',
  description: 'Propose the joint publication of the results (admin of one authority; the other confirms)',
})
export class PublicationProposeCommand extends SignedInCommand {
  constructor(
    signIn: OfficerSignInService,
    terminal: TerminalService,
    private readonly publicity: PublicityService,
  ) {
    super(signIn, terminal);
  }

  async run(_args: string[], o: ProposeOptions): Promise<void> {
    const body = await validBody(PublicationDto, { jointDocument: text(o.jointDocument), publishedOn: o.publishedOn });
    const { officer, actor } = await this.signIn(o);
    await this.confirm(o, `Propose publishing round ${o.round} by ${body.jointDocument} of ${body.publishedOn}?`);
    const round = await this.publicity.proposePublication(o.round, body, actor);
    const other = officer.authority === 'amr' ? 'hrss' : 'amr';
    console.log(
      `${roundTitle(round)}: ${officer.username} (${officer.authority}) proposed publishing by ${round.jointDocument} of ${round.publishedOn}.`,
    );
    console.log(`Next: an admin of ${other} confirms it: publication:confirm --round ${round.id}`);
  }

  @Option({ flags: '--round <id>', required: true })
  parseRound(value: string): number {
    return parseId(value);
  }

  @Option({ flags: '--joint-document <number>', description: 'e.g. 浙市监人〔2026〕50号', required: true })
  parseJointDocument(value: string): string {
    return value;
  }

  @Option({ flags: '--published-on <date>', description: 'YYYY-MM-DD, after the publicity', required: true })
  parsePublishedOn(value: string): string {
    return value;
  }
}

interface RoundOptions extends SignedInOptions {
  round: number;
}

@Command({
  name: 'publication:confirm',
  description: "Confirm the other authority's proposal: the results are published (admin of the other authority)",
})
export class PublicationConfirmCommand extends SignedInCommand {
  constructor(
    signIn: OfficerSignInService,
    terminal: TerminalService,
    private readonly publicity: PublicityService,
    private readonly rounds: RoundsService,
  ) {
    super(signIn, terminal);
  }

  async run(_args: string[], o: RoundOptions): Promise<void> {
    const { officer, actor } = await this.signIn(o);
    const proposal = await this.rounds.get(o.round);
    await this.confirm(
      o,
      `Confirm for ${officer.authority}: ${describeProposal(proposal)}? This publishes the results.`,
    );
    const round = await this.publicity.confirmPublication(o.round, actor);
    console.log(
      `${roundTitle(round)} published by ${round.jointDocument} of ${round.publishedOn}: proposed by ${round.publicationProposedBy} (${round.publicationProposedAuthority}), confirmed by ${officer.username} (${officer.authority}); state ${round.state}.`,
    );
    console.log(`Next: an issuer issues the certificates: certificates:issue --round ${round.id}`);
  }

  @Option({ flags: '--round <id>', required: true })
  parseRound(value: string): number {
    return parseId(value);
  }
}

interface RejectOptions extends RoundOptions {
  reason: string;
}

@Command({
  name: 'publication:reject',
  description: 'Turn down (or, as the proposer, withdraw) a proposed publication, with the reason (admin)',
})
export class PublicationRejectCommand extends SignedInCommand {
  constructor(
    signIn: OfficerSignInService,
    terminal: TerminalService,
    private readonly publicity: PublicityService,
    private readonly rounds: RoundsService,
  ) {
    super(signIn, terminal);
  }

  async run(_args: string[], o: RejectOptions): Promise<void> {
    const reason = text(o.reason);
    if (!reason) throw new AppError('VALIDATION_FAILED', '--reason must say why.');
    // The API's rule for the reason (length, no invisible characters), before anything is asked.
    await validBody(PublicationRejectionDto, { reason });
    const { actor } = await this.signIn(o);
    await this.confirm(o, `Reject ${describeProposal(await this.rounds.get(o.round))}?`);
    const round = await this.publicity.rejectPublication(o.round, reason, actor);
    console.log(`${roundTitle(round)}: the proposed publication is rejected (${reason}); nothing was published.`);
  }

  @Option({ flags: '--round <id>', required: true })
  parseRound(value: string): number {
    return parseId(value);
  }

  @Option({ flags: '--reason <text>', required: true })
  parseReason(value: string): string {
    return value;
  }
}

function describeProposal(round: RoundEntity): string {
  return round.publicationProposedBy
    ? `${round.jointDocument} of ${round.publishedOn}, proposed by ${round.publicationProposedBy} (${round.publicationProposedAuthority})`
    : `the publication of round ${round.id} (nothing proposed yet)`;
}
