import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, LessThan, Repository } from 'typeorm';
import { AuditActor, AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { CalendarService } from '../calendar/calendar.service';
import { chinaDate } from '../common/china-dates';
import { Clock } from '../common/clock';
import { TransactionRunner } from '../database/transaction-runner';
import { uniqueViolation } from '../database/unique-violation';
import type { Level } from '../common/qualifications';
import type { CreateRoundDto, HrssApprovalDto, PreEvaluationReportDto } from './dto/round.dto';
import { requireDocumentYear, requireRealDate } from '../common/formats';
import { DEFAULT_PAGE_SIZE, page, PageQueryDto } from '../common/page-query.dto';
import { ApplicationEntity } from './application.entity';
import { RoundEntity, RoundHistoryEntity } from './round.entity';
import { requireAuthority } from './round-authorities';
import { requireState, RoundState, stateBefore } from './round-states';
import {
  earliestMeetingDate,
  PRE_EVALUATION_REPORT_WORKING_DAYS,
  preEvaluationReportLatest,
  requireInTimeline,
  timelineOf,
} from './round-timeline';
import { roundWorkingDayDates, type RoundWorkingDayDates } from './round-working-day-dates';
import { shiftDate } from './working-days';

/** Calendar days after which any meeting leaves time for the report, on any holiday schedule. */
const CERTAINLY_REACHABLE_DAYS = 31;

/** A new round has none of the later steps' facts yet. */
const NOTHING_YET = Object.fromEntries(
  [
    'commitment',
    'committedAt',
    'poolSnapshot',
    'snapshotSha256',
    'poolRoster',
    'seatPlan',
    'seed',
    'drawnAt',
    'applicationsClosedOn',
    'reportedOn',
    'reportedBy',
    'hrssApprovalDocument',
    'hrssApprovedOn',
    'attendance',
    'talliedAt',
    'presidingCode',
    'publicityStart',
    'publicityEnd',
    'jointDocument',
    'publishedOn',
    'publicationProposedBy',
    'publicationProposedAuthority',
    'publicationProposedAt',
  ].map((field) => [field, null]),
) as Partial<RoundEntity>;

export const roundSubject = (id: number) => `evaluation-round:${id}`;

/** A turned-down proposal of the joint publication (四.三.6), as the audit log recorded it. */
export interface PublicationRejection {
  jointDocument: string | null;
  reason: string;
  rejectedBy: string;
  rejectedAuthority: string | null;
  rejectedAt: string;
}

@Injectable()
export class RoundsService {
  constructor(
    @InjectRepository(RoundEntity) private readonly rounds: Repository<RoundEntity>,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly calendars: CalendarService,
  ) {}

  today(): string {
    return chinaDate(this.clock.now());
  }

  nowIso(): string {
    return this.clock.now().toISOString();
  }

  async create(input: CreateRoundDto, actor: AuditActor): Promise<RoundEntity> {
    requireAuthority(actor, 'amr', 'Opening a round');
    requireRealDate(input.meetingDate, 'meetingDate');
    // A round is opened in its year or late in the year before (applications are filed ahead of
    // the meeting); a year further on is a typo that would hold that level and year for good.
    const latest = Number(this.today().slice(0, 4)) + 1;
    if (input.year > latest)
      throw new AppError('EVALUATION_YEAR_INVALID', `A round can be opened for ${latest} at the latest.`, {
        field: 'year',
        latest,
      });
    if (Number(input.meetingDate.slice(0, 4)) !== input.year)
      throw new AppError('DATE_INVALID', 'meetingDate must fall in the round year.', { field: 'meetingDate' });
    // An explicit null is no threshold, as a missing one is.
    const threshold = input.scoreThreshold ?? undefined;
    checkThreshold(input.level, threshold);
    await this.requireMeetingReachable(input.meetingDate);
    const now = this.clock.now().toISOString();
    const round = Object.assign(new RoundEntity(), NOTHING_YET, {
      level: input.level,
      year: input.year,
      meetingDate: input.meetingDate,
      state: 'OPEN',
      scoreThreshold: threshold?.toString() ?? null,
      createdAt: now,
      updatedAt: now,
    });
    try {
      await this.transactions.run(async (manager) => {
        await manager.getRepository(RoundEntity).insert(round);
        await this.record(manager, round, actor, {
          level: round.level,
          year: round.year,
          meetingDate: round.meetingDate,
          scoreThreshold: round.scoreThreshold,
        });
      });
    } catch (error) {
      if (uniqueViolation(error))
        throw new AppError('ROUND_EXISTS', `There is already a ${input.level} round for ${input.year}.`);
      throw error;
    }
    return round;
  }

  /**
   * A round cannot be cancelled nor its meeting moved, and it holds its level and year: opened
   * with a meeting its timeline cannot reach (the report to HRSS 10 working days ahead, 四.三.4,
   * made no earlier than today), it could never be held nor replaced.
   */
  private async requireMeetingReachable(meetingDate: string): Promise<void> {
    // Ten working days never span a month, whatever the holidays (the longest run, the Spring
    // Festival's, is 8 days off): a meeting that far out is reachable on any calendar, so it
    // needs none, and the office may open a round before its year's schedule is imported.
    if (meetingDate >= shiftDate(this.today(), CERTAINLY_REACHABLE_DAYS)) return;
    const earliest = earliestMeetingDate(this.today(), await this.calendars.current());
    if (meetingDate < earliest)
      throw new AppError(
        'MEETING_DATE_TOO_EARLY',
        `The meeting on ${meetingDate} leaves no time for the report that must reach HRSS ${PRE_EVALUATION_REPORT_WORKING_DAYS} working days before it: a round opened today can meet on ${earliest} at the earliest (四.三.4).`,
        { field: 'meetingDate', meetingDate, earliest },
      );
  }

  /** Rounds, newest first (by id), for the console's list. */
  async list(query: PageQueryDto): Promise<{ rows: RoundEntity[]; nextBefore: number | null }> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const where = query.before !== undefined ? { id: LessThan(query.before) } : {};
    return page(await this.rounds.find({ where, order: { id: 'DESC' }, take: limit + 1 }), limit);
  }

  async get(id: number): Promise<RoundEntity> {
    const round = await this.rounds.findOneBy({ id });
    if (!round) throw new AppError('ROUND_NOT_FOUND', `No evaluation round ${id}.`);
    return round;
  }

  /** A round with the dates only the working-day calendar gives (the console's wizard shows them). */
  async getWithDates(
    id: number,
  ): Promise<{ round: RoundEntity; dates: RoundWorkingDayDates; publicationRejection: PublicationRejection | null }> {
    const round = await this.get(id);
    const dates = roundWorkingDayDates(round, this.today(), await this.calendars.current());
    return { round, dates, publicationRejection: await this.lastPublicationRejection(id) };
  }

  /**
   * The last proposal of the joint publication the other authority turned down, and why: the
   * round keeps no trace of a rejected proposal (it clears it), the audit log does, and the
   * proposer must learn the reason to propose again.
   */
  private async lastPublicationRejection(id: number): Promise<PublicationRejection | null> {
    const entry = await this.audit.latest({ action: 'evaluation.publication.rejected', subject: roundSubject(id) });
    if (!entry) return null;
    const details = JSON.parse(entry.details) as { jointDocument?: string | null; reason?: string };
    return {
      jointDocument: details.jointDocument ?? null,
      reason: details.reason ?? '',
      rejectedBy: entry.actor,
      rejectedAuthority: entry.authority,
      rejectedAt: entry.at,
    };
  }

  /**
   * Moves a round one step on, inside the caller's transaction, only if it is still in the
   * state before: of two racing steps the second finds nothing to change and gets a 409.
   * Records the new state in the round's history and the audit log.
   */
  async advance(
    manager: EntityManager,
    round: RoundEntity,
    to: RoundState,
    actor: AuditActor,
    patch: Partial<RoundEntity>,
    details: Record<string, unknown> = {},
    initiatedBy: string | null = null,
  ): Promise<RoundEntity> {
    const from = stateBefore(to);
    requireState(round.state, from, `Moving to ${to}`);
    const updatedAt = this.clock.now().toISOString();
    const result = await manager
      .getRepository(RoundEntity)
      .update({ id: round.id, state: from }, { ...patch, state: to, updatedAt });
    if (result.affected !== 1) await this.lockInState(manager, round.id, from, `Moving to ${to}`);
    Object.assign(round, patch, { state: to, updatedAt });
    await this.record(manager, round, actor, details, initiatedBy);
    return round;
  }

  /**
   * Locks the round's row for the rest of the transaction (PostgreSQL; SQLite has one writer)
   * and checks its state, so a step that does not change the state cannot interleave with one
   * that does.
   */
  async lockInState(manager: EntityManager, roundId: number, state: RoundState, step: string): Promise<RoundEntity> {
    const repo = manager.getRepository(RoundEntity);
    await repo.update({ id: roundId, state }, { updatedAt: this.clock.now().toISOString() });
    const round = await repo.findOneBy({ id: roundId });
    if (!round) throw new AppError('ROUND_NOT_FOUND', `No evaluation round ${roundId}.`);
    requireState(round.state, state, step);
    return round;
  }

  /**
   * Closes applications today: on or after the end of every employer's publicity (the last
   * application's end) and not after the meeting date (docs/rules.md §四.三.4, round-timeline.ts).
   */
  closeApplications(id: number, actor: AuditActor): Promise<RoundEntity> {
    requireAuthority(actor, 'amr', 'Closing applications');
    const today = this.today();
    return this.transactions.run(async (manager) => {
      const round = await this.lockInState(manager, id, 'OPEN', 'Closing applications');
      const { end, count } = (await manager
        .getRepository(ApplicationEntity)
        .createQueryBuilder('a')
        .select('MAX(a.publicityEnd)', 'end')
        .addSelect('COUNT(*)', 'count')
        .where('a.roundId = :id', { id })
        .getRawOne<{ end: string | null; count: number | string }>()) ?? { end: null, count: 0 };
      // A round closed without applications could go no further (nobody to check, draw for or
      // vote on) and would hold its level and year: it stays open for them instead.
      if (Number(count) === 0)
        throw new AppError('NO_APPLICATIONS', `Round ${id} has no applications: file or import them before closing.`);
      const timeline = { ...timelineOf(round), employerPublicityEnd: end };
      requireInTimeline(timeline, 'applicationsClosure', today, today);
      const patch = { applicationsClosedOn: today };
      return this.advance(manager, round, 'APPLICATIONS_CLOSED', actor, patch, patch);
    });
  }

  /**
   * 四.三.4: AMR's committee office reports eligibility, the pre-evaluation publicity, the
   * committee and the procedure to HRSS at least 10 working days before the meeting; the
   * committee must therefore be drawn first. Recorded again, it replaces the report until HRSS
   * approves it (approvePreEvaluation).
   */
  async reportPreEvaluation(id: number, input: PreEvaluationReportDto, actor: AuditActor): Promise<RoundEntity> {
    requireAuthority(actor, 'amr', 'The pre-evaluation report');
    const round = await this.get(id);
    requireState(round.state, 'ELIGIBILITY_CHECKED', 'The pre-evaluation report');
    if (!round.drawnAt)
      throw new AppError(
        'COMMITTEE_NOT_DRAWN',
        'Draw the committee before reporting to HRSS: the report includes its composition (四.三.4).',
      );
    requireRealDate(input.reportedOn, 'reportedOn');
    requireInTimeline(timelineOf(round), 'preEvaluationReport', input.reportedOn, this.today());
    await this.requireReportInTime(round, input.reportedOn);
    const patch = { reportedOn: input.reportedOn, reportedBy: actor.actor };
    return this.transactions.run(async (manager) => {
      const locked = await this.lockInState(manager, id, 'ELIGIBILITY_CHECKED', 'The pre-evaluation report');
      await manager.getRepository(RoundEntity).update({ id, state: 'ELIGIBILITY_CHECKED' }, patch);
      await this.audit.append(manager, {
        ...actor,
        action: 'evaluation.pre_evaluation_report.recorded',
        subject: roundSubject(id),
        details: { reportedOn: input.reportedOn, replaced: locked.reportedOn },
      });
      return Object.assign(locked, patch);
    });
  }

  /**
   * 四.三.4 "经省人力社保厅核准同意": an HRSS officer records the approval of the report, after
   * it and before the meeting; only then may the committee meet (PRE_EVALUATION_REPORTED).
   */
  async approvePreEvaluation(id: number, input: HrssApprovalDto, actor: AuditActor): Promise<RoundEntity> {
    requireAuthority(actor, 'hrss', "HRSS's approval of the pre-evaluation report");
    requireRealDate(input.approvedOn, 'approvedOn');
    const today = this.today();
    return this.transactions.run(async (manager) => {
      const round = await this.lockInState(manager, id, 'ELIGIBILITY_CHECKED', "HRSS's approval");
      if (!round.reportedOn || !round.reportedBy)
        throw new AppError(
          'PRE_EVALUATION_REPORT_NOT_RECORDED',
          'AMR has not recorded its pre-evaluation report to HRSS yet: there is nothing to approve (四.三.4).',
        );
      requireInTimeline(timelineOf(round), 'hrssApproval', input.approvedOn, today);
      // Not before the year the round was opened: a round of next year, opened in December, is
      // approved in December too.
      requireDocumentYear(
        input.approvalDocument,
        'approvalDocument',
        'DECISION_DOCUMENT_INVALID',
        Number(chinaDate(round.createdAt).slice(0, 4)),
        input.approvedOn,
      );
      const patch = { hrssApprovalDocument: input.approvalDocument, hrssApprovedOn: input.approvedOn };
      const details = { ...patch, reportedOn: round.reportedOn, reportedBy: round.reportedBy };
      return this.advance(manager, round, 'PRE_EVALUATION_REPORTED', actor, patch, details, round.reportedBy);
    });
  }

  private async requireReportInTime(round: RoundEntity, reportedOn: string): Promise<void> {
    const latest = preEvaluationReportLatest(round.meetingDate, await this.calendars.current());
    if (reportedOn > latest) {
      throw new AppError(
        'PRE_EVALUATION_REPORT_TOO_LATE',
        `The report must reach HRSS ${PRE_EVALUATION_REPORT_WORKING_DAYS} working days before the meeting on ${round.meetingDate}: on ${latest} at the latest (四.三.4).`,
        { latest, meetingDate: round.meetingDate },
      );
    }
  }

  private async record(
    manager: EntityManager,
    round: RoundEntity,
    actor: AuditActor,
    details: Record<string, unknown>,
    initiatedBy: string | null = null,
  ): Promise<void> {
    await manager.getRepository(RoundHistoryEntity).insert({
      roundId: round.id,
      state: round.state,
      at: round.updatedAt,
      actor: actor.actor,
      authority: actor.authority,
      initiatedBy,
    });
    await this.audit.append(manager, {
      ...actor,
      action: `evaluation.round.${round.state.toLowerCase()}`,
      subject: roundSubject(round.id),
      details,
    });
  }
}

/** 三.四: a 高级 round publishes the quantitative score that qualifies; a 正高 round has none. */
function checkThreshold(level: Level, threshold: number | undefined): void {
  if (level === 'senior' && threshold === undefined)
    throw new AppError('SCORE_THRESHOLD_INVALID', 'A senior round needs its quantitative score threshold (三.四).', {
      field: 'scoreThreshold',
    });
  if (level === 'professor' && threshold !== undefined)
    throw new AppError('SCORE_THRESHOLD_INVALID', 'A professor round has no quantitative score threshold.', {
      field: 'scoreThreshold',
    });
}
