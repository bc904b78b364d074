import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditActor, AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { TransactionRunner } from '../database/transaction-runner';
import { ApplicationEntity } from './application.entity';
import { checkQuorum, checkTally, passes, Tally } from './ballot-rules';
import type { SeatPlan } from './committee-draw';
import { DrawsService } from './draws.service';
import { csvRefusal } from './csv-table';
import { TallyEntity } from './meeting.entities';
import { readTallyCsv } from './tally-csv';
import { RoundEntity } from './round.entity';
import { requireAuthority } from './round-authorities';
import { requireState } from './round-states';
import { roundSubject, RoundsService } from './rounds.service';

export interface TallyLine extends Tally {
  applicationId: number;
}

/**
 * The member who may confirm a meeting's result (四.三.5): the chair or a vice-chair of the
 * committee, present at the vote; else 422 PRESIDING_MEMBER_INVALID. Also checked by the CLI
 * before it records anything of a meeting.
 */
export function requirePresiding<M extends { code: string; role: string }>(
  committee: readonly M[],
  present: readonly string[],
  presidingCode: string,
): M {
  const member = committee.find((m) => m.code === presidingCode);
  if (!member || member.role === 'member' || !present.includes(presidingCode))
    throw new AppError(
      'PRESIDING_MEMBER_INVALID',
      `${presidingCode} is not the chair or a vice-chair present at this meeting.`,
      { presidingCode },
    );
  return member;
}

/**
 * The meeting (四.二, 四.三.5): attendance, the counted secret ballots, and the presiding
 * member's confirmation. The service takes the scrutineers' totals per applicant, never a
 * ballot: there is nothing that could link a vote to a member (docs/evaluation.md).
 */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectRepository(ApplicationEntity) private readonly applications: Repository<ApplicationEntity>,
    private readonly rounds: RoundsService,
    private readonly draws: DrawsService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /**
   * Who is present for the vote; may be taken again (late arrivals) until the ballots are counted.
   * Checked against the committee under the round's lock, which a withdrawal (回避) and the tally
   * take too: a member who withdrew meanwhile is not recorded present.
   */
  async recordAttendance(roundId: number, present: string[], actor: AuditActor): Promise<RoundEntity> {
    const round = await this.meetingRound(roundId, 'Recording attendance', actor);
    const codes = [...new Set(present)].sort();
    if (codes.length !== present.length)
      throw new AppError('VALIDATION_FAILED', 'A member is listed twice.', { field: 'present' });
    const attendance = JSON.stringify(codes);
    await this.transactions.run(async (manager) => {
      const locked = await this.rounds.lockInState(manager, roundId, 'PRE_EVALUATION_REPORTED', 'Recording attendance');
      if (locked.talliedAt)
        throw new AppError(
          'TALLY_ALREADY_RECORDED',
          'The ballots are counted: attendance can no longer change (四.三.5: no later votes).',
        );
      const committee = await this.draws.committee(roundId, manager);
      const unknown = codes.filter((c) => !committee.some((m) => m.code === c));
      if (unknown.length > 0)
        throw new AppError('NOT_A_COMMITTEE_MEMBER', `Not members of this round's committee: ${unknown.join(', ')}.`, {
          codes: unknown,
        });
      await manager.getRepository(RoundEntity).update({ id: roundId }, { attendance });
      const absent = committee.filter((m) => !codes.includes(m.code)).map((m) => m.code);
      await this.audit.append(manager, {
        ...actor,
        action: 'evaluation.meeting.attendance',
        subject: roundSubject(roundId),
        details: { present: codes.length, committeeSize: committee.length, absent },
      });
    });
    return Object.assign(round, { attendance });
  }

  /**
   * Records the counted ballots, once: a quorum of two thirds must be present (四.二), every
   * eligible applicant has one line, and each line's ballots add up to the members present.
   * An applicant passes with yes from two thirds of the members present (四.三.5). Checked
   * against the attendance under the round's lock, so attendance taken again meanwhile cannot
   * leave lines counted for another number present.
   */
  async recordTally(roundId: number, lines: TallyLine[], actor: AuditActor): Promise<TallyEntity[]> {
    await this.meetingRound(roundId, 'Counting the ballots', actor);
    return this.transactions.run(async (manager) => {
      const round = await this.rounds.lockInState(manager, roundId, 'PRE_EVALUATION_REPORTED', 'Counting the ballots');
      if (!round.attendance) throw new AppError('ATTENDANCE_NOT_RECORDED', 'Record who is present before the vote.');
      if (round.talliedAt)
        throw new AppError(
          'TALLY_ALREADY_RECORDED',
          `The ballots of round ${roundId} were counted at ${round.talliedAt}; no further votes (四.三.5).`,
        );
      const present = (JSON.parse(round.attendance) as string[]).length;
      await this.checkTallyLines(manager, round, present, lines);
      const rows = lines.map((l) =>
        Object.assign(new TallyEntity(), {
          roundId,
          applicationId: l.applicationId,
          yes: l.yes,
          no: l.no,
          abstentions: l.abstain,
          present,
          passed: passes(l.yes, present),
        }),
      );
      await manager.getRepository(RoundEntity).update({ id: roundId }, { talliedAt: this.rounds.nowIso() });
      for (let i = 0; i < rows.length; i += 200)
        await manager.getRepository(TallyEntity).insert(rows.slice(i, i + 200));
      const passed = rows.filter((r) => r.passed).map((r) => r.applicationId);
      await this.audit.append(manager, {
        ...actor,
        action: 'evaluation.meeting.tallied',
        subject: roundSubject(roundId),
        details: { present, passed: passed.length, failed: rows.length - passed.length },
      });
      return rows;
    });
  }

  /**
   * Whether attendance `present` and these tally lines would be taken, without writing: the
   * quorum (四.二), one line per eligible applicant and each adding up to those present. The
   * CLI records a whole meeting in three steps and asks first, so a refusal leaves nothing half done.
   */
  async checkMeetingRecord(roundId: number, present: string[], lines: TallyLine[]): Promise<void> {
    await this.checkTallyLines(this.applications.manager, await this.rounds.get(roundId), present.length, lines);
  }

  /** The same from the scrutineers' CSV file, applicants named by ID number (the CLI's `evaluation:meeting`). */
  async recordTallyCsv(roundId: number, data: Buffer, actor: AuditActor): Promise<TallyEntity[]> {
    return this.recordTally(roundId, await this.tallyLinesOfCsv(roundId, data), actor);
  }

  /** The tally lines of the scrutineers' CSV file, or its problems (a CSV refusal). */
  async tallyLinesOfCsv(roundId: number, data: Buffer): Promise<TallyLine[]> {
    const { rows, problems } = readTallyCsv(data);
    const idOf = new Map(
      (await this.applications.find({ select: { id: true, idNumber: true }, where: { roundId } })).map((a) => [
        a.idNumber,
        a.id,
      ]),
    );
    for (const row of rows) {
      if (!idOf.has(row.idNumber))
        problems.push({
          line: row.line,
          field: '身份证号',
          code: 'APPLICATION_NOT_FOUND',
          reason: `${row.idNumber} has not applied to this round`,
        });
    }
    if (problems.length > 0) throw csvRefusal(problems);
    return rows.map((r) => ({ applicationId: idOf.get(r.idNumber) ?? 0, yes: r.yes, no: r.no, abstain: r.abstain }));
  }

  /** 四.三.5: the chair or a vice-chair who presided, present at the vote (`requirePresiding`), confirms the result. */
  async confirm(roundId: number, presidingCode: string, actor: AuditActor): Promise<RoundEntity> {
    const round = await this.meetingRound(roundId, 'Confirming the result', actor);
    if (!round.talliedAt) throw new AppError('TALLY_NOT_RECORDED', 'Count the ballots before confirming the result.');
    const member = requirePresiding(
      await this.draws.committee(roundId),
      JSON.parse(round.attendance ?? '[]') as string[],
      presidingCode,
    );
    return this.transactions.run((manager) =>
      this.rounds.advance(
        manager,
        round,
        'MEETING_HELD',
        actor,
        { presidingCode },
        { presidingCode, role: member.role },
      ),
    );
  }

  /** The meeting's steps are AMR's committee office's, recorded on or after the meeting date. */
  private async meetingRound(roundId: number, step: string, actor: AuditActor): Promise<RoundEntity> {
    requireAuthority(actor, 'amr', step);
    const round = await this.rounds.get(roundId);
    requireState(round.state, 'PRE_EVALUATION_REPORTED', step);
    if (this.rounds.today() < round.meetingDate)
      throw new AppError('MEETING_DATE_NOT_REACHED', `The meeting is on ${round.meetingDate}.`, {
        meetingDate: round.meetingDate,
      });
    return round;
  }

  /** The quorum of those present (四.二), a line for every eligible applicant, each adding up to those present. */
  private async checkTallyLines(
    manager: EntityManager,
    round: RoundEntity,
    present: number,
    lines: TallyLine[],
  ): Promise<void> {
    checkQuorum(present, (JSON.parse(round.seatPlan ?? '{}') as SeatPlan).committeeSize);
    await this.checkCoverage(manager, round.id, lines);
    for (const line of lines) checkTally(line, present, line.applicationId);
  }

  /** Every eligible applicant exactly once, and no one else. */
  private async checkCoverage(manager: EntityManager, roundId: number, lines: TallyLine[]): Promise<void> {
    const eligible = new Set(
      (
        await manager
          .getRepository(ApplicationEntity)
          .find({ select: { id: true }, where: { roundId, eligible: true } })
      ).map((a) => a.id),
    );
    const given = lines.map((l) => l.applicationId);
    const missing = [...eligible].filter((id) => !given.includes(id));
    const unknown = given.filter((id, i) => !eligible.has(id) || given.indexOf(id) !== i);
    if (missing.length > 0 || unknown.length > 0) {
      throw new AppError('TALLY_INCOMPLETE', 'The tally must have one line for each eligible applicant and no other.', {
        missing,
        unknown,
      });
    }
  }
}
