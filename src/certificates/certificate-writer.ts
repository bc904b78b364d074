import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditActor } from '../audit/audit.service';
import { ActWriter } from '../transparency/act-writer';
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
 * (chained in order) and one transparency-log leaf each anchoring that entry, all in the
 * ActWriter's one insert. Every issuance path (one request, concurrent requests, a round's
 * chunk) writes through here, so the records of an act are the same whichever path made it.
 */
@Injectable()
export class CertificateWriter {
  constructor(private readonly acts: ActWriter) {}

  /**
   * `checkpoint: true` signs a checkpoint of the new size in this transaction (a round's chunk);
   * otherwise one follows within the log's deferred cadence (docs/transparency-log.md).
   * `chainsLocked`: the transaction holds BOTH_CHAIN_LOCKS already (taken with the numbers).
   */
  async write(
    manager: EntityManager,
    issued: IssuedRecord[],
    options: { checkpoint?: boolean; chainsLocked?: boolean } = {},
  ): Promise<void> {
    await this.acts.write(
      manager,
      issued.map(({ record, actor }) => ({
        event: {
          ...actor,
          action: 'certificate.issued',
          subject: record.certificateNo,
          details: { level: record.level, year: record.evaluationYear },
        },
        leaf: issuanceLeaf(record),
      })),
      {
        ...options,
        rows: [{ into: CERTIFICATE_INSERT_TARGET, rows: issued.map(({ record }) => certificateRow(record)) }],
      },
    );
  }
}
