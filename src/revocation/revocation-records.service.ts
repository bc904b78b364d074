import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, LessThanOrEqual, Not, Repository } from 'typeorm';
import { issuedOn, type CertificateStatus } from '../certificates/certificate.entity';
import { CertificatesService } from '../certificates/certificates.service';
import { maskIdNumber } from '../common/id-number';
import { LEVEL_NAMES, SPECIALTY_NAMES } from '../common/qualifications';
import { ApplicantBanEntity } from './applicant-ban.entity';
import { BanEntity } from './ban.entity';
import { DecisionCaseEntity } from './decision-case.entity';
import { REASON_CATEGORIES, ReasonCategory } from './reason-categories';
import { StatusHistoryEntity } from './status-history.entity';

/** Why a certificate is revoked: what the registry, the verification API and the page show. */
export interface RevocationDetails {
  revokedOn: string;
  reasonCategory: string;
  reasonCategoryName: string;
  decisionDocument: string;
  decisionDate: string;
}

/** What every published disciplinary decision shows (docs/rules.md 四.四.3: the decision is published). */
interface NoticeBase {
  holderName: string;
  idNumberMasked: string;
  /** The unit criticised in the province-wide notice (全省通报批评). */
  employer: string;
  qualification: string;
  specialty: string;
  reasonCategory: string;
  reasonCategoryName: string;
  decisionDocument: string;
  decisionDate: string;
  ban: { from: string; until: string } | null;
}

/** A certificate revoked. */
export interface RevocationNotice extends NoticeBase {
  kind: 'REVOCATION';
  certificateNo: string;
  effectiveDate: string;
}

/** An applicant barred for misconduct found during a round, without a certificate to revoke. */
export interface ApplicantBanNotice extends NoticeBase {
  kind: 'APPLICANT_BAN';
  certificateNo: null;
  roundId: number;
  evaluationYear: number;
}

export type Notice = RevocationNotice | ApplicantBanNotice;

const reasonName = (code: string | null): string => REASON_CATEGORIES[code as ReasonCategory] ?? '';

/** Read side of revocations: details, status on a date, public notices. */
@Injectable()
export class RevocationRecordsService {
  constructor(
    @InjectRepository(DecisionCaseEntity) private readonly cases: Repository<DecisionCaseEntity>,
    @InjectRepository(StatusHistoryEntity) private readonly history: Repository<StatusHistoryEntity>,
    @InjectRepository(BanEntity) private readonly bans: Repository<BanEntity>,
    @InjectRepository(ApplicantBanEntity) private readonly applicantBans: Repository<ApplicantBanEntity>,
    private readonly certificates: CertificatesService,
  ) {}

  /** The confirmed revocation in force, or null when the certificate is not revoked. */
  async revocationOf(certificateNo: string): Promise<RevocationDetails | null> {
    return (await this.forCertificates([certificateNo])).get(certificateNo) ?? null;
  }

  /** The revocations in force of several certificates, by number (valid ones are absent). */
  async forCertificates(certificateNos: string[]): Promise<Map<string, RevocationDetails>> {
    const details = new Map<string, RevocationDetails>();
    if (certificateNos.length === 0) return details;
    const rows = await this.history.find({ where: { certificateNo: In(certificateNos) }, order: { id: 'DESC' } });
    const latest = new Map<string, StatusHistoryEntity>();
    for (const row of rows) if (!latest.has(row.certificateNo)) latest.set(row.certificateNo, row);
    const revokedBy = [...latest.values()].filter((row) => row.status === 'REVOKED');
    const decisions = new Map(
      (await this.cases.findBy({ id: In(revokedBy.map((row) => row.caseId).concat(-1)) })).map((c) => [c.id, c]),
    );
    for (const row of revokedBy) {
      const decision = decisions.get(row.caseId);
      if (!decision) continue;
      details.set(row.certificateNo, {
        revokedOn: decision.effectiveDate,
        reasonCategory: decision.reasonCategory ?? '',
        reasonCategoryName: reasonName(decision.reasonCategory),
        decisionDocument: decision.decisionDocument,
        decisionDate: decision.decisionDate,
      });
    }
    return details;
  }

  /**
   * The status on a date (YYYY-MM-DD): the last decision effective on or before it, in the
   * order decisions were effective and then confirmed; null before the certificate existed.
   */
  async statusOn(certificateNo: string, date: string): Promise<CertificateStatus | null> {
    const certificate = await this.certificates.findByNumber(certificateNo);
    if (!certificate || issuedOn(certificate) > date) return null;
    const [last] = await this.history.find({
      where: { certificateNo, effectiveDate: LessThanOrEqual(date) },
      order: { effectiveDate: 'DESC', id: 'DESC' },
      take: 1,
    });
    return last?.status ?? 'VALID';
  }

  /** Confirmed revocations not reversed by a reinstatement and confirmed applicant bans, newest decision first. */
  async notices(): Promise<Notice[]> {
    const [revocations, applicantBans] = await Promise.all([this.revocationNotices(), this.applicantBanNotices()]);
    return [...revocations, ...applicantBans].sort((a, b) => b.decisionDate.localeCompare(a.decisionDate));
  }

  private async applicantBanNotices(): Promise<ApplicantBanNotice[]> {
    const bans = await this.applicantBans.find({ where: { state: 'CONFIRMED' }, order: { id: 'DESC' } });
    return bans.map((ban) => ({
      kind: 'APPLICANT_BAN',
      certificateNo: null,
      holderName: ban.name,
      idNumberMasked: maskIdNumber(ban.idNumber),
      employer: ban.employer,
      qualification: LEVEL_NAMES[ban.level],
      specialty: SPECIALTY_NAMES[ban.specialty],
      roundId: ban.roundId,
      evaluationYear: ban.evaluationYear,
      reasonCategory: ban.reasonCategory,
      reasonCategoryName: reasonName(ban.reasonCategory),
      decisionDocument: ban.decisionDocument,
      decisionDate: ban.decisionDate,
      ban: { from: ban.fromDate, until: ban.untilDate },
    }));
  }

  private async revocationNotices(): Promise<RevocationNotice[]> {
    const reversed = (
      await this.cases.find({
        select: { reversesCaseId: true },
        where: { kind: 'REINSTATEMENT', state: 'CONFIRMED', reversesCaseId: Not(IsNull()) },
      })
    ).map((c) => c.reversesCaseId as number);
    const revocations = await this.cases.find({
      where: { kind: 'REVOCATION', state: 'CONFIRMED', ...(reversed.length ? { id: Not(In(reversed)) } : {}) },
      order: { decisionDate: 'DESC', id: 'DESC' },
    });
    const certificates = new Map(
      (await this.certificates.findManyByNumber(revocations.map((r) => r.certificateNo))).map((c) => [
        c.certificateNo,
        c,
      ]),
    );
    const bans = new Map(
      (await this.bans.findBy({ caseId: In(revocations.map((r) => r.id).concat(-1)) })).map((b) => [b.caseId, b]),
    );
    return revocations.flatMap((revocation) => {
      const certificate = certificates.get(revocation.certificateNo);
      if (!certificate) return [];
      const ban = bans.get(revocation.id);
      return [
        {
          kind: 'REVOCATION' as const,
          certificateNo: certificate.certificateNo,
          holderName: certificate.holderName,
          idNumberMasked: maskIdNumber(certificate.idNumber),
          employer: certificate.employer,
          qualification: LEVEL_NAMES[certificate.level],
          specialty: SPECIALTY_NAMES[certificate.specialty],
          reasonCategory: revocation.reasonCategory ?? '',
          reasonCategoryName: reasonName(revocation.reasonCategory),
          decisionDocument: revocation.decisionDocument,
          decisionDate: revocation.decisionDate,
          effectiveDate: revocation.effectiveDate,
          ban: ban ? { from: ban.fromDate, until: ban.untilDate } : null,
        },
      ];
    });
  }
}
