import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsWhere, In, LessThan, Repository } from 'typeorm';
import { CertificatesService } from '../certificates/certificates.service';
import { issuedOn } from '../certificates/certificate.entity';
import { maskIdNumber } from '../common/id-number';
import { DEFAULT_PAGE_SIZE, page } from '../common/page-query.dto';
import { ApplicantBanEntity } from './applicant-ban.entity';
import { CaseKind, CaseState, DecisionCaseEntity } from './decision-case.entity';
import {
  ApplicantBanListDto,
  CaseListDto,
  CaseListQueryDto,
  CaseStatus,
  CertificateHistoryDto,
  CertificateHistoryEntryDto,
  STATE_OF_STATUS,
} from './dto/case-list.dto';
import { StatusHistoryEntity } from './status-history.entity';

const STATUS_OF_STATE: Record<CaseState, CaseStatus> = {
  PROPOSED: 'pending',
  CONFIRMED: 'confirmed',
  REJECTED: 'rejected',
};

/** Read-only lists of the joint decisions for the office console, newest first. */
@Injectable()
export class CaseListsService {
  constructor(
    @InjectRepository(DecisionCaseEntity) private readonly cases: Repository<DecisionCaseEntity>,
    @InjectRepository(ApplicantBanEntity) private readonly applicantBans: Repository<ApplicantBanEntity>,
    @InjectRepository(StatusHistoryEntity) private readonly history: Repository<StatusHistoryEntity>,
    private readonly certificates: CertificatesService,
  ) {}

  async decisionCases(kind: CaseKind, query: CaseListQueryDto): Promise<CaseListDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const found = await this.cases.find({ where: { kind, ...filter(query) }, order: { id: 'DESC' }, take: limit + 1 });
    const { rows, nextBefore } = page(found, limit);
    const holders = await this.certificates.findManyByNumber([...new Set(rows.map((c) => c.certificateNo))]);
    const nameOf = new Map(holders.map((c) => [c.certificateNo, c.holderName]));
    const items = rows.map((c) => ({
      id: c.id,
      certificateNo: c.certificateNo,
      holderName: nameOf.get(c.certificateNo) ?? null,
      proposedBy: c.proposedBy,
      proposedAuthority: c.proposedAuthority,
      proposedAt: c.proposedAt,
      status: STATUS_OF_STATE[c.state],
      decisionDocument: c.decisionDocument,
      effectiveDate: c.effectiveDate,
      decidedBy: c.decidedBy,
      decidedAuthority: c.decidedAuthority,
      decidedAt: c.decidedAt,
    }));
    return { items, nextBefore };
  }

  async applicantBanCases(query: CaseListQueryDto): Promise<ApplicantBanListDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const found = await this.applicantBans.find({ where: filter(query), order: { id: 'DESC' }, take: limit + 1 });
    const { rows, nextBefore } = page(found, limit);
    const items = rows.map((c) => ({
      id: c.id,
      roundId: c.roundId,
      name: c.name,
      idNumberMasked: maskIdNumber(c.idNumber),
      employer: c.employer,
      proposedBy: c.proposedBy,
      proposedAuthority: c.proposedAuthority,
      proposedAt: c.proposedAt,
      status: STATUS_OF_STATE[c.state],
      decisionDocument: c.decisionDocument,
      decidedBy: c.decidedBy,
      decidedAuthority: c.decidedAuthority,
      decidedAt: c.decidedAt,
    }));
    return { items, nextBefore };
  }

  /** Issued, then each confirmed revocation and reinstatement, oldest first. */
  async certificateHistory(certificateNo: string): Promise<CertificateHistoryDto> {
    const certificate = await this.certificates.getByNumber(certificateNo);
    const changes = await this.history.find({
      where: { certificateNo: certificate.certificateNo },
      order: { id: 'ASC' },
    });
    const decisions = await this.cases.findBy({ id: In(changes.map((h) => h.caseId)) });
    const caseOf = new Map(decisions.map((c) => [c.id, c]));
    const issued: CertificateHistoryEntryDto = {
      event: 'ISSUED',
      status: 'VALID',
      effectiveDate: issuedOn(certificate),
      recordedAt: certificate.issuedAt,
      document: certificate.approvalDocument,
      decisionDate: null,
      caseId: null,
    };
    const later = changes.map((h): CertificateHistoryEntryDto => {
      const decision = caseOf.get(h.caseId);
      return {
        event: h.status === 'REVOKED' ? 'REVOKED' : 'REINSTATED',
        status: h.status,
        effectiveDate: h.effectiveDate,
        recordedAt: h.recordedAt,
        document: decision?.decisionDocument ?? '',
        decisionDate: decision?.decisionDate ?? null,
        caseId: h.caseId,
      };
    });
    return { certificateNo: certificate.certificateNo, status: certificate.status, entries: [issued, ...later] };
  }
}

function filter(query: CaseListQueryDto): FindOptionsWhere<DecisionCaseEntity & ApplicantBanEntity> {
  return {
    ...(query.status ? { state: STATE_OF_STATUS[query.status] } : {}),
    ...(query.before !== undefined ? { id: LessThan(query.before) } : {}),
  };
}
