import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditActor, AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { CalendarService } from '../calendar/calendar.service';
import { TransactionRunner } from '../database/transaction-runner';
import { ApplicationEntity } from './application.entity';
import type { ObjectionDto, PublicationDto, PublicityDto, ResolutionDto } from './dto/results.dto';
import { requireNotFuture, requireRealDate } from '../common/formats';
import { ObjectionEntity } from './meeting.entities';
import { RoundEntity } from './round.entity';
import { requireState } from './round-states';
import { roundSubject, RoundsService } from './rounds.service';
import { countWorkingDays } from './working-days';

/** 四.三.6: "公示时间不少于 5 个工作日". */
export const MIN_RESULTS_PUBLICITY_WORKING_DAYS = 5;

/** 四.三.6: publicity of the results, complaints and their handling, the joint publication. */
@Injectable()
export class PublicityService {
  constructor(
    @InjectRepository(ObjectionEntity) private readonly objections: Repository<ObjectionEntity>,
    @InjectRepository(ApplicationEntity) private readonly applications: Repository<ApplicationEntity>,
    private readonly rounds: RoundsService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly calendars: CalendarService,
  ) {}

  async startPublicity(roundId: number, input: PublicityDto, actor: AuditActor): Promise<RoundEntity> {
    const round = await this.rounds.get(roundId);
    requireState(round.state, 'MEETING_HELD', 'The publicity of results');
    requireRealDate(input.start, 'start');
    requireRealDate(input.end, 'end');
    if (input.start < round.meetingDate)
      throw new AppError('DATE_INVALID', 'The publicity cannot start before the meeting.', { field: 'start' });
    const workingDays = countWorkingDays(input.start, input.end, await this.calendars.current());
    if (workingDays < MIN_RESULTS_PUBLICITY_WORKING_DAYS) {
      throw new AppError(
        'PUBLICITY_TOO_SHORT',
        `${input.start} to ${input.end} has ${workingDays} working days; the results are publicised for at least ${MIN_RESULTS_PUBLICITY_WORKING_DAYS} (四.三.6).`,
        { workingDays, required: MIN_RESULTS_PUBLICITY_WORKING_DAYS },
      );
    }
    const patch = { publicityStart: input.start, publicityEnd: input.end };
    return this.transactions.run((manager) =>
      this.rounds.advance(manager, round, 'RESULTS_PUBLICISED', actor, patch, { ...patch, workingDays }),
    );
  }

  async addObjection(roundId: number, input: ObjectionDto, actor: AuditActor): Promise<ObjectionEntity> {
    const round = await this.rounds.get(roundId);
    requireState(round.state, 'RESULTS_PUBLICISED', 'Recording an objection');
    requireNotFuture(input.receivedOn, this.rounds.today(), 'receivedOn');
    if (!(await this.applications.existsBy({ roundId, id: input.applicationId })))
      throw new AppError('APPLICATION_NOT_FOUND', `No application ${input.applicationId} in round ${roundId}.`);
    const objection = Object.assign(new ObjectionEntity(), {
      roundId,
      applicationId: input.applicationId,
      summary: input.summary,
      receivedOn: input.receivedOn,
      state: 'OPEN',
      finding: null,
      recordedBy: actor.actor,
      resolvedBy: null,
      resolvedAt: null,
    });
    await this.transactions.run(async (manager) => {
      await this.rounds.lockInState(manager, roundId, 'RESULTS_PUBLICISED', 'Recording an objection');
      await manager.getRepository(ObjectionEntity).insert(objection);
      await this.audit.append(manager, {
        ...actor,
        action: 'evaluation.objection.recorded',
        subject: roundSubject(roundId),
        details: { objectionId: objection.id, applicationId: input.applicationId },
      });
    });
    return objection;
  }

  /** Resolves an open objection; upheld, the applicant is withheld and gets no certificate. */
  async resolveObjection(
    roundId: number,
    objectionId: number,
    input: ResolutionDto,
    actor: AuditActor,
  ): Promise<ObjectionEntity> {
    const objection = await this.objections.findOneBy({ id: objectionId, roundId });
    if (!objection) throw new AppError('OBJECTION_NOT_FOUND', `No objection ${objectionId} in round ${roundId}.`);
    const state = input.outcome === 'upheld' ? 'UPHELD' : 'DISMISSED';
    const patch = { state, finding: input.finding, resolvedBy: actor.actor, resolvedAt: this.rounds.nowIso() };
    await this.transactions.run(async (manager) => {
      await this.rounds.lockInState(manager, roundId, 'RESULTS_PUBLICISED', 'Resolving an objection');
      const result = await manager.getRepository(ObjectionEntity).update({ id: objectionId, state: 'OPEN' }, patch);
      if (result.affected !== 1)
        throw new AppError('OBJECTION_ALREADY_RESOLVED', `Objection ${objectionId} is already resolved.`);
      if (state === 'UPHELD')
        await manager
          .getRepository(ApplicationEntity)
          .update({ id: objection.applicationId, roundId }, { withheld: true });
      await this.audit.append(manager, {
        ...actor,
        action: 'evaluation.objection.resolved',
        subject: roundSubject(roundId),
        details: { objectionId, applicationId: objection.applicationId, outcome: input.outcome },
      });
    });
    return Object.assign(objection, patch);
  }

  listObjections(roundId: number): Promise<ObjectionEntity[]> {
    return this.objections.find({ where: { roundId }, order: { id: 'ASC' } });
  }

  /**
   * 四.三.6: once the publicity period is over and every complaint is handled, AMR and HRSS
   * publish the results in a joint document, which the certificates cite.
   */
  async publish(roundId: number, input: PublicationDto, actor: AuditActor): Promise<RoundEntity> {
    const round = await this.rounds.get(roundId);
    requireState(round.state, 'RESULTS_PUBLICISED', 'The publication');
    requireNotFuture(input.publishedOn, this.rounds.today(), 'publishedOn');
    if (input.publishedOn <= (round.publicityEnd ?? '')) {
      throw new AppError('PUBLICITY_NOT_OVER', `The publicity runs until ${round.publicityEnd}; publish after it.`, {
        publicityEnd: round.publicityEnd,
      });
    }
    const open = await this.objections.countBy({ roundId, state: 'OPEN' });
    if (open > 0) throw new AppError('OBJECTIONS_UNRESOLVED', `${open} objection(s) are not resolved yet.`, { open });
    const patch = { jointDocument: input.jointDocument, publishedOn: input.publishedOn };
    return this.transactions.run(async (manager) => {
      // An objection recorded meanwhile would make this count non-zero: check again under the lock.
      const locked = await this.rounds.lockInState(manager, roundId, 'RESULTS_PUBLICISED', 'The publication');
      if ((await manager.getRepository(ObjectionEntity).countBy({ roundId, state: 'OPEN' })) > 0)
        throw new AppError('OBJECTIONS_UNRESOLVED', 'An objection is not resolved yet.');
      return this.rounds.advance(manager, locked, 'PUBLISHED', actor, patch, patch);
    });
  }
}
