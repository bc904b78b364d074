import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditActor, AuditService } from '../audit/audit.service';
import { insertRows } from '../database/insert-rows';
import { TransparencyLogService } from '../transparency/transparency-log.service';
import { CERTIFICATE_INSERT_TARGET, certificateRow } from './certificate-rows';
import type { CertificateEntity } from './certificate.entity';
import { issuanceLeaf } from './issuance-leaf';

/** A signed record about to be written, and the officer (or round) that issues it. */
export interface IssuedRecord {
  record: CertificateEntity;
  actor: AuditActor;
}

/**
 * Writes issued certificates inside the caller's transaction: the rows, one audit entry each
 * (chained in order) and one transparency-log leaf each anchoring that entry, with multi-row
 * INSERTs. Every issuance path (one request, concurrent requests, a round's chunk, the backfill
 * excepted) writes through here, so the records of an act are the same whichever path made it.
 */
@Injectable()
export class CertificateWriter {
  constructor(
    private readonly audit: AuditService,
    private readonly transparencyLog: TransparencyLogService,
  ) {}

  /**
   * `checkpoint: true` signs a checkpoint of the new size in this transaction (a round's chunk);
   * otherwise one follows within the log's deferred cadence (docs/transparency-log.md).
   */
  async write(manager: EntityManager, issued: IssuedRecord[], options: { checkpoint?: boolean } = {}): Promise<void> {
    if (issued.length === 0) return;
    await insertRows(
      manager,
      CERTIFICATE_INSERT_TARGET,
      issued.map(({ record }) => certificateRow(record)),
    );
    const entries = await this.audit.appendMany(
      manager,
      issued.map(({ record, actor }) => ({
        ...actor,
        action: 'certificate.issued',
        subject: record.certificateNo,
        details: { level: record.level, year: record.evaluationYear },
      })),
    );
    await this.transparencyLog.appendMany(
      manager,
      issued.map(({ record }, k) => issuanceLeaf(record, entries[k])),
      options,
    );
  }
}
