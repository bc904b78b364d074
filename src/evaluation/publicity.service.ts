import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { AuditActor, AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { CalendarService } from '../calendar/calendar.service';
import { TransactionRunner } from '../database/transaction-runner';
import { ApplicationEntity } from './application.entity';
import type { ObjectionDto, PublicationDto, PublicityDto, ResolutionDto } from './dto/results.dto';
import { requireDocumentYear, requireNotFuture, requireRealDate } from '../common/formats';
import { ObjectionEntity } from './meeting.entities';
import { RoundEntity } from './round.entity';
import { authorityOf, requireAuthority } from './round-authorities';
import { requireState } from './round-states';
import { requireInTimeline, timelineOf } from './round-timeline';
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

  /** Recorded once it has started (after the meeting); its end may lie ahead. */
  async startPublicity(roundId: number, input: PublicityDto, actor: AuditActor): Promise<RoundEntity> {
    requireAuthority(actor, 'amr', 'The publicity of results');
    const round = await this.rounds.get(roundId);
    requireState(round.state, 'MEETING_HELD', 'The publicity of results');
    requireRealDate(input.start, 'start');
    requireRealDate(input.end, 'end');
    const timeline = timelineOf(round);
    requireInTimeline(timeline, 'resultsPublicityStart', input.start, this.rounds.today());
    requireInTimeline({ ...timeline, resultsPublicityStart: input.start }, 'resultsPublicityEnd', input.end, undefined);
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
    requireAuthority(actor, 'amr', 'Recording an objection');
    const round = await this.rounds.get(roundId);
    requireState(round.state, 'RESULTS_PUBLICISED', 'Recording an objection');
    requireNotFuture(input.receivedOn, this.rounds.today(), 'receivedOn');
    // 四.三.6: objections answer the results publicity, so none is received before it began.
    if (round.publicityStart !== null && input.receivedOn < round.publicityStart)
      throw new AppError(
        'DATE_INVALID',
        `receivedOn ${input.receivedOn} is before the results publicity began (${round.publicityStart}; 四.三.6).`,
        { field: 'receivedOn', earliest: round.publicityStart },
      );
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
    requireAuthority(actor, 'amr', 'Resolving an objection');
    const objection = await this.objections.findOneBy({ id: objectionId, roundId });
    if (!objection) {
      await this.rounds.get(roundId); // an unknown round is ROUND_NOT_FOUND, as everywhere
      throw new AppError('OBJECTION_NOT_FOUND', `No objection ${objectionId} in round ${roundId}.`);
    }
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

  /** A round's objections; an unknown round is a 404, not an empty list. */
  async listObjections(roundId: number): Promise<ObjectionEntity[]> {
    await this.rounds.get(roundId);
    return this.objections.find({ where: { roundId }, order: { id: 'ASC' } });
  }

  /**
   * 四.三.6 "联合发文": once the publicity period is over and every complaint is handled, an
   * officer of either authority proposes the joint document; it publishes the results only when
   * an officer of the other authority confirms it (confirmPublication).
   */
  async proposePublication(roundId: number, input: PublicationDto, actor: AuditActor): Promise<RoundEntity> {
    const authority = authorityOf(actor, 'Proposing the joint publication');
    const round = await this.rounds.get(roundId);
    requireState(round.state, 'RESULTS_PUBLICISED', 'The publication');
    requireRealDate(input.publishedOn, 'publishedOn');
    if (input.publishedOn <= (round.publicityEnd ?? '')) {
      throw new AppError('PUBLICITY_NOT_OVER', `The publicity runs until ${round.publicityEnd}; publish after it.`, {
        publicityEnd: round.publicityEnd,
      });
    }
    requireInTimeline(timelineOf(round), 'publication', input.publishedOn, this.rounds.today());
    requireDocumentYear(
      input.jointDocument,
      'jointDocument',
      'APPROVAL_DOCUMENT_INVALID',
      round.year,
      input.publishedOn,
    );
    const patch = {
      jointDocument: input.jointDocument,
      publishedOn: input.publishedOn,
      publicationProposedBy: actor.actor,
      publicationProposedAuthority: authority,
      publicationProposedAt: this.rounds.nowIso(),
    };
    return this.transactions.run(async (manager) => {
      const locked = await this.lockedForPublication(manager, roundId);
      if (locked.publicationProposedBy)
        throw new AppError(
          'PUBLICATION_ALREADY_PROPOSED',
          `${locked.publicationProposedBy} (${locked.publicationProposedAuthority}) has proposed ${locked.jointDocument}: confirm or reject it first.`,
        );
      await manager
        .getRepository(RoundEntity)
        .update({ id: roundId, state: 'RESULTS_PUBLICISED', publicationProposedBy: IsNull() }, patch);
      await this.audit.append(manager, {
        ...actor,
        action: 'evaluation.publication.proposed',
        subject: roundSubject(roundId),
        details: { jointDocument: input.jointDocument, publishedOn: input.publishedOn },
      });
      return Object.assign(locked, patch);
    });
  }

  /** An officer of the authority that did not propose confirms: the round is PUBLISHED (four eyes, two authorities). */
  async confirmPublication(roundId: number, actor: AuditActor): Promise<RoundEntity> {
    const authority = authorityOf(actor, 'Confirming the joint publication');
    return this.transactions.run(async (manager) => {
      const round = await this.lockedForPublication(manager, roundId);
      const proposedBy = requireProposal(round);
      if (round.publicationProposedAuthority === authority)
        throw new AppError(
          'PUBLICATION_CONFIRMATION_BY_SAME_AUTHORITY',
          `${proposedBy} of ${authority} proposed this publication: an officer of the other authority confirms it (联合发文, 四.三.6).`,
          { proposedBy, authority },
        );
      const details = {
        jointDocument: round.jointDocument,
        publishedOn: round.publishedOn,
        proposedBy,
        proposedAuthority: round.publicationProposedAuthority,
      };
      return this.rounds.advance(manager, round, 'PUBLISHED', actor, {}, details, proposedBy);
    });
  }

  /** Either authority turns a proposal down (the proposer's withdraws it), with the reason; nothing is published. */
  async rejectPublication(roundId: number, reason: string, actor: AuditActor): Promise<RoundEntity> {
    authorityOf(actor, 'Rejecting the joint publication');
    return this.transactions.run(async (manager) => {
      const round = await this.rounds.lockInState(manager, roundId, 'RESULTS_PUBLICISED', 'Rejecting the publication');
      const proposedBy = requireProposal(round);
      const details = { jointDocument: round.jointDocument, publishedOn: round.publishedOn, proposedBy, reason };
      const patch = {
        jointDocument: null,
        publishedOn: null,
        publicationProposedBy: null,
        publicationProposedAuthority: null,
        publicationProposedAt: null,
      };
      await manager.getRepository(RoundEntity).update({ id: roundId, state: 'RESULTS_PUBLICISED' }, patch);
      await this.audit.append(manager, {
        ...actor,
        action: 'evaluation.publication.rejected',
        subject: roundSubject(roundId),
        details,
      });
      return Object.assign(round, patch);
    });
  }

  /** The round locked in RESULTS_PUBLICISED with no objection open (one recorded meanwhile is seen under the lock). */
  private async lockedForPublication(manager: EntityManager, roundId: number): Promise<RoundEntity> {
    const round = await this.rounds.lockInState(manager, roundId, 'RESULTS_PUBLICISED', 'The publication');
    const open = await manager.getRepository(ObjectionEntity).countBy({ roundId, state: 'OPEN' });
    if (open > 0) throw new AppError('OBJECTIONS_UNRESOLVED', `${open} objection(s) are not resolved yet.`, { open });
    return round;
  }
}

function requireProposal(round: RoundEntity): string {
  if (!round.publicationProposedBy)
    throw new AppError('PUBLICATION_NOT_PROPOSED', `No joint publication of round ${round.id} awaits confirmation.`);
  return round.publicationProposedBy;
}
