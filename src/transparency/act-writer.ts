import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditEntryEntity } from '../audit/audit-entry.entity';
import { AUDIT_INSERT_TARGET, type AuditEvent, AuditService, auditRow } from '../audit/audit.service';
import { BOTH_CHAIN_LOCKS, lockChains } from '../database/chain-locks';
import { insertRowSets, type RowSet } from '../database/insert-rows';
import { readAppendState } from './append-state';
import type { LeafFacts } from './log-leaf';
import { TransparencyLogService } from './transparency-log.service';

/** An act to record: its audit entry and, for a public act, what its log leaf says (the leaf anchors the entry). */
export interface RecordedAct {
  event: AuditEvent;
  leaf?: LeafFacts;
}

/**
 * Records acts in both hash chains inside the caller's transaction: each act's audit entry
 * (chained in order) and, for a public act (an issuance, a revocation, a reinstatement, a ban),
 * the log leaf anchoring that entry. One lock statement for both chains, one read of what the
 * appends build on (audit head, log frontier), and one statement inserting every row, the
 * caller's own rows of the act included (the certificates of an issuance); a fourth for the
 * checkpoint when asked. Every public act is written through here, so its audit entry and its
 * leaf are made the same way whichever path made the act.
 */
@Injectable()
export class ActWriter {
  constructor(
    private readonly audit: AuditService,
    private readonly transparencyLog: TransparencyLogService,
  ) {}

  /**
   * `rows`: the act's own rows, inserted with the entries. `checkpoint: true` signs a checkpoint
   * of the new size in this transaction (a round's chunk, the backfill); `false` none; unset, one
   * follows within the log's deferred cadence (docs/transparency-log.md). `chainsLocked`: the
   * transaction holds BOTH_CHAIN_LOCKS already (taken with the certificate numbers).
   */
  async write(
    manager: EntityManager,
    acts: RecordedAct[],
    options: { rows?: RowSet[]; checkpoint?: boolean; chainsLocked?: boolean } = {},
  ): Promise<AuditEntryEntity[]> {
    if (acts.length === 0) return [];
    if (options.chainsLocked !== true) await lockChains(manager, BOTH_CHAIN_LOCKS);
    const state = await readAppendState(manager);
    const entries = this.audit.chain(
      state.auditHead,
      acts.map((act) => act.event),
    );
    const leaves = acts.flatMap(({ leaf }, k) =>
      leaf ? [{ ...leaf, auditSeq: entries[k].seq, auditHash: entries[k].hash }] : [],
    );
    const log = leaves.length > 0 ? this.transparencyLog.planAppend(state, leaves) : undefined;
    await insertRowSets(manager, [
      ...(options.rows ?? []),
      { into: AUDIT_INSERT_TARGET, rows: entries.map(auditRow) },
      ...(log?.rows ?? []),
    ]);
    if (log) await this.transparencyLog.finishAppend(manager, log, options);
    return entries;
  }
}
