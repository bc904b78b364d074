import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditService, officerActor } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { chinaDate } from '../common/china-dates';
import { Clock } from '../common/clock';
import { requireDocumentYear, requireNotFuture } from '../common/formats';
import { TransactionRunner } from '../database/transaction-runner';
import { uniqueViolation } from '../database/unique-violation';
import type { ApplicationEntity } from '../evaluation/application.entity';
import { ApplicationsService } from '../evaluation/applications.service';
import type { RoundEntity } from '../evaluation/round.entity';
import { RoundsService } from '../evaluation/rounds.service';
import type { AuthenticatedOfficer } from '../officers/officers.service';
import { ApplicantBanEntity } from './applicant-ban.entity';
import { banPeriod } from './ban-period';
import { ActWriter } from '../transparency/act-writer';
import { decisionDigest } from '../transparency/subject-digest';
import type { ProposeApplicantBanDto } from './dto/applicant-ban-requests.dto';

const subjectOf = (id: number) => `applicant-ban:${id}`;

/**
 * Bans of applicants who hold no certificate, for misconduct found during a round
 * (docs/rules.md 四.四.3: "从评审次年起3年内不得申报"): the same four eyes of two authorities
 * as a revocation. An officer of one authority proposes, an officer of the OTHER confirms; only
 * the confirmation bars the applicant. Every step is one transaction with its audit entry.
 */
@Injectable()
export class ApplicantBansService {
  constructor(
    @InjectRepository(ApplicantBanEntity) private readonly cases: Repository<ApplicantBanEntity>,
    private readonly rounds: RoundsService,
    private readonly applications: ApplicationsService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly acts: ActWriter,
  ) {}

  async propose(request: ProposeApplicantBanDto, officer: AuthenticatedOfficer): Promise<ApplicantBanEntity> {
    requireNotFuture(request.decisionDate, chinaDate(this.clock.now()), 'decisionDate');
    const round = await this.rounds.get(request.roundId);
    const application = await this.application(request.roundId, request.applicationId);
    // Not before the year the application was filed (a round of next year takes applications now).
    requireDocumentYear(
      request.decisionDocument,
      'decisionDocument',
      'DECISION_DOCUMENT_INVALID',
      Number(chinaDate(application.createdAt).slice(0, 4)),
      request.decisionDate,
    );
    if (request.decisionDate < chinaDate(application.createdAt))
      throw new AppError('DATE_INVALID', 'decisionDate is before the application was filed.', {
        field: 'decisionDate',
      });
    await this.checkNoBanOrCase(application);
    const proposal = this.newCase(round, application, request, officer);
    await this.insert(proposal, officer);
    return proposal;
  }

  async get(id: number): Promise<ApplicantBanEntity> {
    const found = await this.cases.findOneBy({ id });
    if (!found) throw new AppError('CASE_NOT_FOUND', `No applicant ban case ${id}.`);
    return found;
  }

  /** Confirms by an officer of the other authority; from then on the applicant is barred. */
  async confirm(id: number, officer: AuthenticatedOfficer): Promise<ApplicantBanEntity> {
    const pending = await this.pending(id);
    if (pending.proposedAuthority === officer.authority)
      throw new AppError(
        'CONFIRMATION_BY_SAME_AUTHORITY',
        'A decision is confirmed by an officer of the other authority, never by the proposing one.',
      );
    // A certificate issued since the proposal is revoked instead (docs/revocation.md).
    const application = await this.application(pending.roundId, pending.applicationId);
    if (application.certificateNo) throw this.hasCertificate(application);
    const decision = { state: 'CONFIRMED' as const, ...this.decidedBy(officer) };
    await this.decide(pending, decision, officer, { ban: { from: pending.fromDate, until: pending.untilDate } });
    return this.get(id);
  }

  /** Ends a pending case without a ban; any revoker of either authority may. */
  async reject(id: number, reason: string, officer: AuthenticatedOfficer): Promise<ApplicantBanEntity> {
    const pending = await this.pending(id);
    const decision = { state: 'REJECTED' as const, ...this.decidedBy(officer), rejectionReason: reason };
    await this.decide(pending, decision, officer, { reason });
    return this.get(id);
  }

  private async application(roundId: number, applicationId: number): Promise<ApplicationEntity> {
    const [found] = await this.applications.findByIds(roundId, [applicationId]);
    if (!found) throw new AppError('APPLICATION_NOT_FOUND', `Round ${roundId} has no application ${applicationId}.`);
    return found;
  }

  private async checkNoBanOrCase(application: ApplicationEntity): Promise<void> {
    if (application.certificateNo) throw this.hasCertificate(application);
    if (await this.cases.existsBy({ applicationId: application.id, state: 'CONFIRMED' }))
      throw new AppError('APPLICANT_ALREADY_BANNED', `Application ${application.id} has already led to a ban.`);
    if (await this.cases.existsBy({ idNumber: application.idNumber, state: 'PROPOSED' }))
      throw this.alreadyOpen(application.id);
  }

  private newCase(
    round: RoundEntity,
    application: ApplicationEntity,
    request: ProposeApplicantBanDto,
    officer: AuthenticatedOfficer,
  ): ApplicantBanEntity {
    // The same period as a revocation's ban, counted from the round's evaluation year.
    const period = banPeriod(round.year);
    return Object.assign(new ApplicantBanEntity(), {
      roundId: round.id,
      applicationId: application.id,
      evaluationYear: round.year,
      level: round.level,
      specialty: application.specialty,
      name: application.name,
      idNumber: application.idNumber,
      employer: application.employer,
      state: 'PROPOSED' as const,
      reasonCategory: request.reasonCategory,
      description: request.description,
      decisionDocument: request.decisionDocument,
      decisionDate: request.decisionDate,
      fromDate: period.from,
      untilDate: period.until,
      proposedBy: officer.username,
      proposedAuthority: officer.authority,
      proposedAt: this.clock.now().toISOString(),
      decidedBy: null,
      decidedAuthority: null,
      decidedAt: null,
      rejectionReason: null,
    });
  }

  private async insert(proposal: ApplicantBanEntity, officer: AuthenticatedOfficer): Promise<void> {
    try {
      await this.transactions.run(async (manager) => {
        await manager.getRepository(ApplicantBanEntity).insert(proposal);
        await this.audit.append(manager, {
          ...officerActor(officer),
          action: 'applicant-ban.proposed',
          subject: subjectOf(proposal.id),
          details: this.auditDetails(proposal, { decisionDocument: proposal.decisionDocument }),
        });
      });
    } catch (error) {
      // A parallel proposal for the same applicant won (one pending case per ID number).
      if (uniqueViolation(error)) throw this.alreadyOpen(proposal.applicationId);
      throw error;
    }
  }

  private async pending(id: number): Promise<ApplicantBanEntity> {
    const found = await this.get(id);
    if (found.state !== 'PROPOSED') throw new AppError('CASE_NOT_PENDING', `Case ${id} is already ${found.state}.`);
    return found;
  }

  /** PROPOSED → a decision, only if still PROPOSED (the loser of a race gets 409), with its audit entry. */
  private async decide(
    pending: ApplicantBanEntity,
    decision: Partial<ApplicantBanEntity> & { state: 'CONFIRMED' | 'REJECTED' },
    officer: AuthenticatedOfficer,
    details: Record<string, unknown>,
  ): Promise<void> {
    try {
      await this.transactions.run(async (manager) => {
        const result = await manager
          .getRepository(ApplicantBanEntity)
          .update({ id: pending.id, state: 'PROPOSED' }, decision);
        if (result.affected !== 1) throw new AppError('CASE_NOT_PENDING', `Case ${pending.id} was decided meanwhile.`);
        await this.acts.write(manager, [
          {
            event: {
              ...officerActor(officer),
              action: `applicant-ban.${decision.state.toLowerCase()}`,
              subject: subjectOf(pending.id),
              details: this.auditDetails(pending, details),
            },
            // A confirmed ban is public: its leaf; a rejected proposal stays in the audit log only.
            leaf:
              decision.state === 'CONFIRMED'
                ? {
                    kind: 'ban',
                    certificateNo: null,
                    date: pending.fromDate,
                    document: pending.decisionDocument,
                    subjectSha256: decisionDigest([
                      pending.id,
                      'APPLICANT_BAN',
                      pending.roundId,
                      pending.applicationId,
                      pending.decisionDocument,
                      pending.decisionDate,
                      pending.fromDate,
                      pending.untilDate,
                      pending.reasonCategory,
                      pending.proposedAuthority,
                      decision.decidedAuthority ?? null,
                      decision.decidedAt ?? null,
                    ]),
                  }
                : undefined,
          },
        ]);
      });
    } catch (error) {
      if (uniqueViolation(error))
        throw new AppError(
          'APPLICANT_ALREADY_BANNED',
          `Application ${pending.applicationId} has already led to a ban.`,
        );
      throw error;
    }
  }

  private decidedBy(
    officer: AuthenticatedOfficer,
  ): Pick<ApplicantBanEntity, 'decidedBy' | 'decidedAuthority' | 'decidedAt'> {
    return {
      decidedBy: officer.username,
      decidedAuthority: officer.authority,
      decidedAt: this.clock.now().toISOString(),
    };
  }

  private auditDetails(c: ApplicantBanEntity, more: Record<string, unknown>): Record<string, unknown> {
    return { caseId: c.id, roundId: c.roundId, applicationId: c.applicationId, ...more };
  }

  private hasCertificate(application: ApplicationEntity): AppError {
    return new AppError(
      'APPLICANT_HAS_CERTIFICATE',
      `Application ${application.id} led to certificate ${application.certificateNo}: propose its revocation instead.`,
    );
  }

  private alreadyOpen(applicationId: number): AppError {
    return new AppError(
      'CASE_ALREADY_OPEN',
      `The applicant of application ${applicationId} already has a pending ban decision.`,
    );
  }
}
