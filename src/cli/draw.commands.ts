import { randomBytes } from 'node:crypto';
import { Command, CommandRunner, Option } from 'nest-commander';
import { AppError } from '../common/app-error';
import { commitmentOf } from '../evaluation/committee-draw';
import { CommitteeService } from '../evaluation/committee.service';
import { verifyDraw } from '../evaluation/draw-verification';
import { DrawWitnessService } from '../evaluation/draw-witness.service';
import { DrawsService, toDrawRecord } from '../evaluation/draws.service';
import { DrawRecordDto, WithdrawalDto, WitnessDto } from '../evaluation/dto/draw.dto';
import { parseId, readInputFile, validBody } from './evaluation-cli-support';
import { OfficerSignInService } from './officer-sign-in.service';
import { SignedInCommand, SignedInOptions } from './signed-in-command';
import { TerminalService } from './terminal.service';

@Command({
  name: 'draw:seed',
  description: 'Make a secret seed and print it with its commitment (publish the commitment, keep the seed)',
})
export class DrawSeedCommand extends CommandRunner {
  run(): Promise<void> {
    const seed = randomBytes(32).toString('hex');
    console.log(`seed        ${seed}\ncommitment  ${commitmentOf(seed)}`);
    return Promise.resolve();
  }
}

interface DrawCommitOptions extends SignedInOptions {
  round: number;
  commitment: string;
  size: number;
  viceChairs: number;
}

@Command({
  name: 'draw:commit',
  description: 'Record the published commitment; freezes the pool snapshot and the seat plan',
})
export class DrawCommitCommand extends SignedInCommand {
  constructor(
    signIn: OfficerSignInService,
    terminal: TerminalService,
    private readonly draws: DrawsService,
  ) {
    super(signIn, terminal);
  }

  async run(_args: string[], o: DrawCommitOptions): Promise<void> {
    if (!/^[0-9a-f]{64}$/.test(o.commitment))
      throw new AppError('COMMITMENT_INVALID', '--commitment must be 64 lowercase hex characters.');
    const { actor } = await this.signIn(o);
    const round = await this.draws.commit(
      o.round,
      { commitment: o.commitment, committeeSize: o.size, viceChairs: o.viceChairs },
      actor,
    );
    const conflicts = (JSON.parse(round.drawConflicts ?? '[]') as unknown[]).length;
    console.log(
      `Round ${round.id} committed to ${round.commitment}.\nPool snapshot SHA-256 ${round.snapshotSha256}; seat plan ${round.seatPlan}; ${conflicts} experts share an applicant's employer (回避).`,
    );
    console.log(
      `Next: once a public value is published (e.g. the next lottery draw), draw:witness --round ${round.id} --value V --source S --published-on D`,
    );
  }

  @Option({ flags: '--round <id>', required: true }) parseRound(v: string): number {
    return parseId(v);
  }
  @Option({ flags: '--commitment <sha256>', required: true }) parseCommitment(v: string): string {
    return v;
  }
  @Option({ flags: '--size <n>', description: 'committee size: odd, at least 25', required: true }) parseSize(
    v: string,
  ): number {
    return Number(v);
  }
  @Option({ flags: '--vice-chairs <n>', description: 'default 2', defaultValue: 2 }) parseViceChairs(
    v: string,
  ): number {
    return Number(v);
  }
}

interface DrawWitnessOptions extends SignedInOptions {
  round: number;
  value: string;
  source: string;
  publishedOn: string;
}

/** The public witness keyed into the draw with the seed (docs/evaluation.md). */
@Command({
  name: 'draw:witness',
  description: 'Record the public witness value published after the commitment (e.g. a lottery draw), once',
})
export class DrawWitnessCommand extends SignedInCommand {
  constructor(
    signIn: OfficerSignInService,
    terminal: TerminalService,
    private readonly witnesses: DrawWitnessService,
  ) {
    super(signIn, terminal);
  }

  async run(_args: string[], o: DrawWitnessOptions): Promise<void> {
    const body = await validBody(WitnessDto, { value: o.value, source: o.source, publishedOn: o.publishedOn });
    const { actor } = await this.signIn(o);
    await this.confirm(
      o,
      `Record the witness "${body.value}" (${body.source}, ${body.publishedOn}) for round ${o.round}?`,
    );
    const round = await this.witnesses.record(o.round, body, actor);
    console.log(
      `Round ${round.id}: witness "${round.witnessValue}" from ${round.witnessSource} (${round.witnessPublishedOn}).`,
    );
  }

  @Option({ flags: '--round <id>', required: true }) parseRound(v: string): number {
    return parseId(v);
  }
  @Option({
    flags: '--value <text>',
    description: 'exactly as published, e.g. "03 09 14 21 27 33 + 08"',
    required: true,
  })
  parseValue(v: string): string {
    return v;
  }
  @Option({ flags: '--source <text>', description: 'where it was published', required: true }) parseSource(
    v: string,
  ): string {
    return v;
  }
  @Option({ flags: '--published-on <date>', description: 'YYYY-MM-DD, not before the commitment', required: true })
  parsePublishedOn(v: string): string {
    return v;
  }
}

/** One line per member: role, code, specialty, name, affiliation. */
const memberLine = (m: { role: string; code: string; specialty: string; name: string; affiliation: string }) =>
  `${m.role.padEnd(10)} ${m.code.padEnd(8)} ${m.specialty.padEnd(18)} ${m.name}  ${m.affiliation}`;

@Command({ name: 'draw:run', description: 'Reveal the seed and draw the committee (after the witness)' })
export class DrawRunCommand extends SignedInCommand {
  constructor(
    signIn: OfficerSignInService,
    terminal: TerminalService,
    private readonly draws: DrawsService,
  ) {
    super(signIn, terminal);
  }

  async run(_args: string[], o: SignedInOptions & { round: number; seed: string }): Promise<void> {
    if (!/^[0-9a-f]{64}$/.test(o.seed))
      throw new AppError('SEED_INVALID', '--seed must be 64 lowercase hex characters.');
    const { actor } = await this.signIn(o);
    const committee = await this.draws.reveal(o.round, o.seed, actor);
    for (const m of committee) console.log(memberLine(m));
    const withdrawn = (await this.draws.record(o.round)).withdrawals;
    for (const w of withdrawn)
      console.log(
        `withdrew   ${w.code.padEnd(8)} same employer as applicant ${w.applicant}: ${w.employer}; replaced by ${w.replacedBy}`,
      );
    console.log(
      `Drew ${committee.length} members for round ${o.round}; ${withdrawn.length} withdrew (回避) and were replaced.`,
    );
  }

  @Option({ flags: '--round <id>', required: true }) parseRound(v: string): number {
    return parseId(v);
  }
  @Option({ flags: '--seed <hex>', required: true }) parseSeed(v: string): string {
    return v;
  }
}

interface DrawWithdrawOptions extends SignedInOptions {
  round: number;
  code: string;
  reason: string;
}

/** 回避 declared before the meeting: the member withdraws, the next in the draw's ranking sits. */
@Command({ name: 'draw:withdraw', description: "Record a member's declared withdrawal (回避) before the meeting" })
export class DrawWithdrawCommand extends SignedInCommand {
  constructor(
    signIn: OfficerSignInService,
    terminal: TerminalService,
    private readonly committees: CommitteeService,
  ) {
    super(signIn, terminal);
  }

  async run(_args: string[], o: DrawWithdrawOptions): Promise<void> {
    const body = await validBody(WithdrawalDto, { code: o.code, reason: o.reason });
    const { actor } = await this.signIn(o);
    await this.confirm(o, `${body.code} withdraws from round ${o.round}'s committee?`);
    const { withdrawn, replacement } = await this.committees.declareWithdrawal(o.round, body.code, body.reason, actor);
    console.log(`withdrew   ${withdrawn.code} ${withdrawn.name}\n${memberLine(replacement)}`);
    console.log(`${replacement.code} takes the seat of ${withdrawn.code} in round ${o.round}.`);
  }

  @Option({ flags: '--round <id>', required: true }) parseRound(v: string): number {
    return parseId(v);
  }
  @Option({ flags: '--code <code>', description: "the member's code", required: true }) parseCode(v: string): string {
    return v;
  }
  @Option({ flags: '--reason <text>', description: 'the declared reason (office only)', required: true })
  parseReason(v: string): string {
    return v;
  }
}

interface DrawVerifyOptions {
  round?: number;
  record?: string;
  seed?: string;
  witness?: string;
}

/** Recomputes a draw: from the database (--round) or from a published record file (--record, GET …/draw). */
@Command({
  name: 'draw:verify',
  description: 'Recompute a committee draw from its published record and say whether it matches',
})
export class DrawVerifyCommand extends CommandRunner {
  constructor(private readonly draws: DrawsService) {
    super();
  }

  async run(_args: string[], o: DrawVerifyOptions): Promise<void> {
    if (!o.round === !o.record) throw new AppError('VALIDATION_FAILED', 'Give --round <id> or --record <file>.');
    const record = o.record
      ? (JSON.parse(readInputFile(o.record).toString('utf8')) as DrawRecordDto)
      : await this.draws.record(o.round as number);
    const witness = o.witness !== undefined ? { value: o.witness } : record.witness;
    const check = verifyDraw(toDrawRecord({ ...record, seed: o.seed ?? record.seed, witness }));
    const mark = (ok: boolean) => (ok ? 'yes' : 'NO');
    console.log(`SHA-256(seed) = commitment:         ${mark(check.commitmentMatches)}`);
    console.log(`SHA-256(snapshot) = published hash: ${mark(check.snapshotMatches)}`);
    console.log(`witness:                            ${witness ? witness.value : '(none: a draw before witnesses)'}`);
    console.log(`recomputed committee = published:   ${mark(check.committeeMatches)}`);
    console.log(`withdrawals and replacements:       ${mark(check.withdrawalsMatch)}`);
    console.log(check.matches ? 'The draw MATCHES.' : 'The draw DOES NOT MATCH.');
    if (!check.matches) process.exitCode = 2;
  }

  @Option({ flags: '--round <id>' }) parseRound(v: string): number {
    return parseId(v);
  }
  @Option({ flags: '--record <file>', description: 'a record saved from GET /api/v1/evaluation/rounds/{id}/draw' })
  parseRecord(v: string): string {
    return v;
  }
  @Option({ flags: '--seed <hex>', description: 'the revealed seed, if the record predates the reveal' }) parseSeed(
    v: string,
  ): string {
    return v;
  }
  @Option({ flags: '--witness <text>', description: 'the witness value, if the record predates it' })
  parseWitness(v: string): string {
    return v;
  }
}
