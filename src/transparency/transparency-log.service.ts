import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AUTHORITY_IDS, type AuthorityId } from '../keys/authority';
import { KeyStore } from '../keys/key-store';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { TransactionRunner } from '../database/transaction-runner';
import { insertRowSets, type InsertTarget, type RowSet } from '../database/insert-rows';
import { LOG_APPEND_LOCK, lockChains } from '../database/chain-locks';
import { preparedQuery } from '../database/prepared-query';
import { readAppendState, type AppendState } from './append-state';
import { appendLeaves } from './log-batch';
import {
  LOG_ORIGIN,
  base64ToBytes,
  bytesToBase64,
  importVerifierKey,
  verifyCheckpoint,
  type CheckpointCheck,
  type LogVerifier,
} from './checkpoint';
import { verifyInclusion } from './merkle-verify';
import { signCheckpoint, verifierKey, type NoteSigner } from './checkpoint-signer';
import { CheckpointEntity, LogEntryEntity } from './log-entities';
import { placeholders, readHashes } from './log-hashes';
import { encodeLeaf, type LeafFacts, type LogLeaf } from './log-leaf';
import {
  EMPTY_TREE_HASH,
  inclusionProof,
  consistencyProof,
  leafHash,
  nodeHash,
  treeHash,
  withStoredHashes,
  type Hash,
} from './merkle';

/** What the acting service knows; the log adds the audit chain head itself. */
/**
 * The checkpoint cadence (docs/transparency-log.md): after an append, the process signs a
 * checkpoint covering everything appended so far within this many milliseconds; a reader who
 * finds the log ahead of its latest checkpoint gets one signed on demand first.
 */
export const CHECKPOINT_DELAY_MS = 500;

/** A certificate's issuance leaf: its index and canonical text. */
type IssuanceEntry = Pick<LogEntryEntity, 'index' | 'leaf'>;

/** The statement reading a certificate's issuance entry, its number as parameter `placeholder`. */
function issuanceEntrySql(placeholder: string): string {
  return `SELECT idx, leaf FROM transparency_log_entries WHERE certificate_no = ${placeholder} AND kind = 'issuance'
          ORDER BY idx LIMIT 1`;
}

/** Checked checkpoint notes kept (the latest few: a verification proves against the newest). */
const CHECKED_NOTES_KEPT = 16;

export interface SignedCheckpoint {
  size: number;
  rootHash: string;
  note: string;
}

/** What a verifier learns about a certificate from the log: where, and whether the proof checks. */
export interface LogStanding {
  index: number;
  treeSize: number;
  /** The inclusion proof against the latest checkpoint verified, and both checkpoint signatures did. */
  inclusionVerified: boolean;
}

export interface InclusionProof {
  index: number;
  treeSize: number;
  leaf: string;
  leafHash: string;
  hashes: string[];
  checkpoint: string;
}

const LOG_ENTRIES_TARGET: InsertTarget = {
  table: 'transparency_log_entries',
  columns: [
    ['idx', 'int'],
    ['kind', 'text'],
    ['certificate_no', 'text'],
    ['leaf', 'text'],
    ['created_at', 'text'],
  ],
};

const LOG_HASHES_TARGET: InsertTarget = {
  table: 'transparency_log_hashes',
  columns: [
    ['level', 'int'],
    ['idx', 'int'],
    ['hash', 'text'],
  ],
};

/** An append computed in process (`planAppend`): its rows, and the tree it makes. */
export interface AppendPlan {
  size: number;
  root: Hash;
  now: string;
  rows: RowSet[];
}

/** The largest page of entries one request returns (an entry bundle holds 256). */
export const MAX_ENTRIES_PAGE = 1000;

/**
 * The public transparency log (docs/transparency-log.md): appends a leaf for each act inside the
 * act's own transaction, keeps the stored hashes of complete subtrees, and co-signs a checkpoint
 * by both authorities after each append.
 */
@Injectable()
export class TransparencyLogService implements OnModuleDestroy {
  private emptyCheckpoint?: SignedCheckpoint;
  private verifiers?: Promise<LogVerifier[]>;
  private readonly checkedNotes = new Map<string, Promise<CheckpointCheck>>();
  private pending?: NodeJS.Timeout;
  private signing?: Promise<void>;
  private readonly logger = new Logger(TransparencyLogService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: KeyStore,
    private readonly clock: Clock,
    private readonly transactions: TransactionRunner,
  ) {}

  /**
   * Appends one leaf anchored on the audit chain's head, inside the caller's transaction. The
   * service records its acts through ActWriter (the entry and its leaf in one insert); this
   * appends a leaf alone, as the transparency bench measures the log's share of an act. The
   * checkpoint follows within CHECKPOINT_DELAY_MS; `{ checkpoint: false }` schedules none.
   */
  async append(manager: EntityManager, facts: LeafFacts, options: { checkpoint?: boolean } = {}): Promise<number> {
    await lockChains(manager, [LOG_APPEND_LOCK]);
    // The audit head is the act's own entry, appended just before in this transaction.
    const state = await readAppendState(manager);
    if (!state.auditHead) throw new Error('a log entry anchors the audit entry of its act: append that first');
    const plan = this.planAppend(state, [{ ...facts, auditSeq: state.auditHead.seq, auditHash: state.auditHead.hash }]);
    await insertRowSets(manager, plan.rows);
    await this.finishAppend(manager, plan, options);
    return state.size;
  }

  /**
   * The rows and the new root of appending `leaves` after the tree `state` describes, computed in
   * process. For a writer that holds the log's lock, read the state and writes the rows itself
   * (with its other rows, src/certificates/certificate-writer.ts), then calls `finishAppend`.
   */
  planAppend(state: Pick<AppendState, 'size' | 'frontier'>, leaves: LogLeaf[]): AppendPlan {
    const first = state.size;
    const encoded = leaves.map((leaf) => encodeLeaf(leaf));
    const { stored, root } = appendLeaves(first, encoded.map(leafHash), new Map(state.frontier));
    const now = this.clock.now().toISOString();
    const decoder = new TextDecoder();
    return {
      size: first + leaves.length,
      root,
      now,
      rows: [
        {
          into: LOG_ENTRIES_TARGET,
          rows: leaves.map((leaf, k) => [first + k, leaf.kind, leaf.certificateNo, decoder.decode(encoded[k]), now]),
        },
        {
          into: LOG_HASHES_TARGET,
          rows: stored.map((h) => [h.level, h.index, Buffer.from(h.hash).toString('hex')]),
        },
      ],
    };
  }

  /**
   * After a planned append's rows are written: its checkpoint now (`checkpoint: true`), none
   * (`false`: the caller signs one at its batch's end), or one on the cadence (unset).
   */
  async finishAppend(manager: EntityManager, plan: AppendPlan, options: { checkpoint?: boolean } = {}): Promise<void> {
    if (options.checkpoint === true) await this.insertCheckpoint(manager, plan.size, plan.root, plan.now);
    else if (options.checkpoint !== false) this.scheduleCheckpoint();
  }

  /** Signs a checkpoint of the whole log soon, once for every append of the next moment. */
  private scheduleCheckpoint(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.signing = this.signNow()
        .catch((error: unknown) => this.logger.warn(`deferred checkpoint not signed: ${String(error)}`))
        .finally(() => (this.signing = undefined));
    }, CHECKPOINT_DELAY_MS);
    this.pending.unref();
  }

  private signNow(): Promise<void> {
    return this.transactions.run((manager) => this.checkpoint(manager));
  }

  /** A checkpoint still owed is signed by whoever reads the log next (or the next instance). */
  onModuleDestroy(): Promise<void> {
    return this.cancelDeferredCheckpoint();
  }

  /**
   * Drops the deferred checkpoint still owed and waits for one being signed, so that nothing
   * this process started writes to the log afterwards: at shutdown, and before anyone empties
   * the tables under it (a signing that read the old tree would otherwise store a checkpoint of
   * it after the emptying, for a tree that no longer exists).
   */
  async cancelDeferredCheckpoint(): Promise<void> {
    clearTimeout(this.pending);
    this.pending = undefined;
    await this.signing;
  }

  /**
   * Signs the current tree inside the caller's transaction (the end of a batch appended with
   * `{ checkpoint: false }`); nothing when its size is signed already.
   */
  async checkpoint(manager: EntityManager): Promise<void> {
    const [row] = await manager.query<Array<{ size: number | string; signed: number | string }>>(
      `SELECT (SELECT COALESCE(MAX(idx) + 1, 0) FROM transparency_log_hashes WHERE level = 0) AS size,
              (SELECT COALESCE(MAX(size), 0) FROM transparency_checkpoints) AS signed`,
    );
    const size = Number(row.size);
    if (size === 0 || size === Number(row.signed)) return;
    const { result: root } = await withStoredHashes(
      (lookup) => treeHash(size, lookup),
      (keys) => readHashes(manager, keys),
    );
    await this.insertCheckpoint(manager, size, root, this.clock.now().toISOString());
  }

  /**
   * One checkpoint per size, ever: when two instances sign the same size at once (each with its
   * own random ECDSA nonces, so different notes), the primary key keeps the first and the other
   * insert does nothing; everyone then reads the one kept.
   */
  private async insertCheckpoint(manager: EntityManager, size: number, root: Hash, now: string): Promise<void> {
    const note = signCheckpoint({ origin: LOG_ORIGIN, size, rootHash: root }, this.signers());
    const p = placeholders(manager);
    await manager.query(
      `INSERT INTO transparency_checkpoints (size, root_hash, note, created_at) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)})
       ON CONFLICT (size) DO NOTHING`,
      [size, Buffer.from(root).toString('hex'), note, now],
    );
  }

  /**
   * The latest co-signed checkpoint, covering every committed entry: when the log has grown past
   * the latest one kept (its deferred signing still due), one is signed now, so no reader ever
   * sees an entry missing. Before the first act, a freshly signed one of size 0.
   */
  async latestCheckpoint(): Promise<SignedCheckpoint> {
    let latest = await this.readLatest();
    if (latest && latest.logSize > latest.size) {
      await this.signNow();
      latest = await this.readLatest();
    }
    if (latest && latest.size > 0) return { size: latest.size, rootHash: latest.rootHash, note: latest.note };
    this.emptyCheckpoint ??= {
      size: 0,
      rootHash: Buffer.from(EMPTY_TREE_HASH).toString('hex'),
      note: signCheckpoint({ origin: LOG_ORIGIN, size: 0, rootHash: EMPTY_TREE_HASH }, this.signers()),
    };
    return this.emptyCheckpoint;
  }

  /**
   * The newest kept checkpoint (size 0 when none) with the log's size, in one statement; with
   * `entryOf`, that certificate's issuance entry in the same statement (a verification's path).
   */
  private async readLatest(
    entryOf?: string,
  ): Promise<(SignedCheckpoint & { logSize: number; entry?: IssuanceEntry }) | undefined> {
    const p = placeholders(this.dataSource.manager);
    const [row] = await preparedQuery<{
      log_size: number | string;
      size: number | string | null;
      root_hash: string | null;
      note: string | null;
      entry_idx?: number | string | null;
      entry_leaf?: string | null;
    }>(
      this.dataSource.manager,
      `SELECT (SELECT COALESCE(MAX(idx) + 1, 0) FROM transparency_log_hashes WHERE level = 0) AS log_size,
              c.size, c.root_hash, c.note${entryOf === undefined ? '' : ', e.idx AS entry_idx, e.leaf AS entry_leaf'}
       FROM (SELECT 1 AS one) AS x
       LEFT JOIN (SELECT size, root_hash, note FROM transparency_checkpoints ORDER BY size DESC LIMIT 1) AS c ON 1 = 1
       ${entryOf === undefined ? '' : `LEFT JOIN (${issuanceEntrySql(p(1))}) AS e ON 1 = 1`}`,
      entryOf === undefined ? [] : [entryOf],
    );
    if (!row) return undefined;
    return {
      logSize: Number(row.log_size),
      size: Number(row.size ?? 0),
      rootHash: row.root_hash ?? '',
      note: row.note ?? '',
      entry:
        row.entry_idx === null || row.entry_idx === undefined || row.entry_leaf == null
          ? undefined
          : { index: Number(row.entry_idx), leaf: row.entry_leaf },
    };
  }

  /** The latest checkpoint and a certificate's issuance entry: one statement when no checkpoint is owed. */
  private async latestWithEntry(
    certificateNo: string,
  ): Promise<{ checkpoint: SignedCheckpoint; entry: IssuanceEntry | undefined }> {
    const read = await this.readLatest(certificateNo);
    if (read && read.size > 0 && read.logSize <= read.size)
      return { checkpoint: { size: read.size, rootHash: read.rootHash, note: read.note }, entry: read.entry };
    // A checkpoint still owed (signed now) or an empty log: the general path.
    return { checkpoint: await this.latestCheckpoint(), entry: await this.issuanceEntry(certificateNo) };
  }

  /** The checkpoint kept for one tree size (the cadence kept one now and then; see latestCheckpoint). */
  async checkpointAt(size: number): Promise<SignedCheckpoint> {
    if (size === 0) return (await this.latestCheckpoint()).size === 0 ? this.latestCheckpoint() : this.unknownSize(0);
    const found = await this.dataSource.getRepository(CheckpointEntity).findOneBy({ size });
    if (!found) return this.unknownSize(size);
    return { size: found.size, rootHash: found.rootHash, note: found.note };
  }

  /** The issuance entry of a certificate, proven included in the latest tree or the one of `treeSize`. */
  async inclusionForCertificate(certificateNo: string, treeSize?: number): Promise<InclusionProof> {
    const notFound = () => new AppError('LOG_ENTRY_NOT_FOUND', `The log has no issuance entry for ${certificateNo}.`);
    let entry: IssuanceEntry | undefined;
    let checkpoint: SignedCheckpoint;
    if (treeSize === undefined) {
      ({ entry, checkpoint } = await this.latestWithEntry(certificateNo));
      if (!entry) throw notFound();
    } else {
      entry = await this.issuanceEntry(certificateNo);
      if (!entry) throw notFound();
      checkpoint = await this.checkpointAt(treeSize);
    }
    if (entry.index >= checkpoint.size)
      throw new AppError(
        'LOG_ENTRY_NOT_FOUND',
        `${certificateNo} was logged at index ${entry.index}, after the tree of size ${checkpoint.size}.`,
      );
    const { result } = await withStoredHashes(
      (lookup) => inclusionProof(entry.index, checkpoint.size, lookup),
      (keys) => readHashes(this.dataSource.manager, keys),
    );
    return {
      index: entry.index,
      treeSize: checkpoint.size,
      leaf: entry.leaf,
      leafHash: Buffer.from(leafHash(new TextEncoder().encode(entry.leaf))).toString('hex'),
      hashes: result.map((h) => bytesToBase64(h)),
      checkpoint: checkpoint.note,
    };
  }

  /** RFC 9162 consistency proof between two kept tree sizes. */
  async consistency(from: number, to: number): Promise<{ from: number; to: number; hashes: string[] }> {
    if (from < 1 || from > to)
      throw new AppError('LOG_PARAMETER_INVALID', 'A consistency proof needs 1 ≤ from ≤ to.', { field: 'from' });
    const latest = await this.latestCheckpoint();
    if (to > latest.size) return this.unknownSize(to);
    const { result } = await withStoredHashes(
      (lookup) => consistencyProof(from, to, lookup),
      (keys) => readHashes(this.dataSource.manager, keys),
    );
    return { from, to, hashes: result.map((h) => bytesToBase64(h)) };
  }

  /** Entries from `start`, oldest first, at most `limit`. */
  async entries(start: number, limit: number): Promise<LogEntryEntity[]> {
    return this.dataSource
      .getRepository(LogEntryEntity)
      .createQueryBuilder('e')
      .where('e.idx >= :start', { start })
      .orderBy('e.idx', 'ASC')
      .take(Math.min(limit, MAX_ENTRIES_PAGE))
      .getMany();
  }

  /** Each authority's verifier key (`name+id+key`), as verifiers pin them. */
  verifierKeys(): Record<AuthorityId, string> {
    return Object.fromEntries(
      AUTHORITY_IDS.map((authority) => [authority, verifierKey(this.keys.logKey(authority))]),
    ) as Record<AuthorityId, string>;
  }

  /** A certificate's issuance entry: one raw statement on every verification's path (no query building). */
  async issuanceEntry(certificateNo: string): Promise<IssuanceEntry | undefined> {
    const p = placeholders(this.dataSource.manager);
    const [row] = await this.dataSource.query<Array<{ idx: number | string; leaf: string }>>(issuanceEntrySql(p(1)), [
      certificateNo,
    ]);
    return row && { index: Number(row.idx), leaf: row.leaf };
  }

  /**
   * The certificate's issuance entry checked as any verifier would: the inclusion proof against
   * the latest checkpoint, and both signatures on it. Null when the log has no such entry.
   */
  async standingOf(certificateNo: string): Promise<LogStanding | null> {
    let proof: InclusionProof;
    try {
      proof = await this.inclusionForCertificate(certificateNo);
    } catch (error) {
      if (error instanceof AppError && error.code === 'LOG_ENTRY_NOT_FOUND') return null;
      throw error;
    }
    const checked = await this.checkedCheckpoint(proof.checkpoint);
    const included =
      checked.ok &&
      checked.checkpoint.size === proof.treeSize &&
      (await verifyInclusion(
        proof.index,
        proof.treeSize,
        leafHash(new TextEncoder().encode(proof.leaf)),
        proof.hashes.map(base64ToBytes),
        checked.checkpoint.rootHash,
        nodeHash,
      ));
    return { index: proof.index, treeSize: proof.treeSize, inclusionVerified: included };
  }

  /**
   * A checkpoint note checked against both authorities' log keys, once per note: a note is
   * immutable text, so its check is too, and every verification between two appends proves
   * inclusion against the same one (two ECDSA verifications saved per request).
   */
  private checkedCheckpoint(note: string): Promise<CheckpointCheck> {
    let check = this.checkedNotes.get(note);
    if (!check) {
      this.verifiers ??= Promise.all(
        Object.entries(this.verifierKeys()).map(([authority, vkey]) =>
          importVerifierKey(authority as AuthorityId, vkey),
        ),
      );
      const verifiers = this.verifiers;
      check = verifiers.then((v) => verifyCheckpoint(note, v));
      if (this.checkedNotes.size >= CHECKED_NOTES_KEPT) this.checkedNotes.clear();
      this.checkedNotes.set(note, check);
    }
    return check;
  }

  private signers(): NoteSigner[] {
    return AUTHORITY_IDS.map((authority) => this.keys.logKey(authority));
  }

  private unknownSize(size: number): never {
    throw new AppError('LOG_TREE_SIZE_UNKNOWN', `The log has no checkpoint of size ${size}.`, { treeSize: size });
  }
}
