import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AuditActor } from '../audit/audit.service';
import { chinaDate } from '../common/china-dates';
import { Clock } from '../common/clock';
import { BOTH_CHAIN_LOCKS, lockChains } from '../database/chain-locks';
import { TransactionRunner } from '../database/transaction-runner';
import { AppError } from '../common/app-error';
import { BansService } from '../revocation/bans.service';
import { uniqueViolation } from '../database/unique-violation';
import { CertificateFontsService } from '../pdf/certificate-fonts.service';
import { allocateCertificateNos } from './certificate-numbers';
import { CertificateEntity } from './certificate.entity';
import { CertificateWriter } from './certificate-writer';
import { CertificatesService, type IssuanceResult, type NotReturnable } from './certificates.service';
import { answersOf } from './issuance-plan';
import type { IssueCertificateDto } from './dto/issue-certificate.dto';
import { checkIssuanceRules, printedRequestFields } from './issuance-rules';

/** A holder who already has a certificate of the level and year that an issuance cannot return. */
export interface HeldCertificate {
  idNumber: string;
  certificateNo: string;
  /** Revoked, or issued with other details (e.g. directly). */
  code: NotReturnable;
}

/** A chunk refused before anything was written: these holders hold a certificate it cannot return. */
export class CertificatesHeld extends AppError {
  constructor(readonly held: HeldCertificate[]) {
    super(
      'CERTIFICATE_CONFLICT',
      `${held.length} of these holders already hold a certificate of this level and year that cannot be returned (revoked, or other details): ${held.map((h) => h.certificateNo).join(', ')}.`,
      { held },
    );
  }
}

/** A request's result in a batch; undefined when a ban confirmed meanwhile bars its holder. */
export type BatchResult = IssuanceResult | undefined;

/** Tries of a chunk that met a parallel writer (a holder issued elsewhere, a status index taken). */
const ATTEMPTS = 3;

/**
 * Issues many certificates of one level and year at once (a round's chunk): the same records,
 * signatures, audit entries and log leaves as one issuance each, but numbers allocated in one
 * statement, every signature made before the write, and all rows of the chunk written in one
 * transaction with multi-row INSERTs, one audit lock, one log lock and one checkpoint.
 */
@Injectable()
export class CertificateBatchService {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly transactions: TransactionRunner,
    private readonly writer: CertificateWriter,
    private readonly fonts: CertificateFontsService,
    private readonly clock: Clock,
    private readonly bans: BansService,
  ) {}

  /**
   * The result of each request, in order. Idempotent: a holder who already has the certificate
   * gets it back (created false), as CertificatesService.issue answers a retry. `withinWrite`
   * runs in the chunk's transaction (a round links its applications there). Undefined: a ban
   * confirmed since the caller chose the holder bars them (四.四.3); nothing is written for them,
   * and the rest of the chunk is (their number stays unused).
   */
  async issueMany(
    requests: IssueCertificateDto[],
    actor: AuditActor,
    withinWrite?: (manager: EntityManager, results: BatchResult[]) => Promise<void>,
  ): Promise<BatchResult[]> {
    if (requests.length === 0) return [];
    const now = this.clock.now();
    for (const request of requests) {
      checkIssuanceRules(request, chinaDate(now));
      this.fonts.assertPrintable(printedRequestFields(request));
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.tryOnce(requests, actor, now, withinWrite);
      } catch (error) {
        // A parallel issuance of one of these holders, or a status index drawn twice: the next
        // try finds the holder's certificate as existing, or draws again.
        if (attempt < ATTEMPTS && uniqueViolation(error) !== undefined) continue;
        throw error;
      }
    }
  }

  private async tryOnce(
    requests: IssueCertificateDto[],
    actor: AuditActor,
    now: Date,
    withinWrite?: (manager: EntityManager, results: BatchResult[]) => Promise<void>,
  ): Promise<BatchResult[]> {
    const plan = await this.certificates.planIssuance(requests);
    // Holders whose certificate of the level and year cannot be returned (revoked, other facts)
    // stop the chunk before anything is written, all named, so a caller can go on without them.
    const held = [...plan.existing].flatMap(([position, found]): HeldCertificate[] => {
      const code = this.certificates.whyNotReturnable(found, requests[position]);
      return code ? [{ idNumber: requests[position].holder.idNumber, certificateNo: found.certificateNo, code }] : [];
    });
    if (held.length > 0) throw new CertificatesHeld(held);
    const { level, evaluationYear } = requests[0];
    const numbers = plan.fresh.length
      ? await this.transactions.run((m) => allocateCertificateNos(m, level, evaluationYear, plan.fresh.length))
      : [];
    const records: CertificateEntity[] = [];
    for (const [j, k] of plan.fresh.entries())
      records.push(await this.certificates.signedRecord(requests[k], numbers[j], now, plan.statusIndices[j]));
    const answers = answersOf(plan, requests, records, (found, request) => this.certificates.replay(found, request));
    const done = answers.map((answer) => {
      if (answer.status === 'rejected') throw answer.reason;
      return answer.value;
    });
    return this.transactions.run(async (manager) => {
      // The bans again, under the chain locks a ban's confirmation takes too: one confirmed since
      // the caller chose its holders is seen here (四.四.3), one confirmed later sees these.
      await lockChains(manager, BOTH_CHAIN_LOCKS);
      const bars = await this.bans.barsOf(
        records.map((record) => ({ idNumber: record.idNumber, date: chinaDate(now) })),
        evaluationYear,
        manager,
      );
      const barred = new Set(records.filter((_, k) => bars[k] !== undefined));
      const results = done.map((result) => (barred.has(result.certificate) ? undefined : result));
      const kept = records.filter((record) => !barred.has(record));
      if (kept.length > 0)
        await this.writer.write(
          manager,
          kept.map((record) => ({ record, actor })),
          { checkpoint: true, chainsLocked: true },
        );
      await withinWrite?.(manager, results);
      return results;
    });
  }
}
