import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { AuditService, officerActor } from '../audit/audit.service';
import { CertificatesService } from '../certificates/certificates.service';
import { issuedOn, type CertificateEntity } from '../certificates/certificate.entity';
import { AppError } from '../common/app-error';
import { chinaDate } from '../common/china-dates';
import { Clock } from '../common/clock';
import { requireDocumentYear, requireRealDate } from '../common/formats';
import { TransactionRunner } from '../database/transaction-runner';
import { uniqueViolation } from '../database/unique-violation';
import type { AuthenticatedOfficer } from '../officers/officers.service';
import { BanEntity } from './ban.entity';
import { banPeriod } from './ban-period';
import { CaseKind, DecisionCaseEntity } from './decision-case.entity';
import type { ProposeReinstatementDto, ProposeRevocationDto } from './dto/decision-requests.dto';
import { StatusHistoryEntity } from './status-history.entity';
import { StatusListService } from './status-list.service';
import { ActWriter } from '../transparency/act-writer';
import { decisionDigest } from '../transparency/subject-digest';

/** What a kind of case requires of the certificate and turns it into. */
const TRANSITIONS = {
  REVOCATION: { from: 'VALID', to: 'REVOKED', wrongState: 'CERTIFICATE_ALREADY_REVOKED' },
  REINSTATEMENT: { from: 'REVOKED', to: 'VALID', wrongState: 'CERTIFICATE_NOT_REVOKED' },
} as const;

/**
 * Joint decisions about a certificate (docs/rules.md 四.四.3, and 五 re-examination): an officer of
 * one authority proposes, an officer of the OTHER authority confirms; only the confirmation
 * changes the certificate. Every step is one transaction with its audit entry.
 */
@Injectable()
export class DecisionCasesService {
  private readonly logger = new Logger(DecisionCasesService.name);

  constructor(
    @InjectRepository(DecisionCaseEntity) private readonly cases: Repository<DecisionCaseEntity>,
    private readonly certificates: CertificatesService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly statusList: StatusListService,
    private readonly clock: Clock,
    private readonly acts: ActWriter,
  ) {}

  async proposeRevocation(request: ProposeRevocationDto, officer: AuthenticatedOfficer): Promise<DecisionCaseEntity> {
    const certificate = await this.checkProposal('REVOCATION', request);
    return this.propose('REVOCATION', request, officer, certificate, {
      reasonCategory: request.reasonCategory,
      serious: request.serious,
      reversesCaseId: null,
    });
  }

  async proposeReinstatement(
    request: ProposeReinstatementDto,
    officer: AuthenticatedOfficer,
  ): Promise<DecisionCaseEntity> {
    const certificate = await this.checkProposal('REINSTATEMENT', request);
    const revocation = await this.cases.findOne({
      where: { certificateNo: certificate.certificateNo, kind: 'REVOCATION', state: 'CONFIRMED' },
      order: { id: 'DESC' },
    });
    if (!revocation)
      throw new AppError(
        'CERTIFICATE_NOT_REVOKED',
        `Certificate ${certificate.certificateNo} has no confirmed revocation to reverse.`,
      );
    return this.propose('REINSTATEMENT', request, officer, certificate, {
      reasonCategory: null,
      serious: false,
      reversesCaseId: revocation.id,
    });
  }

  async get(kind: CaseKind, id: number): Promise<DecisionCaseEntity> {
    const found = await this.cases.findOneBy({ id, kind });
    if (!found) throw new AppError('CASE_NOT_FOUND', `No ${kind.toLowerCase()} case ${id}.`);
    return found;
  }

  /** Confirms by an officer of the other authority; racing confirmations leave one winner. */
  async confirm(kind: CaseKind, id: number, officer: AuthenticatedOfficer): Promise<DecisionCaseEntity> {
    const pending = await this.pending(kind, id);
    if (pending.proposedAuthority === officer.authority) {
      throw new AppError(
        'CONFIRMATION_BY_SAME_AUTHORITY',
        'A decision is confirmed by an officer of the other authority, never by the proposing one.',
      );
    }
    const transition = TRANSITIONS[kind];
    const decidedAt = this.clock.now().toISOString();
    await this.transactions.run(async (manager) => {
      await this.decide(manager, pending, {
        state: 'CONFIRMED',
        decidedBy: officer.username,
        decidedAuthority: officer.authority,
        decidedAt,
      });
      if (!(await this.certificates.changeStatus(manager, pending.certificateNo, transition.from, transition.to))) {
        throw new AppError(
          transition.wrongState,
          `Certificate ${pending.certificateNo} is no longer ${transition.from}.`,
        );
      }
      await manager.getRepository(StatusHistoryEntity).insert({
        certificateNo: pending.certificateNo,
        status: transition.to,
        effectiveDate: pending.effectiveDate,
        caseId: pending.id,
        recordedAt: decidedAt,
      });
      const banEffect =
        kind === 'REVOCATION' ? await this.imposeBan(manager, pending) : await this.liftBans(manager, pending);
      await this.acts.write(manager, [
        {
          event: {
            ...officerActor(officer),
            action: `${kind.toLowerCase()}.confirmed`,
            subject: pending.certificateNo,
            details: { caseId: pending.id, ...banEffect },
          },
          leaf: {
            kind: kind === 'REVOCATION' ? 'revocation' : 'reinstatement',
            certificateNo: pending.certificateNo,
            date: pending.effectiveDate,
            document: pending.decisionDocument,
            subjectSha256: decisionDigest([
              pending.id,
              kind,
              pending.certificateNo,
              pending.decisionDocument,
              pending.decisionDate,
              pending.effectiveDate,
              pending.reasonCategory,
              pending.serious,
              pending.proposedAuthority,
              officer.authority,
              decidedAt,
            ]),
          },
        },
      ]);
    });
    // The decision stands once committed; a failed rebuild is logged and retried when the
    // list's ttl runs out, never reported as a failed decision.
    await this.statusList
      .regenerate()
      .catch((error: unknown) => this.logger.error(`Status list not rebuilt after case ${id}: ${String(error)}`));
    return this.get(kind, id);
  }

  /** Ends a pending case without effect; any revoker of either authority may. */
  async reject(kind: CaseKind, id: number, reason: string, officer: AuthenticatedOfficer): Promise<DecisionCaseEntity> {
    const pending = await this.pending(kind, id);
    await this.transactions.run(async (manager) => {
      await this.decide(manager, pending, {
        state: 'REJECTED',
        decidedBy: officer.username,
        decidedAuthority: officer.authority,
        decidedAt: this.clock.now().toISOString(),
        rejectionReason: reason,
      });
      await this.audit.append(manager, {
        ...officerActor(officer),
        action: `${kind.toLowerCase()}.rejected`,
        subject: pending.certificateNo,
        details: { caseId: pending.id, reason },
      });
    });
    return this.get(kind, id);
  }

  private async checkProposal(
    kind: CaseKind,
    request: { certificateNo: string; decisionDocument: string; decisionDate: string; effectiveDate: string },
  ): Promise<CertificateEntity> {
    const today = chinaDate(this.clock.now());
    for (const field of ['decisionDate', 'effectiveDate'] as const) requireRealDate(request[field], field);
    if (request.decisionDate > today)
      throw new AppError('DATE_IN_FUTURE', 'decisionDate is in the future.', { field: 'decisionDate' });
    if (request.effectiveDate > today)
      throw new AppError(
        'DATE_IN_FUTURE',
        'effectiveDate is in the future: propose the decision once it takes effect.',
        { field: 'effectiveDate' },
      );
    const certificate = await this.certificates.getByNumber(request.certificateNo);
    requireDocumentYear(
      request.decisionDocument,
      'decisionDocument',
      'DECISION_DOCUMENT_INVALID',
      certificate.evaluationYear,
      request.decisionDate,
    );
    // A decision comes after what it decides on: the certificate's issuance, and the last decision
    // confirmed on it (a reinstatement after the revocation it reverses), else the dated history
    // (registry ?at=) would contradict the record.
    const [last] = await this.cases.find({
      where: { certificateNo: certificate.certificateNo, state: 'CONFIRMED' },
      order: { id: 'DESC' },
      take: 1,
    });
    const since = last ? 'the last decision on the certificate' : 'the certificate was issued';
    for (const field of ['decisionDate', 'effectiveDate'] as const) {
      const earliest = [issuedOn(certificate), last?.[field] ?? ''].reduce((a, b) => (a > b ? a : b));
      if (request[field] < earliest)
        throw new AppError('DATE_INVALID', `${field} is before ${since} (${earliest}).`, { field, earliest });
    }
    const transition = TRANSITIONS[kind];
    if (certificate.status !== transition.from)
      throw new AppError(transition.wrongState, `Certificate ${certificate.certificateNo} is ${certificate.status}.`);
    if (await this.cases.existsBy({ certificateNo: certificate.certificateNo, state: 'PROPOSED' })) {
      throw new AppError(
        'CASE_ALREADY_OPEN',
        `Certificate ${certificate.certificateNo} already has a pending decision.`,
      );
    }
    return certificate;
  }

  private async propose(
    kind: CaseKind,
    request: ProposeReinstatementDto,
    officer: AuthenticatedOfficer,
    certificate: CertificateEntity,
    specific: Pick<DecisionCaseEntity, 'reasonCategory' | 'serious' | 'reversesCaseId'>,
  ): Promise<DecisionCaseEntity> {
    const proposal = Object.assign(new DecisionCaseEntity(), {
      kind,
      certificateNo: certificate.certificateNo,
      state: 'PROPOSED' as const,
      description: request.description,
      decisionDocument: request.decisionDocument,
      decisionDate: request.decisionDate,
      effectiveDate: request.effectiveDate,
      ...specific,
      proposedBy: officer.username,
      proposedAuthority: officer.authority,
      proposedAt: this.clock.now().toISOString(),
      decidedBy: null,
      decidedAuthority: null,
      decidedAt: null,
      rejectionReason: null,
    });
    try {
      await this.transactions.run(async (manager) => {
        await manager.getRepository(DecisionCaseEntity).insert(proposal);
        await this.audit.append(manager, {
          ...officerActor(officer),
          action: `${kind.toLowerCase()}.proposed`,
          subject: certificate.certificateNo,
          details: { caseId: proposal.id, decisionDocument: request.decisionDocument },
        });
      });
    } catch (error) {
      // A parallel proposal for the same certificate won (one pending case per certificate).
      if (uniqueViolation(error))
        throw new AppError(
          'CASE_ALREADY_OPEN',
          `Certificate ${certificate.certificateNo} already has a pending decision.`,
        );
      throw error;
    }
    return proposal;
  }

  private async pending(kind: CaseKind, id: number): Promise<DecisionCaseEntity> {
    const found = await this.get(kind, id);
    if (found.state !== 'PROPOSED') throw new AppError('CASE_NOT_PENDING', `Case ${id} is already ${found.state}.`);
    return found;
  }

  /** PROPOSED → a decision, only if still PROPOSED: the loser of a race gets 409. */
  private async decide(
    manager: EntityManager,
    pending: DecisionCaseEntity,
    decision: Partial<DecisionCaseEntity>,
  ): Promise<void> {
    const result = await manager
      .getRepository(DecisionCaseEntity)
      .update({ id: pending.id, state: 'PROPOSED' }, decision);
    if (result.affected !== 1) throw new AppError('CASE_NOT_PENDING', `Case ${pending.id} was decided meanwhile.`);
  }

  private async imposeBan(manager: EntityManager, revocation: DecisionCaseEntity): Promise<Record<string, unknown>> {
    if (!revocation.serious) return { ban: null };
    const certificate = await this.certificates.getByNumber(revocation.certificateNo);
    const period = banPeriod(certificate.evaluationYear);
    await manager.getRepository(BanEntity).insert({
      idNumber: certificate.idNumber,
      fromDate: period.from,
      untilDate: period.until,
      decisionDocument: revocation.decisionDocument,
      caseId: revocation.id,
      liftedByCaseId: null,
      createdAt: this.clock.now().toISOString(),
    });
    return { ban: period };
  }

  /** A reinstatement lifts the bans its revocation caused (recorded, not deleted). */
  private async liftBans(manager: EntityManager, reinstatement: DecisionCaseEntity): Promise<Record<string, unknown>> {
    const result = await manager
      .getRepository(BanEntity)
      .update(
        { caseId: reinstatement.reversesCaseId ?? -1, liftedByCaseId: IsNull() },
        { liftedByCaseId: reinstatement.id },
      );
    return { reversesCaseId: reinstatement.reversesCaseId, bansLifted: result.affected ?? 0 };
  }
}
