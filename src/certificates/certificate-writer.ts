import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AUDIT_INSERT_TARGET, AuditActor, AuditService, auditRow } from '../audit/audit.service';
import { BOTH_CHAIN_LOCKS, lockChains } from '../database/chain-locks';
import { insertRowSets } from '../database/insert-rows';
import { readAppendState } from '../transparency/append-state';
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
 * (chained in order) and one transparency-log leaf each anchoring that entry, all four tables'
 * rows in one insert on PostgreSQL (src/database/insert-rows.ts). Every issuance path (one request, concurrent requests, a round's chunk, the backfill
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
   * `chainsLocked`: the transaction holds BOTH_CHAIN_LOCKS already (taken with the numbers).
   *
   * At most three round trips on PostgreSQL whatever the count: the chains' locks, one read of
   * what the append builds on (audit head, log frontier), and one statement inserting all four
   * tables' rows (src/database/insert-rows.ts); a fourth for the checkpoint when asked.
   */
  async write(
    manager: EntityManager,
    issued: IssuedRecord[],
    options: { checkpoint?: boolean; chainsLocked?: boolean } = {},
  ): Promise<void> {
    if (issued.length === 0) return;
    if (options.chainsLocked !== true) await lockChains(manager, BOTH_CHAIN_LOCKS);
    const state = await readAppendState(manager);
    const entries = this.audit.chain(
      state.auditHead,
      issued.map(({ record, actor }) => ({
        ...actor,
        action: 'certificate.issued',
        subject: record.certificateNo,
        details: { level: record.level, year: record.evaluationYear },
      })),
    );
    const log = this.transparencyLog.planAppend(
      state,
      issued.map(({ record }, k) => issuanceLeaf(record, entries[k])),
    );
    await insertRowSets(manager, [
      { into: CERTIFICATE_INSERT_TARGET, rows: issued.map(({ record }) => certificateRow(record)) },
      { into: AUDIT_INSERT_TARGET, rows: entries.map(auditRow) },
      ...log.rows,
    ]);
    await this.transparencyLog.finishAppend(manager, log, options);
  }
}
