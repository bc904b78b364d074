import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
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
  DrawnMember,
  drawCommittee,
  drawKey,
  PoolSnapshot,
  SeatPlan,
  sha256Hex,
} from './committee-draw';
import { automaticWithdrawals, Conflict, findConflicts, Replacement, replaceWithdrawn } from './committee-withdrawals';
import { CommitteeService, Roster } from './committee.service';
import { DrawCheck, DrawRecord, verifyDraw } from './draw-verification';
import type { CommitmentDto, DrawRecordDto } from './dto/draw.dto';
import { CommitteeMemberEntity } from './meeting.entities';
import { checkPoolSize } from './pool-rules';
import { PoolsService } from './pools.service';
import { RoundEntity } from './round.entity';
import { requireAuthority } from './round-authorities';
import { requireInTimeline, timelineOf } from './round-timeline';
import { requireState } from './round-states';
import { roundSubject, RoundsService } from './rounds.service';

@Injectable()
export class DrawsService {
  constructor(
    @InjectRepository(ApplicationEntity) private readonly applications: Repository<ApplicationEntity>,
    private readonly rounds: RoundsService,
    private readonly pools: PoolsService,
    private readonly committees: CommitteeService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /**
   * Records the office's commitment to a seed and freezes the draw's other inputs with it: the
   * members eligible today (三.二.2, at least 50) and the seats per specialty in proportion to
   * the eligible applicants (三.二.3), and the experts who would have to withdraw (回避) since
   * they share an applicant's employer. Once the seed is revealed nothing can be chosen any more.
   */
  async commit(roundId: number, input: CommitmentDto, actor: AuditActor): Promise<RoundEntity> {
    requireAuthority(actor, 'amr', 'The draw commitment');
    const round = await this.rounds.get(roundId);
    requireState(round.state, 'ELIGIBILITY_CHECKED', 'The draw commitment');
    if (round.commitment)
      throw new AppError('DRAW_ALREADY_COMMITTED', `Round ${roundId} is already committed to ${round.commitment}.`);
    checkCommitteeSize(input.committeeSize);
    const level = round.level;
    const today = this.rounds.today();
    const applicants = await this.applications.find({
      select: { name: true, employer: true, specialty: true },
      where: { roundId: round.id, eligible: true },
      order: { id: 'ASC' },
    });
    const plan: SeatPlan = {
      committeeSize: input.committeeSize,
      viceChairs: input.viceChairs,
      seats: seatsFor(round, input.committeeSize, applicants),
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
    const conflicts = findConflicts(eligible, applicants);
    // An expert who conflicts withdraws if drawn and is never a replacement: the seats must fill without them.
    const conflicted = new Set(conflicts.map((c) => c.code));
    checkDrawFeasible({ ...snapshot, members: snapshot.members.filter((m) => !conflicted.has(m.code)) }, plan);
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
      drawConflicts: JSON.stringify(conflicts),
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
        conflicts: conflicts.map((c) => c.code),
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

  /**
   * Reveals the seed and draws the committee: only the committed seed is accepted, and only once
   * the public witness is recorded. Drawn members who conflict withdraw at once (回避), each
   * replaced from the same ranking. Returns the committee that sits.
   */
  async reveal(roundId: number, seed: string, actor: AuditActor): Promise<CommitteeMemberEntity[]> {
    requireAuthority(actor, 'amr', 'The draw');
    const round = await this.rounds.get(roundId);
    requireState(round.state, 'ELIGIBILITY_CHECKED', 'The draw');
    if (!round.commitment || !round.poolSnapshot || !round.seatPlan || !round.poolRoster)
      throw new AppError('DRAW_NOT_COMMITTED', 'Publish the commitment to a seed before the draw.');
    if (round.drawnAt)
      throw new AppError('DRAW_ALREADY_DONE', `The committee of round ${roundId} was drawn at ${round.drawnAt}.`);
    // The draw is dated today: after applications closed, before the report and the meeting.
    requireInTimeline(timelineOf(round), 'draw', this.rounds.today(), this.rounds.today());
    if (!round.witnessValue)
      throw new AppError(
        'DRAW_WITNESS_MISSING',
        'Record the public witness value (POST …/draw-witness) before revealing the seed: the draw is keyed with both.',
      );
    if (commitmentOf(seed) !== round.commitment)
      throw new AppError('SEED_MISMATCH', 'SHA-256 of this seed is not the published commitment.', {
        commitment: round.commitment,
      });
    const key = drawKey(seed, round.witnessValue);
    const snapshot = JSON.parse(round.poolSnapshot) as PoolSnapshot;
    const conflicts = JSON.parse(round.drawConflicts ?? '[]') as Conflict[];
    let outcome: { drawn: DrawnMember[]; replacements: Replacement[]; sitting: DrawnMember[] };
    try {
      const drawn = drawCommittee(key, snapshot, JSON.parse(round.seatPlan) as SeatPlan);
      outcome = { drawn, ...replaceWithdrawn(key, snapshot, drawn, conflicts, automaticWithdrawals(drawn, conflicts)) };
    } catch (error) {
      if (error instanceof AppError && error.code === 'POOL_SPECIALTY_SHORT')
        throw await this.voidFailedDraw(round, seed, error, actor);
      throw error;
    }
    const { drawn, replacements, sitting } = outcome;
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
    const seated = await this.transactions.run(async (manager) => {
      await this.rounds.lockInState(manager, roundId, 'ELIGIBILITY_CHECKED', 'The draw');
      const result = await manager
        .getRepository(RoundEntity)
        .update({ id: roundId, drawnAt: IsNull() }, { seed, drawnAt });
      if (result.affected !== 1)
        throw new AppError('DRAW_ALREADY_DONE', `The committee of round ${roundId} is already drawn.`);
      await manager.getRepository(CommitteeMemberEntity).insert(rows);
      const replacing = await this.committees.store(manager, round, replacements, actor);
      await this.audit.append(manager, {
        ...actor,
        action: 'evaluation.draw.revealed',
        subject: roundSubject(roundId),
        details: {
          seed,
          witness: round.witnessValue,
          committee: drawn.map((m) => `${m.code}:${m.role}`),
          withdrawals: replacements.map((r) => `${r.code}:${r.reason}:${r.replacement.code}`),
        },
      });
      return [...rows, ...replacing];
    });
    return sitting.map((m) => seated.find((r) => r.code === m.code) as CommitteeMemberEntity);
  }

  /**
   * A committed seed whose draw cannot seat the committee (a specialty's conflicted experts drawn
   * to roles no one of theirs is left to take over): the commitment could never be drawn, and
   * would hold the round for good. The failure is recorded with everything that recomputes it
   * (seed, witness, commitment, snapshot hash), and the commitment and its witness are cleared so
   * that the office commits again, after adjusting the pool if need be. No one can steer this:
   * whether a seed fails depends on the witness, published after the commitment.
   */
  private async voidFailedDraw(
    round: RoundEntity,
    seed: string,
    failure: AppError,
    actor: AuditActor,
  ): Promise<AppError> {
    const cleared = {
      commitment: null,
      committedAt: null,
      poolSnapshot: null,
      snapshotSha256: null,
      poolRoster: null,
      seatPlan: null,
      drawConflicts: null,
      witnessValue: null,
      witnessSource: null,
      witnessPublishedOn: null,
      witnessRecordedAt: null,
    };
    await this.transactions.run(async (manager) => {
      await this.rounds.lockInState(manager, round.id, 'ELIGIBILITY_CHECKED', 'The draw');
      const result = await manager
        .getRepository(RoundEntity)
        .update({ id: round.id, commitment: round.commitment ?? undefined, drawnAt: IsNull() }, cleared);
      if (result.affected !== 1)
        throw new AppError('DRAW_ALREADY_DONE', `The committee of round ${round.id} is already drawn.`);
      await this.audit.append(manager, {
        ...actor,
        action: 'evaluation.draw.failed',
        subject: roundSubject(round.id),
        details: {
          seed,
          witness: round.witnessValue,
          commitment: round.commitment,
          snapshotSha256: round.snapshotSha256,
          failure: failure.details ?? {},
        },
      });
    });
    return new AppError(
      'POOL_SPECIALTY_SHORT',
      `${failure.message} This seed can never be drawn: the failure is recorded and the commitment cleared; commit to a new seed (adjust the pool first if need be).`,
      { ...failure.details, commitmentCleared: true },
    );
  }

  /**
   * The published record of a draw (no names): commitment, snapshot, plan, conflicts, and once
   * recorded the witness, then the seed, the committee as drawn, the withdrawals and who sits.
   */
  async record(roundId: number): Promise<DrawRecordDto> {
    const round = await this.rounds.get(roundId);
    if (!round.commitment || !round.poolSnapshot || !round.seatPlan || !round.snapshotSha256 || !round.committedAt)
      throw new AppError('DRAW_NOT_COMMITTED', `Round ${roundId} has no draw commitment yet.`);
    const drawn = round.drawnAt ? await this.committees.drawn(roundId) : null;
    const sitting = round.drawnAt ? await this.committees.sitting(roundId) : null;
    const seatOf = new Map((await this.committees.everSeated(roundId)).map((m) => [m.code, m]));
    const withdrawals = (await this.committees.withdrawals(roundId)).map((w) => ({
      code: w.code,
      specialty: seatOf.get(w.code)?.specialty ?? '',
      role: seatOf.get(w.code)?.role ?? '',
      reason: w.reason,
      applicant: w.applicant,
      employer: w.employer,
      replacedBy: w.replacedBy,
      recordedAt: w.recordedAt,
    }));
    const codes = (members: CommitteeMemberEntity[] | null) =>
      members && members.map(({ code, specialty, role }) => ({ code, specialty, role }));
    return {
      roundId,
      level: round.level,
      year: round.year,
      commitment: round.commitment,
      committedAt: round.committedAt,
      snapshotSha256: round.snapshotSha256,
      snapshotText: round.poolSnapshot,
      seatPlan: JSON.parse(round.seatPlan) as SeatPlan,
      conflicts: JSON.parse(round.drawConflicts ?? '[]') as Conflict[],
      witness: witnessOf(round),
      seed: round.seed,
      drawnAt: round.drawnAt,
      committee: codes(drawn),
      withdrawals,
      sitting: codes(sitting),
    };
  }

  /** Recomputes a stored draw from its published record (`draw:verify`). */
  async verify(roundId: number): Promise<DrawCheck> {
    const record = await this.record(roundId);
    if (!record.seed || !record.committee)
      throw new AppError('COMMITTEE_NOT_DRAWN', `The committee of round ${roundId} is not drawn yet.`);
    return verifyDraw(toDrawRecord(record));
  }

  /**
   * The committee that sits: withdrawn members (回避) replaced (committee.service.ts). With
   * `manager`, read in the caller's transaction (after it locked the round).
   */
  committee(roundId: number, manager?: EntityManager): Promise<CommitteeMemberEntity[]> {
    return this.committees.sitting(roundId, manager);
  }

  /** The committee as the office reads it: an unknown round is a 404, not an empty committee. */
  async committeeOfRound(roundId: number): Promise<CommitteeMemberEntity[]> {
    await this.rounds.get(roundId);
    return this.committees.sitting(roundId);
  }
}

/** 三.二.3 "根据专业配比": seats in proportion to the eligible applicants of each specialty. */
function seatsFor(round: RoundEntity, size: number, eligible: Array<{ specialty: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of eligible) counts[a.specialty] = (counts[a.specialty] ?? 0) + 1;
  return allocateSeats(size, SPECIALTIES_BY_LEVEL[round.level], counts);
}

function witnessOf(round: RoundEntity): DrawRecordDto['witness'] {
  const { witnessValue: value, witnessSource: source, witnessPublishedOn: publishedOn } = round;
  if (!value || !source || !publishedOn || !round.witnessRecordedAt) return null;
  return { value, source, publishedOn, recordedAt: round.witnessRecordedAt };
}

/** A published record (API or file) as the input of `verifyDraw`. */
export function toDrawRecord(
  record: Pick<
    DrawRecordDto,
    'commitment' | 'seed' | 'snapshotText' | 'snapshotSha256' | 'seatPlan' | 'committee' | 'conflicts' | 'withdrawals'
  > & { witness?: { value: string } | null },
): DrawRecord {
  return {
    commitment: record.commitment,
    seed: record.seed ?? '',
    witness: record.witness?.value ?? null,
    snapshot: JSON.parse(record.snapshotText) as PoolSnapshot,
    snapshotSha256: record.snapshotSha256,
    seatPlan: record.seatPlan as SeatPlan,
    committee: (record.committee ?? []) as DrawnMember[],
    conflicts: record.conflicts ?? [],
    withdrawals: (record.withdrawals ?? []).map(({ code, reason, replacedBy }) => ({
      code,
      reason: reason as 'same-employer' | 'declared',
      replacedBy,
    })),
  };
}
