import { randomBytes } from 'node:crypto';
import { Command, CommandRunner, Option } from 'nest-commander';
import { cliActor } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { commitmentOf, verifyDraw } from '../evaluation/committee-draw';
import { DrawsService, toDrawRecord } from '../evaluation/draws.service';
import type { DrawRecordDto } from '../evaluation/dto/draw.dto';
import { parseId, readInputFile } from './evaluation-cli-support';

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

interface DrawCommitOptions {
  round: number;
  commitment: string;
  size: number;
  viceChairs: number;
}

@Command({
  name: 'draw:commit',
  description: 'Record the published commitment; freezes the pool snapshot and the seat plan',
})
export class DrawCommitCommand extends CommandRunner {
  constructor(private readonly draws: DrawsService) {
    super();
  }

  async run(_args: string[], o: DrawCommitOptions): Promise<void> {
    if (!/^[0-9a-f]{64}$/.test(o.commitment))
      throw new AppError('COMMITMENT_INVALID', '--commitment must be 64 lowercase hex characters.');
    const round = await this.draws.commit(
      o.round,
      { commitment: o.commitment, committeeSize: o.size, viceChairs: o.viceChairs },
      cliActor(),
    );
    console.log(
      `Round ${round.id} committed to ${round.commitment}.\nPool snapshot SHA-256 ${round.snapshotSha256}; seat plan ${round.seatPlan}.`,
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

@Command({ name: 'draw:run', description: 'Reveal the seed and draw the committee' })
export class DrawRunCommand extends CommandRunner {
  constructor(private readonly draws: DrawsService) {
    super();
  }

  async run(_args: string[], o: { round: number; seed: string }): Promise<void> {
    if (!/^[0-9a-f]{64}$/.test(o.seed))
      throw new AppError('SEED_INVALID', '--seed must be 64 lowercase hex characters.');
    const committee = await this.draws.reveal(o.round, o.seed, cliActor());
    for (const m of committee)
      console.log(`${m.role.padEnd(10)} ${m.code.padEnd(8)} ${m.specialty.padEnd(18)} ${m.name}  ${m.affiliation}`);
    console.log(`Drew ${committee.length} members for round ${o.round}.`);
  }

  @Option({ flags: '--round <id>', required: true }) parseRound(v: string): number {
    return parseId(v);
  }
  @Option({ flags: '--seed <hex>', required: true }) parseSeed(v: string): string {
    return v;
  }
}

interface DrawVerifyOptions {
  round?: number;
  record?: string;
  seed?: string;
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
    const check = verifyDraw(toDrawRecord({ ...record, seed: o.seed ?? record.seed }));
    const mark = (ok: boolean) => (ok ? 'yes' : 'NO');
    console.log(`SHA-256(seed) = commitment:         ${mark(check.commitmentMatches)}`);
    console.log(`SHA-256(snapshot) = published hash: ${mark(check.snapshotMatches)}`);
    console.log(`recomputed committee = published:   ${mark(check.committeeMatches)}`);
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
}
