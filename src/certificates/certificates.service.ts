import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, LessThan, Repository } from 'typeorm';
import { uniqueViolation } from '../database/unique-violation';
import { preparedQuery } from '../database/prepared-query';
import { BOTH_CHAIN_LOCKS } from '../database/chain-locks';
import { AppError } from '../common/app-error';
import { chinaDate } from '../common/china-dates';
import { typedIdNumber } from '../common/id-number';
import { normalizeTypedCode } from '../common/text-input';
import { Clock } from '../common/clock';
import { SigningService } from '../signing/signing.service';
import { allocateCertificateNos } from './certificate-numbers';
import { CertificateEntity, CertificateStatus } from './certificate.entity';
import { buildCredentialClaims, buildTokenClaims, newIdHashSalt } from './credential-claims.builder';
import { answersOf, drawStatusIndices, sortRequests, type IssuancePlan } from './issuance-plan';
import type { AuditActor } from '../audit/audit.service';
import { TransactionRunner } from '../database/transaction-runner';
import type { IssueCertificateDto } from './dto/issue-certificate.dto';
import type { CertificateSearchQueryDto } from './dto/certificate-search.dto';
import { DEFAULT_PAGE_SIZE, page } from '../common/page-query.dto';
import { checkIssuanceRules, printedRequestFields } from './issuance-rules';
import type { PublicFactsSource } from './public-facts';
import { CertificateFontsService } from '../pdf/certificate-fonts.service';
import { CERTIFICATE_NO_PATTERN, type Level } from '../common/qualifications';
import { GroupCommit, type Settled } from '../database/group-commit';
import { CertificateWriter, type IssuedRecord } from './certificate-writer';
import { BansService, type BanStatus } from '../revocation/bans.service';

/** Tries of one request that met a parallel writer (its holder issued elsewhere, a status index taken). */
const MAX_ISSUE_ATTEMPTS = 5;

/** Requests written together at most: a group's signing keeps the event loop this long (~0.1 ms each). */
const MAX_ISSUANCE_GROUP = 64;

interface PendingIssuance {
  request: IssueCertificateDto;
  actor: AuditActor;
  now: Date;
}

/** The certificate number, or 400 CERTIFICATE_NO_INVALID (with `details`, naming the field). */
function requireCertificateNo(certificateNo: string, details?: Record<string, unknown>): string {
  if (!CERTIFICATE_NO_PATTERN.test(certificateNo))
    throw new AppError(
      'CERTIFICATE_NO_INVALID',
      'A certificate number is ZJ, Z or G, the year and six digits, e.g. ZJZ2026000001.',
      details,
    );
  return certificateNo;
}

/** Holders a ban bars from a new certificate, found inside the issuing transaction (rolled back). */
class HoldersBarred extends Error {
  constructor(readonly bans: Map<string, BanStatus>) {
    super('holders barred by a ban');
  }
}

function bannedError(ban: BanStatus, evaluationYear: number): AppError {
  return new AppError(
    'APPLICANT_BANNED',
    `The holder is barred from applying until ${ban.until} (${ban.decisionDocument}; 四.四.3): no certificate of ${evaluationYear} is issued to them.`,
    { from: ban.from, until: ban.until, decisionDocument: ban.decisionDocument },
  );
}

/** What a public answer shows of a record: its public facts and its status. */
export type PublicRecordFields = Pick<CertificateEntity, PublicFactsSource | 'status'>;

const PUBLIC_COLUMNS =
  'certificate_no, holder_name, gender, id_number, employer, level, specialty, evaluation_year, passed_on, ' +
  'approval_document, issued_at, status';

/** Why a holder's certificate of the level and year cannot answer a request: revoked, or other facts. */
export type NotReturnable = 'HOLDER_CERTIFICATE_REVOKED' | 'CERTIFICATE_CONFLICT';

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
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly fonts: CertificateFontsService,
    private readonly writer: CertificateWriter,
    private readonly bans: BansService,
  ) {}

  private readonly pendingIssuances = new GroupCommit<PendingIssuance, IssuanceResult>(
    (pending) => this.answerGroup(pending),
    MAX_ISSUANCE_GROUP,
  );

  /**
   * Issues a certificate signed by both authorities. Safe to retry: the same holder, level
   * and year with the same facts returns the existing certificate; with other facts, 409.
   */
  async issue(request: IssueCertificateDto, actor: AuditActor): Promise<IssuanceResult> {
    const now = this.clock.now();
    checkIssuanceRules(request, chinaDate(now));
    // A certificate whose PDF could never be downloaded is refused now, not at every download.
    this.fonts.assertPrintable(printedRequestFields(request));
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.pendingIssuances.submit({ request, actor, now });
      } catch (error) {
        // A parallel request for the same holder, level and year won the race (the next turn
        // replays its certificate), or another instance took a status index between this
        // group's read and its write (rare: draw again).
        if (uniqueViolation(error) === undefined || attempt >= MAX_ISSUE_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * Answers the requests that arrived while the previous group was being written (GroupCommit):
   * one read for the holders' existing certificates (and the status indices drawn), then the new
   * ones in one transaction and one durable commit, with the same records, audit entries and log
   * leaves as one by one. Each level and year is answered apart.
   */
  private async answerGroup(pending: PendingIssuance[]): Promise<Array<Settled<IssuanceResult>>> {
    const results: Array<Settled<IssuanceResult>> = [];
    const byNumbering = new Map<string, number[]>();
    pending.forEach(({ request }, k) => {
      const key = `${request.level}/${request.evaluationYear}`;
      byNumbering.set(key, [...(byNumbering.get(key) ?? []), k]);
    });
    for (const all of byNumbering.values()) {
      try {
        let members = all;
        while (members.length > 0) {
          const requests = members.map((k) => pending[k].request);
          const plan = await this.planIssuance(requests);
          let written: CertificateEntity[] = [];
          try {
            if (plan.fresh.length)
              written = await this.issueTogether(
                plan.fresh.map((j) => pending[members[j]]),
                plan.statusIndices,
              );
          } catch (error) {
            if (!(error instanceof HoldersBarred)) throw error;
            // Rare: answer the barred and plan again without them, so slots stay aligned.
            members = members.filter((k) => {
              const ban = error.bans.get(pending[k].request.holder.idNumber);
              if (ban) results[k] = { status: 'rejected', reason: bannedError(ban, pending[k].request.evaluationYear) };
              return ban === undefined;
            });
            continue;
          }
          answersOf(plan, requests, written, (existing, request) => this.replay(existing, request)).forEach(
            (answer, j) => (results[members[j]] = answer),
          );
          break;
        }
      } catch (reason) {
        for (const k of all) results[k] ??= { status: 'rejected', reason };
      }
    }
    return results;
  }

  /**
   * Sorts requests of one level and year into retries of existing certificates, new ones (one
   * per holder) and repeats of a new one within the same requests, and draws a free status-list
   * index for each new one, from one read: the holders' certificates and those holding any of
   * twice as many drawn indices as needed. Outside the write's locks, so another instance can
   * still take an index before the write; the unique index refuses it and the caller retries.
   */
  async planIssuance(requests: IssueCertificateDto[]): Promise<IssuancePlan> {
    const { level, evaluationYear } = requests[0];
    if (requests.some((r) => r.level !== level || r.evaluationYear !== evaluationYear))
      throw new Error('an issuance plan covers one level and year');
    const holders = [...new Set(requests.map((r) => r.holder.idNumber))];
    const candidates = drawStatusIndices(2 * holders.length, new Set());
    const rows = await this.readForIssuance(holders, level, evaluationYear, candidates);
    const existing = new Map<string, CertificateEntity>();
    const taken = new Set<number>();
    for (const row of rows) {
      if (row.level === level && row.evaluationYear === evaluationYear && holders.includes(row.idNumber))
        existing.set(row.idNumber, row);
      if (row.statusIndex !== null) taken.add(row.statusIndex);
    }
    const plan = sortRequests(requests, existing);
    plan.statusIndices = await this.freeStatusIndices(plan.fresh.length, candidates, taken);
    return plan;
  }

  /**
   * `count` distinct status-list indices no certificate holds: the free ones of `candidates`
   * (whose holders `taken` lists), then, rarely, more drawn and checked until there are enough.
   */
  private async freeStatusIndices(count: number, candidates: number[], taken: Set<number>): Promise<number[]> {
    const chosen = candidates.filter((index) => !taken.has(index)).slice(0, count);
    while (chosen.length < count) {
      const drawn = drawStatusIndices(count - chosen.length, new Set([...chosen, ...taken]));
      const takenNow = new Set(await this.takenStatusIndices(drawn));
      for (const index of drawn)
        if (takenNow.has(index)) taken.add(index);
        else chosen.push(index);
    }
    return chosen;
  }

  /**
   * Certificates of one level and year in one transaction and one durable commit, numbers
   * allocated inside it (a failed write leaves no gap). Within a process, groups are written one
   * at a time anyway; across instances on PostgreSQL the number's row lock is held to the commit,
   * as the audit chain's lock that every issuance takes already is.
   *
   * 四.四.3 bars a person from applying while a ban is in force and for its years, so no new
   * certificate of such a year is issued to them, whichever way it comes (a round's issuance
   * leaves them out of its candidates). The bans are read after the chain locks, each holder on
   * their own request's day: a ban's confirmation appends to the audit chain under the same lock,
   * so it is either committed before and seen here, or committed after this issuance. Barred
   * holders throw HoldersBarred, and the transaction writes nothing.
   */
  private async issueTogether(pending: PendingIssuance[], statusIndices: number[]): Promise<CertificateEntity[]> {
    const { level, evaluationYear } = pending[0].request;
    return this.transactions.run(async (manager) => {
      const numbers = await allocateCertificateNos(manager, level, evaluationYear, pending.length, BOTH_CHAIN_LOCKS);
      const bars = await this.bans.barsOf(
        pending.map(({ request, now }) => ({ idNumber: request.holder.idNumber, date: chinaDate(now) })),
        evaluationYear,
        manager,
      );
      const barred = new Map(
        pending.flatMap(({ request }, k) => (bars[k] ? [[request.holder.idNumber, bars[k]] as const] : [])),
      );
      if (barred.size > 0) throw new HoldersBarred(barred);
      const issued: IssuedRecord[] = [];
      for (const [k, { request, actor, now }] of pending.entries())
        issued.push({ record: await this.signedRecord(request, numbers[k], now, statusIndices[k]), actor });
      await this.writer.write(manager, issued, { chainsLocked: true });
      return issued.map(({ record }) => record);
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
    const [row] = await this.selectByNumber(this.allColumns(), certificateNo);
    return row && this.hydrate(row);
  }

  /**
   * The public registry's hot path: the facts anyone may see and the status, without the
   * credential and token (a few KB a row the lookup never shows).
   */
  async findPublicByNumber(certificateNo: string): Promise<PublicRecordFields | undefined> {
    const [row] = await this.selectByNumber(PUBLIC_COLUMNS, certificateNo);
    return row && this.hydrate(row);
  }

  /** One raw, parameterised statement: a fraction of findOneBy's query building and hydration (bench/registry.bench.ts). */
  private selectByNumber(columns: string, certificateNo: string): Promise<Array<Record<string, unknown>>> {
    requireCertificateNo(certificateNo);
    return preparedQuery<Record<string, unknown>>(
      this.certificates.manager,
      `SELECT ${columns} FROM certificates WHERE certificate_no = ${this.placeholder()(1)}`,
      [certificateNo],
    );
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
    // Typed as anywhere else (full-width digits, a lowercase x), and checked: a mistyped digit is
    // refused, not answered with "no certificate", which an officer could take for a fact.
    const certificateNo =
      query.certificateNo === undefined
        ? undefined
        : requireCertificateNo(normalizeTypedCode(query.certificateNo), { field: 'certificateNo' });
    const idNumber =
      query.idNumber === undefined
        ? undefined
        : typedIdNumber(query.idNumber, chinaDate(this.clock.now()), { field: 'idNumber' });
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const found = await this.certificates.find({
      where: {
        ...(certificateNo !== undefined ? { certificateNo } : {}),
        ...(query.name !== undefined ? { holderName: query.name.trim() } : {}),
        ...(idNumber !== undefined ? { idNumber } : {}),
        ...(query.before !== undefined ? { id: LessThan(query.before) } : {}),
      },
      order: { id: 'DESC' },
      take: limit + 1,
    });
    return page(found, limit);
  }

  /** The certificates of one level and year held by these ID numbers (at most one each). */
  ofHolders(idNumbers: string[], level: Level, evaluationYear: number): Promise<CertificateEntity[]> {
    return idNumbers.length === 0
      ? Promise.resolve([])
      : this.certificates.find({ where: { idNumber: In(idNumbers), level, evaluationYear } });
  }

  /** Certificates of one person, by exact name and full ID number (never by name alone). */
  async findByHolder(name: string, idNumber: string): Promise<CertificateEntity[]> {
    return this.certificates.find({
      where: { holderName: name, idNumber },
      order: { evaluationYear: 'DESC', certificateNo: 'ASC' },
    });
  }

  /**
   * The certificates of these ID numbers for one level and year (at most one each), and those
   * holding any of these status-list indices, in one statement.
   */
  private async readForIssuance(
    idNumbers: string[],
    level: Level,
    year: number,
    statusIndices: number[],
  ): Promise<CertificateEntity[]> {
    // PostgreSQL: the lists as arrays, so one prepared statement serves any count.
    const rows = this.transactions.isSqlite
      ? await this.certificates.manager.query<Array<Record<string, unknown>>>(
          `SELECT ${this.allColumns()} FROM certificates
           WHERE (level = ? AND evaluation_year = ? AND id_number IN (${idNumbers.map(() => '?').join(', ')}))
              OR status_index IN (${statusIndices.map(() => '?').join(', ')})`,
          [level, year, ...idNumbers, ...statusIndices],
        )
      : await preparedQuery<Record<string, unknown>>(
          this.certificates.manager,
          `SELECT ${this.allColumns()} FROM certificates
           WHERE (level = $1 AND evaluation_year = $2 AND id_number = ANY($3::text[])) OR status_index = ANY($4::int[])`,
          [level, year, idNumbers, statusIndices],
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

  /**
   * The entity's columns by name. A prepared statement never says `SELECT *`: once a migration
   * added a column under a running instance, PostgreSQL would refuse every execution of the
   * plan it keeps ("cached plan must not change result type").
   */
  private allColumns(): string {
    return (this.columnList ??= this.certificates.metadata.columns.map((c) => c.databaseName).join(', '));
  }

  private columnList?: string;

  private placeholder(): (n: number) => string {
    return this.transactions.isSqlite ? () => '?' : (n) => `$${n}`;
  }

  private hydrate(row: Record<string, unknown>): CertificateEntity {
    return Object.assign(
      new CertificateEntity(),
      Object.fromEntries(this.certificates.metadata.columns.map((c) => [c.propertyName, row[c.databaseName]])),
    );
  }

  /**
   * Why the existing certificate of a holder, level and year cannot answer this request, or
   * undefined when it can (the same facts, in force): what `replay` refuses with.
   */
  whyNotReturnable(existing: CertificateEntity, request: IssueCertificateDto): NotReturnable | undefined {
    if (existing.status === 'REVOKED') return 'HOLDER_CERTIFICATE_REVOKED';
    return sameFacts(existing, request) ? undefined : 'CERTIFICATE_CONFLICT';
  }

  /** The existing certificate as the answer to a repeated request, or why it cannot be. */
  replay(existing: CertificateEntity, request: IssueCertificateDto): IssuanceResult {
    switch (this.whyNotReturnable(existing, request)) {
      case 'HOLDER_CERTIFICATE_REVOKED':
        throw new AppError(
          'HOLDER_CERTIFICATE_REVOKED',
          `This holder's certificate ${existing.certificateNo} for this level and year was revoked; it cannot be issued again.`,
          { certificateNo: existing.certificateNo },
        );
      case 'CERTIFICATE_CONFLICT':
        throw new AppError(
          'CERTIFICATE_CONFLICT',
          `This holder already has certificate ${existing.certificateNo} for this level and year, with different details.`,
          { certificateNo: existing.certificateNo },
        );
      default:
        return { created: false, certificate: existing };
    }
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
