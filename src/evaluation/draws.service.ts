import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { AuditActor, AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { TransactionRunner } from '../database/transaction-runner';
import { SPECIALTIES_BY_LEVEL } from '../common/qualifications';
import { ApplicationEntity } from './application.entity';
import { allocateSeats, checkCommitteeSize } from './committee-rules';
import {
  canonicalSeatPlan,
  canonicalSnapshot,
  checkDrawFeasible,
  commitmentOf,
  DrawCheck,
  DrawnMember,
  drawCommittee,
  DrawRecord,
  PoolSnapshot,
  SeatPlan,
  sha256Hex,
  verifyDraw,
} from './committee-draw';
import type { CommitmentDto, DrawRecordDto } from './dto/draw.dto';
import { CommitteeMemberEntity } from './meeting.entities';
import { checkPoolSize } from './pool-rules';
import { PoolsService } from './pools.service';
import { RoundEntity } from './round.entity';
import { requireState } from './round-states';
import { roundSubject, RoundsService } from './rounds.service';

type Roster = Record<string, [name: string, affiliation: string]>;

@Injectable()
export class DrawsService {
  constructor(
    @InjectRepository(CommitteeMemberEntity) private readonly members: Repository<CommitteeMemberEntity>,
    @InjectRepository(ApplicationEntity) private readonly applications: Repository<ApplicationEntity>,
    private readonly rounds: RoundsService,
    private readonly pools: PoolsService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /**
   * Records the office's commitment to a seed and freezes the draw's other inputs with it: the
   * members eligible today (三.二.2, at least 50) and the seats per specialty in proportion to
   * the eligible applicants (三.二.3). Once the seed is revealed nothing can be chosen any more.
   */
  async commit(roundId: number, input: CommitmentDto, actor: AuditActor): Promise<RoundEntity> {
    const round = await this.rounds.get(roundId);
    requireState(round.state, 'ELIGIBILITY_CHECKED', 'The draw commitment');
    if (round.commitment)
      throw new AppError('DRAW_ALREADY_COMMITTED', `Round ${roundId} is already committed to ${round.commitment}.`);
    checkCommitteeSize(input.committeeSize);
    const level = round.level;
    const today = this.rounds.today();
    const plan: SeatPlan = {
      committeeSize: input.committeeSize,
      viceChairs: input.viceChairs,
      seats: await this.seatsFor(round, input.committeeSize),
    };
    const eligible = await this.pools.eligibleAt(level, today);
    checkPoolSize(eligible.length);
    const snapshot: PoolSnapshot = {
      level,
      asOf: today,
      members: eligible.map((e) => ({
        code: e.code,
        specialty: e.specialty,
        chair: e.chairCandidate,
        viceChair: e.viceChairCandidate,
      })),
    };
    checkDrawFeasible(snapshot, plan);
    const snapshotText = canonicalSnapshot(snapshot);
    const roster: Roster = Object.fromEntries(eligible.map((e) => [e.code, [e.name, e.affiliation]]));
    const summary = await this.pools.summary(level);
    const patch = {
      commitment: input.commitment,
      committedAt: this.rounds.nowIso(),
      poolSnapshot: snapshotText,
      snapshotSha256: sha256Hex(snapshotText),
      poolRoster: JSON.stringify(roster),
      seatPlan: canonicalSeatPlan(plan),
    };
    await this.transactions.run(async (manager) => {
      await this.rounds.lockInState(manager, roundId, 'ELIGIBILITY_CHECKED', 'The draw commitment');
      const result = await manager.getRepository(RoundEntity).update({ id: roundId, commitment: IsNull() }, patch);
      if (result.affected !== 1) throw new AppError('DRAW_ALREADY_COMMITTED', `Round ${roundId} is already committed.`);
      // 三.二.2: a pool not adjusted for over 3 years is flagged in the record of the draw.
      const details = {
        commitment: input.commitment,
        snapshotSha256: patch.snapshotSha256,
        seatPlan: plan,
        eligibleMembers: eligible.length,
        poolReviewOverdue: summary.reviewOverdue,
      };
      await this.audit.append(manager, {
        ...actor,
        action: 'evaluation.draw.committed',
        subject: roundSubject(roundId),
        details,
      });
    });
    return Object.assign(round, patch);
  }

  /** Reveals the seed and draws the committee: only the committed seed is accepted. */
  async reveal(roundId: number, seed: string, actor: AuditActor): Promise<CommitteeMemberEntity[]> {
    const round = await this.rounds.get(roundId);
    requireState(round.state, 'ELIGIBILITY_CHECKED', 'The draw');
    if (!round.commitment || !round.poolSnapshot || !round.seatPlan || !round.poolRoster)
      throw new AppError('DRAW_NOT_COMMITTED', 'Publish the commitment to a seed before the draw.');
    if (round.drawnAt)
      throw new AppError('DRAW_ALREADY_DONE', `The committee of round ${roundId} was drawn at ${round.drawnAt}.`);
    if (commitmentOf(seed) !== round.commitment)
      throw new AppError('SEED_MISMATCH', 'SHA-256 of this seed is not the published commitment.', {
        commitment: round.commitment,
      });
    const drawn = drawCommittee(
      seed,
      JSON.parse(round.poolSnapshot) as PoolSnapshot,
      JSON.parse(round.seatPlan) as SeatPlan,
    );
    const roster = JSON.parse(round.poolRoster) as Roster;
    const rows = drawn.map((m, position) =>
      Object.assign(new CommitteeMemberEntity(), {
        roundId,
        position,
        code: m.code,
        name: roster[m.code][0],
        affiliation: roster[m.code][1],
        specialty: m.specialty,
        role: m.role,
      }),
    );
    const drawnAt = this.rounds.nowIso();
    await this.transactions.run(async (manager) => {
      await this.rounds.lockInState(manager, roundId, 'ELIGIBILITY_CHECKED', 'The draw');
      const result = await manager
        .getRepository(RoundEntity)
        .update({ id: roundId, drawnAt: IsNull() }, { seed, drawnAt });
      if (result.affected !== 1)
        throw new AppError('DRAW_ALREADY_DONE', `The committee of round ${roundId} is already drawn.`);
      await manager.getRepository(CommitteeMemberEntity).insert(rows);
      await this.audit.append(manager, {
        ...actor,
        action: 'evaluation.draw.revealed',
        subject: roundSubject(roundId),
        details: { seed, committee: drawn.map((m) => `${m.code}:${m.role}`) },
      });
    });
    return rows;
  }

  /** The published record of a draw (no names): commitment, snapshot, plan, and once drawn the seed and committee. */
  async record(roundId: number): Promise<DrawRecordDto> {
    const round = await this.rounds.get(roundId);
    if (!round.commitment || !round.poolSnapshot || !round.seatPlan || !round.snapshotSha256 || !round.committedAt)
      throw new AppError('DRAW_NOT_COMMITTED', `Round ${roundId} has no draw commitment yet.`);
    const committee = round.drawnAt
      ? (await this.committee(roundId)).map(({ code, specialty, role }) => ({ code, specialty, role }))
      : null;
    return {
      roundId,
      level: round.level,
      year: round.year,
      commitment: round.commitment,
      committedAt: round.committedAt,
      snapshotSha256: round.snapshotSha256,
      snapshotText: round.poolSnapshot,
      seatPlan: JSON.parse(round.seatPlan) as SeatPlan,
      seed: round.seed,
      drawnAt: round.drawnAt,
      committee,
    };
  }

  /** Recomputes a stored draw from its published record (`draw:verify`). */
  async verify(roundId: number): Promise<DrawCheck> {
    const record = await this.record(roundId);
    if (!record.seed || !record.committee)
      throw new AppError('COMMITTEE_NOT_DRAWN', `The committee of round ${roundId} is not drawn yet.`);
    return verifyDraw(toDrawRecord(record));
  }

  committee(roundId: number): Promise<CommitteeMemberEntity[]> {
    return this.members.find({ where: { roundId }, order: { position: 'ASC' } });
  }

  /** 三.二.3 "根据专业配比": seats in proportion to the eligible applicants of each specialty. */
  private async seatsFor(round: RoundEntity, size: number): Promise<Record<string, number>> {
    const eligible = await this.applications.find({
      select: { specialty: true },
      where: { roundId: round.id, eligible: true },
    });
    const counts: Record<string, number> = {};
    for (const a of eligible) counts[a.specialty] = (counts[a.specialty] ?? 0) + 1;
    return allocateSeats(size, SPECIALTIES_BY_LEVEL[round.level], counts);
  }
}

/** A published record (API or file) as the input of `verifyDraw`. */
export function toDrawRecord(
  record: Pick<DrawRecordDto, 'commitment' | 'seed' | 'snapshotText' | 'snapshotSha256' | 'seatPlan' | 'committee'>,
): DrawRecord {
  return {
    commitment: record.commitment,
    seed: record.seed ?? '',
    snapshot: JSON.parse(record.snapshotText) as PoolSnapshot,
    snapshotSha256: record.snapshotSha256,
    seatPlan: record.seatPlan as SeatPlan,
    committee: (record.committee ?? []) as DrawnMember[],
  };
}
