import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditService, officerActor } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { chinaDate } from '../common/china-dates';
import { Clock } from '../common/clock';
import { requireDocumentYear, requireNotFuture } from '../common/formats';
import { BOTH_CHAIN_LOCKS, lockChains } from '../database/chain-locks';
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
    const held = await this.certificateHeld(this.cases.manager, {
      applicationId: application.id,
      idNumber: application.idNumber,
      level: round.level,
      evaluationYear: round.year,
    });
    if (held) throw this.hasCertificate(application.id, held);
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
    const decision = { state: 'CONFIRMED' as const, ...this.decidedBy(officer) };
    // A certificate issued since the proposal is revoked instead (docs/revocation.md). Checked
    // under the chain locks that every issuance takes too: a round's chunk or a direct issuance
    // committed before is seen here, and one after reads this ban under the same locks.
    await this.decide(pending, decision, officer, { ban: { from: pending.fromDate, until: pending.untilDate } }, (m) =>
      this.certificateHeld(m, pending).then((held) => {
        if (held) throw this.hasCertificate(pending.applicationId, held);
      }),
    );
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
    checkUnderLocks?: (manager: EntityManager) => Promise<void>,
  ): Promise<void> {
    try {
      await this.transactions.run(async (manager) => {
        await lockChains(manager, BOTH_CHAIN_LOCKS);
        await checkUnderLocks?.(manager);
        const result = await manager
          .getRepository(ApplicantBanEntity)
          .update({ id: pending.id, state: 'PROPOSED' }, decision);
        if (result.affected !== 1) throw new AppError('CASE_NOT_PENDING', `Case ${pending.id} was decided meanwhile.`);
        await this.acts.write(
          manager,
          [
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
          ],
          { chainsLocked: true },
        );
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

  private hasCertificate(applicationId: number, certificateNo: string): AppError {
    return new AppError(
      'APPLICANT_HAS_CERTIFICATE',
      `The applicant of application ${applicationId} holds certificate ${certificateNo} of this level and year: propose its revocation instead.`,
      { certificateNo },
    );
  }

  /**
   * The certificate in force the applicant holds of the round's level and year, if any: the one
   * linked to the application, or one issued to the ID number otherwise (a direct issuance). One
   * revoked already leaves the applicant to be banned: a revocation that was not serious bans
   * nobody, and a serious one cannot be proposed again for a revoked certificate.
   */
  private async certificateHeld(
    manager: EntityManager,
    c: Pick<ApplicantBanEntity, 'applicationId' | 'idNumber' | 'level' | 'evaluationYear'>,
  ): Promise<string | undefined> {
    const p = manager.connection.options.type === 'postgres' ? (n: number) => `$${n}` : () => '?';
    const [row] = await manager.query<Array<{ certificate_no: string }>>(
      `SELECT a.certificate_no FROM evaluation_applications a
       JOIN certificates c ON c.certificate_no = a.certificate_no
       WHERE a.id = ${p(1)} AND c.status <> 'REVOKED'
       UNION ALL
       SELECT certificate_no FROM certificates
       WHERE id_number = ${p(2)} AND level = ${p(3)} AND evaluation_year = ${p(4)} AND status <> 'REVOKED'`,
      [c.applicationId, c.idNumber, c.level, c.evaluationYear],
    );
    return row?.certificate_no;
  }

  private alreadyOpen(applicationId: number): AppError {
    return new AppError(
      'CASE_ALREADY_OPEN',
      `The applicant of application ${applicationId} already has a pending ban decision.`,
    );
  }
}
