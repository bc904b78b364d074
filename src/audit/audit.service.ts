import { Injectable } from '@nestjs/common';
import { userInfo } from 'node:os';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { TransactionRunner } from '../database/transaction-runner';
import { AuditEntryEntity } from './audit-entry.entity';
import { ChainCheck, checkChain, entryHash, GENESIS_HASH } from './audit-chain';
import { insertRows, type InsertTarget } from '../database/insert-rows';
import { AUDIT_CHAIN_LOCK, lockChains } from '../database/chain-locks';
import { AuditFilter, chinaDayEnd, chinaDayStart, checkAuditFilter } from './audit-filter';

/** Who an audit entry names: an officer (with their authority), `cli:<user>` or `system`. */
export interface AuditActor {
  actor: string;
  authority: string | null;
}

export function officerActor(officer: { username: string; authority: string }): AuditActor {
  return { actor: officer.username, authority: officer.authority };
}

/** The operating-system user who ran an office command. */
export function cliActor(): AuditActor {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry (containers): keep "unknown"
  }
  return { actor: `cli:${user}`, authority: null };
}

export interface AuditEvent {
  actor: string;
  authority?: string | null;
  action: string;
  subject?: string | null;
  details?: Record<string, unknown>;
}

/** The newest entry of the chain: what the next entry links to. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** The columns of an entry, in the order of `auditRow`. */
export const AUDIT_INSERT_TARGET: InsertTarget = {
  table: 'audit_log',
  columns: [
    ['seq', 'int'],
    ['at', 'text'],
    ['actor', 'text'],
    ['authority', 'text'],
    ['action', 'text'],
    ['subject', 'text'],
    ['details', 'text'],
    ['prev_hash', 'text'],
    ['hash', 'text'],
  ],
};

export function auditRow(e: AuditEntryEntity): unknown[] {
  return [e.seq, e.at, e.actor, e.authority, e.action, e.subject, e.details, e.prevHash, e.hash];
}

@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends an entry inside the caller's transaction, so the entry exists iff the change it
   * records does. Appends are serialized (an advisory lock on PostgreSQL; SQLite writes one
   * transaction at a time) so every entry chains to the one before it.
   */
  async append(manager: EntityManager, event: AuditEvent): Promise<AuditEntryEntity> {
    const [entry] = await this.appendMany(manager, [event]);
    return entry;
  }

  /**
   * Appends several entries in order inside the caller's transaction: one lock, one read of the
   * chain's head, the hashes chained in process, and multi-row INSERTs (a round's batch).
   */
  async appendMany(manager: EntityManager, events: AuditEvent[]): Promise<AuditEntryEntity[]> {
    if (events.length === 0) return [];
    await lockChains(manager, [AUDIT_CHAIN_LOCK]);
    const [last] = await manager.query<Array<{ seq: number | string; hash: string }>>(
      'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
    );
    const entries = this.chain(last && { seq: Number(last.seq), hash: last.hash }, events);
    await insertRows(manager, AUDIT_INSERT_TARGET, entries.map(auditRow));
    return entries;
  }

  /**
   * The entries of `events`, in order, chained after `head` (none: the chain's first). For a
   * writer that holds the chain's lock and read its head itself (src/database/chain-locks.ts).
   */
  chain(head: AuditHead | undefined, events: AuditEvent[]): AuditEntryEntity[] {
    let seq = head?.seq ?? 0;
    let prevHash = head?.hash ?? GENESIS_HASH;
    const at = this.clock.now().toISOString();
    return events.map((event) => {
      const fields = {
        seq: ++seq,
        at,
        actor: event.actor,
        authority: event.authority ?? null,
        action: event.action,
        subject: event.subject ?? null,
        details: JSON.stringify(event.details ?? {}),
      };
      const entry = Object.assign(new AuditEntryEntity(), fields, { prevHash, hash: entryHash(prevHash, fields) });
      prevHash = entry.hash;
      return entry;
    });
  }

  /** Appends in a transaction of its own (for actions that change nothing else in the database). */
  appendAlone(event: AuditEvent): Promise<AuditEntryEntity> {
    return this.transactions.run((manager) => this.append(manager, event));
  }

  /** Checks the whole chain, a page at a time (never the whole log in memory), naming the first broken entry. */
  verify(): Promise<ChainCheck> {
    return checkChain(this.allEntries());
  }

  private async *allEntries(): AsyncGenerator<AuditEntryEntity> {
    for (let after = 0; ;) {
      const page = await this.list(after, 1000);
      if (page.length === 0) return;
      yield* page;
      after = page[page.length - 1].seq;
    }
  }

  /** Entries after `afterSeq`, oldest first, for auditors; narrowed by the filter's fields that are present. */
  list(afterSeq: number, limit: number, filter: AuditFilter = {}): Promise<AuditEntryEntity[]> {
    return this.filtered(filter, afterSeq).orderBy('a.seq', 'ASC').take(limit).getMany();
  }

  /** The newest entry the filter matches, if any: what a feature last recorded about a subject. */
  async latest(filter: AuditFilter): Promise<AuditEntryEntity | null> {
    return (await this.filtered(filter, 0).orderBy('a.seq', 'DESC').take(1).getMany())[0] ?? null;
  }

  private filtered(filter: AuditFilter, afterSeq: number) {
    checkAuditFilter(filter);
    const query = this.dataSource
      .getRepository(AuditEntryEntity)
      .createQueryBuilder('a')
      .where('a.seq > :afterSeq', { afterSeq });
    // `revocation` matches `revocation` and `revocation.*`; `_` (allowed in actions) is a LIKE wildcard, so escaped.
    if (filter.action !== undefined)
      query.andWhere("(a.action = :action OR a.action LIKE :actionPrefix ESCAPE '\\')", {
        action: filter.action,
        actionPrefix: `${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`,
      });
    if (filter.actor !== undefined) query.andWhere('a.actor = :actor', { actor: filter.actor });
    if (filter.authority !== undefined) query.andWhere('a.authority = :authority', { authority: filter.authority });
    if (filter.subject !== undefined) query.andWhere('a.subject = :subject', { subject: filter.subject });
    if (filter.from !== undefined) query.andWhere('a.at >= :from', { from: chinaDayStart(filter.from) });
    if (filter.to !== undefined) query.andWhere('a.at < :to', { to: chinaDayEnd(filter.to) });
    return query;
  }
}
