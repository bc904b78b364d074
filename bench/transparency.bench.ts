import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { AuditService } from '../src/audit/audit.service';
import { CertificatesService } from '../src/certificates/certificates.service';
import { parseConfig, APP_CONFIG } from '../src/config/app-config';
import { TransactionRunner } from '../src/database/transaction-runner';
import { readHashes } from '../src/transparency/log-hashes';
import {
  consistencyProof,
  hashesToStore,
  hashKeyId,
  inclusionProof,
  leafHash,
  withStoredHashes,
  type Hash,
} from '../src/transparency/merkle';
import type { LeafFacts } from '../src/transparency/log-leaf';
import { TransparencyLogService } from '../src/transparency/transparency-log.service';
import { ActWriter } from '../src/transparency/act-writer';
import { measure, sideBySide } from './measure';

const MILLION = 1_000_000;
const FACTS: LeafFacts = {
  kind: 'issuance',
  certificateNo: 'ZJZ2026000001',
  date: '2026-11-21',
  document: '浙市监人〔2026〕12号',
  subjectSha256: 'a'.repeat(64),
};

async function boot(databaseUrl: string) {
  const dir = mkdtempSync(join(tmpdir(), 'zjzc-bench-tlog-'));
  const config = parseConfig({ NODE_ENV: 'test', KEYS_DIR: join(dir, 'keys'), DATABASE_URL: databaseUrl });
  const { Test } = await import('@nestjs/testing');
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(APP_CONFIG)
    .useValue(config)
    .compile();
  moduleRef.useLogger(['error']);
  const app = await moduleRef.init();
  const ds = app.get(DataSource);
  for (const table of [
    'transparency_checkpoints',
    'transparency_log_hashes',
    'transparency_log_entries',
    'certificates',
    'certificate_sequences',
  ])
    await ds.query(`DELETE FROM ${table}`);
  return { app, ds, dir };
}

/**
 * Seeds the stored hashes of `size` leaves straight into PostgreSQL (computed here, inserted
 * 50,000 rows a statement) and `size` placeholder entries, so appends continue at `size`.
 */
async function seedPostgres(ds: DataSource, size: number): Promise<void> {
  const table = new Map<string, Hash>();
  const rows: Array<[number, number, string]> = [];
  for (let n = 0; n < size; n++) {
    const stored = hashesToStore(n, leafHash(Buffer.from(`seed ${n}`)), (l, i) => table.get(hashKeyId(l, i))!);
    for (const h of stored) {
      rows.push([h.level, h.index, Buffer.from(h.hash).toString('hex')]);
      table.set(hashKeyId(h.level, h.index), h.hash);
      // Only the right edge is read again while seeding: forget the rest.
      if (h.level > 0 || h.index % 2 === 1) table.delete(hashKeyId(h.level, h.index - 1));
    }
  }
  for (let at = 0; at < rows.length; at += 50_000) {
    const batch = rows.slice(at, at + 50_000);
    await ds.query(
      'INSERT INTO transparency_log_hashes (level, idx, hash) SELECT * FROM unnest($1::int[], $2::int[], $3::text[])',
      [batch.map((r) => r[0]), batch.map((r) => r[1]), batch.map((r) => r[2])],
    );
  }
  await ds.query(
    `INSERT INTO transparency_log_entries (idx, kind, certificate_no, leaf, created_at)
     SELECT g, 'issuance', NULL, 'seed', '2026-11-21T00:00:00.000Z' FROM generate_series(0, $1::int - 1) g`,
    [size],
  );
  // The append continues after the last signed size (a placeholder note: only the cost matters here).
  await ds.query(
    "INSERT INTO transparency_checkpoints (size, root_hash, note, created_at) VALUES ($1, $2, 'seed', '2026-11-21T00:00:00.000Z')",
    [size, '0'.repeat(64)],
  );
  await ds.query('ANALYZE transparency_log_hashes');
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timings(count: number, op: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    await op(i);
    out.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return out;
}

const line = (label: string, ms: number[]) =>
  console.log(`  ${label.padEnd(52)} p50 ${percentile(ms, 50).toFixed(2)} ms  p99 ${percentile(ms, 99).toFixed(2)} ms`);

/** Append cost at two sizes (O(log n)) and proof generation on a million-leaf tree, on PostgreSQL. */
export async function benchTransparencyPostgres(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
  const { app, ds } = await boot(url);
  const log = app.get(TransparencyLogService);
  const transactions = app.get(TransactionRunner);
  const audit = app.get(AuditService);
  await audit.appendAlone({ actor: 'bench', action: 'bench.start' });
  const append = () => transactions.run((m) => log.append(m, FACTS));
  console.log('\nTransparency log on PostgreSQL (stored subtree hashes, Go sumdb/tlog layout)');
  const results: Array<[number, number[]]> = [];
  for (const size of [1000, MILLION]) {
    for (const t of ['transparency_checkpoints', 'transparency_log_hashes', 'transparency_log_entries'])
      await ds.query(`DELETE FROM ${t}`);
    const seeded = Date.now();
    await seedPostgres(ds, size);
    console.log(
      `  seeded ${size.toLocaleString('en')} leaves' hashes and entries in ${((Date.now() - seeded) / 1000).toFixed(1)} s`,
    );
    await timings(50, append); // warm-up: connections, JIT
    const ms = await timings(300, append);
    line(`append at n ≈ ${size.toLocaleString('en')} (leaf, hashes, root, 2 signatures)`, ms);
    results.push([size, ms]);
  }
  const ratio = percentile(results[1][1], 50) / percentile(results[0][1], 50);
  console.log(
    `  append p50 at 1,000,000 / at 1,000: ${ratio.toFixed(2)} (O(log n): reads ≤ log₂ n = 20 stored hashes; target < 2)`,
  );
  const size = MILLION;
  const random = (i: number) => (i * 2_654_435_761) % size;
  const inclusion = await timings(2000, (i) =>
    withStoredHashes(
      (lookup) => inclusionProof(random(i), size, lookup),
      (keys) => readHashes(ds.manager, keys),
    ),
  );
  line('inclusion proof, random leaf of 1,000,000', inclusion);
  const consistency = await timings(2000, (i) =>
    withStoredHashes(
      (lookup) => consistencyProof(1 + random(i), size, lookup),
      (keys) => readHashes(ds.manager, keys),
    ),
  );
  line('consistency proof, random size → 1,000,000', consistency);
  console.log(
    `  proof p99 ${Math.max(percentile(inclusion, 99), percentile(consistency, 99)).toFixed(2)} ms (target < 10 ms)`,
  );
  await app.close();
}

/**
 * Issuance throughput with and without the log, measured side by side in one process: "without"
 * is the same issuance with its acts' log leaves dropped on their way into the ActWriter (the
 * audit entry, the certificate row and the transaction stay), so the difference is exactly what
 * the log adds: the leaf's hashes and rows and the checkpoint cadence. Then, for scale, an append
 * in a transaction of its own, and the batch path: 50 appends and one checkpoint per transaction.
 */
export async function benchTransparencyIssuance(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'zjzc-bench-tlog-db-'));
  const { app } = await boot(`sqlite:${join(dir, 'bench.sqlite')}`);
  const certificates = app.get(CertificatesService);
  const log = app.get(TransparencyLogService);
  const transactions = app.get(TransactionRunner);
  const acts = app.get(ActWriter);
  const writeActs = acts.write.bind(acts);
  let logged = true;
  acts.write = (manager, list, options) =>
    writeActs(manager, logged ? list : list.map(({ event }) => ({ event })), options);
  let n = 0;
  const issue = () => certificates.issue(request(n++), { actor: 'bench', authority: null });
  // Alternated three rounds, best of each, so the machine's drift hits both alike.
  const [withLog, withoutLog] = await sideBySide(
    () => ((logged = true), measure('issuance with the log (sqlite)', issue)),
    () => ((logged = false), measure('issuance without the log (leaves dropped)', issue)),
  );
  logged = true;
  const append = await measure('log append, own transaction (checkpoint on the cadence)', () =>
    transactions.run((m) => log.append(m, FACTS)),
  );
  const batch = await measure('batch: 50 appends + one checkpoint, one transaction', () =>
    transactions.run(async (m) => {
      for (let i = 0; i < 50; i++) await log.append(m, FACTS, { checkpoint: false });
      await log.checkpoint(m);
    }),
  );
  console.log('\nIssuance throughput with the transparency log (one at a time)');
  for (const r of [withLog, withoutLog, append, batch])
    console.log(
      `  ${r.label.padEnd(52)} ${r.opsPerSecond.toFixed(0).padStart(8)} ops/s  ${r.microsPerOp.toFixed(1).padStart(8)} µs/op`,
    );
  console.log(
    `  ratio with/without, checkpoints signed on the cadence (the service): ${(withoutLog.microsPerOp / withLog.microsPerOp).toFixed(2)} (target ≥ 0.8)`,
  );
  console.log(
    `  a batch's append: ${(batch.microsPerOp / 50).toFixed(1)} µs each (one checkpoint per 50), beside ${append.microsPerOp.toFixed(1)} µs alone`,
  );
  console.log(
    '  (an append signs nothing: a checkpoint, two ECDSA P-256 signatures, covers every append since the last one;',
  );
  console.log('   it is signed at most every 500 ms, or at once when a proof is asked for — docs/transparency-log.md)');
  await app.close();
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function request(i: number) {
  const day = new Date(Date.UTC(1960, 0, 1) + (i % 10000) * 86400000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `330106${day}${String(Math.floor(i / 10000) % 1000).padStart(3, '0')}`;
  const sum = [...first17].reduce((acc, d, k) => acc + Number(d) * WEIGHTS[k], 0);
  const id = first17 + '10X98765432'[sum % 11];
  return {
    holder: {
      name: '张三',
      gender: Number(id[16]) % 2 === 1 ? ('男' as const) : ('女' as const),
      idNumber: id,
      employer: '浙江省计量科学研究院',
    },
    level: 'professor' as const,
    specialty: 'metrology' as const,
    evaluationYear: 2026,
    passedOn: '2026-11-20',
    approvalDocument: '浙市监人〔2026〕12号',
  };
}
