import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditActor } from '../audit/audit.service';
import { TransactionRunner } from '../database/transaction-runner';
import { issuanceLeaf } from './issuance-leaf';
import { ActWriter } from '../transparency/act-writer';

/** Certificates per transaction. */
const BACKFILL_CHUNK = 500;

/** Keeps two backfills (two instances, a CLI twice) from logging one certificate twice. */
const BACKFILL_LOCK = 727_003;

/**
 * Gives every certificate issued before the transparency log existed its issuance leaf
 * (docs/transparency-log.md, "Backfill"), oldest first: without one it verifies as
 * NOT_IN_TRANSPARENCY_LOG. Each leaf anchors an audit entry `certificate.logged` recording the
 * backfill itself. Idempotent: a certificate that has an issuance leaf is never logged again.
 */
@Injectable()
export class LogBackfillService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly acts: ActWriter,
  ) {}

  /** Logs the certificates missing from the log; returns how many. */
  async run(actor: AuditActor, onChunk?: (logged: number) => void): Promise<number> {
    let logged = 0;
    for (;;) {
      const n = await this.transactions.run((manager) => this.chunk(manager, actor));
      if (n === 0) return logged;
      logged += n;
      onChunk?.(logged);
    }
  }

  private async chunk(manager: EntityManager, actor: AuditActor): Promise<number> {
    const postgres = manager.connection.options.type === 'postgres';
    if (postgres) await manager.query('SELECT pg_advisory_xact_lock($1)', [BACKFILL_LOCK]);
    const missing = await manager.query<
      Array<{ certificate_no: string; issued_at: string; approval_document: string; credential: string }>
    >(
      `SELECT c.certificate_no, c.issued_at, c.approval_document, c.credential FROM certificates c
       WHERE NOT EXISTS (SELECT 1 FROM transparency_log_entries e
                         WHERE e.certificate_no = c.certificate_no AND e.kind = 'issuance')
       ORDER BY c.id LIMIT ${BACKFILL_CHUNK}`,
    );
    if (missing.length === 0) return 0;
    await this.acts.write(
      manager,
      missing.map((c) => ({
        event: {
          ...actor,
          action: 'certificate.logged',
          subject: c.certificate_no,
          details: { backfill: true, issuedAt: c.issued_at },
        },
        leaf: issuanceLeaf({
          certificateNo: c.certificate_no,
          issuedAt: c.issued_at,
          approvalDocument: c.approval_document,
          credential: c.credential,
        }),
      })),
      { checkpoint: true },
    );
    return missing.length;
  }
}
