import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditActor, AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { toNfc } from '../common/text-input';
import { TransactionRunner } from '../database/transaction-runner';
import { DrawnMember, drawKey, PoolSnapshot, SeatPlan } from './committee-draw';
import { Conflict, Replacement, replaceWithdrawn, WithdrawalReason } from './committee-withdrawals';
import { CommitteeMemberEntity, CommitteeWithdrawalEntity } from './meeting.entities';
import { RoundEntity } from './round.entity';
import { requireAuthority } from './round-authorities';
import type { RoundState } from './round-states';
import { roundSubject, RoundsService } from './rounds.service';

/** Names and affiliations of the snapshot's members by code, frozen at the commitment. */
export type Roster = Record<string, [name: string, affiliation: string]>;

/** Until the meeting begins (attendance taken), a member may still withdraw (回避). */
const WITHDRAWAL_STATES: readonly RoundState[] = ['ELIGIBILITY_CHECKED', 'PRE_EVALUATION_REPORTED'];

/**
 * The committee that sits: the drawn members with each withdrawal (回避) applied in order and
 * its replacement seated (committee-withdrawals.ts). Member and withdrawal rows are only added.
 */
@Injectable()
export class CommitteeService {
  constructor(
    @InjectRepository(CommitteeMemberEntity) private readonly members: Repository<CommitteeMemberEntity>,
    @InjectRepository(CommitteeWithdrawalEntity) private readonly withdrawalRows: Repository<CommitteeWithdrawalEntity>,
    private readonly rounds: RoundsService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** The members who sit, in seat order: the chair, the vice-chairs, then the members. */
  async sitting(roundId: number, manager?: EntityManager): Promise<CommitteeMemberEntity[]> {
    const members = manager?.getRepository(CommitteeMemberEntity) ?? this.members;
    const [rows, withdrawals] = await Promise.all([
      members.find({ where: { roundId }, order: { position: 'ASC' } }),
      this.withdrawals(roundId, manager),
    ]);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const replacedBy = new Map(withdrawals.map((w) => [w.code, w.replacedBy]));
    const replacements = new Set(replacedBy.values());
    return rows
      .filter((r) => !replacements.has(r.code))
      .map((r) => {
        let code = r.code;
        for (let next = replacedBy.get(code); next !== undefined; next = replacedBy.get(code)) code = next;
        return byCode.get(code) ?? r;
      });
  }

  /** The members as drawn, before any withdrawal. */
  async drawn(roundId: number): Promise<CommitteeMemberEntity[]> {
    const withdrawals = await this.withdrawals(roundId);
    const replacements = new Set(withdrawals.map((w) => w.replacedBy));
    return (await this.members.find({ where: { roundId }, order: { position: 'ASC' } })).filter(
      (r) => !replacements.has(r.code),
    );
  }

  /** Everyone who ever held a seat: drawn, replacements, withdrawn. */
  everSeated(roundId: number): Promise<CommitteeMemberEntity[]> {
    return this.members.find({ where: { roundId }, order: { position: 'ASC' } });
  }

  withdrawals(roundId: number, manager?: EntityManager): Promise<CommitteeWithdrawalEntity[]> {
    const rows = manager?.getRepository(CommitteeWithdrawalEntity) ?? this.withdrawalRows;
    return rows.find({ where: { roundId }, order: { seq: 'ASC' } });
  }

  /**
   * A member declares a conflict of interest before the meeting (回避): they withdraw and the
   * next expert of their specialty in the draw's ranking takes their seat and role.
   */
  async declareWithdrawal(
    roundId: number,
    code: string,
    reason: string,
    actor: AuditActor,
  ): Promise<{ withdrawn: CommitteeMemberEntity; replacement: CommitteeMemberEntity }> {
    requireAuthority(actor, 'amr', 'A withdrawal from the committee');
    const round = await this.rounds.get(roundId);
    if (!round.drawnAt && WITHDRAWAL_STATES.includes(round.state))
      throw new AppError('COMMITTEE_NOT_DRAWN', `The committee of round ${roundId} is not drawn yet.`);
    if (!WITHDRAWAL_STATES.includes(round.state) || round.attendance)
      throw new AppError(
        'COMMITTEE_WITHDRAWAL_TOO_LATE',
        `The meeting of round ${roundId} has begun: members withdraw (回避) before attendance is taken.`,
        { state: round.state },
      );
    return this.transactions.run(async (manager) => {
      const locked = await this.rounds.lockInState(manager, roundId, round.state, 'A withdrawal from the committee');
      if (locked.attendance)
        throw new AppError('COMMITTEE_WITHDRAWAL_TOO_LATE', 'Attendance is taken: the meeting has begun.');
      const [withdrawal] = await this.replace(manager, locked, [{ code, reason: 'declared' }]);
      const statement = toNfc(reason).trim();
      const [row] = await this.store(manager, locked, [withdrawal], actor, statement);
      await this.audit.append(manager, {
        ...actor,
        action: 'evaluation.committee.withdrawal',
        subject: roundSubject(roundId),
        details: { code, reason: 'declared', statement, replacedBy: row.code },
      });
      const withdrawn = await manager.getRepository(CommitteeMemberEntity).findOneByOrFail({ roundId, code });
      return { withdrawn, replacement: row };
    });
  }

  /** The replacements for `next`, after the withdrawals already recorded, from the frozen inputs. */
  async replace(
    manager: EntityManager,
    round: RoundEntity,
    next: Array<{ code: string; reason: WithdrawalReason }>,
  ): Promise<Replacement[]> {
    const inputs = drawInputsOf(round);
    const drawnRows = await manager
      .getRepository(CommitteeMemberEntity)
      .find({ where: { roundId: round.id }, order: { position: 'ASC' } });
    const earlier = await manager
      .getRepository(CommitteeWithdrawalEntity)
      .find({ where: { roundId: round.id }, order: { seq: 'ASC' } });
    const replacedCodes = new Set(earlier.map((w) => w.replacedBy));
    const drawn: DrawnMember[] = drawnRows
      .filter((r) => !replacedCodes.has(r.code))
      .map((r) => ({
        code: r.code,
        specialty: r.specialty as DrawnMember['specialty'],
        role: r.role as DrawnMember['role'],
      }));
    const all = [...earlier.map((w) => ({ code: w.code, reason: w.reason as WithdrawalReason })), ...next];
    const { replacements } = replaceWithdrawn(inputs.key, inputs.snapshot, drawn, inputs.conflicts, all);
    return replacements.slice(earlier.length);
  }

  /**
   * Seats the replacements (member rows after the drawn ones) and records the withdrawals, in the
   * caller's transaction. Returns the replacements' member rows.
   */
  async store(
    manager: EntityManager,
    round: RoundEntity,
    replacements: Replacement[],
    actor: AuditActor,
    statement: string | null = null,
  ): Promise<CommitteeMemberEntity[]> {
    // At the draw the round does not hold the seed yet: only the frozen roster and conflicts are read.
    const roster = JSON.parse(round.poolRoster ?? '{}') as Roster;
    const conflicts = JSON.parse(round.drawConflicts ?? '[]') as Conflict[];
    const memberRepo = manager.getRepository(CommitteeMemberEntity);
    const withdrawalRepo = manager.getRepository(CommitteeWithdrawalEntity);
    let position = await memberRepo.countBy({ roundId: round.id });
    let seq = await withdrawalRepo.countBy({ roundId: round.id });
    const recordedAt = this.rounds.nowIso();
    const seated: CommitteeMemberEntity[] = [];
    for (const r of replacements) {
      const [name, affiliation] = roster[r.replacement.code];
      const member = Object.assign(new CommitteeMemberEntity(), {
        roundId: round.id,
        position: position++,
        ...r.replacement,
        name,
        affiliation,
      });
      const conflict = r.reason === 'same-employer' ? conflicts.find((c) => c.code === r.code) : undefined;
      await memberRepo.insert(member);
      await withdrawalRepo.insert({
        roundId: round.id,
        seq: ++seq,
        code: r.code,
        reason: r.reason,
        applicant: conflict?.applicant ?? null,
        employer: conflict?.employer ?? null,
        statement: r.reason === 'declared' ? statement : null,
        replacedBy: r.replacement.code,
        recordedAt,
        recordedBy: actor.actor,
      });
      seated.push(member);
    }
    return seated;
  }
}

/** The draw's frozen inputs as stored on the round (once the seed and witness are known). */
export function drawInputsOf(round: RoundEntity): {
  key: Buffer;
  snapshot: PoolSnapshot;
  plan: SeatPlan;
  conflicts: Conflict[];
  roster: Roster;
} {
  if (!round.seed || !round.poolSnapshot || !round.seatPlan || !round.poolRoster)
    throw new AppError('COMMITTEE_NOT_DRAWN', `The committee of round ${round.id} is not drawn yet.`);
  return {
    key: drawKey(round.seed, round.witnessValue),
    snapshot: JSON.parse(round.poolSnapshot) as PoolSnapshot,
    plan: JSON.parse(round.seatPlan) as SeatPlan,
    conflicts: JSON.parse(round.drawConflicts ?? '[]') as Conflict[],
    roster: JSON.parse(round.poolRoster) as Roster,
  };
}
