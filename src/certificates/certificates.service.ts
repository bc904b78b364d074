import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, LessThan, Repository } from 'typeorm';
import { uniqueViolation } from '../database/unique-violation';
import { AppError } from '../common/app-error';
import { chinaDate } from '../common/china-dates';
import { Clock } from '../common/clock';
import { SigningService } from '../signing/signing.service';
import { allocateCertificateNo } from './certificate-numbers';
import { CertificateEntity, CertificateStatus } from './certificate.entity';
import { buildCredentialClaims, buildTokenClaims, newIdHashSalt, randomStatusIndex } from './credential-claims.builder';
import { AuditActor, AuditService } from '../audit/audit.service';
import { TransactionRunner } from '../database/transaction-runner';
import type { IssueCertificateDto } from './dto/issue-certificate.dto';
import type { CertificateSearchQueryDto } from './dto/certificate-search.dto';
import { DEFAULT_PAGE_SIZE, page } from '../common/page-query.dto';
import { checkIssuanceRules, printedRequestFields } from './issuance-rules';
import { CertificateFontsService } from '../pdf/certificate-fonts.service';
import { CERTIFICATE_NO_PATTERN, type Level } from '../common/qualifications';
import { insertRows } from '../database/insert-rows';
import { CERTIFICATE_INSERT_TARGET, certificateRow } from './certificate-rows';
import { TransparencyLogService } from '../transparency/transparency-log.service';
import { credentialDigest } from '../transparency/subject-digest';

export interface IssuanceResult {
  /** False when an identical earlier request already issued this certificate. */
  created: boolean;
  certificate: CertificateEntity;
}

/** The facts that make two issuance requests "the same"; a retry must repeat all of them. */
function sameFacts(existing: CertificateEntity, request: IssueCertificateDto): boolean {
  return (
    existing.holderName === request.holder.name &&
    existing.gender === request.holder.gender &&
    existing.employer === request.holder.employer &&
    existing.specialty === request.specialty &&
    existing.passedOn === request.passedOn &&
    existing.approvalDocument === request.approvalDocument
  );
}

@Injectable()
export class CertificatesService {
  constructor(
    @InjectRepository(CertificateEntity) private readonly certificates: Repository<CertificateEntity>,
    private readonly signing: SigningService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly fonts: CertificateFontsService,
    private readonly transparencyLog: TransparencyLogService,
  ) {}

  /**
   * Issues a certificate signed by both authorities. Safe to retry: the same holder, level
   * and year with the same facts returns the existing certificate; with other facts, 409.
   */
  async issue(request: IssueCertificateDto, actor: AuditActor): Promise<IssuanceResult> {
    const now = this.clock.now();
    checkIssuanceRules(request, chinaDate(now));
    // A certificate whose PDF could never be downloaded is refused now, not at every download.
    this.fonts.assertPrintable(printedRequestFields(request));
    const existing = await this.findForHolder(request);
    if (existing) return this.replay(existing, request);
    for (let attempt = 1; ; attempt++) {
      try {
        return { created: true, certificate: await this.issueOnce(request, actor, now) };
      } catch (error) {
        const violated = uniqueViolation(error);
        // Two random status indices met (rare): draw again and re-sign.
        if (violated?.includes('status_index') && attempt < 5) continue;
        // A parallel request for the same holder, level and year won the race.
        const winner = violated ? await this.findForHolder(request) : undefined;
        if (winner) return this.replay(winner, request);
        throw error;
      }
    }
  }

  /**
   * One issuance, one durable commit. SQLite writes one transaction at a time anyway, so the
   * number is allocated inside it. On PostgreSQL the number comes first from one autocommitted
   * upsert (its row lock is held for that statement only, never across another issuance's
   * signing or commit); a failed write leaves a gap in the sequence, never a duplicate.
   */
  private async issueOnce(request: IssueCertificateDto, actor: AuditActor, now: Date): Promise<CertificateEntity> {
    const { level, evaluationYear } = request;
    const early = this.transactions.isSqlite
      ? undefined
      : await allocateCertificateNo(this.certificates.manager, level, evaluationYear);
    return this.transactions.run(async (manager) => {
      const certificateNo = early ?? (await allocateCertificateNo(manager, level, evaluationYear));
      const record = await this.signedRecord(request, certificateNo, now, randomStatusIndex());
      await insertRows(manager, CERTIFICATE_INSERT_TARGET, [certificateRow(record)]);
      await this.audit.append(manager, {
        ...actor,
        action: 'certificate.issued',
        subject: certificateNo,
        details: { level: record.level, year: record.evaluationYear },
      });
      await this.transparencyLog.append(manager, {
        kind: 'issuance',
        certificateNo,
        date: chinaDate(new Date(record.issuedAt)),
        document: record.approvalDocument,
        subjectSha256: credentialDigest(record.credential),
      });
      return record;
    });
  }

  /** A new record with its credential and QR token, signed over the given status index. */
  async signedRecord(
    request: IssueCertificateDto,
    certificateNo: string,
    now: Date,
    statusIndex: number,
  ): Promise<CertificateEntity> {
    const record = this.newRecord(request, certificateNo, now);
    record.statusIndex = statusIndex;
    const claims = buildCredentialClaims(record);
    const [credential, qrToken] = await Promise.all([
      this.signing.signClaims(claims),
      this.signing.signToken(buildTokenClaims(claims)),
    ]);
    record.credential = JSON.stringify(credential);
    record.qrToken = qrToken;
    return record;
  }

  /** The address the certificate's QR code opens; the token rides in the fragment, out of server logs. */
  verificationUrl(certificate: CertificateEntity): string {
    return `${this.config.publicBaseUrl}/v#${certificate.qrToken}`;
  }

  /** The full record, for the office. */
  async getByNumber(certificateNo: string): Promise<CertificateEntity> {
    const found = await this.findByNumber(certificateNo);
    if (!found) throw new AppError('CERTIFICATE_NOT_FOUND', `No certificate ${certificateNo}.`);
    return found;
  }

  /** The record of a certificate number, or undefined; a malformed number is refused. */
  async findByNumber(certificateNo: string): Promise<CertificateEntity | undefined> {
    if (!CERTIFICATE_NO_PATTERN.test(certificateNo)) {
      throw new AppError(
        'CERTIFICATE_NO_INVALID',
        'A certificate number is ZJ, Z or G, the year and six digits, e.g. ZJZ2026000001.',
      );
    }
    // The public registry's hot path: one raw, parameterised statement costs a fraction of
    // findOneBy's query building and hydration (bench/registry.bench.ts).
    const { manager } = this.certificates;
    const placeholder = manager.connection.options.type === 'postgres' ? '$1' : '?';
    const rows = await manager.query<Array<Record<string, unknown>>>(
      `SELECT * FROM certificates WHERE certificate_no = ${placeholder}`,
      [certificateNo],
    );
    return rows.length === 0 ? undefined : this.hydrate(rows[0]);
  }

  /**
   * Moves a certificate from one status to another inside the caller's transaction, only if
   * it is still in `from`: of two racing decisions, the second finds nothing to change.
   */
  async changeStatus(
    manager: EntityManager,
    certificateNo: string,
    from: CertificateStatus,
    to: CertificateStatus,
  ): Promise<boolean> {
    const result = await manager
      .getRepository(CertificateEntity)
      .update({ certificateNo, status: from }, { status: to, updatedAt: this.clock.now().toISOString() });
    return result.affected === 1;
  }

  /** The records of several certificate numbers (unknown numbers are left out). */
  findManyByNumber(certificateNos: string[]): Promise<CertificateEntity[]> {
    return certificateNos.length === 0
      ? Promise.resolve([])
      : this.certificates.findBy({ certificateNo: In(certificateNos) });
  }

  /** Status-list indices of every revoked certificate (for the status list). */
  async revokedStatusIndices(): Promise<number[]> {
    const rows = await this.certificates.find({ select: { statusIndex: true }, where: { status: 'REVOKED' } });
    return rows.map((row) => row.statusIndex).filter((index): index is number => index !== null);
  }

  /**
   * Officer search, newest first: one number, or holders by exact name, full ID number, or both.
   * Officers read full records anyway; the public registry alone is never searched by name.
   */
  async search(query: CertificateSearchQueryDto): Promise<{ rows: CertificateEntity[]; nextBefore: number | null }> {
    const byNumber = query.certificateNo !== undefined;
    const byHolder = query.name !== undefined || query.idNumber !== undefined;
    if (byNumber === byHolder)
      throw new AppError('VALIDATION_FAILED', 'Search by certificateNo, or by name and/or idNumber.', {
        field: byNumber ? 'name' : 'certificateNo',
      });
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const found = await this.certificates.find({
      where: {
        ...(byNumber ? { certificateNo: query.certificateNo?.toUpperCase() } : {}),
        ...(query.name !== undefined ? { holderName: query.name.trim() } : {}),
        ...(query.idNumber !== undefined ? { idNumber: query.idNumber.toUpperCase() } : {}),
        ...(query.before !== undefined ? { id: LessThan(query.before) } : {}),
      },
      order: { id: 'DESC' },
      take: limit + 1,
    });
    return page(found, limit);
  }

  /** Certificates of one person, by exact name and full ID number (never by name alone). */
  async findByHolder(name: string, idNumber: string): Promise<CertificateEntity[]> {
    return this.certificates.find({
      where: { holderName: name, idNumber },
      order: { evaluationYear: 'DESC', certificateNo: 'ASC' },
    });
  }

  private async findForHolder(request: IssueCertificateDto): Promise<CertificateEntity | undefined> {
    const [found] = await this.findManyForHolders([request.holder.idNumber], request.level, request.evaluationYear);
    return found;
  }

  /** The certificates of these ID numbers for one level and year (at most one each). */
  async findManyForHolders(idNumbers: string[], level: Level, year: number): Promise<CertificateEntity[]> {
    if (idNumbers.length === 0) return [];
    const p = this.placeholder();
    const rows = await this.certificates.manager.query<Array<Record<string, unknown>>>(
      `SELECT * FROM certificates WHERE level = ${p(1)} AND evaluation_year = ${p(2)}
       AND id_number IN (${idNumbers.map((_, k) => p(k + 3)).join(', ')})`,
      [level, year, ...idNumbers],
    );
    return rows.map((row) => this.hydrate(row));
  }

  /** Those of `indices` some certificate already holds. */
  async takenStatusIndices(indices: number[]): Promise<number[]> {
    if (indices.length === 0) return [];
    const p = this.placeholder();
    const rows = await this.certificates.manager.query<Array<{ status_index: number | string }>>(
      `SELECT status_index FROM certificates WHERE status_index IN (${indices.map((_, k) => p(k + 1)).join(', ')})`,
      indices,
    );
    return rows.map((row) => Number(row.status_index));
  }

  private placeholder(): (n: number) => string {
    return this.transactions.isSqlite ? () => '?' : (n) => `$${n}`;
  }

  private hydrate(row: Record<string, unknown>): CertificateEntity {
    return Object.assign(
      new CertificateEntity(),
      Object.fromEntries(this.certificates.metadata.columns.map((c) => [c.propertyName, row[c.databaseName]])),
    );
  }

  /** The existing certificate as the answer to a repeated request, or why it cannot be. */
  replay(existing: CertificateEntity, request: IssueCertificateDto): IssuanceResult {
    if (existing.status === 'REVOKED') {
      throw new AppError(
        'HOLDER_CERTIFICATE_REVOKED',
        `This holder's certificate ${existing.certificateNo} for this level and year was revoked; it cannot be issued again.`,
        { certificateNo: existing.certificateNo },
      );
    }
    if (!sameFacts(existing, request)) {
      throw new AppError(
        'CERTIFICATE_CONFLICT',
        `This holder already has certificate ${existing.certificateNo} for this level and year, with different details.`,
        { certificateNo: existing.certificateNo },
      );
    }
    return { created: false, certificate: existing };
  }

  private newRecord(request: IssueCertificateDto, certificateNo: string, now: Date): CertificateEntity {
    // Seconds precision: the credential's iat is in seconds and must match the record.
    const issuedAt = new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString();
    return Object.assign(new CertificateEntity(), {
      certificateNo,
      holderName: request.holder.name,
      gender: request.holder.gender,
      idNumber: request.holder.idNumber,
      idHashSalt: newIdHashSalt(),
      employer: request.holder.employer,
      level: request.level,
      specialty: request.specialty,
      evaluationYear: request.evaluationYear,
      passedOn: request.passedOn,
      approvalDocument: request.approvalDocument,
      issuedAt,
      status: 'VALID' as const,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
  }
}
