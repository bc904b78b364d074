import { Injectable } from '@nestjs/common';
import { setImmediate } from 'node:timers/promises';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditActor } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { CertificateBatchService, CertificatesHeld, type BatchResult } from '../certificates/certificate-batch.service';
import { CertificatesService, type NotReturnable } from '../certificates/certificates.service';
import type { IssueCertificateDto } from '../certificates/dto/issue-certificate.dto';
import { TransactionRunner } from '../database/transaction-runner';
import { BansService } from '../revocation/bans.service';
import { ApplicationEntity } from './application.entity';
import { TallyEntity } from './meeting.entities';
import { RoundEntity } from './round.entity';
import { requireState } from './round-states';
import { RoundsService } from './rounds.service';
import { OfficersService } from '../officers/officers.service';

/** A candidate left without the round's certificate: they hold one of the level and year it cannot return. */
export interface IssuanceConflict {
  applicationId: number;
  name: string;
  /** The certificate they hold. */
  certificateNo: string;
  /** HOLDER_CERTIFICATE_REVOKED (it was revoked) or CERTIFICATE_CONFLICT (other details, e.g. a direct issuance). */
  code: NotReturnable;
}

export interface IssuanceProgress {
  total: number;
  done: number;
  created: number;
  existing: number;
  conflicts: IssuanceConflict[];
}

export type IssuanceReport = IssuanceProgress & { state: string };

export interface IssuanceOptions {
  /** Chunks in flight: one is signed while the one before it is written. */
  concurrency?: number;
  /** Certificates per chunk: each chunk is one transaction. */
  chunkSize?: number;
  onProgress?: (progress: IssuanceProgress) => void;
}

/** Big enough that per-statement costs vanish, small enough that a crash redoes little. */
export const ISSUANCE_CHUNK = 500;

/**
 * 四.四.2: after the joint publication, a certificate for everyone who passed and was not
 * withheld, in chunks (CertificateBatchService): each chunk's certificates, audit entries, log
 * leaves, checkpoint and application links commit together or not at all. Idempotent and
 * resumable: a holder's existing certificate of the level and year is found, not issued again,
 * so a rerun after a crash (even kill -9 between chunks) completes the batch and leaves each
 * applicant exactly one certificate.
 */
@Injectable()
export class RoundIssuanceService {
  constructor(
    @InjectRepository(ApplicationEntity) private readonly applications: Repository<ApplicationEntity>,
    @InjectRepository(TallyEntity) private readonly tallies: Repository<TallyEntity>,
    private readonly rounds: RoundsService,
    private readonly batches: CertificateBatchService,
    private readonly certificates: CertificatesService,
    private readonly officers: OfficersService,
    private readonly transactions: TransactionRunner,
    private readonly bans: BansService,
  ) {}

  /**
   * The run of each round this process is issuing now, by round id, with its live progress:
   * the console reads it (GET …/issuance) while the POST that started the run still waits.
   */
  private readonly running = new Map<number, { run: Promise<IssuanceReport>; progress: IssuanceProgress }>();

  /**
   * Issues a round's certificates. A call while this process already issues the round joins
   * that run and gets its final report (it starts no second batch, and `options` of the joining
   * call are not used): the answer to a repeated click is the same report, never a 409.
   */
  issueAll(roundId: number, actor: AuditActor, options: IssuanceOptions = {}): Promise<IssuanceReport> {
    const running = this.running.get(roundId);
    if (running) return running.run;
    const progress: IssuanceProgress = { total: 0, done: 0, created: 0, existing: 0, conflicts: [] };
    const run = this.run(roundId, actor, options, progress).finally(() => this.running.delete(roundId));
    this.running.set(roundId, { run, progress });
    return run;
  }

  /**
   * Where a round's issuance stands: the live counts of a run in this process, or else what the
   * database holds (certificates linked to the round's candidates, all counted as existing).
   */
  async progress(roundId: number): Promise<IssuanceReport & { running: boolean }> {
    const round = await this.rounds.get(roundId);
    const running = this.running.get(roundId);
    if (running) return { ...running.progress, state: round.state, running: true };
    const candidates = await this.candidates(round);
    const done = candidates.filter((a) => a.certificateNo !== null).length;
    const conflicts = await this.conflictsOf(round, candidates);
    return {
      total: candidates.length,
      done,
      created: 0,
      existing: done,
      conflicts,
      state: round.state,
      running: false,
    };
  }

  private async run(
    roundId: number,
    actor: AuditActor,
    options: IssuanceOptions,
    progress: IssuanceProgress,
  ): Promise<IssuanceReport> {
    const round = await this.rounds.get(roundId);
    if (round.state !== 'CERTIFICATES_ISSUED') requireState(round.state, 'PUBLISHED', 'Issuing certificates');
    const candidates = await this.candidates(round);
    progress.total = candidates.length;
    const todo = candidates.filter((a) => a.certificateNo === null);
    progress.existing = progress.done = candidates.length - todo.length;
    options.onProgress?.({ ...progress });
    await this.issueEach(round, todo, actor, progress, options);
    if (round.state === 'PUBLISHED') await this.finish(round, actor, progress);
    return { ...progress, state: round.state };
  }

  /**
   * PUBLISHED → CERTIFICATES_ISSUED. Another process (the CLI, a second server) may have
   * issued the same round at the same time and moved it first: its certificates are the ones
   * this run found or linked, so the round is just as issued and the run succeeds.
   */
  private async finish(round: RoundEntity, actor: AuditActor, progress: IssuanceProgress): Promise<void> {
    const details = {
      total: progress.total,
      created: progress.created,
      existing: progress.existing,
      conflicts: progress.conflicts.map(({ applicationId, certificateNo, code }) => ({
        applicationId,
        certificateNo,
        code,
      })),
    };
    try {
      await this.transactions.run((manager) =>
        this.rounds.advance(manager, round, 'CERTIFICATES_ISSUED', actor, {}, details),
      );
    } catch (error) {
      const issuedElsewhere =
        error instanceof AppError &&
        error.code === 'ROUND_STEP_OUT_OF_ORDER' &&
        error.details?.state === 'CERTIFICATES_ISSUED';
      if (!issuedElsewhere) throw error;
      round.state = 'CERTIFICATES_ISSUED';
    }
  }

  /**
   * Passed (四.三.5), eligible, not withheld after an objection (四.三.6), and not barred
   * (四.四.3: misconduct found since, an applicant ban of the round's year or a ban whose years
   * include it, 取消当年评审资格) unless the certificate was issued already (then it is
   * a revocation's matter).
   */
  private async candidates(round: RoundEntity): Promise<ApplicationEntity[]> {
    const roundId = round.id;
    const passed = new Set(
      (await this.tallies.find({ select: { applicationId: true }, where: { roundId, passed: true } })).map(
        (t) => t.applicationId,
      ),
    );
    const applications = await this.applications.find({
      where: { roundId, eligible: true, withheld: false },
      order: { id: 'ASC' },
    });
    const passing = applications.filter((a) => passed.has(a.id));
    const barred = await this.bans.barredApplications(
      passing.filter((a) => a.certificateNo === null),
      round.year,
      this.rounds.today(),
    );
    return passing.filter((a) => !barred.has(a.id));
  }

  /**
   * The candidates without the round's certificate who hold one of its level and year that a run
   * could not return either (revoked, other details): once the round is issued, those its runs
   * left out. Before, every unlinked candidate is still to do.
   */
  private async conflictsOf(round: RoundEntity, candidates: ApplicationEntity[]): Promise<IssuanceConflict[]> {
    const unlinked = candidates.filter((a) => a.certificateNo === null);
    if (round.state !== 'CERTIFICATES_ISSUED' || unlinked.length === 0) return [];
    const held = await this.certificates.ofHolders(
      unlinked.map((a) => a.idNumber),
      round.level,
      round.year,
    );
    const byHolder = new Map(held.map((c) => [c.idNumber, c]));
    return unlinked.flatMap((a): IssuanceConflict[] => {
      const certificate = byHolder.get(a.idNumber);
      if (!certificate) return [];
      // One a rerun would return and link (reinstated since, say) is no conflict.
      const code = this.certificates.whyNotReturnable(certificate, requestFor(round, a));
      return code ? [{ applicationId: a.id, name: a.name, certificateNo: certificate.certificateNo, code }] : [];
    });
  }

  private async issueEach(
    round: RoundEntity,
    todo: ApplicationEntity[],
    actor: AuditActor,
    progress: IssuanceProgress,
    options: IssuanceOptions,
  ): Promise<void> {
    const size = Math.max(1, options.chunkSize ?? ISSUANCE_CHUNK);
    const chunks: ApplicationEntity[][] = [];
    for (let start = 0; start < todo.length; start += size) chunks.push(todo.slice(start, start + size));
    let next = 0;
    let failure: Error | undefined;
    let actorDisabled = false;
    const worker = async () => {
      while (failure === undefined && !actorDisabled && next < chunks.length) {
        let chunk = chunks[next++];
        // A run takes seconds: an officer disabled meanwhile stops it (what is issued stays; an
        // active issuer finishes it), as their next request would be refused.
        if (actor.authority !== null && !(await this.officers.findActive(actor.actor))) {
          actorDisabled = true;
          break;
        }
        while (chunk.length > 0) {
          try {
            const issuing = chunk;
            const results = await this.batches.issueMany(
              issuing.map((application) => requestFor(round, application)),
              actor,
              (manager, issued) => linkApplications(manager, issuing, issued),
            );
            // A ban confirmed since the candidates were chosen: no longer candidates (四.四.3).
            const issued = results.filter((r) => r !== undefined);
            progress.total -= results.length - issued.length;
            for (const { created } of issued) progress[created ? 'created' : 'existing'] += 1;
            progress.done += issued.length;
            options.onProgress?.({ ...progress });
            // Signing and SQLite's writes are synchronous: without a turn of the event loop between
            // chunks, the console's progress polls would be answered only once the whole run ended.
            await setImmediate();
            break;
          } catch (error) {
            // A ban confirmed since the candidates were chosen: they are no longer candidates
            // (四.四.3), the rest of the chunk is written without them.
            // A candidate who holds a certificate of the level and year it cannot return (revoked,
            // or issued directly with other details): named in the report, the rest of the chunk
            // written without them.
            const held = error instanceof CertificatesHeld ? error.held : [];
            const left = chunk.filter((application) => !held.some((h) => h.idNumber === application.idNumber));
            if (left.length === chunk.length) {
              failure ??= error instanceof Error ? error : new Error(String(error));
              break;
            }
            for (const application of chunk) {
              const conflict = held.find((h) => h.idNumber === application.idNumber);
              if (conflict)
                progress.conflicts.push({
                  applicationId: application.id,
                  name: application.name,
                  certificateNo: conflict.certificateNo,
                  code: conflict.code,
                });
            }
            chunk = left;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(2, Math.max(1, options.concurrency ?? 2)) }, worker));
    if (failure !== undefined) throw failure;
    // Said once every chunk under way is written, so the count is what the run left.
    if (actorDisabled)
      throw new AppError(
        'AUTH_TOKEN_INVALID',
        `${actor.actor} was disabled during the run: it stopped after ${progress.done} of ${progress.total} certificates; an active issuer may run it again to finish.`,
      );
  }
}

/**
 * Each application's certificate number, in one statement for the chunk; an application whose
 * holder a ban barred meanwhile (no result) is left unlinked.
 */
async function linkApplications(
  manager: EntityManager,
  chunk: ApplicationEntity[],
  results: BatchResult[],
): Promise<void> {
  const linked = chunk.flatMap((application, k) => {
    const result = results[k];
    return result ? [{ id: application.id, certificateNo: result.certificate.certificateNo }] : [];
  });
  if (linked.length === 0) return;
  const postgres = manager.connection.options.type === 'postgres';
  const p = (n: number) => (postgres ? `$${n}` : '?');
  const cases = linked.map((_, k) => `WHEN ${p(2 * k + 1)} THEN ${p(2 * k + 2)}`).join(' ');
  const ids = linked.map((_, k) => p(2 * linked.length + k + 1)).join(', ');
  await manager.query(`UPDATE evaluation_applications SET certificate_no = CASE id ${cases} END WHERE id IN (${ids})`, [
    ...linked.flatMap((l) => [l.id, l.certificateNo]),
    ...linked.map((l) => l.id),
  ]);
}

/** The certificate of an applicant: passed on the meeting date, approved by the joint document. */
export function requestFor(round: RoundEntity, application: ApplicationEntity): IssueCertificateDto {
  return {
    holder: {
      name: application.name,
      gender: application.gender,
      idNumber: application.idNumber,
      employer: application.employer,
    },
    level: round.level,
    specialty: application.specialty,
    evaluationYear: round.year,
    passedOn: round.meetingDate,
    approvalDocument: round.jointDocument ?? '',
  };
}
