import { Command, Option } from 'nest-commander';
import { AppError } from '../common/app-error';
import type { ApplicationEntity } from '../evaluation/application.entity';
import { ApplicationsService } from '../evaluation/applications.service';
import { ObjectionDto, PublicityDto, ResolutionDto } from '../evaluation/dto/results.dto';
import { PublicityService } from '../evaluation/publicity.service';
import { parseId, text, validBody } from './evaluation-cli-support';
import { OfficerSignInService } from './officer-sign-in.service';
import { applicantLabel, roundTitle } from './round-summaries';
import { SignedInCommand, SignedInOptions } from './signed-in-command';
import { TerminalService } from './terminal.service';

interface PublicityOptions extends SignedInOptions {
  round: number;
  start: string;
  end: string;
}

/** 四.三.6: the results are publicised for at least 5 working days. */
@Command({ name: 'publicity:start', description: 'Publicise the results of the meeting (AMR admin)' })
export class PublicityStartCommand extends SignedInCommand {
  constructor(
    signIn: OfficerSignInService,
    terminal: TerminalService,
    private readonly publicity: PublicityService,
  ) {
    super(signIn, terminal);
  }

  async run(_args: string[], o: PublicityOptions): Promise<void> {
    const body = await validBody(PublicityDto, { start: o.start, end: o.end });
    const { actor } = await this.signIn(o);
    await this.confirm(o, `Publicise the results of round ${o.round} from ${o.start} to ${o.end}?`);
    const round = await this.publicity.startPublicity(o.round, body, actor);
    console.log(
      `${roundTitle(round)}: results publicised ${round.publicityStart} to ${round.publicityEnd}; state ${round.state}.`,
    );
    console.log(`Objections received meanwhile: objection:add --round ${round.id} --applicant #N …`);
  }

  @Option({ flags: '--round <id>', required: true })
  parseRound(value: string): number {
    return parseId(value);
  }
  @Option({ flags: '--start <date>', description: 'YYYY-MM-DD', required: true })
  parseStart(value: string): string {
    return value;
  }
  @Option({ flags: '--end <date>', description: 'YYYY-MM-DD, at least 5 working days on (四.三.6)', required: true })
  parseEnd(value: string): string {
    return value;
  }
}

interface ObjectionOptions extends SignedInOptions {
  round: number;
  applicant: string;
  summary: string;
  receivedOn: string;
}

@Command({ name: 'objection:add', description: 'Record a complaint received during the publicity (AMR admin)' })
export class ObjectionAddCommand extends SignedInCommand {
  constructor(
    signIn: OfficerSignInService,
    terminal: TerminalService,
    private readonly publicity: PublicityService,
    private readonly applications: ApplicationsService,
  ) {
    super(signIn, terminal);
  }

  async run(_args: string[], o: ObjectionOptions): Promise<void> {
    const { actor } = await this.signIn(o);
    const applicant = await findApplicant(this.applications, o.round, o.applicant);
    const body = await validBody(ObjectionDto, {
      applicationId: applicant.id,
      summary: text(o.summary),
      receivedOn: o.receivedOn,
    });
    const objection = await this.publicity.addObjection(o.round, body, actor);
    console.log(`Objection ${objection.id} recorded against ${applicantLabel(applicant)}, received ${o.receivedOn}.`);
    console.log(
      `Resolve it: objection:resolve --round ${o.round} --objection ${objection.id} --outcome upheld|dismissed --finding TEXT`,
    );
  }

  @Option({ flags: '--round <id>', required: true })
  parseRound(value: string): number {
    return parseId(value);
  }
  @Option({
    flags: '--applicant <who>',
    description: "#N as the summaries print it, or the applicant's ID number",
    required: true,
  })
  parseApplicant(value: string): string {
    return value;
  }
  @Option({ flags: '--summary <text>', description: 'what the complaint says (office only)', required: true })
  parseSummary(value: string): string {
    return value;
  }
  @Option({ flags: '--received-on <date>', description: 'YYYY-MM-DD', required: true })
  parseReceivedOn(value: string): string {
    return value;
  }
}

interface ResolutionOptions extends SignedInOptions {
  round: number;
  objection: number;
  outcome: string;
  finding: string;
}

@Command({ name: 'objection:resolve', description: 'Resolve a complaint: upheld withholds the applicant (AMR admin)' })
export class ObjectionResolveCommand extends SignedInCommand {
  constructor(
    signIn: OfficerSignInService,
    terminal: TerminalService,
    private readonly publicity: PublicityService,
    private readonly applications: ApplicationsService,
  ) {
    super(signIn, terminal);
  }

  async run(_args: string[], o: ResolutionOptions): Promise<void> {
    const body = await validBody(ResolutionDto, { outcome: o.outcome, finding: text(o.finding) });
    const { actor } = await this.signIn(o);
    const objection = (await this.publicity.listObjections(o.round)).find((x) => x.id === o.objection);
    if (!objection) throw new AppError('OBJECTION_NOT_FOUND', `No objection ${o.objection} in round ${o.round}.`);
    const applicant = await findApplicant(this.applications, o.round, `#${objection.applicationId}`);
    const effect = body.outcome === 'upheld' ? `${applicant.name} will get no certificate` : 'the result stands';
    await this.confirm(
      o,
      `Resolve objection ${o.objection} on ${applicantLabel(applicant)} as ${body.outcome}: ${effect}?`,
    );
    await this.publicity.resolveObjection(o.round, o.objection, body, actor);
    console.log(`Objection ${o.objection} on ${applicantLabel(applicant)}: ${body.outcome}; ${effect}.`);
  }

  @Option({ flags: '--round <id>', required: true })
  parseRound(value: string): number {
    return parseId(value);
  }
  @Option({ flags: '--objection <id>', required: true })
  parseObjection(value: string): number {
    return parseId(value);
  }
  @Option({ flags: '--outcome <outcome>', description: 'upheld (no certificate) or dismissed', required: true })
  parseOutcome(value: string): string {
    return value;
  }
  @Option({ flags: '--finding <text>', description: 'what the investigation found', required: true })
  parseFinding(value: string): string {
    return value;
  }
}

/** An applicant of the round by `#N` (the summaries' number) or by ID number. */
async function findApplicant(
  applications: ApplicationsService,
  roundId: number,
  who: string,
): Promise<ApplicationEntity> {
  const all = (await applications.list(roundId)).map(({ application }) => application);
  const number = /^#?(\d{1,9})$/.exec(who.trim());
  const found = number
    ? all.find((a) => a.id === Number(number[1]))
    : all.find((a) => a.idNumber === who.trim().toUpperCase());
  if (!found) throw new AppError('APPLICATION_NOT_FOUND', `No applicant ${who} in round ${roundId}.`);
  return found;
}
